// Migration 002 (photo desk search index): backfills assets that existed before it, and its
// triggers keep the index in step with inserts, edits and deletes.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m002 from '../../../db/sqlite/migrations/002_photo_desk.js';
import { ftsQuery } from '../../../db/ftsQuery.js';
import { listPhotoAssets, updatePhotoAssets } from '../../../db/photos.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

function atVersion1() {
  const db = dbAtVersion(1);
  db.prepare(`INSERT INTO staff (name, email) VALUES ('P', 'p@example.com')`).run();
  return db;
}

const insert = (db: Database.Database, name: string, caption: string) =>
  db
    .prepare(
      `INSERT INTO photo_assets (hash, original_name, content_type, width, height, bytes, caption, keywords, imported_at, imported_by)
       VALUES (?, ?, 'image/jpeg', 10, 10, 100, ?, '["harbour"]', '2026-01-01T00:00:00.000Z', 1)`,
    )
    .run(name.padEnd(64, '0'), name, caption);

const search = async (db: Database.Database, q: string) =>
  (await listPhotoAssets(sqliteStore(db), { fts: ftsQuery(q) }, { limit: 10, after: null })).items.map((a) => a.originalName);

describe('migration 002_photo_desk', () => {
  it('indexes photos imported before it ran, and follows later writes', async () => {
    const db = atVersion1();
    insert(db, 'aaa.jpg', 'Ferry leaving Mokpo');
    migrate(db);
    // migrate() runs every later migration too.
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(m002.version);
    expect(await search(db, 'Mokpo')).toEqual(['aaa.jpg']);
    expect(await search(db, 'harbour')).toEqual(['aaa.jpg']);

    insert(db, 'bbb.jpg', 'Night market in Busan');
    expect(await search(db, 'Busan')).toEqual(['bbb.jpg']);
    await updatePhotoAssets(sqliteStore(db), [2], { caption: 'Night market in Daegu' });
    expect(await search(db, 'Busan')).toEqual([]);
    expect(await search(db, 'Daegu')).toEqual(['bbb.jpg']);
    db.prepare(`DELETE FROM photo_assets WHERE id = 2`).run();
    expect(await search(db, 'Daegu')).toEqual([]);
    expect(db.prepare(`INSERT INTO photo_assets_fts (photo_assets_fts) VALUES ('integrity-check')`).run().changes).toBeGreaterThanOrEqual(0);
    db.close();
  });
});
