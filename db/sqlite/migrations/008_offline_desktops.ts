// Migration 008: desktops that work with a newsroom server and write offline.
//
// sessions.kind: 'desktop' for a desktop app's device session (it lasts through days offline,
// core/staff/sessions.ts gives it its own limits), 'browser' for everything else. Existing
// sessions become 'browser', which is what they were.
//
// stories.lock_offline: 1 while the text lock is an offline lease (stories.takeOffline): it
// lasts hours, not minutes, and everyone is shown that its holder works offline. Existing locks
// become plain locks (0).
//
// applied_keys: the keys a person's client sent with a save (saveId) or a create (clientId), each
// written in the same transaction as the change it made, with its outcome (the story it saved or
// made, or the refusal with the revision that kept the text), so a repeat answers the same and
// changes nothing. A key is one person's: another person's same key is another key. Rows older
// than the core's keeping time are pruned; none exist before.

import type { SqliteDb as Db } from '../statements.js';

export const version = 8;
export const name = 'offline_desktops';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'browser' CHECK (kind IN ('browser','desktop'));

    ALTER TABLE stories ADD COLUMN lock_offline INTEGER NOT NULL DEFAULT 0 CHECK (lock_offline IN (0, 1));

    CREATE TABLE applied_keys (
      staff_id    INTEGER NOT NULL REFERENCES staff(id),
      key         TEXT NOT NULL,
      method      TEXT NOT NULL CHECK (method IN ('stories.save','stories.create')),
      story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      outcome     TEXT NOT NULL CHECK (json_valid(outcome)),
      applied_at  TEXT NOT NULL,
      PRIMARY KEY (staff_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX applied_keys_by_time ON applied_keys (applied_at);
  `);
}
