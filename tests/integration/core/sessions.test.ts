// Sessions kept in the database: listed and ended by their person and by an admin, ended at once
// when the person is deactivated, expired when idle or at the absolute limit (and swept, freeing
// their locks), never fooled by a forged token, and still there after the core restarts.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/core.js';
import { LAST_SEEN_EVERY_MS } from '../../../core/staff/sessions.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { ApiError } from '../../../shared/errors.js';
import { callCore } from '../../support/callCore.js';
import { draftStory, makeClock, makeHarness, refusedUnchanged, SESSION_LIMITS, type Harness } from '../../support/coreHarness.js';
import { storageFor } from '../../support/postgres.js';

const HOUR = 3_600_000;
const JI = 'dagyumji@heraldcorp.com';
const LAPTOP = { address: '192.0.2.10', device: 'Chrome on Linux' };
const PHONE = { address: '198.51.100.7', device: 'Safari on iPhone' };

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T09:00:00.000Z'), sessionLimits: SESSION_LIMITS });
});
afterEach(async () => {
  await h.close();
});

/** Ji signs in from another device; the token. */
const jiOn = async (client: { address: string | null; device: string }) =>
  ((await h.core.call(null, 'session.signIn', { email: JI, password: DEMO_PASSWORD }, client)) as { token: string }).token;
const current = async (token: string) => (await callCore(h.core, token, 'session.current', {})).staff;
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
  );

describe('the person’s own sessions', () => {
  it('session.list shows each device, marks this one, and never carries a token', async () => {
    const laptop = await jiOn(LAPTOP);
    await jiOn(PHONE);
    const { sessions } = await callCore(h.core, laptop, 'session.list', {});
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toEqual([expect.objectContaining({ device: 'Chrome on Linux', address: '192.0.2.10' })]);
    expect(sessions.map((s) => s.device).sort()).toEqual(['Chrome on Linux', 'Newsdesk on this computer', 'Safari on iPhone']);
    expect(sessions[0]).toEqual({
      id: expect.any(Number),
      current: expect.any(Boolean),
      device: expect.any(String),
      address: expect.toSatisfy((a: unknown) => a === null || typeof a === 'string'),
      createdAt: '2026-11-26T09:00:00.000Z',
      lastSeenAt: '2026-11-26T09:00:00.000Z',
      expiresAt: '2026-11-26T21:00:00.000Z',
      kind: 'browser',
    });
    expect(JSON.stringify(sessions)).not.toContain(laptop);
  });

  it('session.end ends one of one’s own sessions; another person’s is NOT_FOUND and stays', async () => {
    const laptop = await jiOn(LAPTOP);
    const phone = await jiOn(PHONE);
    const phoneId = (await callCore(h.core, phone, 'session.list', {})).sessions.find((s) => s.current)!.id;
    await refusedUnchanged(h, 'park', 'session.end', { id: phoneId }, 'NOT_FOUND');
    expect(await callCore(h.core, laptop, 'session.end', { id: phoneId })).toEqual({ ended: 1 });
    expect(await current(phone)).toBeNull();
    expect((await current(laptop))?.name).toBe('Ji Da-gyum');
    // Ended is ended.
    await refusedUnchanged(h, 'ji', 'session.end', { id: phoneId }, 'NOT_FOUND');
  });

  it('sign out everywhere ends every session of the person, this one included', async () => {
    const laptop = await jiOn(LAPTOP);
    const phone = await jiOn(PHONE);
    expect(await callCore(h.core, laptop, 'session.end', { everywhere: true })).toEqual({ ended: 3 });
    for (const token of [laptop, phone, h.tokens.ji]) expect(await current(token)).toBeNull();
    expect((await current(h.tokens.park))?.name).toBe('Park Soo-hyun');
  });
});

