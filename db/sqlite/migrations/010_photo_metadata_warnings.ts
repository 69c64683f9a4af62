// Migration 010: the warnings a photo's metadata gave on import (blocks that disagree, a wrong
// character set, a sidecar for another photo), as a JSON list of sentences the photo detail panel
// shows. Photos imported before have none.

import type { SqliteDb as Db } from '../statements.js';

export const version = 10;
export const name = 'photo_metadata_warnings';

export function up(db: Db): void {
  db.exec(`ALTER TABLE photo_assets ADD COLUMN metadata_warnings TEXT NOT NULL DEFAULT '[]'`);
}
