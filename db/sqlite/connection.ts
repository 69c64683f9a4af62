// Opening the newsroom's SQLite file: pragmas for durability, an integrity check, and the
// migrations. A file this app cannot trust (corrupt, not SQLite, or written by a newer
// Newsdesk) is refused with a clear message and left exactly as it was.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MIGRATIONS, LATEST_VERSION } from './migrations/index.js';
import type { SqliteDb as Db } from './statements.js';

export type RefusalReason = 'corrupt' | 'not-sqlite' | 'newer-version' | 'unreadable';

/** The database file cannot be used; nothing was written to it. */
export class DatabaseRefused extends Error {
  readonly reason: RefusalReason;
  readonly file: string;
  constructor(file: string, reason: RefusalReason, message: string) {
    super(message);
    this.name = 'DatabaseRefused';
    this.file = file;
    this.reason = reason;
  }
}

export interface OpenOptions {
  /** Open without running migrations or writing anything (tools, tests). */
  readonly?: boolean;
  busyTimeoutMs?: number;
  /**
   * 'quick' (default for files up to QUICK_CHECK_MAX_BYTES): PRAGMA quick_check before use.
   * 'auto': the same for small files; a large file (whose check takes seconds) opens at once and
   * the caller runs checkInBackground() — see `deferredCheck` on the returned handle.
   */
  check?: 'quick' | 'auto';
  /** Size limit for 'auto' (default QUICK_CHECK_MAX_BYTES). */
  quickCheckMaxBytes?: number;
}

/** Above this size the page-by-page check runs in the background instead of delaying the open. */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** Databases opened with check 'auto' whose integrity check was left to checkInBackground(). */
const deferred = new WeakSet<Db>();
export const checkWasDeferred = (db: Db): boolean => deferred.has(db);

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Reads the first bytes so a non-SQLite file is refused before SQLite touches it. */
function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new DatabaseRefused(file, 'unreadable', `Newsdesk cannot read the database file ${file}: ${(error as Error).message}`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return; // a new, empty file is fine
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    if (n < 16 || buf.toString('latin1') !== SQLITE_HEADER) {
      throw new DatabaseRefused(
        file,
        'not-sqlite',
        `The file ${file} is not a Newsdesk database (it is not an SQLite file). It was left untouched; move it away or choose another data folder.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

// The newsroom's files hold unpublished stories and staff: owner-only on Linux and macOS.
// Windows has no such mode bits (the user profile's ACLs keep others out), so it is left alone.
const POSIX_MODES = process.platform !== 'win32';

/**
 * Creates `file` empty and readable by its owner only, unless it exists already. An existing file
 * is never opened: closing any descriptor of a file drops the POSIX locks SQLite holds on it in
 * this process.
 */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Takes every permission of group and others off an existing file or folder. Returns the mode it
 * had when it was tightened, or null when it was private already (or on Windows).
 */
export function restrictToOwner(target: string): number | null {
  if (!POSIX_MODES) return null;
  const mode = fs.statSync(target).mode & 0o7777;
  if ((mode & 0o077) === 0) return null;
  fs.chmodSync(target, mode & 0o700);
  return mode;
}

/** restrictToOwner where the file system or the file's owner may refuse (a FAT stick, another account's file): the file still opens. */
export function restrictToOwnerIfAllowed(target: string): void {
  try {
    restrictToOwner(target);
  } catch {
    // Left as it was: refusing to open the newsroom over its mode would help no one.
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (exists) checkHeader(file);
  // SQLite creates the -wal and -shm files with the database file's mode, so this covers them too.
  else if (!opts.readonly) createPrivateFile(file);
  let db: Db;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (error) {
    throw new DatabaseRefused(file, 'unreadable', `Newsdesk cannot open the database file ${file}: ${(error as Error).message}`);
  }
  try {
    // Read the version before anything writes, so a newer file is never touched.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new DatabaseRefused(
        file,
        'newer-version',
        `The database ${file} was written by a newer version of Newsdesk (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Newsdesk to open it; the file was left untouched.`,
      );
    }
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    // Reading the schema catches a damaged header or catalogue at once, whatever the size.
    db.prepare(`SELECT count(*) FROM sqlite_schema`).get();
    const size = exists ? fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0) : 0;
    const deferCheck = opts.check === 'auto' && size > (opts.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES);
    const check = deferCheck ? [] : (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]);
    if (deferCheck) deferred.add(db);
    const problems = check.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw new DatabaseRefused(
        file,
        'corrupt',
        `The database ${file} is damaged (${problems.slice(0, 3).join('; ')}). It was left untouched; restore a backup or move it away.`,
      );
    }
    if (!opts.readonly) {
      // A file from before Newsdesk kept it private (or copied in by hand) is tightened once it is
      // known to be a sound Newsdesk database; a refused file is left exactly as it was.
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) restrictToOwnerIfAllowed(f);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // 64 MiB of page cache keeps the indexes and the search index's hot pages in memory.
    db.pragma('cache_size = -65536');
    if (!opts.readonly) {
      // Checkpoint less often (each one syncs the main file); the core also checkpoints when idle.
      db.pragma('wal_autocheckpoint = 4000');
    }
    if (!opts.readonly) migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseRefused) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new DatabaseRefused(file, 'corrupt', `The database ${file} is damaged (${(error as Error).message}). It was left untouched.`);
    }
    throw error;
  }
}

/** Applies every migration above `from`, each in its own transaction with its user_version. */
export function migrate(db: Db, from = db.pragma('user_version', { simple: true }) as number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('quick_check');
  parentPort.postMessage({ problems: rows.map((r) => r.quick_check).filter((r) => r !== 'ok') });
} catch (error) {
  parentPort.postMessage({ problems: [String((error && error.message) || error)] });
} finally {
  if (db) db.close();
}`;

/**
 * Runs PRAGMA quick_check on its own read-only connection in a worker thread, so a large
 * database is checked without holding up the app. Resolves to null when the file is sound,
 * or to the DatabaseRefused the open would have thrown.
 */
export function checkInBackground(file: string): Promise<DatabaseRefused | null> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    worker.unref(); // a check still running never keeps the app from quitting
    worker.once('message', (m: { problems: string[] }) => {
      resolve(
        m.problems.length === 0
          ? null
          : new DatabaseRefused(
              file,
              'corrupt',
              `The database ${file} is damaged (${m.problems.slice(0, 3).join('; ')}). Restore a backup or move it away; Newsdesk stopped writing to it.`,
            ),
      );
      void worker.terminate();
    });
    worker.once('error', (error) => resolve(new DatabaseRefused(file, 'unreadable', `Newsdesk could not check ${file}: ${error.message}`)));
  });
}

/** Copies the write-ahead log into the main file without waiting for readers (idle work). */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}

/** Online backup of a running database to `targetFile` (a consistent snapshot). */
export async function backupDatabase(db: Db, targetFile: string): Promise<void> {
  // The copy holds everything the database does, so it is as private.
  createPrivateFile(targetFile);
  await db.backup(targetFile);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
