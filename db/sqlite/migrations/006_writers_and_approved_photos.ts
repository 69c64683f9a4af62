// Migration 006: who wrote a story's text, and the photo credits a story was approved with.
//
// story_text_runs holds, per story, who wrote each character of its text (headline, subheadlines,
// body) as runs; story_writers each person's words in it. Four eyes reads the words: a desk editor
// who wrote a material share of the text may not approve it alone. Existing stories get no rows:
// their text counts as their creator's until the next save (the creator is an author anyway).
//
// story_photos.approved_creator and approved_copyright hold the asset's creator and copyright as
// they were when the story was approved (NULL while it is not): the story publishes these even if
// the photo desk changes the library record afterwards. Stories already approved, scheduled,
// published or killed take today's values.

import type { SqliteDb as Db } from '../statements.js';

export const version = 6;
export const name = 'writers_and_approved_photos';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE story_text_runs (
      story_id  INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
      runs      TEXT NOT NULL
    );

    CREATE TABLE story_writers (
      story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      staff_id  INTEGER NOT NULL REFERENCES staff(id),
      words     INTEGER NOT NULL CHECK (words > 0),
      PRIMARY KEY (story_id, staff_id)
    ) WITHOUT ROWID;

    ALTER TABLE story_photos ADD COLUMN approved_creator TEXT;
    ALTER TABLE story_photos ADD COLUMN approved_copyright TEXT;
    UPDATE story_photos SET
      approved_creator = (SELECT a.creator FROM photo_assets a WHERE a.id = story_photos.asset_id),
      approved_copyright = (SELECT a.copyright FROM photo_assets a WHERE a.id = story_photos.asset_id)
    WHERE story_id IN (SELECT id FROM stories WHERE status IN ('approved', 'scheduled', 'published', 'killed'));
  `);
}
