// Migration 001: applies on an empty database, creates the schema and the search index, and
// re-opening the database does not apply it again.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/sqlite/connection.js';
import * as m001 from '../../../db/sqlite/migrations/001_initial.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { dbAtVersion, tempDbPath } from '../../support/dbAtVersion.js';

const names = (db: Database.Database, type: string) =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type) as string[];

describe('migration 001', () => {
  it('is the first registered migration', () => {
    expect(MIGRATIONS[0]?.version).toBe(1);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('applies on an empty database and creates every table, index and trigger', () => {
    const db = dbAtVersion(0);
    db.transaction(() => m001.up(db))();
    const tables = names(db, 'table');
    for (const t of [
      'desks',
      'staff',
      'staff_roles',
      'staff_desks',
      'stories',
      'story_byline',
      'revisions',
      'photo_assets',
      'story_photos',
      'comments',
      'audit_events',
      'published_versions',
      'settings',
      'stories_fts',
    ]) {
      expect(tables).toContain(t);
    }
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'stories_status_desk_updated',
        'stories_search_order',
        'stories_desk_updated',
        'stories_updated',
        'story_byline_staff',
        'revisions_story',
        'story_photos_story',
        'comments_story',
        'audit_events_story',
      ]),
    );
    expect(names(db, 'trigger')).toEqual(['stories_fts_delete', 'stories_fts_insert', 'stories_fts_update']);
    const storyColumns = (db.prepare(`PRAGMA table_info(stories)`).all() as { name: string }[]).map((c) => c.name);
    for (const c of [
      'slug',
      'desk',
      'headline',
      'subheadlines',
      'dateline',
      'language',
      'status',
      'version',
      'lock_staff_id',
      'lock_expires_at',
      'claimed_by',
      'send_back_note',
      'correction_note',
      'publish_at',
      'scheduled_by',
      'published_versions',
      'word_count',
      'body_text',
      'body',
    ]) {
      expect(storyColumns).toContain(c);
    }
    // published versions are unique per story
    const uniques = db.prepare(`PRAGMA index_list(published_versions)`).all() as { unique: number }[];
    expect(uniques.some((u) => u.unique === 1)).toBe(true);
    db.close();
  });

  it('keeps the FTS index in step through the triggers', () => {
    const db = dbAtVersion(0);
    db.transaction(() => m001.up(db))();
    db.exec(`INSERT INTO desks (name) VALUES ('National'); INSERT INTO staff (name, email) VALUES ('A', 'a@x');`);
    db.prepare(
      `INSERT INTO stories (slug, desk, headline, created_by, created_at, updated_at, body_text, body) VALUES ('s', 'National', 'Hello', 1, 't', 't', 'old words', '{}')`,
    ).run();
    const hits = (q: string) => db.prepare(`SELECT count(*) FROM stories_fts WHERE stories_fts MATCH ?`).pluck().get(q);
    expect(hits('old')).toBe(1);
    db.prepare(`UPDATE stories SET body_text = 'new words' WHERE id = 1`).run();
    expect(hits('old')).toBe(0);
    expect(hits('new')).toBe(1);
    db.prepare(`DELETE FROM stories WHERE id = 1`).run();
    expect(hits('new')).toBe(0);
    expect(db.prepare(`INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')`).run().changes).toBeGreaterThanOrEqual(0);
    db.close();
  });

  it('is recorded in user_version and not applied again on re-open', () => {
    const file = tempDbPath();
    const db = openDatabase(file);
    const version = db.pragma('user_version', { simple: true });
    expect(version).toBe(MIGRATIONS.at(-1)?.version);
    db.prepare(`INSERT INTO desks (name) VALUES ('Kept')`).run();
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(version);
    expect(again.prepare(`SELECT name FROM desks`).pluck().all()).toEqual(['Kept']);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
  });
});
