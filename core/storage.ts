// Where the newsroom's data lives: the data folder's SQLite file (a desktop's own newsroom, or a
// server on one machine), or a PostgreSQL database shared by several server processes. Either
// way the core gets the same storage port; what differs is held here: who may open it at once,
// backups, the integrity check and the idle checkpoint, which are SQLite's own.

import path from 'node:path';
import {
  backupDatabase,
  checkInBackground,
  checkpoint,
  checkWasDeferred,
  openDatabase,
  openPostgres,
  sqliteStore,
  type DatabaseRefused,
  type Db,
  type PostgresSql,
} from '../db/index.js';
import { lockDataDir, type HolderKind } from './dataDirLock.js';

export const DATABASE_FILE = 'newsdesk.db';

/**
 * How long a call waits for one of the process's database connections before it is answered
 * UNAVAILABLE. A burst (a hundred people saving at the same moment on one server, each save a
 * transaction of some tens of statements) must queue, not fail: ten connections get through a
 * hundred saves in a few seconds on a busy machine.
 */
const POOL_WAIT_MS = 15_000;

/** The database as several server processes share it (PostgreSQL), or null when this process has it to itself (SQLite). */
export function sharedDatabase(db: Db): PostgresSql | null {
  return db.dialect === 'postgres' && isPostgres(db) ? db : null;
}

function isPostgres(db: Db): db is PostgresSql {
  return 'tryLeadership' in db && 'listen' in db;
}

export interface CoreStorage {
  readonly db: Db;
  /** Set when the database is PostgreSQL: several server processes may share it (and the data folder). */
  readonly postgres: PostgresSql | null;
  /** Where the newsroom is, for the server's start-up line: the file in the data folder, or host:port/database (never the password). */
  readonly description: string;
  /** Settles when the integrity check is done: null when sound (PostgreSQL checks its own pages). */
  readonly integrity: Promise<DatabaseRefused | null>;
  /** Folds SQLite's write-ahead log into the file between bursts of work; nothing for PostgreSQL. */
  idleWork(): void;
  /** A consistent copy of the database to `file` (SQLite only: PostgreSQL is backed up with pg_dump). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  dataDir: string;
  /** A postgres:// URL: the newsroom lives in that database instead of the data folder's file. */
  database?: string;
  kind: HolderKind;
}

export async function openCoreStorage(opts: StorageOptions): Promise<CoreStorage> {
  if (opts.database) {
    // No lock on the folder: every server process of the newsroom shares its media/ and
    // published/ (package folders are written under a per-story lock in the database).
    const db = await openPostgres(opts.database, { applicationName: `newsdesk ${opts.kind}`, connectTimeoutMs: POOL_WAIT_MS });
    return {
      db,
      postgres: db,
      description: `PostgreSQL at ${db.target}`,
      integrity: Promise.resolve(null),
      idleWork: () => undefined,
      backup: () => Promise.reject(new Error('This newsroom is in PostgreSQL: back it up with pg_dump (see the README), and copy media/ and published/.')),
      close: () => db.close(),
    };
  }
  // Before the database is opened: a refused process must not migrate or write anything.
  const lock = await lockDataDir(opts.dataDir, opts.kind);
  const file = path.join(opts.dataDir, DATABASE_FILE);
  try {
    const raw = openDatabase(file, { check: 'auto' });
    const db = sqliteStore(raw);
    return {
      db,
      postgres: null,
      description: `SQLite, ${file}`,
      integrity: checkWasDeferred(raw) ? checkInBackground(file) : Promise.resolve(null),
      idleWork: () => {
        if (raw.open) checkpoint(raw);
      },
      backup: (target) => backupDatabase(raw, target),
      async close() {
        await db.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