describe('an admin and a person’s sessions', () => {
  it('staff.sessions lists them and staff.endSessions ends them all, logged with the admin as actor; admins only', async () => {
    const laptop = await jiOn(LAPTOP);
    await refusedUnchanged(h, 'kim', 'staff.sessions', { staffId: h.staff.ji.id }, 'FORBIDDEN');
    await refusedUnchanged(h, 'kim', 'staff.endSessions', { staffId: h.staff.ji.id }, 'FORBIDDEN');
    await refusedUnchanged(h, 'han', 'staff.sessions', { staffId: 999 }, 'NOT_FOUND');
    expect((await h.call('han', 'staff.sessions', { staffId: h.staff.ji.id })).sessions.map((s) => [s.device, s.current])).toEqual([
      ['Chrome on Linux', false],
      ['Newsdesk on this computer', false],
    ]);
    expect(await h.call('han', 'staff.endSessions', { staffId: h.staff.ji.id })).toEqual({ ended: 2 });
    expect(await current(laptop)).toBeNull();
    expect((await h.call('han', 'staff.sessions', { staffId: h.staff.ji.id })).sessions).toEqual([]);
    const { events } = await h.call('han', 'staff.accountEvents', { staffId: h.staff.ji.id });
    expect(events.filter((e) => e.event === 'sessionEnded')).toEqual([
      expect.objectContaining({ actorId: h.staff.han.id, device: 'Chrome on Linux', address: '192.0.2.10' }),
      expect.objectContaining({ actorId: h.staff.han.id, device: 'Newsdesk on this computer' }),
    ]);
  });

  it('a deactivated person’s live token stops working at once, their sessions end and their locks are freed', async () => {
    const laptop = await jiOn(LAPTOP);
    const story = await draftStory(h);
    expect((await h.call('kim', 'stories.get', { id: story.id })).story.lock?.staffId).toBe(h.staff.ji.id);
    h.events.length = 0;
    await h.call('han', 'staff.update', { id: h.staff.ji.id, active: false });
    expect(await code(callCore(h.core, laptop, 'stories.list', {}))).toBe('UNAUTHENTICATED');
    expect(await code(h.call('ji', 'stories.list', {}))).toBe('UNAUTHENTICATED');
    expect((await h.call('kim', 'stories.get', { id: story.id })).story.lock).toBeNull();
    expect(h.events).toContainEqual({ type: 'lock.changed', storyId: story.id, lock: null });
    expect((await h.call('han', 'staff.accountEvents', { staffId: h.staff.ji.id })).events[0]).toMatchObject({
      event: 'deactivated',
      actorId: h.staff.han.id,
      note: 'Ended 2 sessions',
    });
    // Made active again, the old sessions stay ended.
    await h.call('han', 'staff.update', { id: h.staff.ji.id, active: true });
    expect(await current(laptop)).toBeNull();
  });
});

