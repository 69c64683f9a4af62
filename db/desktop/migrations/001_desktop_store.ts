// The connected desktop's own store, beside (never inside) a newsroom's database: what the person
// chose, the device session, the offline copy of what they worked on, and the outbox.

import type { SqliteDb as Db } from '../../sqlite/statements.js';

export const version = 1;
export const name = 'desktop_store';

export function up(db: Db): void {
  db.exec(`
    -- What the person chose (mode, server, pinned certificate) and the device session, by name.
    CREATE TABLE desktop_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    -- The renderer's sessions with this desktop (the loopback bridge's cookie), as SHA-256 of the token.
    CREATE TABLE local_sessions (
      token_hash TEXT PRIMARY KEY,
      staff_id INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );

    -- Stories kept for offline: the full stories.get answer, what search reads, and why it is kept.
    -- item: the story's queue line (JSON); status, desk and byline_ids (JSON) filter queues offline.
    CREATE TABLE copy_stories (
      id INTEGER PRIMARY KEY,
      answer TEXT NOT NULL,
      item TEXT NOT NULL,
      status TEXT NOT NULL,
      desk TEXT NOT NULL,
      byline_ids TEXT NOT NULL,
      headline TEXT NOT NULL,
      body_text TEXT NOT NULL,
      mine INTEGER NOT NULL DEFAULT 0,
      seen_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX copy_stories_seen ON copy_stories (seen_at);
    -- The same tokenizer and prefixes as the newsroom's own index (Korean words match as prefixes).
    CREATE VIRTUAL TABLE copy_stories_fts USING fts5(
      headline, body_text,
      content = 'copy_stories', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    CREATE TRIGGER copy_stories_ai AFTER INSERT ON copy_stories BEGIN
      INSERT INTO copy_stories_fts (rowid, headline, body_text) VALUES (new.id, new.headline, new.body_text);
    END;
    CREATE TRIGGER copy_stories_ad AFTER DELETE ON copy_stories BEGIN
      INSERT INTO copy_stories_fts (copy_stories_fts, rowid, headline, body_text) VALUES ('delete', old.id, old.headline, old.body_text);
    END;
    CREATE TRIGGER copy_stories_au AFTER UPDATE OF headline, body_text ON copy_stories BEGIN
      INSERT INTO copy_stories_fts (copy_stories_fts, rowid, headline, body_text) VALUES ('delete', old.id, old.headline, old.body_text);
      INSERT INTO copy_stories_fts (rowid, headline, body_text) VALUES (new.id, new.headline, new.body_text);
    END;

    -- Other answers kept as they came: each queue's stories.list by its input, staff, settings, access.
    CREATE TABLE copy_answers (
      method TEXT NOT NULL,
      input_key TEXT NOT NULL,
      answer TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (method, input_key)
    );

    -- What waits to be sent, oldest first. payload is JSON: a save's changes, a create's input, a photo's file.
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('create', 'save', 'photo')),
      owner_id INTEGER NOT NULL,
      story_id INTEGER,
      client_id TEXT,
      local_id INTEGER,
      save_id TEXT,
      title TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'conflict', 'kept')),
      reason TEXT NOT NULL,
      base_version INTEGER,
      revision_id INTEGER,
      attempts INTEGER NOT NULL DEFAULT 0,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX outbox_story ON outbox (story_id);

    -- A story created offline: the id this computer gave it, and the server's once it arrived.
    CREATE TABLE local_ids (local_id INTEGER PRIMARY KEY, server_id INTEGER NOT NULL);
  `);
}
