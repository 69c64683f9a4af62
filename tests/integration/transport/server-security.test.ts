// What the server refuses before anything is read or changed: foreign Host names, cross-site
// POSTs (a foreign or missing Origin with the session cookie), bodies that are not JSON, tokens in
// URLs, verbs it does not answer, CORS; and the security headers it sends (HSTS only under TLS,
// or behind a proxy at an https address). Against a fake core: the rules are the transport's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCore } from './fakeCore.js';
import { signInAlice, startFakeServer } from './fakeServer.js';
import { bearer, post, rawRequest, startTestServer } from './httpTest.js';

let core: FakeCore;
let base: string;
let token: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ core, base, stop } = await startFakeServer('security'));
  token = await signInAlice(base);
});

afterAll(() => stop());

const cookie = (t: string) => ({ Cookie: `newsdesk_session=${t}` });
const json = { 'Content-Type': 'application/json' };

describe('Host', () => {
  it('answers the loopback names on loopback, and refuses every other name with 403 and a JSON error, calling nothing', async () => {
    const { port } = new URL(base);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest(base, '/healthz', { headers: { Host: host } })).status, host).toBe(200);
    }
    const before = core.calls.length;
    for (const host of ['evil.example', `evil.example:${port}`, 'newsroom.example.com', `127.0.0.1.evil.example:${port}`]) {
      const res = await rawRequest(base, '/api/stories.get', { method: 'POST', headers: { Host: host, ...json, ...bearer(token) }, body: '{"id":1}' });
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect(core.calls.length).toBe(before);
  });

  it('with a public URL answers its host name only (plus loopback names when on loopback)', async () => {
    const other = await startTestServer(core, { publicUrl: 'https://newsroom.example.com' });
    try {
      expect((await rawRequest(other.server.localUrl, '/healthz', { headers: { Host: 'newsroom.example.com' } })).status).toBe(200);
      expect((await rawRequest(other.server.localUrl, '/healthz', { headers: { Host: 'localhost' } })).status).toBe(200);
      expect((await rawRequest(other.server.localUrl, '/healthz', { headers: { Host: 'intranet.example.com' } })).status).toBe(403);
      expect(other.base).toBe('https://newsroom.example.com');
    } finally {
      await other.server.close();
    }
  });

  it('believes X-Forwarded-Host only behind a proxy', async () => {
    const direct = await startTestServer(core, { publicUrl: 'https://newsroom.example.com' });
    const proxied = await startTestServer(core, { publicUrl: 'https://newsroom.example.com', behindProxy: true });
    try {
      const headers = { Host: 'evil.example', 'X-Forwarded-Host': 'newsroom.example.com' };
      expect((await rawRequest(direct.server.localUrl, '/healthz', { headers })).status).toBe(403);
      expect((await rawRequest(proxied.server.localUrl, '/healthz', { headers })).status).toBe(200);
    } finally {
      await direct.server.close();
      await proxied.server.close();
    }
  });
});

describe('the client address', () => {
  it('is the socket’s own; X-Forwarded-For counts only behind a proxy, and only the hop the proxy added', async () => {
    const spoof = { ...bearer(token), 'X-Forwarded-For': '198.51.100.9' };
    await post(base, 'stories.get', { id: 1 }, spoof);
    expect(core.calls.at(-1)?.client?.address).toBe('127.0.0.1');
    const proxied = await startTestServer(core, { publicUrl: 'https://newsroom.example.com', behindProxy: true });
    try {
      const headers = { Host: 'newsroom.example.com', Origin: 'https://newsroom.example.com', ...bearer(token) };
      // The client claimed 198.51.100.9; the proxy appended the address it saw.
      await post(proxied.server.localUrl, 'stories.get', { id: 1 }, { ...headers, 'X-Forwarded-For': '198.51.100.9, 203.0.113.7' });
      expect(core.calls.at(-1)?.client?.address).toBe('203.0.113.7');
    } finally {
      await proxied.server.close();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a POST with the cookie and a foreign or missing Origin (403), calling nothing', async () => {
    const before = core.calls.length;
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1', undefined]) {
      const headers: Record<string, string> = { ...json, ...cookie(token), ...(origin ? { Origin: origin } : {}) };
      const res = await rawRequest(base, '/api/stories.save', { method: 'POST', headers, body: '{"id":1}' });
      expect(res.status, String(origin)).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect(core.calls.length).toBe(before);
  });

  it('takes the cookie with the own Origin, and a bearer token without an Origin (scripts)', async () => {
    const own = await post(base, 'stories.get', { id: 3 }, { ...cookie(token), Origin: base });
    expect(own.status).toBe(200);
    const localhost = await post(base, 'stories.get', { id: 3 }, { ...cookie(token), Origin: base.replace('127.0.0.1', 'localhost') });
    expect(localhost.status).toBe(200);
    const script = await post(base, 'stories.get', { id: 3 }, bearer(token));
    expect(script.status).toBe(200);
    // A foreign Origin is refused even with a bearer token.
    expect((await post(base, 'stories.get', { id: 3 }, { ...bearer(token), Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('takes only JSON, and never answers CORS', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const res = await rawRequest(base, '/api/stories.get', { method: 'POST', headers: { 'Content-Type': type, Origin: base, ...cookie(token) }, body: '{"id":1}' });
      expect(res.status, type).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    const preflight = await rawRequest(base, '/api/stories.get', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(405);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const answer = await post(base, 'stories.get', { id: 1 }, { ...bearer(token), Origin: base });
    expect([...answer.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses a session token in a URL query, anywhere (400)', async () => {
    for (const p of [`/api/events?token=${token}`, `/media/ab/x.jpg?access_token=${token}`, `/?newsdesk_session=${token}`, `/api/session.current?token=x`]) {
      const res = p.startsWith('/api/session') ? await rawRequest(base, p, { method: 'POST', headers: json, body: '{}' }) : await rawRequest(base, p);
      expect(res.status, p).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    // Other queries are fine.
    expect((await rawRequest(base, '/healthz?q=token')).status).toBe(200);
  });

  it('answers only GET, HEAD and POST', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await rawRequest(base, '/api/stories.get', { method, headers: { ...json, ...bearer(token) }, body: '{"id":1}' });
      expect(res.status, method).toBe(405);
    }
  });
});

describe('security headers', () => {
  it('sends the app CSP with frame-ancestors none, nosniff, no-referrer, DENY framing and no HSTS over plain HTTP', async () => {
    for (const p of ['/healthz', '/api/session.current']) {
      const res = p === '/healthz' ? await fetch(`${base}${p}`) : await fetch(`${base}${p}`, { method: 'POST', headers: json, body: '{}' });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), p).toBeNull();
    }
  });

  it('sends HSTS behind a proxy at an https public URL', async () => {
    const proxied = await startTestServer(core, { publicUrl: 'https://newsroom.example.com', behindProxy: true });
    try {
      const res = await rawRequest(proxied.server.localUrl, '/healthz', { headers: { Host: 'newsroom.example.com' } });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.server.close();
    }
  });
});
