// The newsroom server as an adapter: binding, status codes, sessions by bearer header, body
// limits, SSE and static files. Uses a fake core; the real core's flow is in http-flow.test.ts.

import { mkdirSync, writeFileSync } from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type NewsroomServer } from '../../../server/server.js';
import { deviceOf } from '../../../server/client.js';
import { createHttpApi, memoryTokenStore } from '../../../shared/httpApi.js';
import { ApiError } from '../../../shared/errors.js';
import { ALICE, ALICE_PASSWORD, type FakeCore } from './fakeCore.js';
import { startFakeServer } from './fakeServer.js';
import { bearer, framesOf, post, rawRequest, readStream, startTestServer } from './httpTest.js';

let core: FakeCore;
let server: NewsroomServer;
let base: string;
let token: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ core, server, base, stop } = await startFakeServer('server', (dir) => {
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    mkdirSync(path.join(dir, 'data', 'media', 'ab'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'media', 'ab', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    mkdirSync(path.join(dir, 'data', 'published'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'published', 'index.html'), '<p>published</p>');
    writeFileSync(path.join(dir, 'data', 'secret.db'), 'secret');
    return { staticDir, limits: { body: 1024 * 1024 } };
  }));
  token = await signIn();
});

afterAll(() => stop());

async function signIn(at = base): Promise<string> {
  const res = await post(at, 'session.signIn', { email: ALICE.email, password: ALICE_PASSWORD });
  expect(res.status).toBe(200);
  return res.json.token as string;
}

