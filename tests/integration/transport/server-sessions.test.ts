// Sessions over HTTP: the session is checked before a request body is read (an unauthenticated
// 150 MB upload is refused at once, unread), the HttpOnly SameSite=Strict cookie a sign-in sets
// and a sign-out clears, and a browser-like client that never holds its token.

import net from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsroomServer } from '../../../server/server.js';
import { SESSION_LIMITS } from '../../../core/staff/sessions.js';
import { createHttpApi } from '../../../shared/httpApi.js';
import type { ChangeEvent } from '../../../shared/domain.js';
import { ALICE, ALICE_PASSWORD, REPORTER, SETUP_CODE, type FakeCore } from './fakeCore.js';
import { signInAlice, startFakeServer } from './fakeServer.js';
import { bearer, browserFetch, post, startTestServer } from './httpTest.js';

let core: FakeCore;
let server: NewsroomServer;
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ core, server, base, stop } = await startFakeServer('sessions', (dir) => {
    mkdirSync(path.join(dir, 'data', 'media', 'ab'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'media', 'ab', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    return {};
  }));
});

afterAll(() => stop());

const signIn = () => signInAlice(base);

/**
 * Declares a body of `declared` bytes and keeps sending it in 64 KB pieces until the server
 * answers and closes: what it answered, how long that took and how much it had been sent.
 */
function uploadUntilRefused(pathname: string, headers: Record<string, string>, declared: number): Promise<{ response: string; ms: number; sent: number }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let response = '';
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, ms: Date.now() - started, sent });
    };
    const timer = setTimeout(() => reject(new Error(`no refusal within 10 s (sent ${sent} bytes): ${response}`)), 10_000);
    socket.on('data', (c: Buffer) => (response += c.toString('latin1')));
    socket.on('close', finish);
    socket.on('error', finish);
    const pump = () => {
      while (!done && sent < declared) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    const head = Object.entries({ Host: `127.0.0.1:${port}`, 'Content-Length': String(declared), ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`POST ${pathname} HTTP/1.1\r\n${head}\r\n`, pump);
  });
}

