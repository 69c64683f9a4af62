// Migration 004 (story_authors): on a database at version 3 it records every story's creator and
// current byline as its authors; afterwards inserts and byline changes only ever add to them,
// so someone taken off a byline stays an author (four eyes).

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m004 from '../../../db/sqlite/migrations/004_story_authors.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { getStory, getStoryAuthorIds, insertStory, setByline } from '../../../db/stories.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

function atVersion3() {
  const db = dbAtVersion(3);
  db.exec(`INSERT INTO desks (name) VALUES ('National');
    INSERT INTO staff (name, email) VALUES ('A', 'a@example.com'), ('B', 'b@example.com'), ('C', 'c@example.com');`);
  return db;
}

const content = () => {
  const body = docFromParagraphs(['words']);
  return { slug: 's', desk: 'National', headline: 'H', subheadlines: [], dateline: '', language: 'en', body, bodyText: 'words', wordCount: 1 };
};

describe('migration 004_story_authors', () => {
  it('is registered after 003', () => {
    expect(m004.version).toBe(4);
    expect(MIGRATIONS.map((m) => m.version).slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it('starts each story’s authors with its creator and current byline, leaving the stories alone', async () => {
    const db = atVersion3();
    db.prepare(
      `INSERT INTO stories (slug, desk, headline, created_by, created_at, updated_at, body_text, body) VALUES ('s', 'National', 'Hello', 1, 't', 't', 'w', ?)`,
    ).run(JSON.stringify(docFromParagraphs(['w'])));
    db.exec(`INSERT INTO story_byline (story_id, staff_id, position) VALUES (1, 2, 0), (1, 3, 1)`);
    const before = db.prepare(`SELECT * FROM stories`).all();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(await getStoryAuthorIds(sqliteStore(db), 1)).toEqual([1, 2, 3]);
    // Later migrations may add columns; every value the story had is still there.
    expect(db.prepare(`SELECT * FROM stories`).all()).toEqual((before as object[]).map((row) => expect.objectContaining(row)));
    db.close();
  });

  it('inserts record creator and byline; byline changes only add; deleting a story removes its authors', async () => {
    const db = atVersion3();
    migrate(db);
    const id = await insertStory(sqliteStore(db), { ...content(), createdBy: 1, at: 't', bylineIds: [2] });
    expect(await getStoryAuthorIds(sqliteStore(db), id)).toEqual([1, 2]);
    await setByline(sqliteStore(db), id, [3]);
    expect((await getStory(sqliteStore(db), id))?.byline.map((b) => b.staffId)).toEqual([3]);
    expect((await getStory(sqliteStore(db), id))?.authorIds).toEqual([1, 2, 3]);
    await setByline(sqliteStore(db), id, [2, 3]);
    expect(await getStoryAuthorIds(sqliteStore(db), id)).toEqual([1, 2, 3]);
    db.pragma('foreign_keys = ON');
    db.prepare(`DELETE FROM story_byline WHERE story_id = ?`).run(id);
    db.prepare(`DELETE FROM stories WHERE id = ?`).run(id);
    expect(await getStoryAuthorIds(sqliteStore(db), id)).toEqual([]);
    db.close();
  });
});
