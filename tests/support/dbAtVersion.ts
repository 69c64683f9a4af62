// Databases for migration tests: a real SQLite file in a temp folder, migrated up to a given
// version by the registered migrations, so a test can put rows in the old shape and then run
// the migration under test. Files go when the test finishes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { MIGRATIONS } from '../../db/sqlite/migrations/index.js';

/** A path for a database file in a fresh temp folder (nothing created yet), removed after the test. */
export function tempDbPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-migration-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'newsdesk.db');
}

/** A database at `version`: migrations 1..version applied in one transaction and recorded in user_version (0: empty). */
export function dbAtVersion(version: number): Database.Database {
  if (!MIGRATIONS.some((m) => m.version === version) && version !== 0) throw new Error(`no migration ${version}`);
  const db = new Database(tempDbPath());
  onTestFinished(() => {
    if (db.open) db.close();
  });
  db.transaction(() => {
    for (const m of MIGRATIONS) if (m.version <= version) m.up(db);
    db.pragma(`user_version = ${version}`);
  })();
  return db;
}
