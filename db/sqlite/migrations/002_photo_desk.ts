// Migration 002: the photo desk's search index — FTS5 over each asset's caption, credit,
// creator, keywords and file name, kept in step with photo_assets by triggers — and an index
// for the "imported today" and "not used" library filters.

import type { SqliteDb as Db } from '../statements.js';

export const version = 2;
export const name = 'photo_desk';

export function up(db: Db): void {
  db.exec(`
    -- External content: the text lives once, in photo_assets. keywords is the JSON array text;
    -- unicode61 drops its brackets and quotes. prefix='2 3' keeps "type as you search" fast.
    CREATE VIRTUAL TABLE photo_assets_fts USING fts5(
      caption, credit, creator, keywords, original_name,
      content = 'photo_assets', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    INSERT INTO photo_assets_fts (rowid, caption, credit, creator, keywords, original_name)
      SELECT id, caption, credit, creator, keywords, original_name FROM photo_assets;

    CREATE TRIGGER photo_assets_fts_insert AFTER INSERT ON photo_assets BEGIN
      INSERT INTO photo_assets_fts (rowid, caption, credit, creator, keywords, original_name)
      VALUES (new.id, new.caption, new.credit, new.creator, new.keywords, new.original_name);
    END;

    CREATE TRIGGER photo_assets_fts_delete AFTER DELETE ON photo_assets BEGIN
      INSERT INTO photo_assets_fts (photo_assets_fts, rowid, caption, credit, creator, keywords, original_name)
      VALUES ('delete', old.id, old.caption, old.credit, old.creator, old.keywords, old.original_name);
    END;

    CREATE TRIGGER photo_assets_fts_update
    AFTER UPDATE OF caption, credit, creator, keywords, original_name ON photo_assets BEGIN
      INSERT INTO photo_assets_fts (photo_assets_fts, rowid, caption, credit, creator, keywords, original_name)
      VALUES ('delete', old.id, old.caption, old.credit, old.creator, old.keywords, old.original_name);
      INSERT INTO photo_assets_fts (rowid, caption, credit, creator, keywords, original_name)
      VALUES (new.id, new.caption, new.credit, new.creator, new.keywords, new.original_name);
    END;
  `);
}
