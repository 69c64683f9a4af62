// Migration 003: how many stories stand in each status on each desk, kept by a trigger. A queue
// shows its count with every page; counting a desk's 10,000 published stories row by row (an
// index-only scan still visits each entry) costs more than the page itself. The count of a queue
// filtered by status and desk alone is then a sum of a few rows (db/search.ts).
// Two transactions moving stories between the same two statuses take the two counter rows in
// the same order (the lower key first), so they wait for each other instead of deadlocking.

import type { Sql } from '../../sql.js';

export const version = 3;
export const name = 'story counts';

export async function up(db: Sql): Promise<void> {
  const schema = (await db.value<string>(`SELECT quote_ident(current_schema())`)) ?? 'public';
  await db.exec(`
    CREATE TABLE story_counts (
      status  text NOT NULL,
      desk    text NOT NULL,
      n       bigint NOT NULL,
      PRIMARY KEY (status, desk)
    );
    INSERT INTO story_counts (status, desk, n) SELECT status, desk, count(*) FROM stories GROUP BY status, desk;

    CREATE FUNCTION newsdesk_count_story(status text, desk text, delta integer) RETURNS void LANGUAGE sql AS $$
      INSERT INTO ${schema}.story_counts AS c (status, desk, n) VALUES (status, desk, delta)
      ON CONFLICT (status, desk) DO UPDATE SET n = c.n + excluded.n
    $$;

    CREATE FUNCTION newsdesk_count_stories() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM ${schema}.newsdesk_count_story(NEW.status, NEW.desk, 1);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM ${schema}.newsdesk_count_story(OLD.status, OLD.desk, -1);
      ELSIF (OLD.status, OLD.desk) < (NEW.status, NEW.desk) THEN
        PERFORM ${schema}.newsdesk_count_story(OLD.status, OLD.desk, -1);
        PERFORM ${schema}.newsdesk_count_story(NEW.status, NEW.desk, 1);
      ELSE
        PERFORM ${schema}.newsdesk_count_story(NEW.status, NEW.desk, 1);
        PERFORM ${schema}.newsdesk_count_story(OLD.status, OLD.desk, -1);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER stories_count_insert_delete AFTER INSERT OR DELETE ON stories
      FOR EACH ROW EXECUTE FUNCTION newsdesk_count_stories();
    -- A save names the desk without moving the story: only a real move is counted.
    CREATE TRIGGER stories_count_move AFTER UPDATE OF status, desk ON stories
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.desk IS DISTINCT FROM NEW.desk)
      EXECUTE FUNCTION newsdesk_count_stories();
  `);
}
