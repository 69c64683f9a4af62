// Migration 005: the copy desk. finding_dismissals holds a desk editor's decision that a warning
// does not apply (by the finding's stable key, with the note). Each story keeps the count of its
// open findings for the desk queue; NULL means "not counted yet" and the core counts it in the
// background, so existing stories need no work here.

import type { Db } from '../statements.js';

export const version = 5;
export const name = 'copy_desk';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE finding_dismissals (
      story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      key       TEXT NOT NULL,
      note      TEXT NOT NULL,
      staff_id  INTEGER NOT NULL REFERENCES staff(id),
      at        TEXT NOT NULL,
      PRIMARY KEY (story_id, key)
    ) WITHOUT ROWID;

    ALTER TABLE stories ADD COLUMN findings_blocking INTEGER;
    ALTER TABLE stories ADD COLUMN findings_warning INTEGER;
    -- The background counter finds what it has still to count without scanning every story.
    CREATE INDEX stories_uncounted ON stories (id)
      WHERE findings_blocking IS NULL AND status IN ('draft', 'submitted', 'editing', 'approved', 'scheduled');
  `);
}
