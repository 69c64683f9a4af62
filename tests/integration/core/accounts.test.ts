// Accounts: signing in with an e-mail and a password (real scrypt), setup codes for new and reset
// people and for the first admin, changing one's password, the demo newsroom's password, and the
// account log. Passwords never appear in the database, an answer or the log.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { SETUP_CODE_ALPHABET } from '../../../core/staff/setupCodes.js';
import type { AccountEvent } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { callCore } from '../../support/callCore.js';
import { makeClock, makeHarness, refusedUnchanged, SESSION_LIMITS, type Harness } from '../../support/coreHarness.js';
import { openNewsroomDb, storageFor } from '../../support/postgres.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({
    publisher: 'recording',
    clock: makeClock('2026-11-26T09:00:00.000Z'),
    sessionLimits: SESSION_LIMITS,
    onInternalError: (m, e) => console.error(m, e),
  });
});
afterEach(async () => {
  await h.close();
});

const JI = 'dagyumji@heraldcorp.com';

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const signIn = (email: string, password: string) => callCore(h.core, null, 'session.signIn', { email, password });
const events = async (staffId?: number): Promise<AccountEvent[]> => (await h.call('han', 'staff.accountEvents', staffId ? { staffId } : {})).events;

/** Every text in every row of every table, for looking for a secret. */
/** Every row of every table, as the harness's snapshot reads them. */
const everyRow = (h: Harness): Promise<string> => h.snapshot();

describe('session.signIn', () => {
  it('signs in with the e-mail (any case, spaces around) and the password, and logs it', async () => {
    const { token, staff, expiresAt } = await signIn('  DagyumJi@HeraldCorp.com ', DEMO_PASSWORD);
    expect(staff).toMatchObject({ name: 'Ji Da-gyum', passwordSet: true });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-11-26T21:00:00.000Z');
    expect((await callCore(h.core, token, 'session.current', {})).staff?.id).toBe(h.staff.ji.id);
    expect((await events(h.staff.ji.id))[0]).toMatchObject({ event: 'signIn', staffName: 'Ji Da-gyum', device: 'Newsdesk on this computer', address: null });
  });

  it('a wrong password and an unknown e-mail get the same answer, and are logged without the password', async () => {
    const wrong = await failure(signIn(JI, 'not-the-password'));
    const unknown = await failure(signIn('nobody@heraldcorp.com', DEMO_PASSWORD));
    for (const e of [wrong, unknown]) expect(e).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The e-mail or password is wrong.' });
    expect(unknown.details).toEqual(wrong.details);
    const log = await events();
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({ event: 'signInFailed', staffId: null, email: 'nobody@heraldcorp.com' }),
      expect.objectContaining({ event: 'signInFailed', staffId: h.staff.ji.id, email: JI }),
    ]);
    expect(JSON.stringify(log)).not.toContain('not-the-password');
  });

  it('refuses a missing or empty password and signing in by staff id (VALIDATION), changing nothing', async () => {
    for (const input of [{ email: JI }, { email: JI, password: '' }, { staffId: h.staff.ji.id }, { staffId: h.staff.han.id, email: 'x', password: 'y' }, {}]) {
      const error = await refusedUnchangedRawOf(input);
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
  });

  it('a deactivated person cannot sign in, with the same answer as a wrong password', async () => {
    await h.call('han', 'staff.update', { id: h.staff.park.id, active: false });
    expect(await failure(signIn('soohyun.park@heraldcorp.com', DEMO_PASSWORD))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The e-mail or password is wrong.' });
  });

  it('signing in again from a session ends that session', async () => {
    const first = await signIn(JI, DEMO_PASSWORD);
    const second = (await callCore(h.core, first.token, 'session.signIn', { email: JI, password: DEMO_PASSWORD })).token;
    expect((await callCore(h.core, first.token, 'session.current', {})).staff).toBeNull();
    expect((await callCore(h.core, second, 'session.current', {})).staff?.name).toBe('Ji Da-gyum');
  });
});

async function refusedUnchangedRawOf(input: unknown): Promise<ApiError> {
  const before = await h.snapshot();
  const error = await h.failsRaw(null, 'session.signIn', input);
  expect(await h.snapshot()).toBe(before);
  return error;
}

