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
    -- Every start of one to three letters of the vector's words, as words without positions: a
    -- word typed so far ("to", "북한") is then one entry of the index to look up, where matching it
    -- as a prefix (to:*) would gather the entries of every word it starts, thousands for two letters.
    CREATE FUNCTION newsdesk_word_starts(vector tsvector) RETURNS tsvector
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT array_to_tsvector(ARRAY(SELECT DISTINCT left(w, n) FROM unnest(tsvector_to_array(vector)) AS w, generate_series(1, 3) AS n
                                            WHERE length(w) >= n)) $$;

    CREATE TABLE story_search (
      story_id       bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      search_vector  tsvector NOT NULL,
      word_starts    tsvector NOT NULL
    );
    INSERT INTO story_search (story_id, search_vector, word_starts) SELECT id, search_vector, ${schema}.newsdesk_word_starts(search_vector) FROM stories;
    CREATE INDEX story_search_story ON story_search USING hash (story_id);
    CREATE INDEX story_search_match ON story_search USING gin (search_vector, word_starts);
    ALTER TABLE stories DROP COLUMN search_vector;

    -- The stories matching the words (a tsquery on search_vector) and the short starts of words
    -- (a tsquery on word_starts), either null when the query has none, always found through the
    -- GIN index: on a small newsroom the planner would rather read the whole table and test every
    -- vector, which means reading every vector.
    CREATE FUNCTION newsdesk_story_hits(words tsquery, starts tsquery) RETURNS TABLE (story_id bigint)
      LANGUAGE plpgsql STABLE PARALLEL SAFE SET enable_seqscan = off AS $$
    BEGIN
      IF starts IS NULL THEN
        RETURN QUERY SELECT x.story_id FROM ${schema}.story_search x WHERE x.search_vector @@ words;
      ELSIF words IS NULL THEN
        RETURN QUERY SELECT x.story_id FROM ${schema}.story_search x WHERE x.word_starts @@ starts;
      ELSE
        RETURN QUERY SELECT x.story_id FROM ${schema}.story_search x WHERE x.search_vector @@ words AND x.word_starts @@ starts;
      END IF;
    END $$;

    CREATE FUNCTION newsdesk_index_story() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      vector tsvector := ${vectorOf('NEW')};
    BEGIN
      -- A story's row is written by one transaction at a time (it holds the row), so its
      -- search row is too: no two of these race to insert it.
      UPDATE ${schema}.story_search SET search_vector = vector, word_starts = ${schema}.newsdesk_word_starts(vector) WHERE story_id = NEW.id;
      IF NOT FOUND THEN
        INSERT INTO ${schema}.story_search (story_id, search_vector, word_starts) VALUES (NEW.id, vector, ${schema}.newsdesk_word_starts(vector));
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER stories_index AFTER INSERT OR UPDATE OF ${SEARCHED.join(', ')} ON stories
      FOR EACH ROW EXECUTE FUNCTION newsdesk_index_story();
  `);
}
