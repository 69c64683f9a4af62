// Migration 006 (writers_and_approved_photos): on a database at version 5 it adds the tables of
// who wrote each story's text (empty: existing text counts as the creator's until the next save)
// and freezes the photo credits of stories already past approval, leaving drafts to follow the library.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m006 from '../../../db/sqlite/migrations/006_writers_and_approved_photos.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { getStory, getTextAuthorship, setTextAuthorship } from '../../../db/stories.js';
import { freezeApprovedPhotoCredits, listStoryPhotos, thawApprovedPhotoCredits } from '../../../db/storyPhotos.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

const STATUSES = ['draft', 'editing', 'approved', 'scheduled', 'published', 'killed'] as const;

/** A database at version 5 with one story per status, each using the same photo. */
function atVersion5() {
  const db = dbAtVersion(5);
  db.exec(`INSERT INTO desks (name) VALUES ('National');
    INSERT INTO staff (name, email) VALUES ('A', 'a@example.com'), ('B', 'b@example.com');
    INSERT INTO photo_assets (hash, original_name, content_type, width, height, bytes, caption, credit, creator, copyright, imported_at, imported_by)
      VALUES ('abcdef0123456789', 'talks.jpg', 'image/jpeg', 10, 10, 100, 'Library caption', 'Yonhap', 'Lee Ji-hoon', '© Yonhap', 't', 1);`);
  const insert = db.prepare(
    `INSERT INTO stories (slug, desk, headline, status, created_by, created_at, updated_at, body_text, body) VALUES (?, 'National', 'Hello', ?, 1, 't', 't', 'w', ?)`,
  );
  for (const status of STATUSES) {
    const id = Number(insert.run(status, status, JSON.stringify(docFromParagraphs(['w']))).lastInsertRowid);
    db.prepare(`INSERT INTO story_photos (story_id, asset_id, placement, caption, credit) VALUES (?, 1, 'lead', 'Story caption', 'Yonhap')`).run(id);
  }
  return db;
}

describe('migration 006_writers_and_approved_photos', () => {
  it('is registered after 005', () => {
    expect(m006.version).toBe(6);
    expect(MIGRATIONS.map((m) => m.version).slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('leaves stories and their photos as they were; stories past approval keep today’s credits', async () => {
    const db = atVersion5();
    const stories = db.prepare(`SELECT * FROM stories ORDER BY id`).all() as object[];
    const photos = db.prepare(`SELECT * FROM story_photos ORDER BY id`).all() as object[];
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(db.prepare(`SELECT * FROM stories ORDER BY id`).all()).toEqual(stories.map((row) => expect.objectContaining(row)));
    expect(db.prepare(`SELECT * FROM story_photos ORDER BY id`).all()).toEqual(photos.map((row) => expect.objectContaining(row)));
    for (const [i, status] of STATUSES.entries()) {
      const [photo] = await listStoryPhotos(sqliteStore(db), i + 1);
      const frozen = ['approved', 'scheduled', 'published', 'killed'].includes(status);
      expect(photo?.approved, status).toEqual(frozen ? { creator: 'Lee Ji-hoon', copyright: '© Yonhap' } : undefined);
      // Nobody's writing is recorded yet: the text counts as the creator's until saved again.
      expect(await getTextAuthorship(sqliteStore(db), i + 1)).toBeNull();
      expect((await getStory(sqliteStore(db), i + 1))?.textShares).toEqual([]);
    }
    db.close();
  });

  it('stores writers by story, replaced on each save and removed with the story; freezes and thaws photo credits', async () => {
    const db = atVersion5();
    migrate(db);
    await setTextAuthorship(sqliteStore(db), 1, {
      runs: [
        [1, 10],
        [2, 5],
      ],
      words: [
        [1, 3],
        [2, 1],
      ],
    });
    expect(await getTextAuthorship(sqliteStore(db), 1)).toEqual({
      runs: [
        [1, 10],
        [2, 5],
      ],
      words: [
        [1, 3],
        [2, 1],
      ],
    });
    expect((await getStory(sqliteStore(db), 1))?.textShares).toEqual([
      { staffId: 1, words: 3, percent: 75 },
      { staffId: 2, words: 1, percent: 25 },
    ]);
    await setTextAuthorship(sqliteStore(db), 1, { runs: [[2, 4]], words: [[2, 1]] });
    expect(await getTextAuthorship(sqliteStore(db), 1)).toEqual({ runs: [[2, 4]], words: [[2, 1]] });

    await freezeApprovedPhotoCredits(sqliteStore(db), 1);
    expect((await listStoryPhotos(sqliteStore(db), 1))[0]?.approved).toEqual({ creator: 'Lee Ji-hoon', copyright: '© Yonhap' });
    db.prepare(`UPDATE photo_assets SET creator = 'Someone else'`).run();
    expect((await listStoryPhotos(sqliteStore(db), 1))[0]?.approved?.creator).toBe('Lee Ji-hoon');
    await thawApprovedPhotoCredits(sqliteStore(db), 1);
    expect((await listStoryPhotos(sqliteStore(db), 1))[0]?.approved).toBeUndefined();

    db.pragma('foreign_keys = ON');
    db.prepare(`DELETE FROM story_photos WHERE story_id = 1`).run();
    db.prepare(`DELETE FROM stories WHERE id = 1`).run();
    expect(await getTextAuthorship(sqliteStore(db), 1)).toBeNull();
    expect(db.prepare(`SELECT count(*) FROM story_writers`).pluck().get()).toBe(0);
    db.close();
  });
});
