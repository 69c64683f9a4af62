// The loopback HTTP bridge as an adapter: binding, status codes, auth header, body limits, SSE
// and static files. Uses a fake core; the real core's flow is in http-flow.test.ts.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge, DEFAULT_BODY_LIMIT, DEFAULT_IMPORT_BODY_LIMIT, type HttpBridge } from '../../../server/server.js';
import { createHttpApi, memoryTokenStore } from '../../../shared/httpApi.js';
import { ApiError } from '../../../shared/errors.js';
import { createFakeCore, type FakeCore } from './fakeCore.js';

let dir: string;
let core: FakeCore;
let bridge: HttpBridge;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-bridge-'));
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  mkdirSync(path.join(dir, 'data', 'media', 'ab'), { recursive: true });
  writeFileSync(path.join(dir, 'data', 'media', 'ab', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  mkdirSync(path.join(dir, 'data', 'published'), { recursive: true });
  writeFileSync(path.join(dir, 'data', 'published', 'index.html'), '<p>published</p>');
  writeFileSync(path.join(dir, 'data', 'secret.db'), 'secret');
  core = createFakeCore(path.join(dir, 'data'));
  bridge = createHttpBridge(core, { port: 0, staticDir, bodyLimit: 1024 * 1024 });
  base = await bridge.listen();
});

