// Opening refuses files it cannot trust — not SQLite, corrupt, or from a newer Newsdesk — with
// a message naming the file, and leaves them byte for byte as they were. Backup works online.
// The database and its copies are private to their owner on Linux and macOS.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkInBackground, checkWasDeferred, DatabaseRefused, openDatabase } from '../../../db/sqlite/connection.js';
import { LATEST_VERSION } from '../../../db/sqlite/migrations/index.js';
import { insertDesk, listDesks } from '../../../db/staff.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-open-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(file: string): DatabaseRefused {
  try {
    openDatabase(file).close();
  } catch (error) {
    if (error instanceof DatabaseRefused) return error;
    throw error;
  }
  throw new Error('opened');
}

describe('openDatabase', () => {
  it('creates a new database in a new file', async () => {
    const file = path.join(tempDir(), 'new.db');
    const db = openDatabase(file);
    await insertDesk(sqliteStore(db), 'National');
    expect((await listDesks(sqliteStore(db))).map((d) => d.name)).toEqual(['National']);
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(100));
    const before = hash(file);
    const error = refusal(file);
    expect(error.reason).toBe('not-sqlite');
    expect(error.message).toContain(file);
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // and again: no crash loop, the same answer
    expect(refusal(file).reason).toBe('not-sqlite');
  });

  it('refuses a corrupt database and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'corrupt.db');
    const db = openDatabase(file);
    for (let i = 0; i < 2000; i++) await insertDesk(sqliteStore(db), `Desk ${i} ${'x'.repeat(100)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over pages in the middle of the file (b-tree pages of the desks table).
    for (let p = 3; p < Math.floor(bytes.length / pageSize) - 1; p += 2) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
    fs.writeFileSync(file, bytes);
    const before = hash(file);
    const error = refusal(file);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(file);
    expect(hash(file)).toBe(before);
  });

  it('checks a large database in the background and reports damage', async () => {
    const file = path.join(tempDir(), 'big.db');
    const db = openDatabase(file);
    for (let i = 0; i < 2000; i++) await insertDesk(sqliteStore(db), `Desk ${i} ${'x'.repeat(100)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Sound: opens at once with the check deferred, and the background check passes.
    const fine = openDatabase(file, { check: 'auto', quickCheckMaxBytes: 0 });
    expect(checkWasDeferred(fine)).toBe(true);
    fine.close();
    expect(await checkInBackground(file)).toBeNull();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let p = 3; p < Math.floor(bytes.length / pageSize) - 1; p += 2) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
    fs.writeFileSync(file, bytes);
    const before = hash(file);
    const refused = await checkInBackground(file);
    expect(refused?.reason).toBe('corrupt');
    expect(refused?.message).toContain(file);
    expect(hash(file)).toBe(before);
  });

  it('refuses a database from a newer version of the app and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.db');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE future (x)`);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = hash(file);
    const error = refusal(file);
    expect(error.reason).toBe('newer-version');
    expect(error.message).toContain(file);
    expect(error.message).toContain('newer version');
    expect(hash(file)).toBe(before);
  });

  const posix = process.platform !== 'win32';
  const mode = (file: string) => fs.statSync(file).mode & 0o777;

  it.skipIf(!posix)('creates a new database readable by its owner only, and its -wal and -shm too', async () => {
    const file = path.join(tempDir(), 'new.db');
    const db = openDatabase(file);
    await insertDesk(sqliteStore(db), 'National');
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.close();
  });

  it.skipIf(!posix)('tightens an existing database others may read, with its -wal and -shm; a refused file keeps its mode', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    // As an older Newsdesk left it: SQLite's default 0644, in WAL mode, so opening it creates a
    // -wal and -shm with that mode before anything else runs.
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`);
    raw.close();
    fs.chmodSync(file, 0o644);
    const db = openDatabase(file);
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.close();

    const notes = path.join(dir, 'notes.db');
    fs.writeFileSync(notes, 'not a database\n'.repeat(100), { mode: 0o644 });
    fs.chmodSync(notes, 0o644);
    expect(refusal(notes).reason).toBe('not-sqlite');
    expect(mode(notes)).toBe(0o644);
  });

  it('backs up a running database to a file that opens on its own', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'live.db'));
    await insertDesk(sqliteStore(db), 'National');
    const target = path.join(dir, 'backup.db');
    await backupDatabase(db, target);
    await insertDesk(sqliteStore(db), 'After backup');
    db.close();
    if (posix) expect(mode(target)).toBe(0o600);
    const copy = openDatabase(target);
    expect((await listDesks(sqliteStore(copy))).map((d) => d.name)).toEqual(['National']);
    copy.close();
  });
});
