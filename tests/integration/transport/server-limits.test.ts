// What keeps one client from spoiling the server for the others: request rates (by session when
// signed in, by address otherwise: a whole newsroom behind one address autosaving is never
// limited), Node's header and request timeouts against slow-loris clients, and the access log,
// which names who did what without a secret.

import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, ALICE_PASSWORD, createFakeCore, type FakeCore } from './fakeCore.js';
import { bearer, post, startTestServer } from './httpTest.js';

let dir: string;
let core: FakeCore;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-limits-'));
  core = createFakeCore(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const credentials = { email: ALICE.email, password: ALICE_PASSWORD };

describe('rate limits', () => {
  it('hold back an address without a session: 429 RATE_LIMITED with when to retry', async () => {
    const { server, base } = await startTestServer(core, { rateLimits: { signedOutPerMinute: 5 } });
    try {
      for (let i = 0; i < 5; i++) expect((await post(base, 'session.access', {})).status).toBe(200);
      const limited = await post(base, 'session.access', {});
      expect(limited.status).toBe(429);
      expect(limited.json.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Each public call has its own allowance: flooding one does not keep a colleague from signing in.
      expect((await post(base, 'session.signIn', credentials)).status).toBe(200);
      // The app's own files and /healthz are never held back.
      for (let i = 0; i < 10; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('never hold back 100 signed-in people on one address autosaving every 5 s for a minute', async () => {
    const { server, base } = await startTestServer(core);
    try {
      const tokens: string[] = [];
      for (let i = 0; i < 100; i++) tokens.push((await post(base, 'session.signIn', credentials)).json.token as string);
      const statuses = new Map<number, number>();
      // A minute of autosaves: 12 per person, all from 127.0.0.1.
      for (let round = 0; round < 12; round++) {
        const answers = await Promise.all(tokens.map((t) => post(base, 'stories.get', { id: round + 1 }, bearer(t))));
        for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({ 200: 1200 });
    } finally {
      await server.close();
    }
  });

  it('count a signed-in session apart from its address', async () => {
    const { server, base } = await startTestServer(core, { rateLimits: { signedOutPerMinute: 3, signedInPerMinute: 4 } });
    try {
      const token = (await post(base, 'session.signIn', credentials)).json.token as string;
      for (let i = 0; i < 4; i++) expect((await post(base, 'stories.get', { id: 1 }, bearer(token))).status).toBe(200);
      expect((await post(base, 'stories.get', { id: 1 }, bearer(token))).status).toBe(429);
      // The address still has its own allowance left.
      expect((await post(base, 'session.access', {})).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('slow clients', () => {
  it('cuts a client that trickles its headers while everyone else is served', async () => {
    const { server, base } = await startTestServer(core, { timeouts: { headersMs: 1000 } });
    try {
      const { port } = new URL(base);
      const socket = net.connect(Number(port), '127.0.0.1');
      const started = Date.now();
      let response = '';
      socket.on('data', (c: Buffer) => (response += c.toString()));
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
      socket.on('error', () => undefined);
      socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      const trickle = setInterval(() => socket.writable && socket.write('X-Slow: y\r\n'), 200);
      // Meanwhile the server answers others at once.
      for (let i = 0; i < 5; i++) {
        const t = Date.now();
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        expect(Date.now() - t).toBeLessThan(500);
        await new Promise((r) => setTimeout(r, 100));
      }
      const ms = await closed;
      clearInterval(trickle);
      expect(ms).toBeLessThan(3500);
      expect(response).not.toContain('"ok":true');
    } finally {
      await server.close();
    }
  });

  it('cuts a client that trickles its body', async () => {
    const { server, base } = await startTestServer(core, { timeouts: { requestMs: 1500 } });
    try {
      const { port } = new URL(base);
      const socket = net.connect(Number(port), '127.0.0.1');
      const started = Date.now();
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
      socket.on('error', () => undefined);
      socket.write(`POST /api/session.signIn HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`);
      const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
      const ms = await closed;
      clearInterval(trickle);
      expect(ms).toBeLessThan(4000);
    } finally {
      await server.close();
    }
  });
});

describe('the access log', () => {
  it('has one line per request but an answered health check: time, method, path without query, status, ms, staff id or -, address; no secret', async () => {
    const lines: string[] = [];
    const { server, base } = await startTestServer(core, { accessLog: (line) => lines.push(line) });
    try {
      const signIn = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
      const { token } = (await signIn.json()) as { token: string };
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      await post(base, 'stories.get', { id: 3 }, bearer(token));
      await fetch(`${base}/healthz`);
      await fetch(`${base}/no-such-file?q=private-search`, { headers: { Cookie: cookie } });
      await post(base, 'stories.get', { id: 3 }, bearer('forged-token-value'));
      await expect.poll(() => lines.length).toBe(4);
      expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST \/api\/session\.signIn 200 \d+ms - 127\.0\.0\.1$/);
      expect(lines[1]).toMatch(/ POST \/api\/stories\.get 200 \d+ms 1 127\.0\.0\.1$/);
      // The answered /healthz (a connected desktop asks every 2 s) has no line; the next request does, without its query.
      expect(lines[2]).toMatch(/ GET \/no-such-file 404 \d+ms - 127\.0\.0\.1$/);
      expect(lines[3]).toMatch(/ POST \/api\/stories\.get 401 \d+ms - 127\.0\.0\.1$/);
      const all = lines.join('\n');
      for (const secret of [token, ALICE_PASSWORD, 'private-search', 'forged-token-value', 'newsdesk_session', ALICE.email]) expect(all).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