describe('the session is checked before the body', () => {
  it('refuses an unauthenticated 150 MB body at once, without reading it, and keeps serving', async () => {
    const declared = 150 * 1024 * 1024;
    for (const [pathname, type] of [
      ['/api/photos.import', 'application/json'],
      ['/api/photos.upload', 'application/octet-stream'],
      ['/api/stories.save', 'application/json'],
    ] as const) {
      const before = core.calls.length;
      const { response, ms, sent } = await uploadUntilRefused(pathname, { 'Content-Type': type, 'X-File-Name': 'big.jpg' }, declared);
      expect(response, pathname).toMatch(/^HTTP\/1\.1 401/);
      expect(response, pathname).toContain('"code":"UNAUTHENTICATED"');
      expect(response.toLowerCase(), pathname).toContain('connection: close');
      expect(ms, pathname).toBeLessThan(3000);
      // The connection was closed long before the body was through: it was not read.
      expect(sent, pathname).toBeLessThan(declared / 4);
      expect(core.calls.length, pathname).toBe(before);
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses a dead token the same way, asking the core once and calling nothing', async () => {
    const before = { calls: core.calls.length, auth: core.authentications };
    const { response } = await uploadUntilRefused('/api/photos.import', { 'Content-Type': 'application/json', ...bearer('forged-token') }, 50 * 1024 * 1024);
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(core.calls.length).toBe(before.calls);
    expect(core.authentications).toBe(before.auth + 1);
  });

  it("refuses a photo import from someone who may not import (a reporter's 150 MB) before reading it", async () => {
    const token = (await post(base, 'session.signIn', { email: REPORTER.email, password: ALICE_PASSWORD })).json.token as string;
    for (const [pathname, type] of [
      ['/api/photos.import', 'application/json'],
      ['/api/photos.upload', 'application/octet-stream'],
    ] as const) {
      const before = core.calls.length;
      const { response, ms, sent } = await uploadUntilRefused(pathname, { 'Content-Type': type, 'X-File-Name': 'big.jpg', ...bearer(token) }, 150 * 1024 * 1024);
      expect(response, pathname).toMatch(/^HTTP\/1\.1 403/);
      expect(response, pathname).toContain('Only a photo editor may import photos.');
      expect(ms, pathname).toBeLessThan(3000);
      expect(sent, pathname).toBeLessThan((150 * 1024 * 1024) / 4);
      expect(core.calls.length, pathname).toBe(before);
    }
  });

  it('refuses a signed-in body over its cap with 413 naming the cap, before the core sees it', async () => {
    const token = await signIn();
    const before = core.calls.length;
    const { response, ms } = await uploadUntilRefused('/api/stories.save', { 'Content-Type': 'application/json', ...bearer(token) }, 150 * 1024 * 1024);
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(response).toContain('The request body is larger than the 2 MB stories.save accepts.');
    expect(ms).toBeLessThan(3000);
    expect(core.calls.length).toBe(before);
  });

  it('needs a session for the event stream and for /media/', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/media/ab/photo.jpg`)).status).toBe(401);
    const token = await signIn();
    expect((await fetch(`${base}/media/ab/photo.jpg`, { headers: bearer(token) })).status).toBe(200);
  });
});

describe('the session cookie', () => {
  it('is set on sign-in: HttpOnly, SameSite=Strict, Path=/, for as long as the session can live; not Secure over loopback HTTP; the JSON keeps the token', async () => {
    const res = await fetch(`${base}/api/session.signIn`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ALICE.email, password: ALICE_PASSWORD }),
    });
    const body = (await res.json()) as { token: string; expiresAt: string };
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^newsdesk_session=${body.token};`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    // Not the idle expiry of the answer, which moves on with each use: the session's absolute limit.
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie ?? '')?.[1]);
    expect(maxAge * 1000).toBeGreaterThanOrEqual(Date.parse(body.expiresAt) - Date.now() - 5000);
    expect(Math.abs(maxAge - SESSION_LIMITS.absoluteMs / 1000)).toBeLessThan(5);
  });

  it("refuses a browser's sign-in that asks for a desktop's 90-day session, and sets no cookie", async () => {
    const res = await post(base, 'session.signIn', { email: ALICE.email, password: ALICE_PASSWORD, desktop: { name: 'laptop' } }, { Origin: base });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Only the Newsdesk desktop app/) });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('is set on set-up, and marked Secure when the public URL is https', async () => {
    const proxied = await startTestServer(core, { publicUrl: 'https://newsroom.example.com', behindProxy: true });
    try {
      const res = await fetch(`${proxied.server.localUrl}/api/session.setUp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Host: 'newsroom.example.com', Origin: 'https://newsroom.example.com' },
        body: JSON.stringify({ code: SETUP_CODE, password: 'a long new password' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()[0]).toMatch(/^newsdesk_session=.+; Secure/);
    } finally {
      await proxied.server.close();
    }
  });

  it('is cleared by sign-out and by ending every session, and never by a refused sign-in', async () => {
    const browser = browserFetch(base);
    const call = (method: string, input: unknown) =>
      browser.fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    await call('session.signIn', { email: ALICE.email, password: ALICE_PASSWORD });
    expect(browser.cookies.has('newsdesk_session')).toBe(true);
    expect((await call('session.signIn', { email: ALICE.email, password: 'wrong password' })).status).toBe(401);
    expect(browser.cookies.has('newsdesk_session')).toBe(true);
    const signedOut = await call('session.signOut', {});
    expect(signedOut.headers.getSetCookie()[0]).toMatch(/^newsdesk_session=;.*Max-Age=0|^newsdesk_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(browser.cookies.has('newsdesk_session')).toBe(false);

    await call('session.signIn', { email: ALICE.email, password: ALICE_PASSWORD });
    expect(browser.cookies.has('newsdesk_session')).toBe(true);
    expect((await call('session.end', { everywhere: true })).status).toBe(200);
    expect(browser.cookies.has('newsdesk_session')).toBe(false);
  });

  it('carries a browser client that never holds its token: calls, the event stream and sign-out', async () => {
    const browser = browserFetch(base);
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => browser.fetch(url, init) });
    const seen: ChangeEvent[] = [];
    api.onEvent((e) => seen.push(e));
    const states: string[] = [];
    api.onConnection((s) => states.push(s));
    const answer = await api.session.signIn({ email: ALICE.email, password: ALICE_PASSWORD });
    // A browser's answer leaves the token out: the page never holds it, only the HttpOnly cookie does.
    expect(answer).not.toHaveProperty('token');
    expect(answer.staff).toMatchObject({ email: ALICE.email });
    const token = browser.cookies.get('newsdesk_session');
    expect(token).toMatch(/^tok-/);
    expect(await api.stories.get({ id: 5 })).toEqual({ story: { id: 5 } });
    expect(core.calls.at(-1)?.token).toBe(token);
    // The event stream opened with the cookie.
    await expect.poll(() => server.events.size).toBeGreaterThan(0);
    core.emit({ type: 'story.changed', storyId: 5, status: 'draft', version: 9 });
    await expect.poll(() => seen.some((e) => e.type === 'story.changed')).toBe(true);
    await api.session.signOut({});
    expect(browser.cookies.has('newsdesk_session')).toBe(false);
    await expect(api.stories.get({ id: 5 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(states).toEqual(['online']);
  });
});
