// Migration 003: stories.text_version, the version of the story's last TEXT change (save or
// restore). Photo-layout writes (attach, detach, reorder an inline photo) bump `version` but not
// this, so a writer's save based on a version older than `version` but not older than
// `text_version` is merged instead of refused as a conflict. Existing stories start equal.

import type { SqliteDb as Db } from '../statements.js';

export const version = 3;
export const name = 'text_version';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE stories ADD COLUMN text_version INTEGER NOT NULL DEFAULT 0;
    UPDATE stories SET text_version = version;
  `);
}
