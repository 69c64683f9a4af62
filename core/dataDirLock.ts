// One process per data folder. The desktop app and `npm run serve` each run the scheduler and
// write the database, so two of them on one folder would both claim the same work. The lock is
// SQLite's own file lock (POSIX fcntl, or LockFileEx on Windows) on a small database beside the
// newsroom's, held by an exclusive transaction that is never committed: the operating system
// drops it when the process ends, however it ends, so no stale lock is ever guessed at. A note
// beside it names the holder, for the message the next process is refused with.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, restrictToOwner, restrictToOwnerIfAllowed } from '../db/index.js';

export const LOCK_FILE = 'newsdesk.lock';
export const HOLDER_FILE = 'newsdesk.lock.json';

/** Which program holds a folder, as the refusal names it. */
export type HolderKind = 'desktop app' | 'serve' | 'other';

export interface DataDirHolder {
  pid: number;
  kind: HolderKind;
  /** When it took the folder (ISO 8601). */
  since: string;
}

/** Another process (or another core in this one) has the data folder open. */
export class DataDirInUse extends Error {
  readonly dataDir: string;
  /** Null when the holder could not be named (its note was missing or unreadable). */
  readonly holder: DataDirHolder | null;
  constructor(dataDir: string, holder: DataDirHolder | null) {
    super(
      `The newsroom in ${dataDir} is already open in ${holder ? describeHolder(holder) : 'another Newsdesk process'}. ` +
        'Only one Newsdesk process may use a data folder at a time: close that one first, or choose another folder.',
    );
    this.name = 'DataDirInUse';
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

export interface DataDirLock {
  /** Lets the next process in. Safe to call more than once. */
  release(): void;
}

const KIND_NAMES: Record<HolderKind, string> = { 'desktop app': 'the Newsdesk desktop app', serve: 'npm run serve', other: 'another Newsdesk process' };

function describeHolder(h: DataDirHolder): string {
  const since = new Date(h.since);
  const when = Number.isNaN(since.getTime()) ? h.since : since.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return `${KIND_NAMES[h.kind] ?? KIND_NAMES.other} (pid ${h.pid}, since ${when})`;
}

/** Creates the data folder owner-only; an existing one others may read is tightened, and the log says so. */
export function makePrivateDir(dir: string, log: (message: string) => void = (m) => console.warn(`[core] ${m}`)): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    const was = restrictToOwner(dir);
    if (was !== null)
      log(`The data folder ${dir} was open to other users (mode ${was.toString(8)}); it is now private to its owner (mode ${(was & 0o700).toString(8)}).`);
  } catch (error) {
    log(`The data folder ${dir} is open to other users and could not be made private: ${(error as Error).message}`);
  }
}

const isBusy = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): DataDirHolder | null {
  try {
    const note = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DataDirHolder>;
    if (!Number.isInteger(note.pid) || typeof note.kind !== 'string' || typeof note.since !== 'string') return null;
    return note as DataDirHolder;
  } catch {
    return null;
  }
}

/**
 * The note of the process holding the lock. A holder writes it just after taking the lock, so a
 * note that is missing or names a process that is gone (a holder that crashed) is read again for
 * a moment before giving up on naming the holder.
 */
async function currentHolder(file: string): Promise<DataDirHolder | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const holder = readHolder(file);
    if (holder && isRunning(holder.pid)) return holder;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}

/** Takes the data folder (which must exist) for this process, or throws DataDirInUse naming who has it. */
export async function lockDataDir(dataDir: string, kind: HolderKind): Promise<DataDirLock> {
  const lockFile = path.join(dataDir, LOCK_FILE);
  const holderFile = path.join(dataDir, HOLDER_FILE);
  createPrivateFile(lockFile);
  const db = new Database(lockFile);
  try {
    db.pragma('busy_timeout = 0');
    // Nothing is ever written, so no journal file is needed beside the lock.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new DataDirInUse(dataDir, await currentHolder(holderFile));
    throw new Error(`Newsdesk cannot lock the data folder ${dataDir} (${LOCK_FILE}): ${(error as Error).message}`);
  }
  restrictToOwnerIfAllowed(lockFile);
  const holder: DataDirHolder = { pid: process.pid, kind, since: new Date().toISOString() };
  // Written whole and renamed into place, so a refused process never reads half a note.
  const partial = `${holderFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, JSON.stringify(holder), { mode: 0o600 });
    fs.renameSync(partial, holderFile);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    db.close();
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        // The note goes first, while the lock still keeps the next holder from writing its own.
        fs.rmSync(holderFile, { force: true });
      } finally {
        db.close();
      }
    },
  };
}