describe('setup codes', () => {
  it('staff.create gives a code with which the person sets a password and is signed in; the code works once', async () => {
    const { staff, setup } = await h.call('han', 'staff.create', { name: '김서연', email: 'seoyeon.kim@heraldcorp.com', roles: ['reporter'], desks: ['National'] });
    expect(staff.passwordSet).toBe(false);
    expect(setup).toMatchObject({ staffId: staff.id, expiresAt: '2026-12-03T09:00:00.000Z' });
    expect(setup.code).toMatch(new RegExp(`^[${SETUP_CODE_ALPHABET}]{4}-[${SETUP_CODE_ALPHABET}]{4}-[${SETUP_CODE_ALPHABET}]{4}$`));
    // Without a password yet she cannot sign in.
    expect((await failure(signIn('seoyeon.kim@heraldcorp.com', 'anything long enough'))).code).toBe('UNAUTHENTICATED');

    // Typed in lower case, with spaces for dashes.
    const typed = setup.code.toLowerCase().replace(/-/g, ' ');
    const done = await callCore(h.core, null, 'session.setUp', { code: typed, password: '서연의 비밀번호 2026' });
    expect(done.staff).toMatchObject({ name: '김서연', passwordSet: true });
    expect((await callCore(h.core, done.token, 'session.current', {})).staff?.id).toBe(staff.id);
    expect((await signIn('seoyeon.kim@heraldcorp.com', '서연의 비밀번호 2026')).staff.id).toBe(staff.id);

    const reused = await failure(callCore(h.core, null, 'session.setUp', { code: setup.code, password: 'another long password' }));
    expect(reused).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/already used/) });
    expect((await events(staff.id)).map((e) => e.event)).toEqual(['signIn', 'signIn', 'passwordSet', 'signInFailed', 'setupCodeIssued']);
  });

  it('refuses an unknown, malformed or expired code and a short password, changing nothing but the log of nothing', async () => {
    const { setup } = await h.call('han', 'staff.create', { name: 'New Person', email: 'new@heraldcorp.com', roles: ['reporter'] });
    await refusedUnchanged(h, null, 'session.setUp', { code: setup.code, password: 'short' }, 'VALIDATION');
    await refusedUnchanged(h, null, 'session.setUp', { code: 'AAAA-BBBB-CCCC', password: 'a long enough password' }, 'VALIDATION');
    await refusedUnchanged(h, null, 'session.setUp', { code: '0000-1111-IIII', password: 'a long enough password' }, 'VALIDATION');
    h.clock.advance(7 * 24 * 3_600_000);
    const expired = await refusedUnchanged(h, null, 'session.setUp', { code: setup.code, password: 'a long enough password' }, 'VALIDATION');
    expect(expired.message).toMatch(/expired/);
  });

  it('a new code replaces the old one; only the first admin may set a name or e-mail with theirs', async () => {
    const { staff, setup: first } = await h.call('han', 'staff.create', { name: 'New Person', email: 'new@heraldcorp.com', roles: ['reporter'] });
    const { setup: second } = await h.call('han', 'staff.resetPassword', { id: staff.id });
    await refusedUnchanged(h, null, 'session.setUp', { code: first.code, password: 'a long enough password' }, 'VALIDATION');
    const renaming = await refusedUnchanged(h, null, 'session.setUp', { code: second.code, password: 'a long enough password', email: 'me@example.com' }, 'VALIDATION');
    expect(renaming.message).toMatch(/admin/);
    await callCore(h.core, null, 'session.setUp', { code: second.code, password: 'a long enough password' });
  });

  it('staff.resetPassword clears the password, ends every session at once and issues a code; admins only', async () => {
    const mine = await signIn(JI, DEMO_PASSWORD);
    await refusedUnchanged(h, 'kim', 'staff.resetPassword', { id: h.staff.ji.id }, 'FORBIDDEN');
    const { setup } = await h.call('han', 'staff.resetPassword', { id: h.staff.ji.id });
    expect((await callCore(h.core, mine.token, 'session.current', {})).staff).toBeNull();
    expect((await h.fails('ji', 'stories.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await failure(signIn(JI, DEMO_PASSWORD))).code).toBe('UNAUTHENTICATED');
    expect((await h.call('han', 'staff.list', {})).staff.find((s) => s.id === h.staff.ji.id)?.passwordSet).toBe(false);
    await callCore(h.core, null, 'session.setUp', { code: setup.code, password: 'Ji’s new password' });
    expect((await signIn(JI, 'Ji’s new password')).staff.id).toBe(h.staff.ji.id);
    expect((await events(h.staff.ji.id)).map((e) => [e.event, e.actorId])).toEqual(
      expect.arrayContaining([
        ['passwordReset', h.staff.han.id],
        ['setupCodeIssued', h.staff.han.id],
      ]),
    );
  });
});

describe('session.changePassword', () => {
  it('checks the current password, ends every other session of the person and keeps this one', async () => {
    const here = await signIn(JI, DEMO_PASSWORD);
    const there = await signIn(JI, DEMO_PASSWORD);
    const wrong = await failure(callCore(h.core, here.token, 'session.changePassword', { currentPassword: 'wrong', newPassword: 'a brand new password' }));
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: 'The current password is wrong.' });
    expect((await failure(callCore(h.core, here.token, 'session.changePassword', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }))).code).toBe('VALIDATION');

    const done = await callCore(h.core, here.token, 'session.changePassword', { currentPassword: DEMO_PASSWORD, newPassword: 'a brand new password' });
    // The harness's session and the other sign-in end; this one stays.
    expect(done).toEqual({ ok: true, endedSessions: 2 });
    expect((await callCore(h.core, here.token, 'session.current', {})).staff?.id).toBe(h.staff.ji.id);
    expect((await callCore(h.core, there.token, 'session.current', {})).staff).toBeNull();
    expect((await failure(signIn(JI, DEMO_PASSWORD))).code).toBe('UNAUTHENTICATED');
    expect((await signIn(JI, 'a brand new password')).staff.id).toBe(h.staff.ji.id);
    expect((await events(h.staff.ji.id)).map((e) => e.event)).toContain('passwordChanged');
  });
});

