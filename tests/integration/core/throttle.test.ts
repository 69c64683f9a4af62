// Sign-in throttling with a moved clock: 20 wrong passwords from one address slow that address to
// a crawl while the right person, elsewhere, waits at most 30 seconds (and not at all at a computer
// they signed in from lately); an attempt during a wait is
// refused without checking the password or counting; failures are forgotten; the counts survive a
// restart; setup codes and password changes are throttled the same way.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/core.js';
import type { ClientInfo } from '../../../core/dispatch.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { ApiError } from '../../../shared/errors.js';
import { makeClock, makeHarness, SESSION_LIMITS, type Harness } from '../../support/coreHarness.js';
import { storageFor } from '../../support/postgres.js';

const JI = 'dagyumji@heraldcorp.com';
const GUESSER: ClientInfo = { address: '203.0.113.66', device: 'curl' };
const JI_AT_WORK: ClientInfo = { address: '192.0.2.10', device: 'Chrome on Linux' };

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T09:00:00.000Z'), sessionLimits: SESSION_LIMITS });
});
afterEach(async () => {
  await h.close();
});

type Outcome = { ok: true } | { ok: false; code: string; retryAfterSeconds?: number; message: string };

async function attempt(password: string, client: ClientInfo, email = JI, core = h.core): Promise<Outcome> {
  try {
    await core.call(null, 'session.signIn', { email, password }, client);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const details = error.details as { retryAfterSeconds?: number } | undefined;
    return { ok: false, code: error.code, message: error.message, ...(details?.retryAfterSeconds !== undefined ? { retryAfterSeconds: details.retryAfterSeconds } : {}) };
  }
}

const failedSignIns = async () => (await h.call('han', 'staff.accountEvents', { limit: 200 })).events.filter((e) => e.event === 'signInFailed').length;

/** Wrong passwords until `tries` were actually checked, waiting out every RATE_LIMITED; the waits asked for. */
async function guess(tries: number, client: ClientInfo, email = JI): Promise<number[]> {
  const waits: number[] = [];
  for (let checked = 0; checked < tries;) {
    const outcome = await attempt(`guess ${checked}`, client, email);
    if (outcome.ok) throw new Error('a guess got in');
    if (outcome.code === 'RATE_LIMITED') {
      waits.push(outcome.retryAfterSeconds!);
      h.clock.advance(outcome.retryAfterSeconds! * 1000);
    } else {
      expect(outcome.code).toBe('UNAUTHENTICATED');
      checked++;
    }
  }
  return waits;
}