afterAll(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A raw request, so paths reach the server exactly as written (fetch would normalise `..`). */
function rawGet(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP bridge', () => {
  it('binds 127.0.0.1 only', async () => {
    const address = bridge.server.address() as net.AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a public method with 200 and the result as JSON', async () => {
    const res = await post('staff.list', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { staff: unknown[] }).staff).toHaveLength(1);
  });

  it('maps error codes to HTTP statuses with the error body', async () => {
    const signIn = (await (await post('session.signIn', { staffId: 1 })).json()) as { token: string };
    const auth = { Authorization: `Bearer ${signIn.token}` };
    const cases: [unknown, number, string][] = [
      [{ id: 404 }, 404, 'NOT_FOUND'],
      [{ id: 409 }, 409, 'CONFLICT'],
      [{ id: 423 }, 423, 'LOCKED'],
      [{ id: 500 }, 500, 'INTERNAL'],
      [{ id: 'x' }, 400, 'VALIDATION'],
      [{ id: 1, extra: true }, 400, 'VALIDATION'],
    ];
    for (const [input, status, code] of cases) {
      const res = await post('stories.get', input, auth);
      expect(res.status, JSON.stringify(input)).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string; details?: unknown } };
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
    }
    const conflict = (await (await post('stories.get', { id: 409 }, auth)).json()) as { error: { details: unknown } };
    expect(conflict.error.details).toEqual({ currentVersion: 3 });
  });

  it('needs the bearer token for non-public methods', async () => {
    expect((await post('stories.get', { id: 1 })).status).toBe(403);
    expect((await post('stories.get', { id: 1 }, { Authorization: 'Bearer nope' })).status).toBe(403);
    const { token } = (await (await post('session.signIn', { staffId: 1 })).json()) as { token: string };
    const res = await post('stories.get', { id: 7 }, { Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ story: { id: 7 } });
    expect(core.calls.at(-1)?.token).toBe(token);
  });

  it('refuses bad JSON, unknown methods, wrong verbs, form posts and oversized bodies', async () => {
    const bad = await post('staff.list', '{not json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');

    const unknown = await post('stories.explode', {});
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');

    expect((await fetch(`${base}/api/staff.list`)).status).toBe(405);
    expect((await fetch(`${base}/api`)).status).toBe(405);

    const form = await fetch(`${base}/api/staff.list`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(400);

    const big = await post('staff.list', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await rawGet('/', { Host: 'evil.example:80' });
    expect(res.status).toBe(403);
  });

  it('serves the renderer with a strict CSP and nosniff', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Newsdesk</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    // client-side routes get the app
    expect((await fetch(`${base}/stories/12`)).status).toBe(200);
  });

  it('serves media and published files only from their folders', async () => {
    const photo = await fetch(`${base}/media/ab/photo.jpg`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await fetch(`${base}/published/index.html`)).status).toBe(200);
    for (const p of [
      '/media/../secret.db',
      '/media/%2e%2e/secret.db',
      '/media/..%2fsecret.db',
      '/media/ab/..%2f..%2fsecret.db',
      '/published/../secret.db',
      '/../data/secret.db',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/media/ab%00/photo.jpg',
      '/media/',
    ]) {
      const res = await rawGet(p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('secret');
    }
  });

  it('pushes change events to every connected client over SSE, after sign-in only', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(403);
    const { token } = (await (await post('session.signIn', { staffId: 1 })).json()) as { token: string };
    const open = async () => {
      const controller = new AbortController();
      const res = await fetch(`${base}/api/events?token=${token}`, { signal: controller.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      return { reader, controller };
    };
    const a = await open();
    const b = await open();
    core.emit({ type: 'story.changed', storyId: 5, status: 'draft', version: 2 });
    for (const client of [a, b]) {
      let text = '';
      while (!text.includes('story.changed')) {
        const { value, done } = await client.reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      const line = text.split('\n').find((l) => l.startsWith('data: '));
      expect(JSON.parse(line!.slice(6))).toEqual({ type: 'story.changed', storyId: 5, status: 'draft', version: 2 });
      client.controller.abort();
    }
  });

  it('works with the renderer HTTP client: token kept, errors as ApiError, photo bytes as base64', async () => {
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore() });
    await expect(api.stories.get({ id: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { staff } = await api.session.signIn({ staffId: 1 });
    expect(staff.id).toBe(1);
    expect((await api.session.current({})).staff?.id).toBe(1);
    const error = await api.stories.get({ id: 409 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 3 } });
    const imported = (await api.photos.import({ files: [{ name: 'a.jpg', data: new Uint8Array([1, 2, 3, 250]) }] })) as unknown as {
      results: { kind: string }[];
    };
    expect(imported.results[0]?.kind).toBe('base64');
    const last = core.calls.at(-1)?.input as { files: { data: string }[] };
    expect(Buffer.from(last.files[0]!.data, 'base64')).toEqual(Buffer.from([1, 2, 3, 250]));
    await api.session.signOut({});
    await expect(api.stories.get({ id: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the large body limit for photos.import only; other methods answer 413 over a small one and reach nothing', async () => {
    const limited = createHttpBridge(core, { port: 0, staticDir: null, bodyLimit: 1024, importBodyLimit: 64 * 1024 });
    const at = await limited.listen();
    try {
      const { token } = (await (await post('session.signIn', { staffId: 1 })).json()) as { token: string };
      const send = (method: string, padding: number) =>
        fetch(`${at}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(method === 'photos.import' ? { files: [{ name: 'a.jpg', data: 'A'.repeat(padding) }] } : { id: 7, pad: 'x'.repeat(padding) }),
        });
      const before = core.calls.length;
      const refused = await send('stories.get', 8 * 1024);
      expect(refused.status).toBe(413);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.message).toContain('1024 bytes');
      expect(core.calls.length, 'the core never saw the refused call').toBe(before);

      // The same size is fine for an import, up to the import limit.
      const imported = await send('photos.import', 8 * 1024);
      expect(imported.status).toBe(200);
      expect(core.calls.length).toBe(before + 1);
      const tooBig = await send('photos.import', 100 * 1024);
      expect(tooBig.status).toBe(413);
      expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
      expect(core.calls.length).toBe(before + 1);
    } finally {
      await limited.close();
    }
  });

  it('defaults to 2 MB for ordinary methods and 200 MB for photos.import', async () => {
    expect(DEFAULT_BODY_LIMIT).toBe(2 * 1024 * 1024);
    expect(DEFAULT_IMPORT_BODY_LIMIT).toBe(200 * 1024 * 1024);
    const plain = createHttpBridge(core, { port: 0, staticDir: null });
    const at = await plain.listen();
    try {
      const { token } = (await (await post('session.signIn', { staffId: 1 })).json()) as { token: string };
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const three = 3 * 1024 * 1024;
      const before = core.calls.length;
      const save = await fetch(`${at}/api/stories.get`, { method: 'POST', headers, body: JSON.stringify({ id: 7, pad: 'x'.repeat(three) }) });
      expect(save.status).toBe(413);
      expect(core.calls.length).toBe(before);
      const imported = await fetch(`${at}/api/photos.import`, { method: 'POST', headers, body: JSON.stringify({ files: [{ name: 'a.jpg', data: 'A'.repeat(three) }] }) });
      expect(imported.status).toBe(200);
      expect(((await imported.json()) as { results: { length: number }[] }).results[0]?.length).toBe(three);
    } finally {
      await plain.close();
    }
  });
});
