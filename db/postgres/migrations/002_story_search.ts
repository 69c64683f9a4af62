// Migration 002: the stories' search vectors move to a narrow table of their own, story_search.
// A search lists its newest matches first; with the vector on the stories row, PostgreSQL's
// planner would walk the stories' primary key newest first and test each row's vector, reading
// every vector (kilobytes each, stored out of line) until the page filled: 100 ms and more for a
// query whose words are rare in recent stories. story_search has no ordered index on story_id
// (a hash index finds one story's row), so a search always starts from the GIN index's matches
// and sorts those, reading no vector at all for a query of plain words.
// A search asks newsdesk_story_hits(), below. A trigger on stories keeps the table, in the same transaction as the write; the vector is the one
// migration 001 computed (newsdesk_search_vector over the same columns).

import type { Sql } from '../../sql.js';

export const version = 2;
export const name = 'story search table';

const SEARCHED = ['headline', 'subheadlines_text', 'body_text', 'byline_text', 'slug', 'captions_text'];

export async function up(db: Sql): Promise<void> {
  // Named with their schema: the trigger runs under whatever search_path the writing session has.
  const schema = (await db.value<string>(`SELECT quote_ident(current_schema())`)) ?? 'public';
  const vectorOf = (row: string) => `${schema}.newsdesk_search_vector(${SEARCHED.map((c) => `${row}.${c}`).join(` || ' ' || `)})`;
  await db.exec(`
    CREATE TABLE story_search (
      story_id       bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      search_vector  tsvector NOT NULL
    );
    INSERT INTO story_search (story_id, search_vector) SELECT id, search_vector FROM stories;
    CREATE INDEX story_search_story ON story_search USING hash (story_id);
    CREATE INDEX story_search_match ON story_search USING gin (search_vector);
    ALTER TABLE stories DROP COLUMN search_vector;

    -- The stories matching a query, always found through the GIN index: on a small newsroom the
    -- planner would rather read the whole table and test every vector, which means reading every
    -- vector. (A function with its own settings is planned by itself, never inlined.)
    CREATE FUNCTION newsdesk_story_hits(query tsquery) RETURNS TABLE (story_id bigint)
      LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off
      AS $$ SELECT x.story_id FROM ${schema}.story_search x WHERE x.search_vector @@ query $$;

    CREATE FUNCTION newsdesk_index_story() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A story's row is written by one transaction at a time (it holds the row), so its
      -- search row is too: no two of these race to insert it.
      UPDATE ${schema}.story_search SET search_vector = ${vectorOf('NEW')} WHERE story_id = NEW.id;
      IF NOT FOUND THEN
        INSERT INTO ${schema}.story_search (story_id, search_vector) VALUES (NEW.id, ${vectorOf('NEW')});
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER stories_index AFTER INSERT OR UPDATE OF ${SEARCHED.join(', ')} ON stories
      FOR EACH ROW EXECUTE FUNCTION newsdesk_index_story();
  `);
}