describe('expiry', () => {
  it('a session idle for 12 hours ends; one in use lives on, noting its use at most once a minute', async () => {
    const busy = await jiOn(LAPTOP);
    const idle = await jiOn(PHONE);
    const lastSeen = async () => (await callCore(h.core, busy, 'session.list', {})).sessions.find((s) => s.current)!.lastSeenAt;
    h.clock.advance(LAST_SEEN_EVERY_MS - 1000);
    expect(await lastSeen()).toBe('2026-11-26T09:00:00.000Z');
    h.clock.advance(1000);
    expect(await lastSeen()).toBe('2026-11-26T09:01:00.000Z');
    for (let i = 0; i < 4; i++) {
      h.clock.advance(4 * HOUR);
      expect((await current(busy))?.name).toBe('Ji Da-gyum');
    }
    expect(await current(idle)).toBeNull();
    expect(await code(callCore(h.core, idle, 'stories.list', {}))).toBe('UNAUTHENTICATED');
  });

  it('a session ends 30 days after sign-in however busy it is', async () => {
    const busy = await jiOn(LAPTOP);
    // Used every 10 hours for 30 days: never idle for 12.
    for (let step = 1; step < 72; step++) {
      h.clock.advance(10 * HOUR);
      expect(await current(busy), `after ${step * 10} hours`).not.toBeNull();
    }
    h.clock.advance(10 * HOUR);
    expect(await current(busy)).toBeNull();
  });

  it('the sweeper ends expired sessions, logs them and frees their locks with lock.changed', async () => {
    const laptop = await jiOn(LAPTOP);
    const { story } = await callCore(h.core, laptop, 'stories.create', { desk: 'North Korea', headline: 'Left open' });
    expect(story.lock).toMatchObject({ device: 'Chrome on Linux' });
    // Keep the lock's own time alive: a long lock timeout, so only the session's end frees it.
    await h.call('han', 'settings.update', { lockTimeoutMinutes: 24 * 60 });
    await callCore(h.core, laptop, 'stories.lock', { id: story.id });
    // Kim and Han keep working; the laptop is left alone for 12 hours.
    h.clock.advance(11 * HOUR);
    for (const who of ['kim', 'han'] as const) await h.call(who, 'session.current', {});
    h.clock.advance(HOUR);
    // Expired but not swept yet: the lock already does not count.
    expect((await h.call('kim', 'stories.get', { id: story.id })).story.lock?.expiresAt).toBe('2026-11-26T21:00:00.000Z');
    expect((await h.call('kim', 'stories.list', {})).items.find((i) => i.id === story.id)?.lockedBy).toBeNull();
    h.events.length = 0;
    const swept = await h.core.sweepSessions();
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(h.events).toEqual([{ type: 'lock.changed', storyId: story.id, lock: null }]);
    expect((await h.call('kim', 'stories.get', { id: story.id })).story.lock).toBeNull();
    const { events } = await h.call('han', 'staff.accountEvents', { staffId: h.staff.ji.id });
    expect(events.some((e) => e.event === 'sessionExpired' && e.device === 'Chrome on Linux')).toBe(true);
    expect(await h.core.sweepSessions()).toBe(0);
  });
});

describe('tokens', () => {
  it('forged, altered, empty and huge tokens sign nobody in', async () => {
    const real = await jiOn(LAPTOP);
    const altered = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [altered, 'x'.repeat(43), '', 'a'.repeat(10_000), `${real} `]) {
      expect(await code(callCore(h.core, token, 'stories.list', {})), token.slice(0, 20)).toBe('UNAUTHENTICATED');
      expect(await h.core.authenticate(token)).toBeNull();
    }
    expect((await h.core.authenticate(real))?.name).toBe('Ji Da-gyum');
    expect(await h.core.authenticate(null)).toBeNull();
  });

  it('after sign-out the token is refused with UNAUTHENTICATED, changing nothing', async () => {
    const laptop = await jiOn(LAPTOP);
    await callCore(h.core, laptop, 'session.signOut', {});
    expect(await h.core.authenticate(laptop)).toBeNull();
    await refusedUnchanged(h, null, 'staff.list', {}, 'UNAUTHENTICATED');
    expect((await h.call('han', 'staff.accountEvents', { staffId: h.staff.ji.id })).events[0]).toMatchObject({ event: 'signOut', device: 'Chrome on Linux' });
  });
});

describe('a restart', () => {
  it('keeps the sessions: the same token works after the core closes and opens the folder again', async () => {
    const dir = h.dir;
    const laptop = await jiOn(LAPTOP);
    const ended = await jiOn(PHONE);
    await callCore(h.core, ended, 'session.signOut', {});
    await h.core.close();
    const again = await createCore({ dataDir: dir, ...(await storageFor(dir)), now: () => h.clock.now });
    try {
      expect((await callCore(again, laptop, 'session.current', {})).staff?.name).toBe('Ji Da-gyum');
      expect((await callCore(again, ended, 'session.current', {})).staff).toBeNull();
      expect((await callCore(again, laptop, 'session.list', {})).sessions.find((s) => s.current)?.device).toBe('Chrome on Linux');
    } finally {
      await again.close();
    }
    // The harness's close() closes the first core again (a no-op) and removes the folder.
  });
});
