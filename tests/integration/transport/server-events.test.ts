// The event stream survives a blip: every frame has an id (`<run>-<seq>`), a reconnect with
// Last-Event-ID gets what it missed in order, an id it cannot serve (another run, too old,
// malformed) gets one `resync` event, heartbeats keep it alive, and a stream whose session ended
// is closed. The HTTP client reconnects with back-off, resumes, reports its state and stops on 401.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsroomServer } from '../../../server/server.js';
import { MAX_STREAMS_PER_SESSION } from '../../../server/events.js';
import { createHttpApi, memoryTokenStore } from '../../../shared/httpApi.js';
import type { ChangeEvent } from '../../../shared/domain.js';
import { ALICE, ALICE_PASSWORD, type FakeCore } from './fakeCore.js';
import { signInAlice, startFakeServer } from './fakeServer.js';
import { bearer, framesOf, post, readStream, startTestServer } from './httpTest.js';

let core: FakeCore;
let server: NewsroomServer;
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ core, server, base, stop } = await startFakeServer('events', () => ({ events: { heartbeatMs: 200, log: { maxEvents: 5 } } })));
});

afterAll(() => stop());

const signIn = (at = base) => signInAlice(at);
const changed = (storyId: number): ChangeEvent => ({ type: 'story.changed', storyId, status: 'draft', version: 1 });
const open = (token: string, lastEventId?: string) =>
  fetch(`${base}/api/events`, { headers: { ...bearer(token), ...(lastEventId !== undefined ? { 'Last-Event-ID': lastEventId } : {}) } });

/** The id the server gave a new stream in its first frame. */
async function startId(token: string): Promise<string> {
  const text = await readStream(await open(token), (t) => t.includes('\n\n'));
  const id = /^id: (\S+)$/m.exec(text)?.[1];
  expect(text).toMatch(/^retry: \d+$/m);
  expect(id).toMatch(/^[0-9a-f]+-\d+$/);
  return id!;
}

