// Migration 001: the newsroom's first schema — staff and desks, stories with their byline,
// locks and workflow columns, compressed revisions, photo assets and story photos, comments,
// audit events, published versions, settings, and the FTS5 search index kept in step with
// stories by triggers.

import type { SqliteDb as Db } from '../statements.js';

export const version = 1;
export const name = 'initial';

const STATUS_CHECK = `status IN ('draft','submitted','editing','approved','scheduled','published','killed','spiked')`;

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE desks (
      id    INTEGER PRIMARY KEY,
      name  TEXT NOT NULL UNIQUE
    );

    CREATE TABLE staff (
      id      INTEGER PRIMARY KEY,
      name    TEXT NOT NULL,
      email   TEXT NOT NULL UNIQUE COLLATE NOCASE,
      active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    );

    CREATE TABLE staff_roles (
      staff_id  INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      role      TEXT NOT NULL CHECK (role IN ('reporter','desk_editor','photo_editor','admin')),
      PRIMARY KEY (staff_id, role)
    ) WITHOUT ROWID;

    CREATE TABLE staff_desks (
      staff_id  INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      desk_id   INTEGER NOT NULL REFERENCES desks(id) ON DELETE CASCADE,
      PRIMARY KEY (staff_id, desk_id)
    ) WITHOUT ROWID;

    -- Small, often-read columns first; the search copies and the body last, so list queries
    -- never read the overflow pages of a long story.
    CREATE TABLE stories (
      id                  INTEGER PRIMARY KEY,
      slug                TEXT NOT NULL,
      desk                TEXT NOT NULL REFERENCES desks(name) ON UPDATE CASCADE,
      headline            TEXT NOT NULL DEFAULT '',
      subheadlines        TEXT NOT NULL DEFAULT '[]',
      dateline            TEXT NOT NULL DEFAULT '',
      language            TEXT NOT NULL DEFAULT 'en',
      status              TEXT NOT NULL DEFAULT 'draft' CHECK (${STATUS_CHECK}),
      version             INTEGER NOT NULL DEFAULT 1,
      lock_staff_id       INTEGER REFERENCES staff(id),
      lock_acquired_at    TEXT,
      lock_expires_at     TEXT,
      created_by          INTEGER NOT NULL REFERENCES staff(id),
      claimed_by          INTEGER REFERENCES staff(id),
      send_back_note      TEXT,
      correction_note     TEXT,
      publish_at          TEXT,
      scheduled_by        INTEGER REFERENCES staff(id),
      published_versions  INTEGER NOT NULL DEFAULT 0,
      word_count          INTEGER NOT NULL DEFAULT 0,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL,
      subheadlines_text   TEXT NOT NULL DEFAULT '',
      byline_text         TEXT NOT NULL DEFAULT '',
      captions_text       TEXT NOT NULL DEFAULT '',
      body_text           TEXT NOT NULL DEFAULT '',
      body                TEXT NOT NULL
    );
    CREATE INDEX stories_status_desk_updated ON stories (status, desk, updated_at DESC, id DESC);
    CREATE INDEX stories_desk_updated ON stories (desk, updated_at DESC, id DESC);
    CREATE INDEX stories_updated ON stories (updated_at DESC, id DESC);
    CREATE INDEX stories_due ON stories (publish_at) WHERE status = 'scheduled';
    -- Covers what search results are filtered and ordered by, so a search that matches thousands
    -- of stories never reads their (long) rows.
    CREATE INDEX stories_search_order ON stories (id, updated_at, status, desk);

    CREATE TABLE story_byline (
      story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      staff_id  INTEGER NOT NULL REFERENCES staff(id),
      position  INTEGER NOT NULL,
      PRIMARY KEY (story_id, staff_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_byline_staff ON story_byline (staff_id, story_id);

    -- data: fflate deflate of JSON {headline, subheadlines, body}
    CREATE TABLE revisions (
      id          INTEGER PRIMARY KEY,
      story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      version     INTEGER NOT NULL,
      reason      TEXT NOT NULL,
      author_id   INTEGER NOT NULL REFERENCES staff(id),
      created_at  TEXT NOT NULL,
      word_count  INTEGER NOT NULL DEFAULT 0,
      data        BLOB NOT NULL
    );
    CREATE INDEX revisions_story ON revisions (story_id, id);

    CREATE TABLE photo_assets (
      id             INTEGER PRIMARY KEY,
      hash           TEXT NOT NULL UNIQUE,
      original_name  TEXT NOT NULL,
      content_type   TEXT NOT NULL,
      width          INTEGER NOT NULL,
      height         INTEGER NOT NULL,
      bytes          INTEGER NOT NULL,
      caption        TEXT NOT NULL DEFAULT '',
      headline       TEXT NOT NULL DEFAULT '',
      credit         TEXT NOT NULL DEFAULT '',
      creator        TEXT NOT NULL DEFAULT '',
      copyright      TEXT NOT NULL DEFAULT '',
      source         TEXT NOT NULL DEFAULT '',
      keywords       TEXT NOT NULL DEFAULT '[]',
      date_created   TEXT,
      city           TEXT NOT NULL DEFAULT '',
      country        TEXT NOT NULL DEFAULT '',
      instructions   TEXT NOT NULL DEFAULT '',
      alt            TEXT NOT NULL DEFAULT '',
      renditions     TEXT NOT NULL DEFAULT '{}',
      imported_at    TEXT NOT NULL,
      imported_by    INTEGER NOT NULL REFERENCES staff(id)
    );
    CREATE INDEX photo_assets_imported ON photo_assets (imported_at DESC, id DESC);

    CREATE TABLE story_photos (
      id         INTEGER PRIMARY KEY,
      story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      asset_id   INTEGER NOT NULL REFERENCES photo_assets(id),
      placement  TEXT NOT NULL CHECK (placement IN ('lead', 'inline')),
      position   INTEGER NOT NULL DEFAULT 0,
      caption    TEXT NOT NULL DEFAULT '',
      credit     TEXT NOT NULL DEFAULT '',
      alt        TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX story_photos_story ON story_photos (story_id, position);
    CREATE INDEX story_photos_asset ON story_photos (asset_id);

    CREATE TABLE comments (
      id            INTEGER PRIMARY KEY,
      story_id      INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      parent_id     INTEGER REFERENCES comments(id),
      author_id     INTEGER NOT NULL REFERENCES staff(id),
      text          TEXT NOT NULL,
      anchor_from   INTEGER,
      anchor_to     INTEGER,
      anchor_quote  TEXT,
      resolved      INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
      resolved_by   INTEGER REFERENCES staff(id),
      resolved_at   TEXT,
      created_at    TEXT NOT NULL
    );
    CREATE INDEX comments_story ON comments (story_id, id);

    CREATE TABLE audit_events (
      id           INTEGER PRIMARY KEY,
      story_id     INTEGER REFERENCES stories(id) ON DELETE CASCADE,
      actor_id     INTEGER NOT NULL REFERENCES staff(id),
      event        TEXT NOT NULL,
      from_status  TEXT,
      to_status    TEXT,
      note         TEXT,
      details      TEXT,
      at           TEXT NOT NULL
    );
    CREATE INDEX audit_events_story ON audit_events (story_id, id);

    CREATE TABLE published_versions (
      id               INTEGER PRIMARY KEY,
      story_id         INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      version          INTEGER NOT NULL,
      published_at     TEXT NOT NULL,
      published_by     INTEGER NOT NULL REFERENCES staff(id),
      pub_status       TEXT NOT NULL CHECK (pub_status IN ('usable', 'canceled')),
      correction_note  TEXT,
      path             TEXT NOT NULL,
      export_status    TEXT NOT NULL DEFAULT 'none' CHECK (export_status IN ('none', 'ok', 'failed')),
      export_error     TEXT,
      UNIQUE (story_id, version)
    );

    CREATE TABLE settings (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Search: an external-content FTS5 index over the stories table's search columns.
    -- unicode61 splits on spaces and punctuation (Hangul syllables are letters), and the core
    -- searches Korean words as prefixes so 북한 finds 북한의. prefix='2 3' keeps prefix queries fast.
    CREATE VIRTUAL TABLE stories_fts USING fts5(
      headline, subheadlines_text, body_text, byline_text, slug, captions_text,
      content = 'stories', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
      INSERT INTO stories_fts (rowid, headline, subheadlines_text, body_text, byline_text, slug, captions_text)
      VALUES (new.id, new.headline, new.subheadlines_text, new.body_text, new.byline_text, new.slug, new.captions_text);
    END;

    CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
      INSERT INTO stories_fts (stories_fts, rowid, headline, subheadlines_text, body_text, byline_text, slug, captions_text)
      VALUES ('delete', old.id, old.headline, old.subheadlines_text, old.body_text, old.byline_text, old.slug, old.captions_text);
    END;

    CREATE TRIGGER stories_fts_update
    AFTER UPDATE OF headline, subheadlines_text, body_text, byline_text, slug, captions_text ON stories BEGIN
      INSERT INTO stories_fts (stories_fts, rowid, headline, subheadlines_text, body_text, byline_text, slug, captions_text)
      VALUES ('delete', old.id, old.headline, old.subheadlines_text, old.body_text, old.byline_text, old.slug, old.captions_text);
      INSERT INTO stories_fts (rowid, headline, subheadlines_text, body_text, byline_text, slug, captions_text)
      VALUES (new.id, new.headline, new.subheadlines_text, new.body_text, new.byline_text, new.slug, new.captions_text);
    END;
  `);
}