describe('sign-in throttling', () => {
  it('20 wrong passwords: the guessing address crawls, the right person gets in within 30 seconds', async () => {
    const waits = await guess(20, GUESSER);
    // Five free tries, then waits that double.
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(900);
    expect(await failedSignIns()).toBe(20);

    // Ji, at her own computer, is held back only by her account's short wait.
    const held = await attempt(DEMO_PASSWORD, JI_AT_WORK);
    expect(held).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect((held as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(held.ok ? '' : held.message).toMatch(/Try again in \d+ seconds?\./);
    h.clock.advance(30_000);
    expect(await attempt(DEMO_PASSWORD, JI_AT_WORK)).toEqual({ ok: true });

    // The guessing address keeps waiting, even with the right password.
    const still = await attempt(DEMO_PASSWORD, GUESSER);
    expect(still).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect((still as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
  });

  it('a computer the person signed in from lately is not slowed by someone guessing the account elsewhere', async () => {
    expect(await attempt(DEMO_PASSWORD, JI_AT_WORK)).toEqual({ ok: true });
    h.clock.advance(60 * 60_000);
    // Someone keeps guessing from elsewhere, each time the account's wait ends.
    await guess(12, GUESSER);
    expect(await attempt(DEMO_PASSWORD, { address: '198.51.100.7', device: 'Firefox' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // Ji at her usual computer gets in at once, every time.
    expect(await attempt(DEMO_PASSWORD, JI_AT_WORK)).toEqual({ ok: true });
    // Wrong passwords from that computer still slow it, on its own key.
    for (let i = 0; i < 5; i++) expect(await attempt(`typo ${i}`, JI_AT_WORK)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await attempt(DEMO_PASSWORD, JI_AT_WORK)).toMatchObject({ ok: false, code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });

  it('an attempt during a wait is refused without checking the password and without counting', async () => {
    await guess(5, GUESSER);
    const before = await failedSignIns();
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect(await attempt('wrong again', GUESSER)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    // Ten refusals take less time than one scrypt (tens of milliseconds each).
    expect(performance.now() - started).toBeLessThan(200);
    expect(await failedSignIns()).toBe(before);
    h.clock.advance(1000);
    expect(await attempt('wrong again', GUESSER)).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The sixth failure: two seconds now.
    expect(await attempt('wrong again', GUESSER)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 });
  });

  it('counts unknown e-mails per account too, with the same answer', async () => {
    await guess(5, { address: null, device: 'in-process' }, 'nobody@heraldcorp.com');
    expect(await attempt('x', { address: null, device: 'in-process' }, 'NOBODY@heraldcorp.com')).toMatchObject({ code: 'RATE_LIMITED' });
    // Other accounts are not held back.
    expect(await attempt(DEMO_PASSWORD, { address: null, device: 'in-process' })).toEqual({ ok: true });
  });

  it('the right password clears the account’s count; failures are forgotten 15 minutes after the wait', async () => {
    await guess(4, JI_AT_WORK);
    expect(await attempt(DEMO_PASSWORD, JI_AT_WORK)).toEqual({ ok: true });
    // Cleared: four more wrong ones cost nothing (the address has its own, smaller count).
    await guess(4, { address: null, device: 'in-process' });
    expect(await attempt('one more', { address: null, device: 'in-process' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await attempt('and one more', { address: null, device: 'in-process' })).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    h.clock.advance(1000 + 15 * 60_000);
    for (let i = 0; i < 5; i++) expect(await attempt(`fresh ${i}`, { address: null, device: 'in-process' })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('survives a restart of the core', async () => {
    await guess(5, GUESSER);
    const dir = h.dir;
    await h.core.close();
    const again = await createCore({ dataDir: dir, ...(await storageFor(dir)), now: () => h.clock.now });
    try {
      expect(await attempt(DEMO_PASSWORD, JI_AT_WORK, JI, again)).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await again.close();
    }
  });
});

describe('setup codes and password changes', () => {
  it('wrong setup codes from one address slow that address', async () => {
    const { setup } = await h.call('han', 'staff.create', { name: 'New Person', email: 'new@heraldcorp.com', roles: ['reporter'] });
    const setUp = (code: string) =>
      h.core.call(null, 'session.setUp', { code, password: 'a long enough password' }, GUESSER).then(
        () => 'ok',
        (e: ApiError) => e.code,
      );
    for (let i = 0; i < 5; i++) expect(await setUp(`AAAA-BBBB-CCC${'DEFGH'[i]}`)).toBe('VALIDATION');
    expect(await setUp(setup.code)).toBe('RATE_LIMITED');
    h.clock.advance(1000);
    expect(await setUp(setup.code)).toBe('ok');
  });

  it('a wrong current password counts against the account like a wrong sign-in', async () => {
    const change = (currentPassword: string) =>
      h.core.call(h.tokens.ji, 'session.changePassword', { currentPassword, newPassword: 'a new long password' }, JI_AT_WORK).then(
        () => 'ok',
        (e: ApiError) => e.code,
      );
    for (let i = 0; i < 5; i++) expect(await change(`wrong ${i}`)).toBe('VALIDATION');
    expect(await change(DEMO_PASSWORD)).toBe('RATE_LIMITED');
    expect(await attempt(DEMO_PASSWORD, { address: null, device: 'in-process' })).toMatchObject({ code: 'RATE_LIMITED' });
    h.clock.advance(1000);
    expect(await change(DEMO_PASSWORD)).toBe('ok');
  });
});
