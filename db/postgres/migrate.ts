// Bringing a PostgreSQL database to this version's schema. Each migration runs in its own
// transaction under one advisory lock, so when two servers start at once one migrates and the
// other waits and finds it done. The version lives in newsdesk_schema (one row). A database this
// version cannot use is refused before anything is written: one from a newer Newsdesk, one
// whose tables are someone else's, one whose encoding cannot hold Korean text.

import type { Sql } from '../sql.js';
import { PostgresRefused } from './errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';

/** 'NDSK': the first key of every advisory lock Newsdesk takes, so they never meet another application's. */
export const NEWSDESK_LOCK_SPACE = 0x4e44534b;
/** Held while a migration runs. */
export const MIGRATION_LOCK = [NEWSDESK_LOCK_SPACE, 0] as const;

interface MigratingDb extends Sql {
  readonly target: string;
  advisoryXactLock(key: readonly [number, number]): Promise<void>;
}

/** Refuses a database whose encoding or character rules would garble or mis-search Korean text. */
export async function checkDatabase(db: MigratingDb): Promise<void> {
  const info = await db.get<{ encoding: string; ctype: string; schema: string | null }>(
    `SELECT pg_encoding_to_char(d.encoding) AS encoding, d.datctype AS ctype, current_schema() AS schema
     FROM pg_database d WHERE d.datname = current_database()`,
  );
  const database = db.target.slice(db.target.indexOf('/') + 1);
  const recreate = `Create the database as UTF-8 with a UTF-8 locale, for example: createdb -T template0 -E UTF8 --locale=C.UTF-8 ${database}`;
  if (!info || info.encoding !== 'UTF8') {
    throw new PostgresRefused(
      db.target,
      'unsuitable',
      `The database at ${db.target} stores text as ${info?.encoding ?? 'an unknown encoding'}, not UTF-8, so it cannot hold every newsroom's text. ${recreate}.`,
    );
  }
  // The text search parser reads letters by LC_CTYPE whatever the collation provider.
  if (info.ctype === 'C' || info.ctype === 'POSIX') {
    throw new PostgresRefused(
      db.target,
      'unsuitable',
      `The database at ${db.target} uses the ${info.ctype} character rules (LC_CTYPE), under which search cannot tell letters from punctuation or upper from lower case beyond English. ${recreate}.`,
    );
  }
  if (info.schema === null) {
    throw new PostgresRefused(
      db.target,
      'unsuitable',
      `The database at ${db.target} has no schema on its search_path for Newsdesk's tables. Check the user's search_path.`,
    );
  }
}

/** The schema version of the database, 0 when it holds nothing yet; refuses a database that is not Newsdesk's. */
export async function schemaVersion(db: MigratingDb): Promise<number> {
  const relations = await db.column<string>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')`,
  );
  if (!relations.includes('newsdesk_schema')) {
    if (relations.length === 0) return 0;
    throw new PostgresRefused(
      db.target,
      'not-newsdesk',
      `The database at ${db.target} already holds other tables (${relations.slice(0, 3).join(', ')}${relations.length > 3 ? ', …' : ''}) and is not a Newsdesk database. Newsdesk left it untouched; give it an empty database of its own.`,
    );
  }
  const version = await db.value<number | null>('SELECT max(version) FROM newsdesk_schema');
  if (version === undefined || version === null) {
    throw new PostgresRefused(db.target, 'not-newsdesk', `The database at ${db.target} has a newsdesk_schema table without a version. Newsdesk left it untouched.`);
  }
  return version;
}

function refuseNewer(db: MigratingDb, version: number): PostgresRefused {
  return new PostgresRefused(
    db.target,
    'newer-version',
    `The database at ${db.target} was written by a newer version of Newsdesk (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Newsdesk to use it; the database was left untouched.`,
  );
}

/**
 * Applies every migration the database lacks, each in its own transaction with its version;
 * `upTo` stops at that version (a migration's test builds the database it starts from).
 */
export async function migrate(db: MigratingDb, upTo = LATEST_VERSION): Promise<void> {
  for (;;) {
    const applied = await db.transaction(async () => {
      await db.advisoryXactLock(MIGRATION_LOCK);
      // Read under the lock: another server may have migrated while this one waited.
      const version = await schemaVersion(db);
      if (version > LATEST_VERSION) throw refuseNewer(db, version);
      const next = MIGRATIONS.find((m) => m.version > version && m.version <= upTo);
      if (!next) return false;
      if (version === 0) {
        await db.exec(`CREATE TABLE IF NOT EXISTS newsdesk_schema (version integer NOT NULL);
          INSERT INTO newsdesk_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM newsdesk_schema)`);
      }
      await next.up(db, db.target);
      await db.run('UPDATE newsdesk_schema SET version = ?', next.version);
      return true;
    });
    if (!applied) return;
  }
}