describe('the newsroom server', () => {
  it('binds 127.0.0.1 by default', async () => {
    const address = server.server.address() as net.AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a public method with 200 and the result as JSON', async () => {
    const res = await post(base, 'session.access', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toEqual({ demo: false, demoPassword: null, needsFirstAdmin: false });
  });

  it('answers /healthz without a session', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('maps error codes to HTTP statuses with the error body', async () => {
    const auth = bearer(token);
    const cases: [unknown, number, string][] = [
      [{ id: 404 }, 404, 'NOT_FOUND'],
      [{ id: 409 }, 409, 'CONFLICT'],
      [{ id: 423 }, 423, 'LOCKED'],
      [{ id: 500 }, 500, 'INTERNAL'],
      [{ id: 'x' }, 400, 'VALIDATION'],
      [{ id: 1, extra: true }, 400, 'VALIDATION'],
    ];
    for (const [input, status, code] of cases) {
      const res = await post(base, 'stories.get', input, auth);
      expect(res.status, JSON.stringify(input)).toBe(status);
      expect(res.json.error?.code).toBe(code);
      expect(typeof res.json.error?.message).toBe('string');
    }
    const conflict = await post(base, 'stories.get', { id: 409 }, auth);
    expect(conflict.json.error?.details).toEqual({ currentVersion: 3 });
  });

  it('needs a live session for non-public methods: 401 UNAUTHENTICATED without or with a dead token', async () => {
    for (const headers of [{}, bearer('nope')]) {
      const res = await post(base, 'stories.get', { id: 1 }, headers);
      expect(res.status).toBe(401);
      expect(res.json.error?.code).toBe('UNAUTHENTICATED');
    }
    const res = await post(base, 'stories.get', { id: 7 }, bearer(token));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ story: { id: 7 } });
    expect(core.calls.at(-1)?.token).toBe(token);
  });

  it('tells the core who is calling: the address and the device from the User-Agent', async () => {
    await post(
      base,
      'stories.get',
      { id: 8 },
      { ...bearer(token), 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' },
    );
    expect(core.calls.at(-1)?.client).toEqual({ address: '127.0.0.1', device: 'Chrome on Linux' });
    const devices: [string, string][] = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Windows'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0', 'Edge on Windows'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
      ['curl/8.5.0', 'curl (script)'],
      ['', 'Unknown device'],
    ];
    for (const [ua, device] of devices) expect(deviceOf(ua), ua).toBe(device);
  });

  it('refuses bad JSON, unknown methods, wrong verbs, form posts and oversized bodies', async () => {
    const bad = await post(base, 'session.current', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('VALIDATION');

    const unknown = await post(base, 'stories.explode', {});
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe('NOT_FOUND');

    expect((await fetch(`${base}/api/staff.list`)).status).toBe(405);
    expect((await fetch(`${base}/api`)).status).toBe(405);

    const form = await fetch(`${base}/api/session.current`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(400);

    const big = await post(base, 'stories.get', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }), bearer(token));
    expect(big.status).toBe(413);
    expect(big.json.error?.code).toBe('VALIDATION');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await rawRequest(base, '/', { headers: { Host: 'evil.example:80' } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
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

  it('serves media and published files only from their folders, and only with a session', async () => {
    expect((await fetch(`${base}/media/ab/photo.jpg`)).status).toBe(401);
    expect((await fetch(`${base}/published/index.html`)).status).toBe(401);
    const photo = await fetch(`${base}/media/ab/photo.jpg`, { headers: bearer(token) });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await fetch(`${base}/published/index.html`, { headers: bearer(token) })).status).toBe(200);
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
      const res = await rawRequest(base, p, { headers: bearer(token) });
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('secret');
    }
  });

  it('pushes change events to every connected client over SSE, after sign-in only', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const open = async () => {
      const res = await fetch(`${base}/api/events`, { headers: bearer(token) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      return res;
    };
    const a = await open();
    const b = await open();
    core.emit({ type: 'story.changed', storyId: 5, status: 'draft', version: 2 });
    for (const client of [a, b]) {
      const text = await readStream(client, (t) => t.includes('story.changed'));
      const frames = framesOf(text).filter((f) => f.data.type === 'story.changed');
      expect(frames.map((f) => f.data)).toEqual([{ type: 'story.changed', storyId: 5, status: 'draft', version: 2 }]);
    }
  });

  it('works with the HTTP client: token kept, errors as ApiError, photo bytes streamed and base64 kept for scripts', async () => {
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(), events: false });
    await expect(api.stories.get({ id: 1 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const { staff } = await api.session.signIn({ email: ALICE.email, password: ALICE_PASSWORD });
    expect(staff.id).toBe(1);
    expect((await api.session.current({})).staff?.id).toBe(1);
    const error = await api.stories.get({ id: 409 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 3 } });

    const imported = (await api.photos.import({ files: [{ name: 'a.jpg', data: new Uint8Array([1, 2, 3, 250]) }] })) as unknown as { results: { kind: string }[] };
    expect(imported.results[0]?.kind).toBe('bytes');
    const streamed = core.calls.at(-1)?.input as { files: { data: Uint8Array }[] };
    expect(Buffer.from(streamed.files[0]!.data)).toEqual(Buffer.from([1, 2, 3, 250]));

    const scripted = (await api.photos.import({ files: [{ name: 'b.jpg', data: Buffer.from([1, 2, 3, 250]).toString('base64') }] })) as unknown as {
      results: { kind: string }[];
    };
    expect(scripted.results[0]?.kind).toBe('base64');
    const last = core.calls.at(-1)?.input as { files: { data: string }[] };
    expect(Buffer.from(last.files[0]!.data, 'base64')).toEqual(Buffer.from([1, 2, 3, 250]));

    await api.session.signOut({});
    await expect(api.stories.get({ id: 1 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps the large body limit for photos.import only; other methods answer 413 over a small one and reach nothing', async () => {
    const limited = await startTestServer(core, { limits: { body: 1024, importBody: 64 * 1024 } });
    try {
      const send = (method: string, padding: number) =>
        post(
          limited.base,
          method,
          method === 'photos.import' ? { files: [{ name: 'a.jpg', data: 'A'.repeat(padding) }] } : { id: 7, pad: 'x'.repeat(padding) },
          bearer(token),
        );
      const before = core.calls.length;
      const refused = await send('stories.get', 8 * 1024);
      expect(refused.status).toBe(413);
      expect(refused.json.error?.code).toBe('VALIDATION');
      expect(refused.json.error?.message).toContain('1024 bytes');
      expect(core.calls.length, 'the core never saw the refused call').toBe(before);

      // The same size is fine for an import, up to the import limit.
      const imported = await send('photos.import', 8 * 1024);
      expect(imported.status).toBe(200);
      expect(core.calls.length).toBe(before + 1);
      const tooBig = await send('photos.import', 100 * 1024);
      expect(tooBig.status).toBe(413);
      expect(tooBig.json.error?.code).toBe('VALIDATION');
      expect(core.calls.length).toBe(before + 1);
    } finally {
      await limited.server.close();
    }
  });

  it('defaults to 16 KB for public methods, 2 MB for the others and 200 MB for photos.import', async () => {
    expect(DEFAULT_LIMITS).toMatchObject({ publicBody: 16 * 1024, body: 2 * 1024 * 1024, importBody: 200 * 1024 * 1024, uploadFile: 100 * 1024 * 1024 });
    const plain = await startTestServer(core);
    try {
      const three = 3 * 1024 * 1024;
      const before = core.calls.length;
      const save = await post(plain.base, 'stories.get', { id: 7, pad: 'x'.repeat(three) }, bearer(token));
      expect(save.status).toBe(413);
      expect(core.calls.length).toBe(before);
      const signIn = await post(plain.base, 'session.signIn', { email: ALICE.email, password: 'x'.repeat(17 * 1024) });
      expect(signIn.status).toBe(413);
      expect(signIn.json.error?.message).toContain('16384 bytes session.signIn accepts');
      expect(core.calls.length).toBe(before);
      const imported = await post(plain.base, 'photos.import', { files: [{ name: 'a.jpg', data: 'A'.repeat(three) }] }, bearer(token));
      expect(imported.status).toBe(200);
      expect((imported.json as { results: { length: number }[] }).results[0]?.length).toBe(three);
    } finally {
      await plain.server.close();
    }
  });
});
