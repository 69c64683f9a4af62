// Prepared statements cached per connection: each SQL text is compiled once per database.

import type Database from 'better-sqlite3';

export type SqliteDb = Database.Database;

const caches = new WeakMap<SqliteDb, Map<string, Database.Statement>>();

/** The compiled statement for `sql` on `db`, prepared on first use. */
export function stmt(db: SqliteDb, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE), committing only if it returns. */
export function inTransaction<T>(db: SqliteDb, fn: () => T): T {
  return db.transaction(fn).immediate();
}
