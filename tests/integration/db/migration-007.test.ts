// Migration 007 (accounts): on a database at version 6 nobody has a password yet, no session,
// setup code, throttle or account event exists, and a text lock taken before keeps its holder and
// time with no session (it lapses by its time, as before). The new tables refuse what the core
// never writes: an unknown end reason or account event, an ended session without a reason.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m007 from '../../../db/sqlite/migrations/007_accounts.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { countActiveAdminsWithPassword, getPasswordHash, listStaff } from '../../../db/staff.js';
import { getStory } from '../../../db/stories.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

function atVersion6() {
  const db = dbAtVersion(6);
  db.exec(`INSERT INTO desks (name) VALUES ('National');
    INSERT INTO staff (name, email) VALUES ('Han Seung-woo', 'seungwoo.han@heraldcorp.com'), ('Ji Da-gyum', 'dagyumji@heraldcorp.com');
    INSERT INTO staff_roles (staff_id, role) VALUES (1, 'admin'), (2, 'reporter');`);
  db.prepare(
    `INSERT INTO stories (slug, desk, headline, status, created_by, created_at, updated_at, body_text, body, lock_staff_id, lock_acquired_at, lock_expires_at)
     VALUES ('s', 'National', 'Locked', 'draft', 2, 't', 't', 'w', ?, 2, '2026-11-26T09:00:00.000Z', '2026-11-26T09:30:00.000Z')`,
  ).run(JSON.stringify(docFromParagraphs(['w'])));
  return db;
}

describe('migration 007_accounts', () => {
  it('is registered after 006', () => {
    expect(m007.version).toBe(7);
    expect(MIGRATIONS.map((m) => m.version).slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives nobody a password and leaves a lock taken before with its holder and time, and no session', async () => {
    const db = atVersion6();
    const stories = db.prepare(`SELECT * FROM stories`).all() as object[];
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    expect((await listStaff(sqliteStore(db))).map((s) => [s.name, s.passwordSet])).toEqual([
      ['Han Seung-woo', false],
      ['Ji Da-gyum', false],
    ]);
    expect(await getPasswordHash(sqliteStore(db), 1)).toBeNull();
    // Nobody can sign in: the first admin sets up with a code.
    expect(await countActiveAdminsWithPassword(sqliteStore(db))).toBe(0);
    expect(db.prepare(`SELECT * FROM stories`).all()).toEqual(stories.map((row) => expect.objectContaining({ ...row, lock_session_id: null })));
    expect((await getStory(sqliteStore(db), 1))?.lock).toEqual({
      staffId: 2,
      name: 'Ji Da-gyum',
      acquiredAt: '2026-11-26T09:00:00.000Z',
      expiresAt: '2026-11-26T09:30:00.000Z',
      sessionId: null,
      device: null,
    });
    for (const table of ['sessions', 'setup_codes', 'sign_in_throttle', 'account_events', 'newsroom']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });

  it('caps a lock at its session’s end and refuses rows the core never writes', async () => {
    const db = atVersion6();
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, device, address, ended_at, end_reason) VALUES (?, 2, 't', 't', ?, 'Chrome on Linux', NULL, ?, ?)`,
    );
    insert.run(Buffer.alloc(32, 1), '2026-11-26T09:10:00.000Z', null, null);
    db.prepare(`UPDATE stories SET lock_session_id = 1`).run();
    // The session expires before the lock's own time: the lock lapses with it.
    expect((await getStory(sqliteStore(db), 1))?.lock).toMatchObject({ sessionId: 1, device: 'Chrome on Linux', expiresAt: '2026-11-26T09:10:00.000Z' });
    db.prepare(`UPDATE sessions SET expires_at = '2026-11-27T00:00:00.000Z', ended_at = '2026-11-26T09:05:00.000Z', end_reason = 'signOut'`).run();
    expect((await getStory(sqliteStore(db), 1))?.lock?.expiresAt).toBe('2026-11-26T09:05:00.000Z');

    expect(() => insert.run(Buffer.alloc(32, 2), 'x', 'now', null)).toThrow(/CHECK/);
    expect(() => insert.run(Buffer.alloc(32, 3), 'x', 'now', 'bored')).toThrow(/CHECK/);
    // One token hash, one session.
    expect(() => insert.run(Buffer.alloc(32, 1), 'x', null, null)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO account_events (staff_id, event, at) VALUES (1, 'hacked', 't')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ('k', 0, 't')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
