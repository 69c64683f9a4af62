// Migration 004: story_authors, everyone who created a story or was ever on its byline. The
// byline itself may change (a desk editor may drop their own name); four eyes must not forget
// them, so rows are only ever added. Existing stories start with their creator and current byline.

import type { SqliteDb as Db } from '../statements.js';

export const version = 4;
export const name = 'story_authors';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE story_authors (
      story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      staff_id  INTEGER NOT NULL REFERENCES staff(id),
      PRIMARY KEY (story_id, staff_id)
    ) WITHOUT ROWID;

    INSERT OR IGNORE INTO story_authors (story_id, staff_id) SELECT id, created_by FROM stories;
    INSERT OR IGNORE INTO story_authors (story_id, staff_id) SELECT story_id, staff_id FROM story_byline;
  `);
}
