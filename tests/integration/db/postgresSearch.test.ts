// Text search on PostgreSQL, through the same terms the SQLite side uses (db/ftsQuery.ts): Korean
// words as prefixes, the last word as a prefix, words joined by punctuation as phrases, the same
// story and photo fields, and whatever a person types searched as text without an error.

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery, searchTerms } from '../../../db/ftsQuery.js';
import { openPostgres, type PostgresSql } from '../../../db/postgres/connection.js';
import { PHOTO_MATCH, STORY_HITS, storyQuery, tsQuery } from '../../../db/postgres/textSearch.js';
import { freshDatabase } from '../../support/postgres.js';

const NOW = '2026-12-07T05:00:00.000Z';

describe('PostgreSQL text search', () => {
  let db: PostgresSql;
  let staff: number;
  const story: Record<string, number> = {};

  const addStory = async (key: string, fields: Partial<Record<'headline' | 'subheadlines_text' | 'body_text' | 'byline_text' | 'slug' | 'captions_text', string>>) => {
    story[key] = (await db.value<number>(
      `INSERT INTO stories (slug, desk, created_by, created_at, updated_at, body, headline, subheadlines_text, body_text, byline_text, captions_text)
       VALUES (@slug, 'World', @staff, @now, @now, '{}', @headline, @sub, @body, @byline, @captions) RETURNING id`,
      {
        slug: fields.slug ?? key,
        staff,
        now: NOW,
        headline: fields.headline ?? '',
        sub: fields.subheadlines_text ?? '',
        body: fields.body_text ?? '',
        byline: fields.byline_text ?? '',
        captions: fields.captions_text ?? '',
      },
    ))!;
  };

  /** The stories a person's typed text finds, by their keys. */
  const find = async (typed: string): Promise<string[]> => {
    const q = storyQuery(searchTerms(typed));
    if (q === null) return [];
    const ids = await db.column<number>(`${STORY_HITS} ORDER BY h.story_id`, q.words, q.starts);
    return ids.map((id) => Object.keys(story).find((k) => story[k] === id)!);
  };

  beforeAll(async () => {
    db = await openPostgres(await freshDatabase());
    staff = (await db.value<number>(`INSERT INTO staff (name, email) VALUES ('Kim', 'kim@example.org') RETURNING id`))!;
    await db.run(`INSERT INTO desks (name) VALUES ('World')`);
    await addStory('missile', { headline: '북한의 미사일 발사', body_text: '합동참모본부는 북한이 오늘 동해상으로 탄도미사일을 발사했다고 밝혔다.' });
    await addStory('visit', { headline: 'Kim Jong-un visits the cabinet', body_text: 'The leader met officials; inflation rose 3.5% in May.' });
    await addStory('apart', { headline: 'Jong and Un', body_text: 'un jong mango' });
    await addStory('fields', { subheadlines_text: 'Harbour reopens', byline_text: 'Park Soo-jin', captions_text: 'Fishing boats at dawn', slug: 'busan-port' });
    await addStory('accents', { body_text: 'Émile Zola wrote «J’accuse» about Dreyfus' });
  });
  afterAll(() => db?.close());

  it('finds 북한의 by 북한 (Korean words match as prefixes), and in the body as well as the headline', async () => {
    expect(await find('북한')).toEqual(['missile']);
    expect(await find('탄도')).toEqual(['missile']);
    expect(await find('북한 발사')).toEqual(['missile']);
    expect(await find('남한')).toEqual([]);
  });

  it('matches the last word as a prefix and the others whole, in any case', async () => {
    expect(await find('cabi')).toEqual(['visit']);
    expect(await find('KIM CABINET')).toEqual(['visit']);
    expect(await find('cabi visits')).toEqual([]);
    expect(await find('émile')).toEqual(['accents']);
    expect(await find('EMILE')).toEqual(['accents']); // accents off, as SQLite's remove_diacritics
  });

  it('matches words joined by punctuation as a phrase, as the SQLite index does', async () => {
    expect(await find('Jong-un')).toEqual(['visit']);
    expect(await find('jong un')).toEqual(['visit', 'apart']); // two words, anywhere
    expect(await find('3.5%')).toEqual(['visit']);
    expect(await find('Soo-jin')).toEqual(['fields']);
    expect(await find('J’accuse')).toEqual(['accents']);
  });

  it('searches the same story fields as the SQLite index: headline, subheadlines, body, byline, slug, captions', async () => {
    expect(await find('harbour')).toEqual(['fields']);
    expect(await find('park')).toEqual(['fields']);
    expect(await find('busan')).toEqual(['fields']);
    expect(await find('dawn')).toEqual(['fields']);
  });

  it('reindexes a story when its text changes', async () => {
    expect(await find('mango')).toEqual(['apart']);
    await db.run(`UPDATE stories SET body_text = 'Typhoon warning lifted' WHERE id = ?`, story.apart);
    expect(await find('typhoon')).toEqual(['apart']);
    expect(await find('mango')).toEqual([]);
  });

  it('searches anything a person types as text, never as syntax, and never fails', async () => {
    const hostile = [
      `'`,
      `''`,
      `"`,
      `\\`,
      `\\'`,
      `&|!():*<->`,
      `a & b | !c`,
      `cabinet:*`,
      `'; DROP TABLE stories; --`,
      `" OR 1=1 --`,
      `NEAR(a b)`,
      `(((`,
      `😀🇰🇷`,
      `북한'의`,
      `\u0000`,
      ` `,
      ``,
      `x`.repeat(5000),
      Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '),
    ];
    for (const typed of hostile) {
      await expect(find(typed), typed).resolves.toBeInstanceOf(Array);
    }
    expect(await find(`'cabinet'`)).toEqual(['visit']);
    expect(await find(`cabinet & !kim`)).toEqual(['visit']);
    expect(await db.value('SELECT count(*) FROM stories')).toBe(5);
  });

  it('builds the query from quoted words: phrases with <->, prefixes with :*, all terms required', () => {
    expect(tsQuery(searchTerms(`Kim Jong-un 북한 it's`))).toBe(`'Kim' & 'Jong' <-> 'un' & '북한':* & 'it' <-> 's':*`);
    expect(tsQuery([{ term: `o'neil \\ x`, prefix: false }])).toBe(`'o' <-> 'neil' <-> 'x'`);
    expect(tsQuery(searchTerms('!!! ???'))).toBeNull();
    expect(tsQuery([])).toBeNull();
  });

  it('looks up a story search’s words typed so far of up to three letters among the starts of words, the rest as words', () => {
    // Korean words match as prefixes (북한 finds 북한의): short ones are starts too.
    expect(storyQuery(searchTerms('Kim Jong-un 북한 to'))).toEqual({ words: `'Kim' & 'Jong' <-> 'un'`, starts: `'북한' & 'to'` });
    expect(storyQuery(searchTerms('합동참모본부'))).toEqual({ words: `'합동참모본부':*`, starts: null });
    expect(storyQuery(searchTerms('missile laun'))).toEqual({ words: `'missile' & 'laun':*`, starts: null });
    expect(storyQuery(searchTerms('북 3'))).toEqual({ words: null, starts: `'북' & '3'` });
    // A phrase typed so far, or letters and digits mixed, stay prefixes of words.
    expect(storyQuery(searchTerms('a-b x1'))).toEqual({ words: `'a' <-> 'b' & 'x1':*`, starts: null });
    expect(storyQuery(searchTerms("'"))).toBeNull();
  });

  it('finds what SQLite’s FTS5 index finds for the same typed text', async () => {
    const texts = [
      '북한의 미사일 발사',
      'Kim Jong-un visits',
      'inflation rose 3.5% in May',
      'e-mail kim@yna.co.kr today',
      'Yonhap/AP photo',
      'Café au lait naïve',
      "don't stop",
      'C++ and C# code',
      '“따옴표” 안의 말',
      'x_y snake_case',
      'U.S. troops',
      '1,000 people',
      "O'Neil said",
      'über-cool',
      'price: $5.99',
      'http://example.com/path?q=1',
      'foo.bar.baz',
      'tab\tseparated\nlines',
      'emoji😀inside',
      '中文 日本語テキスト',
      'COVID-19 cases',
      '2026-12-07 date',
      '10:30 a.m.',
      'hello…world',
      'em—dash',
    ];
    const queries = [
      // Words typed so far of one to three letters: looked up among the starts of words.
      'ca',
      'caf',
      'é',
      'k',
      '북',
      'kim 북',
      'Œu',
      '북한',
      '미사',
      '발사 북한',
      'jong-un',
      'jong',
      'un',
      '3.5',
      '3',
      'kim@yna.co.kr',
      'yna',
      'yonhap/ap',
      'cafe',
      'café',
      'naive',
      "don't",
      'don',
      'c++',
      'c#',
      '따옴표',
      '"따옴표"',
      'snake_case',
      'case',
      'u.s.',
      'us',
      '1,000',
      '000',
      "o'neil",
      'neil',
      'uber',
      'über',
      '5.99',
      'example.com',
      'path',
      'foo.bar',
      'bar',
      'separated lines',
      'emoji',
      'inside',
      '中文',
      '日本語',
      'テキスト',
      'covid-19',
      'covid',
      '2026-12-07',
      '12',
      '10:30',
      'a.m.',
      'hello',
      'world',
      'em',
      'dash',
      'ph',
      'photo yonhap',
    ];
    // The stories index of the SQLite migrations, over one column.
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
    try {
      // One transaction: the temporary table lives on its connection only, and goes with the rollback.
      await db.transaction(async () => {
        await db.exec(`CREATE TEMPORARY TABLE parity (id bigint PRIMARY KEY, t text NOT NULL) ON COMMIT DROP`);
        for (const [i, t] of texts.entries()) {
          sqlite.prepare('INSERT INTO f (rowid, t) VALUES (?, ?)').run(i + 1, t);
          await db.run(`INSERT INTO parity (id, t) VALUES (?, ?)`, i + 1, t);
        }
        // The stories' search vector (migrations 001 and 002), over the one column.
        await db.exec(`ALTER TABLE parity ADD COLUMN v tsvector GENERATED ALWAYS AS (newsdesk_search_vector(t)) STORED`);
        // And the starts of its words (migration 002), where the stories' short prefixes are looked up.
        await db.exec(`ALTER TABLE parity ADD COLUMN s tsvector GENERATED ALWAYS AS (newsdesk_word_starts(newsdesk_search_vector(t))) STORED`);
        for (const typed of queries) {
          const fts = ftsQuery(typed);
          const expected = fts ? (sqlite.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').pluck().all(fts) as number[]) : [];
          const plain = await db.column<number>(`SELECT id FROM parity WHERE v @@ to_tsquery('newsdesk_search', ?) ORDER BY id`, tsQuery(searchTerms(typed)));
          const q = storyQuery(searchTerms(typed));
          const split = await db.column<number>(
            `SELECT id FROM parity WHERE (CAST(@words AS text) IS NULL OR v @@ to_tsquery('newsdesk_search', @words))
             AND (CAST(@starts AS text) IS NULL OR s @@ to_tsquery('newsdesk_search', @starts)) ORDER BY id`,
            { words: q?.words ?? null, starts: q?.starts ?? null },
          );
          expect(
            plain.map((i) => texts[i - 1]),
            typed,
          ).toEqual(expected.map((i) => texts[i - 1]));
          expect(
            split.map((i) => texts[i - 1]),
            `${typed} (short prefixes among word starts)`,
          ).toEqual(expected.map((i) => texts[i - 1]));
        }
      });
    } finally {
      sqlite.close();
    }
  });

  it('saves a story of the longest body the editor allows, whatever its words, and keeps it searchable', async () => {
    // 200,000 characters of words that never repeat: the most a search vector can be asked to hold.
    const syllable = (n: number) => String.fromCodePoint(0xac00 + (n % 11172));
    const words = Array.from({ length: 70_000 }, (_, i) => syllable(i) + syllable(Math.floor(i / 11172) * 7 + 3));
    const body = `시작 ${words.join(' ')}`.slice(0, 200_000);
    await addStory('long', { body_text: body });
    expect(await find('시작')).toEqual(['long']);
    // Past any limit (ten times that): still saved, its beginning searchable.
    await db.run(`UPDATE stories SET body_text = ? WHERE id = ?`, `처음 ${Array.from({ length: 10 }, () => body).join(' ')}`, story.long);
    expect(await find('처음')).toEqual(['long']);
    await db.run(`DELETE FROM stories WHERE id = ?`, story.long);
  });

  it('searches the photo library over caption, credit, creator, keywords and file name', async () => {
    const photo = async (fields: Record<string, string>) =>
      (await db.value<number>(
        `INSERT INTO photo_assets (hash, original_name, content_type, width, height, bytes, caption, credit, creator, keywords, imported_at, imported_by)
         VALUES (@hash, @name, 'image/jpeg', 10, 10, 100, @caption, @credit, @creator, @keywords, @now, @staff) RETURNING id`,
        { caption: '', credit: '', creator: '', keywords: '[]', now: NOW, staff, ...fields },
      ))!;
    const boats = await photo({
      hash: 'a',
      name: 'IMG_2041.jpg',
      caption: '부산항의 어선들',
      credit: 'Yonhap/AP',
      creator: 'Lee Min-ho',
      keywords: '["harbour","dawn"]',
    });
    const rally = await photo({ hash: 'b', name: 'rally.jpg', caption: 'A rally in Seoul' });
    const findPhotos = async (typed: string) => db.column<number>(`SELECT a.id FROM photo_assets a WHERE ${PHOTO_MATCH} ORDER BY a.id`, tsQuery(searchTerms(typed)));
    expect(await findPhotos('부산항')).toEqual([boats]);
    expect(await findPhotos('yonhap')).toEqual([boats]);
    expect(await findPhotos('Yonhap/AP')).toEqual([boats]);
    expect(await findPhotos('min-ho')).toEqual([boats]);
    expect(await findPhotos('harbour')).toEqual([boats]);
    expect(await findPhotos('img_2041')).toEqual([boats]);
    expect(await findPhotos('seoul')).toEqual([rally]);
    expect(await findPhotos('jpg')).toEqual([boats, rally]);
  });
});
