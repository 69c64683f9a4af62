// A desktop's device session: signing in with `desktop: {name}` gives a session named for the
// computer that lasts through weeks offline (90 days idle, a year at most) where a browser's ends
// after hours; it is listed like any other and ended in all the same ways, after which its token
// gets UNAUTHENTICATED.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInfo } from '../../../core/dispatch.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { DESKTOP_SESSION_LIMITS } from '../../../core/staff/sessions.js';
import type { Input } from '../../../shared/contract.js';
import { ApiError } from '../../../shared/errors.js';
import { callCore } from '../../support/callCore.js';
import { makeClock, makeHarness, SESSION_LIMITS, type Harness } from '../../support/coreHarness.js';

const DAY = 24 * 3_600_000;
const JI = 'dagyumji@heraldcorp.com';
const LAPTOP: ClientInfo = { address: '192.0.2.10', device: 'node' };

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T09:00:00.000Z'), sessionLimits: SESSION_LIMITS });
});
afterEach(async () => {
  await h.close();
});

const signIn = async (input: Input<'session.signIn'>) => (await h.core.call(null, 'session.signIn', input, LAPTOP)) as { token: string; expiresAt: string };
const desktopToken = async (name = '지다겸-laptop') => (await signIn({ email: JI, password: DEMO_PASSWORD, desktop: { name } })).token;
/** Whether the token still works: its person's name, or the refusal's code. */
const outcome = (token: string) =>
  callCore(h.core, token, 'stories.list', {}).then(
    async () => (await callCore(h.core, token, 'session.current', {})).staff?.name,
    (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
  );

describe('a desktop’s device session', () => {
  it('is listed as the desktop on its computer, with its own limits', async () => {
    const signed = await signIn({ email: JI, password: DEMO_PASSWORD, desktop: { name: '지다겸-laptop' } });
    await signIn({ email: JI, password: DEMO_PASSWORD });
    expect(signed.expiresAt).toBe(new Date(h.clock.now.getTime() + DESKTOP_SESSION_LIMITS.idleMs).toISOString());
    const { sessions } = await callCore(h.core, signed.token, 'session.list', {});
    const mine = sessions.find((s) => s.current)!;
    expect(mine).toMatchObject({ kind: 'desktop', device: 'Newsdesk desktop on 지다겸-laptop', address: '192.0.2.10', expiresAt: '2027-02-24T09:00:00.000Z' });
    // Every other session of hers is a browser's (the sign-in without `desktop`, the harness's own).
    expect(sessions.filter((s) => !s.current).map((s) => s.kind)).toEqual(['browser', 'browser']);
    // An admin sees it the same way.
    const seen = await h.call('han', 'staff.sessions', { staffId: h.staff.ji.id });
    expect(seen.sessions.find((s) => s.id === mine.id)).toMatchObject({ kind: 'desktop', device: 'Newsdesk desktop on 지다겸-laptop' });
    const { events } = await h.call('han', 'staff.accountEvents', { staffId: h.staff.ji.id });
    expect(events.map((e) => [e.event, e.device])).toContainEqual(['signIn', 'Newsdesk desktop on 지다겸-laptop']);
  });

  it('a wrong password from a desktop gets no session and is logged with its computer', async () => {
    const refused = await h.core.call(null, 'session.signIn', { email: JI, password: 'wrong', desktop: { name: 'ji-laptop' } }, LAPTOP).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await h.call('han', 'staff.sessions', { staffId: h.staff.ji.id })).sessions.map((s) => s.kind)).toEqual(['browser']);
    const { events } = await h.call('han', 'staff.accountEvents', { staffId: h.staff.ji.id });
    expect(events.map((e) => [e.event, e.device])).toContainEqual(['signInFailed', 'Newsdesk desktop on ji-laptop']);
  });

  it('outlasts days offline that end a browser’s session, and ends after 90 days unused', async () => {
    const device = await desktopToken();
    const browser = (await signIn({ email: JI, password: DEMO_PASSWORD })).token;
    h.clock.advance(30 * DAY);
    await h.core.sweepSessions();
    expect(await outcome(browser)).toBe('UNAUTHENTICATED');
    expect(await outcome(device)).toBe('Ji Da-gyum');
    // Used at day 30: the 90 idle days count from then.
    h.clock.advance(89 * DAY);
    expect(await outcome(device)).toBe('Ji Da-gyum');
    h.clock.advance(90 * DAY + 1);
    await h.core.sweepSessions();
    expect(await outcome(device)).toBe('UNAUTHENTICATED');
  });

  it('ends a year after sign-in however busy', async () => {
    const device = await desktopToken();
    for (let day = 60; day <= 360; day += 60) {
      h.clock.advance(60 * DAY);
      expect(await outcome(device), `day ${day}`).toBe('Ji Da-gyum');
    }
    h.clock.advance(6 * DAY);
    expect(await outcome(device)).toBe('UNAUTHENTICATED');
  });

  const endings: [string, (device: string) => Promise<unknown>][] = [
    ['signing out on the desktop', (device) => callCore(h.core, device, 'session.signOut', {})],
    [
      'ending it from another session',
      async (device) => {
        const id = (await callCore(h.core, device, 'session.list', {})).sessions.find((s) => s.current)!.id;
        return h.call('ji', 'session.end', { id });
      },
    ],
    ['an admin ending her sessions', () => h.call('han', 'staff.endSessions', { staffId: h.staff.ji.id })],
    ['a password change elsewhere', () => h.call('ji', 'session.changePassword', { currentPassword: DEMO_PASSWORD, newPassword: 'a much longer passphrase' })],
    ['a password reset', () => h.call('han', 'staff.resetPassword', { id: h.staff.ji.id })],
    ['her deactivation', () => h.call('han', 'staff.update', { id: h.staff.ji.id, active: false })],
  ];
  it.each(endings)('ends like any other session: %s', async (_label, end) => {
    const device = await desktopToken();
    const { story } = await callCore(h.core, device, 'stories.create', { desk: 'North Korea', headline: '오프라인 기사' });
    await end(device);
    expect(await outcome(device)).toBe('UNAUTHENTICATED');
    const refused = await callCore(h.core, device, 'stories.save', { id: story.id, baseVersion: story.version, changes: { headline: 'Sent late' } }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('UNAUTHENTICATED');
    // Its lock went with it.
    expect((await h.call('kim', 'stories.get', { id: story.id })).story.lock).toBeNull();
  });
});
