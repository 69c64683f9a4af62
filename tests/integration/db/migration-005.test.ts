// Migration 005 (copy_desk): on a database at version 4 it adds the dismissals table and the
// per-story counts of open findings, leaving every story as it was with its count unknown
// (NULL), which the core then counts in the background.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import {
  deleteDismissal,
  getFindingCounts,
  invalidateFindingCounts,
  listDismissals,
  setFindingCounts,
  uncountedStoryIds,
  upsertDismissal,
} from '../../../db/findings.js';
import * as m005 from '../../../db/sqlite/migrations/005_copy_desk.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

function atVersion4() {
  const db = dbAtVersion(4);
  db.exec(`INSERT INTO desks (name) VALUES ('National');
    INSERT INTO staff (name, email) VALUES ('A', 'a@example.com');`);
  const insert = db.prepare(
    `INSERT INTO stories (slug, desk, headline, status, created_by, created_at, updated_at, body_text, body) VALUES (?, 'National', 'Hello', ?, 1, 't', 't', 'w', ?)`,
  );
  insert.run('draft-one', 'draft', JSON.stringify(docFromParagraphs(['w'])));
  insert.run('published-one', 'published', JSON.stringify(docFromParagraphs(['w'])));
  return db;
}

describe('migration 005_copy_desk', () => {
  it('is registered after 004', () => {
    expect(m005.version).toBe(5);
    expect(MIGRATIONS.map((m) => m.version).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves every story as it was, its findings not yet counted', async () => {
    const db = atVersion4();
    const before = db.prepare(`SELECT * FROM stories ORDER BY id`).all() as object[];
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    const after = db.prepare(`SELECT * FROM stories ORDER BY id`).all() as Record<string, unknown>[];
    expect(after).toEqual(before.map((row) => expect.objectContaining(row)));
    expect(after.map((r) => [r.findings_blocking, r.findings_warning, r.findings_generation])).toEqual([
      [null, null, 0],
      [null, null, 0],
    ]);
    // Only stories still in the workflow are waiting to be counted.
    expect(await uncountedStoryIds(sqliteStore(db), 10)).toEqual([1]);
    db.close();
  });

  it('keeps one dismissal per story and key, removed with the story', async () => {
    const db = atVersion4();
    migrate(db);
    await upsertDismissal(sqliteStore(db), 1, { key: 'dateline-missing', note: 'Desk adds it.', by: 1, at: '2026-11-26T09:00:00.000Z' });
    await upsertDismissal(sqliteStore(db), 1, { key: 'dateline-missing', note: 'Wire copy.', by: 1, at: '2026-11-26T09:05:00.000Z' });
    expect(await listDismissals(sqliteStore(db), 1)).toEqual([{ key: 'dateline-missing', note: 'Wire copy.', by: 1, byName: 'A', at: '2026-11-26T09:05:00.000Z' }]);
    expect(await deleteDismissal(sqliteStore(db), 1, 'dateline-missing')).toBe(true);
    expect(await deleteDismissal(sqliteStore(db), 1, 'dateline-missing')).toBe(false);
    await upsertDismissal(sqliteStore(db), 1, { key: 'k', note: 'n', by: 1, at: 't' });
    db.pragma('foreign_keys = ON');
    db.prepare(`DELETE FROM stories WHERE id = 1`).run();
    expect(await listDismissals(sqliteStore(db), 1)).toEqual([]);
    db.close();
  });

  it('counts are kept; invalidated for stories in the workflow only, the old counts showing until recounted', async () => {
    const db = atVersion4();
    migrate(db);
    await setFindingCounts(sqliteStore(db), 1, { blocking: 0, warning: 2 });
    await setFindingCounts(sqliteStore(db), 2, { blocking: 0, warning: 1 });
    expect(await uncountedStoryIds(sqliteStore(db), 10)).toEqual([]);
    await invalidateFindingCounts(sqliteStore(db));
    expect(await uncountedStoryIds(sqliteStore(db), 10)).toEqual([1]);
    expect(await getFindingCounts(sqliteStore(db), 1)).toEqual({ counts: { blocking: 0, warning: 2 }, current: false });
    // The published story keeps its count (counted again if it returns to the desk).
    expect((await getFindingCounts(sqliteStore(db), 2))?.counts).toEqual({ blocking: 0, warning: 1 });
    // A story the checks could not count is current (not retried until it changes) with no counts.
    await setFindingCounts(sqliteStore(db), 1, null);
    expect(await getFindingCounts(sqliteStore(db), 1)).toEqual({ counts: null, current: true });
    expect(await getFindingCounts(sqliteStore(db), 99)).toBeNull();
    db.close();
  });
});
