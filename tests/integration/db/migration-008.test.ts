// Migration 008 (offline desktops): on a database at version 7 every session becomes a browser's,
// a lock taken before stays a plain lock with its holder, time and session, and no key has been
// applied. The new columns and table refuse what the core never writes.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import { findAppliedKey, insertAppliedKey, pruneAppliedKeys } from '../../../db/appliedKeys.js';
import * as m008 from '../../../db/sqlite/migrations/008_offline_desktops.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { listLiveSessions } from '../../../db/sessions.js';
import { getStory } from '../../../db/stories.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

function atVersion7() {
  const db = dbAtVersion(7);
  db.exec(`INSERT INTO desks (name) VALUES ('National');
    INSERT INTO staff (name, email) VALUES ('Han Seung-woo', 'seungwoo.han@heraldcorp.com'), ('Ji Da-gyum', 'dagyumji@heraldcorp.com');
    INSERT INTO staff_roles (staff_id, role) VALUES (1, 'admin'), (2, 'reporter');`);
  db.prepare(
    `INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, device, address) VALUES (?, 2, '2026-11-26T09:00:00.000Z', '2026-11-26T09:00:00.000Z', '2026-11-26T21:00:00.000Z', 'Chrome on Linux', '192.0.2.10')`,
  ).run(Buffer.alloc(32, 1));
  db.prepare(
    `INSERT INTO stories (slug, desk, headline, status, created_by, created_at, updated_at, body_text, body, lock_staff_id, lock_acquired_at, lock_expires_at, lock_session_id)
     VALUES ('s', 'National', 'Locked', 'draft', 2, 't', 't', 'w', ?, 2, '2026-11-26T09:00:00.000Z', '2026-11-26T09:30:00.000Z', 1)`,
  ).run(JSON.stringify(docFromParagraphs(['w'])));
  return db;
}

describe('migration 008_offline_desktops', () => {
  it('is registered after 007', () => {
    expect(m008.version).toBe(8);
    expect(MIGRATIONS.map((m) => m.version).slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('makes every session a browser’s and every lock a plain one, and applies no key', async () => {
    const db = atVersion7();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect((await listLiveSessions(sqliteStore(db), 2, '2026-11-26T10:00:00.000Z')).map((s) => [s.device, s.kind])).toEqual([['Chrome on Linux', 'browser']]);
    const lock = (await getStory(sqliteStore(db), 1))?.lock;
    expect(lock).toEqual({
      staffId: 2,
      name: 'Ji Da-gyum',
      acquiredAt: '2026-11-26T09:00:00.000Z',
      expiresAt: '2026-11-26T09:30:00.000Z',
      sessionId: 1,
      device: 'Chrome on Linux',
    });
    expect(lock?.offline).toBeUndefined();
    expect(db.prepare(`SELECT count(*) FROM applied_keys`).pluck().get()).toBe(0);
    db.close();
  });

  it('keeps one outcome per person and key, and refuses what the core never writes', async () => {
    const db = atVersion7();
    migrate(db);
    const at = '2026-11-26T09:00:00.000Z';
    await insertAppliedKey(sqliteStore(db), { staffId: 2, key: 'k-00000001', method: 'stories.save', storyId: 1, outcome: { version: 2 }, at });
    // The same key of another person is another key.
    await insertAppliedKey(sqliteStore(db), { staffId: 1, key: 'k-00000001', method: 'stories.create', storyId: 1, outcome: { version: 1 }, at });
    expect(await findAppliedKey(sqliteStore(db), 2, 'k-00000001')).toEqual({ method: 'stories.save', storyId: 1, outcome: { version: 2 }, appliedAt: at });
    await expect(insertAppliedKey(sqliteStore(db), { staffId: 2, key: 'k-00000001', method: 'stories.save', storyId: 1, outcome: {}, at })).rejects.toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() =>
      db.prepare(`INSERT INTO applied_keys (staff_id, key, method, story_id, outcome, applied_at) VALUES (2, 'x', 'stories.get', 1, '{}', 't')`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO applied_keys (staff_id, key, method, story_id, outcome, applied_at) VALUES (2, 'y', 'stories.save', 1, 'not json', 't')`).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sessions SET kind = 'phone'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE stories SET lock_offline = 2`).run()).toThrow(/CHECK/);
    expect(await pruneAppliedKeys(sqliteStore(db), '2026-11-26T09:00:00.001Z')).toBe(2);
    expect(await findAppliedKey(sqliteStore(db), 2, 'k-00000001')).toBeNull();
    db.close();
  });
});