describe('secrets', () => {
  it('no password or token appears in any row, any answer or the account log', async () => {
    const password = 'a secret nobody should see 42';
    const { setup } = await h.call('han', 'staff.create', { name: 'Secret Keeper', email: 'keeper@heraldcorp.com', roles: ['reporter'] });
    const answers: unknown[] = [];
    const done = await callCore(h.core, null, 'session.setUp', { code: setup.code, password });
    answers.push({ ...done, token: undefined });
    answers.push(await signIn('keeper@heraldcorp.com', password).then((a) => ({ ...a, token: undefined })));
    await failure(signIn('keeper@heraldcorp.com', `${password}!`));
    await callCore(h.core, done.token, 'session.changePassword', { currentPassword: password, newPassword: `${password} again` });
    answers.push(await h.call('han', 'staff.list', {}));
    answers.push(await h.call('han', 'staff.accountEvents', {}));
    answers.push(await callCore(h.core, done.token, 'session.list', {}));
    const rows = await everyRow(h);
    for (const secret of [password, `${password}!`, `${password} again`, done.token, setup.code, setup.code.replace(/-/g, '')]) {
      expect(rows).not.toContain(secret);
      expect(JSON.stringify(answers)).not.toContain(secret);
    }
    expect(rows).toMatch(/scrypt\$15\$8\$1\$/);
  });
});

describe('staff.accountEvents', () => {
  it('pages newest first with a cursor, narrows to one person, and is for admins only', async () => {
    for (let i = 0; i < 3; i++) {
      await failure(signIn(JI, `wrong ${i}`));
      h.clock.advance(1000);
    }
    await signIn('soohyun.park@heraldcorp.com', DEMO_PASSWORD);
    const first = await h.call('han', 'staff.accountEvents', { limit: 2 });
    expect(first.events.map((e) => [e.event, e.staffName])).toEqual([
      ['signIn', 'Park Soo-hyun'],
      ['signInFailed', 'Ji Da-gyum'],
    ]);
    const second = await h.call('han', 'staff.accountEvents', { limit: 2, cursor: first.nextCursor! });
    expect(second.events.map((e) => e.event)).toEqual(['signInFailed', 'signInFailed']);
    expect(second.nextCursor).toBeUndefined();
    expect((await h.call('han', 'staff.accountEvents', { staffId: h.staff.park.id })).events.map((e) => e.event)).toEqual(['signIn']);
    await refusedUnchanged(h, 'kim', 'staff.accountEvents', {}, 'FORBIDDEN');
    await refusedUnchanged(h, null, 'staff.accountEvents', {}, 'UNAUTHENTICATED');
    await refusedUnchanged(h, 'han', 'staff.accountEvents', { cursor: 'not a cursor' }, 'VALIDATION');
  });
});

