// Migration 005: the copy desk. finding_dismissals holds a desk editor's decision that a warning
// does not apply (by the finding's stable key, with the note). Each story keeps the count of its
// open findings for the desk queue (NULL: never counted) and the generation of check settings it
// was counted under. A change to the house style starts a new generation (one row, not a write
// to every story); the core counts stories of older generations in the background, their old
// counts showing meanwhile. Existing stories start at generation 0, "never counted".

import type { SqliteDb as Db } from '../statements.js';

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
    ALTER TABLE stories ADD COLUMN findings_generation INTEGER NOT NULL DEFAULT 0;
    -- The background counter finds what it has still to count without scanning every story.
    CREATE INDEX stories_findings_generation ON stories (findings_generation, id)
      WHERE status IN ('draft', 'submitted', 'editing', 'approved', 'scheduled');
    INSERT INTO settings (key, value) VALUES ('copyDesk.generation', '1')
      ON CONFLICT (key) DO NOTHING;
  `);
}