describe('the event stream', () => {
  it('numbers every event and replays what a reconnect missed, in order', async () => {
    const token = await signIn();
    const first = await startId(token);
    core.emit(changed(1));
    core.emit(changed(2));
    core.emit(changed(3));
    const text = await readStream(await open(token, first), (t) => t.includes('"storyId":3'));
    const frames = framesOf(text);
    expect(frames.map((f) => f.data)).toEqual([changed(1), changed(2), changed(3)]);
    const [run, seq] = first.split('-');
    expect(frames.map((f) => f.id)).toEqual([1, 2, 3].map((n) => `${run}-${Number(seq) + n}`));

    // Resuming from the second event sends only the third.
    const again = framesOf(await readStream(await open(token, frames[1]!.id!), (t) => t.includes('"storyId":3'), 1000));
    expect(again.map((f) => f.data)).toEqual([changed(3)]);
  });

  it('answers an id it cannot serve with one resync event, never an error', async () => {
    const token = await signIn();
    const current = await startId(token);
    const [run, seq] = current.split('-');
    // Older than the log holds (it keeps 5 here).
    for (let i = 0; i < 8; i++) core.emit(changed(100 + i));
    const cases = ['0123abcd-3', `${run}-${Number(seq)}`, `${run}-99999`, 'not an id', '', '   ', 'deadbeef', `${run}-1-2`];
    for (const id of cases) {
      const res = await open(token, id);
      expect(res.status, id).toBe(200);
      const frames = framesOf(await readStream(res, (t) => t.includes('\n\n') && (id.trim() === '' || t.includes('resync')), 1000));
      if (id.trim() === '') expect(frames, 'no id: a fresh start, nothing replayed').toEqual([]);
      else {
        expect(
          frames.map((f) => f.data),
          id,
        ).toEqual([{ type: 'resync' }]);
        // The resync carries the current id, so the client resumes from here next time.
        expect(frames[0]!.id).toBe(`${run}-${Number(seq) + 8}`);
      }
    }
  });

  it('keeps at most 8 streams per session: a ninth ends the oldest, other sessions untouched', async () => {
    const token = await signIn();
    const other = await signIn();
    const before = server.events.size;
    const theirs = await open(other);
    const mine: Response[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION + 1; i++) mine.push(await open(token));
    // The oldest ends (its body finishes); the server holds 8 of this session's and the other one.
    const reader = mine[0]!.body!.getReader();
    const ended = async (): Promise<boolean> => {
      for (;;) {
        const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
        if (next === null) return false;
        if (next.done) return true;
      }
    };
    expect(await ended()).toBe(true);
    await expect.poll(() => server.events.size - before).toBe(MAX_STREAMS_PER_SESSION + 1);
    for (const res of [...mine, theirs]) await res.body?.cancel().catch(() => undefined);
  });

  it('sends heartbeats', async () => {
    const token = await signIn();
    const text = await readStream(await open(token), (t) => (t.match(/^: heartbeat$/gm) ?? []).length >= 2, 3000);
    expect((text.match(/^: heartbeat$/gm) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('closes a stream whose session ended: at once when this server ended it, at the next check otherwise', async () => {
    const ended = async (res: Response, ms: number) => {
      const reader = res.body!.getReader();
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
        if (next === null) return false;
        if (next.done) return true;
      }
      return false;
    };
    // Signed out through this server: closed at once (well before a heartbeat would have).
    const slow = await startTestServer(core, { events: { heartbeatMs: 60_000 } });
    try {
      const token = await signIn(slow.base);
      const stream = await fetch(`${slow.base}/api/events`, { headers: bearer(token) });
      expect(stream.status).toBe(200);
      await post(slow.base, 'session.signOut', {}, bearer(token));
      expect(await ended(stream, 2000)).toBe(true);

      // Deactivated by an admin through this server.
      const other = await signIn(slow.base);
      const deactivated = await fetch(`${slow.base}/api/events`, { headers: bearer(other) });
      const admin = await signIn(slow.base);
      await post(slow.base, 'staff.update', { id: ALICE.id, active: false }, bearer(admin));
      expect(await ended(deactivated, 2000)).toBe(true);

      // Ended elsewhere, announced by a staff.changed event.
      const third = await signIn(slow.base);
      const announced = await fetch(`${slow.base}/api/events`, { headers: bearer(third) });
      core.endAllSessions();
      core.emit({ type: 'staff.changed', staffId: ALICE.id });
      expect(await ended(announced, 2000)).toBe(true);
    } finally {
      await slow.server.close();
    }
    // Ended elsewhere without a word: closed by the next heartbeat's check, which asks without
    // counting as use (an open tab must not keep an unattended session from idling out).
    const token = await signIn();
    const quiet = await open(token);
    const peeks = core.peeks;
    await expect.poll(() => core.peeks).toBeGreaterThan(peeks);
    core.endAllSessions();
    expect(await ended(quiet, 2000)).toBe(true);
    expect((await open(token)).status).toBe(401);
  });
});

describe('the HTTP client on the event stream', () => {
  it('reconnects after the server went away, reports reconnecting then online, and is told to resync by the new run', async () => {
    const restartable = await startTestServer(core, { events: { heartbeatMs: 60_000 } });
    const { port } = new URL(restartable.base);
    const api = createHttpApi({ baseUrl: restartable.base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(), random: () => 0 });
    const states: string[] = [];
    const seen: ChangeEvent[] = [];
    api.onConnection((s) => states.push(s));
    api.onEvent((e) => seen.push(e));
    await api.session.signIn({ email: ALICE.email, password: ALICE_PASSWORD });
    await expect.poll(() => restartable.server.events.size).toBe(1);
    core.emit(changed(7));
    await expect.poll(() => seen).toEqual([changed(7)]);

    await restartable.server.close();
    await expect.poll(() => states.at(-1)).toBe('reconnecting');
    // The same port, a new run: the client's Last-Event-ID names the old run.
    const again = await startTestServer(core, { port: Number(port), events: { heartbeatMs: 60_000 } });
    try {
      await expect.poll(() => states.at(-1), { timeout: 10_000 }).toBe('online');
      await expect.poll(() => seen.at(-1)).toEqual({ type: 'resync' });
      core.emit(changed(8));
      await expect.poll(() => seen.at(-1)).toEqual(changed(8));
      expect(states).toEqual(['online', 'reconnecting', 'online']);

      // Signing out closes the stream; nothing more arrives.
      const before = seen.length;
      await api.session.signOut({});
      await expect.poll(() => again.server.events.size).toBe(0);
      core.emit(changed(9));
      expect(seen.length).toBe(before);
    } finally {
      await again.server.close();
    }
  });

  it('resumes with Last-Event-ID after a drop, catching up on what happened meanwhile', async () => {
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(), random: () => 0 });
    const seen: ChangeEvent[] = [];
    api.onEvent((e) => seen.push(e));
    await api.session.signIn({ email: ALICE.email, password: ALICE_PASSWORD });
    await expect.poll(() => server.events.size).toBeGreaterThan(0);
    core.emit(changed(21));
    await expect.poll(() => seen.at(-1)).toEqual(changed(21));
    // Cut every stream on the server side, then emit while the client is away.
    server.server.closeAllConnections();
    core.emit(changed(22));
    core.emit(changed(23));
    await expect.poll(() => seen.slice(-2), { timeout: 10_000 }).toEqual([changed(22), changed(23)]);
    expect(seen.filter((e) => e.type === 'resync')).toEqual([]);
    await api.session.signOut({});
  });

  it('stops reconnecting on 401 and tells listeners to refetch', async () => {
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(), random: () => 0 });
    const seen: ChangeEvent[] = [];
    const states: string[] = [];
    api.onEvent((e) => seen.push(e));
    api.onConnection((s) => states.push(s));
    await api.session.signIn({ email: ALICE.email, password: ALICE_PASSWORD });
    await expect.poll(() => server.events.size).toBeGreaterThan(0);
    const authBefore = core.authentications;
    core.endAllSessions();
    core.emit({ type: 'staff.changed', staffId: ALICE.id });
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toEqual({ type: 'resync' });
    expect(states.at(-1)).toBe('online');
    const settled = core.authentications;
    await new Promise((r) => setTimeout(r, 1500));
    // No more attempts after the 401.
    expect(core.authentications).toBe(settled);
    expect(settled).toBeGreaterThan(authBefore);
  });
});
