// Opening desktop.db: owner-only, WAL with full syncs (an outbox entry that was answered as saved
// survives a power cut), its own migrations; a file from a newer Newsdesk or a damaged one is
// refused untouched, like the newsroom's own database.

import fs from 'node:fs';
import Database from 'better-sqlite3';
import { createPrivateFile, DatabaseRefused, restrictToOwnerIfAllowed } from '../sqlite/connection.js';
import type { SqliteDb as Db } from '../sqlite/statements.js';
import { DESKTOP_LATEST_VERSION, DESKTOP_MIGRATIONS } from './migrations/index.js';

export const DESKTOP_DATABASE_FILE = 'desktop.db';

export function openDesktopDatabase(file: string): Db {
  createPrivateFile(file);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseRefused(file, 'unreadable', `Newsdesk cannot open the desktop's store ${file}: ${(error as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > DESKTOP_LATEST_VERSION) {
      throw new DatabaseRefused(file, 'newer-version', `The desktop's store ${file} was written by a newer Newsdesk; update Newsdesk to open it. It was left untouched.`);
    }
    const problems = (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0)
      throw new DatabaseRefused(file, 'corrupt', `The desktop's store ${file} is damaged (${problems.slice(0, 3).join('; ')}); it was left untouched.`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) restrictToOwnerIfAllowed(f);
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    for (const m of DESKTOP_MIGRATIONS) {
      if (m.version <= version) continue;
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseRefused) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
      throw new DatabaseRefused(file, 'corrupt', `The desktop's store ${file} is damaged; it was left untouched.`);
    throw error;
  }
}
