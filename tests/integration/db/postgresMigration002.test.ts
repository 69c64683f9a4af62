// PostgreSQL migration 002: a newsroom's stories at schema 1 (search vector on the stories row)
// move their search to story_search, and every later write keeps it: what a reporter finds
// before and after the upgrade is the same, a saved story is found by its new words only, a
// deleted one not at all.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresSql } from '../../../db/postgres/connection.js';
import { searchTerms } from '../../../db/ftsQuery.js';
import { tsQuery } from '../../../db/postgres/textSearch.js';
import { listStories } from '../../../db/search.js';
import { insertStory, setStoryLock, updateStoryContent, type StoryContent } from '../../../db/stories.js';
import { storyContent } from '../../support/storyRows.js';
import { freshDatabase } from '../../support/postgres.js';

const NOW = '2026-12-07T05:00:00.000Z';

const content = (headline: string, body: string, language = 'en'): StoryContent => storyContent(headline, body, { language });

const found = async (db: PostgresSql, query: string) => (await listStories(db, { query }, { limit: 50, after: null, now: NOW })).items.map((i) => i.headline);

describe('PostgreSQL migration 002: the stories’ search table', () => {
  let url: string;
  let db: PostgresSql;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    url = await freshDatabase();
    const old = await openPostgres(url, { migrateTo: 1 });
    const staff = (await old.value<number>(`INSERT INTO staff (name, email) VALUES ('Kim', 'kim@example.org') RETURNING id`))!;
    await old.run(`INSERT INTO desks (name) VALUES ('World')`);
    const add = async (key: string, c: StoryContent) => (ids[key] = await insertStory(old, { ...c, createdBy: staff, at: NOW, bylineIds: [staff] }));
    await add('missile', content('북한의 미사일 발사', '합동참모본부는 북한이 오늘 동해상으로 탄도미사일을 발사했다고 밝혔다.', 'ko'));
    await add('summit', content('Leaders meet in Seoul', 'The summit opened with talks on the peninsula.'));
    await add('cafe', content('Café owners protest', 'Rents doubled in Itaewon.'));
    // Schema 1 searched the vector on the row.
    expect(await old.column(`SELECT headline FROM stories WHERE search_vector @@ to_tsquery('newsdesk_search', ?)`, tsQuery(searchTerms('북한')))).toEqual([
      '북한의 미사일 발사',
    ]);
    await old.close();
    db = await openPostgres(url);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('moves every story’s search vector and drops the one on the row', async () => {
    expect(await db.value('SELECT version FROM newsdesk_schema')).toBeGreaterThanOrEqual(2);
    expect(await db.column(`SELECT story_id FROM story_search ORDER BY story_id`)).toEqual(Object.values(ids).sort((a, b) => a - b));
    expect(await db.value(`SELECT count(*) FROM information_schema.columns WHERE table_name = 'stories' AND column_name = 'search_vector'`)).toBe(0);
  });

  it('finds the same stories after the upgrade: prefixes, Korean particles, accents', async () => {
    expect(await found(db, '북한')).toEqual(['북한의 미사일 발사']);
    expect(await found(db, 'penin')).toEqual(['Leaders meet in Seoul']);
    expect(await found(db, 'cafe')).toEqual(['Café owners protest']);
    expect(await found(db, 'kim')).toEqual(['Café owners protest', 'Leaders meet in Seoul', '북한의 미사일 발사']);
  });

  it('keeps the search current with every save, and a write that changes no searched field changes nothing there', async () => {
    await updateStoryContent(db, ids.summit!, { ...content('Leaders meet in Busan', 'A ferry strike closed the port.'), version: 2, at: NOW });
    expect(await found(db, 'peninsula')).toEqual([]);
    expect(await found(db, 'ferry')).toEqual(['Leaders meet in Busan']);
    const before = await db.value<string>(`SELECT search_vector::text FROM story_search WHERE story_id = ?`, ids.summit);
    await setStoryLock(db, ids.summit!, { staffId: 1, acquiredAt: NOW, expiresAt: NOW });
    expect(await db.value<string>(`SELECT search_vector::text FROM story_search WHERE story_id = ?`, ids.summit)).toBe(before);
    expect(await db.value(`SELECT count(*) FROM story_search WHERE story_id = ?`, ids.summit)).toBe(1);
  });

  it('indexes a new story with its insert, inside the writing transaction, and forgets a deleted one', async () => {
    const staff = (await db.value<number>(`SELECT id FROM staff`))!;
    await expect(
      db.transaction(async () => {
        await insertStory(db, { ...content('Typhoon nears Jeju', 'Flights were cancelled.'), createdBy: staff, at: NOW, bylineIds: [staff] });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await found(db, 'typhoon')).toEqual([]);
    const id = await insertStory(db, { ...content('Typhoon nears Jeju', 'Flights were cancelled.'), createdBy: staff, at: NOW, bylineIds: [staff] });
    expect(await found(db, 'typhoon')).toEqual(['Typhoon nears Jeju']);
    await db.run(`DELETE FROM stories WHERE id = ?`, id);
    expect(await found(db, 'typhoon')).toEqual([]);
    expect(await db.value(`SELECT count(*) FROM story_search WHERE story_id = ?`, id)).toBe(0);
  });
});