describe('session.access and the demo newsroom', () => {
  it('a demo newsroom names its accounts and the demo password; every demo account signs in with it', async () => {
    const access = await callCore(h.core, null, 'session.access', {});
    expect(access).toMatchObject({ demo: true, demoPassword: 'newsdesk-demo', needsFirstAdmin: false });
    expect(access.demoAccounts).toHaveLength(6);
    expect(access.demoAccounts).toContainEqual({ name: 'Han Seung-woo', email: 'seungwoo.han@heraldcorp.com', roles: ['admin'] });
    expect(await h.core.firstAdminSetup()).toBeNull();
  });
});

describe('a newsroom that is not a demo', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const open = async (dataDir: string, demo = false): Promise<Core> => createCore({ dataDir, ...(await storageFor(dataDir)), demo });
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-accounts-'));
    dirs.push(d);
    return d;
  };

  it('lists no accounts, and the first admin sets their name, e-mail and password with the code the shell was given', async () => {
    const core = await open(tempDir());
    try {
      expect(await callCore(core, null, 'session.access', {})).toEqual({ demo: false, demoPassword: null, demoAccounts: [], needsFirstAdmin: true });
      const old = (await core.firstAdminSetup())!;
      const setup = (await core.firstAdminSetup())!;
      expect(setup.code).not.toBe(old.code);
      // The older code was replaced.
      expect((await failure(callCore(core, null, 'session.setUp', { code: old.code, password: 'the first admin password' }))).code).toBe('VALIDATION');
      const { staff, token } = await callCore(core, null, 'session.setUp', {
        code: setup.code,
        password: 'the first admin password',
        name: '한승우',
        email: 'seungwoo.han@heraldcorp.com',
      });
      expect(staff).toMatchObject({ name: '한승우', email: 'seungwoo.han@heraldcorp.com', roles: ['admin'], passwordSet: true });
      expect((await callCore(core, null, 'session.access', {})).needsFirstAdmin).toBe(false);
      expect(await core.firstAdminSetup()).toBeNull();
      expect((await callCore(core, token, 'staff.list', {})).staff).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('a newsroom from before passwords: its first admin sets up with a code, then gives the others codes', async () => {
    const dir = tempDir();
    await (await open(dir, true)).close();
    const db = await openNewsroomDb(dir);
    await db.exec(`UPDATE staff SET password_hash = NULL; DELETE FROM newsroom;`);
    await db.close();
    const core = await open(dir);
    try {
      expect(await callCore(core, null, 'session.access', {})).toMatchObject({ demo: false, demoAccounts: [], needsFirstAdmin: true });
      expect((await failure(callCore(core, null, 'session.signIn', { email: 'seungwoo.han@heraldcorp.com', password: DEMO_PASSWORD }))).code).toBe('UNAUTHENTICATED');
      const setup = (await core.firstAdminSetup())!;
      const admin = await callCore(core, null, 'session.setUp', { code: setup.code, password: 'the admin’s own password' });
      expect(admin.staff).toMatchObject({ name: 'Han Seung-woo', roles: ['admin'] });
      const { staff } = await callCore(core, admin.token, 'staff.list', {});
      const ji = staff.find((s) => s.email === JI)!;
      expect(ji.passwordSet).toBe(false);
      const { setup: jis } = await callCore(core, admin.token, 'staff.resetPassword', { id: ji.id });
      expect((await callCore(core, null, 'session.setUp', { code: jis.code, password: 'Ji sets her own' })).staff.id).toBe(ji.id);
    } finally {
      await core.close();
    }
  });

  it('a demo database from before passwords gets the demo password when opened as a demo', async () => {
    const dir = tempDir();
    const core = await open(dir, true);
    await core.close();
    // As if made before passwords: nobody has one and the newsroom does not say it is a demo.
    const db = await openNewsroomDb(dir);
    await db.exec(`UPDATE staff SET password_hash = NULL; DELETE FROM newsroom;`);
    await db.close();
    const plain = await open(dir);
    try {
      expect(await callCore(plain, null, 'session.access', {})).toMatchObject({ demo: false, needsFirstAdmin: true });
    } finally {
      await plain.close();
    }
    const demo = await open(dir, true);
    try {
      expect(await callCore(demo, null, 'session.access', {})).toMatchObject({ demo: true, needsFirstAdmin: false });
      expect((await callCore(demo, null, 'session.signIn', { email: JI, password: DEMO_PASSWORD })).staff.name).toBe('Ji Da-gyum');
    } finally {
      await demo.close();
    }
  });
});
