// Migration 003 (text_version): adds the column to a database at version 2, starts every story's
// text_version at its version, and later text saves set it while photo-layout writes leave it.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m003 from '../../../db/sqlite/migrations/003_text_version.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { getStory, getStoryTextVersion, insertStory, updateStoryContent } from '../../../db/stories.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

function atVersion2() {
  const db = dbAtVersion(2);
  db.exec(`INSERT INTO desks (name) VALUES ('National'); INSERT INTO staff (name, email) VALUES ('A', 'a@example.com');`);
  return db;
}

const content = (text: string) => {
  const body = docFromParagraphs([text]);
  return { slug: 's', desk: 'National', headline: 'H', subheadlines: [], dateline: '', language: 'en', body, bodyText: text, wordCount: 2 };
};

describe('migration 003_text_version', () => {
  it('is registered after 002', () => {
    expect(MIGRATIONS.map((m) => m.version)).toContain(m003.version);
    expect(m003.version).toBe(3);
  });

  it('starts text_version at each story’s version and leaves the rest of the row alone', () => {
    const db = atVersion2();
    db.prepare(
      `INSERT INTO stories (slug, desk, headline, created_by, created_at, updated_at, body_text, body, version) VALUES ('s', 'National', 'Hello', 1, 't', 't', 'old words', ?, 7)`,
    ).run(JSON.stringify(docFromParagraphs(['old words'])));
    const before = db.prepare(`SELECT * FROM stories`).get() as Record<string, unknown>;
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    const after = db.prepare(`SELECT * FROM stories`).get() as Record<string, unknown>;
    expect(after.text_version).toBe(7);
    const { text_version: _tv, ...rest } = after;
    expect(rest).toEqual(expect.objectContaining(before)); // later migrations may add columns
    // The search index was not disturbed.
    expect(db.prepare(`SELECT count(*) FROM stories_fts WHERE stories_fts MATCH 'old'`).pluck().get()).toBe(1);
    db.close();
  });

  it('is set by inserts and text writes, and kept by writes that give no textVersion', async () => {
    const db = atVersion2();
    migrate(db);
    const id = await insertStory(sqliteStore(db), { ...content('first words'), createdBy: 1, at: 't', bylineIds: [1] });
    expect(await getStoryTextVersion(sqliteStore(db), id)).toBe(1);
    await updateStoryContent(sqliteStore(db), id, { ...content('second words'), version: 2, textVersion: 2, at: 't2' });
    expect(await getStoryTextVersion(sqliteStore(db), id)).toBe(2);
    // A photo-layout write: version moves on, text_version stays.
    await updateStoryContent(sqliteStore(db), id, { ...content('second words'), version: 3, at: 't3' });
    expect((await getStory(sqliteStore(db), id))?.version).toBe(3);
    expect(await getStoryTextVersion(sqliteStore(db), id)).toBe(2);
    expect(await getStoryTextVersion(sqliteStore(db), 999)).toBeNull();
    db.close();
  });
});
