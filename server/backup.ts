// `npm run serve -- --data-dir DIR --backup FILE`: a consistent copy of DIR's database, taken
// with SQLite's online backup through a read-only connection. Nothing in DIR is written, and a
// serve process or the desktop app may keep the database open meanwhile (WAL lets readers in), so
// the backup neither takes nor waits for the folder's one-process lock (newsdesk.lock).

import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, openDatabase } from '../db/index.js';
import { DATABASE_FILE } from '../core/core.js';

export interface BackupResult {
  file: string;
  bytes: number;
}

export async function backupDataDir(dataDir: string, target: string): Promise<BackupResult> {
  const source = path.resolve(dataDir, DATABASE_FILE);
  const file = path.resolve(target);
  if (!fs.existsSync(source)) throw new Error(`There is no Newsdesk database in ${path.resolve(dataDir)} (no ${DATABASE_FILE}).`);
  if (file === source) throw new Error('The backup cannot be written over the database it copies.');
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose another name or move it away first.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside the target and renamed at the end, so a failed backup leaves no half a file.
  const partial = `${file}.partial`;
  const db = openDatabase(source, { readonly: true, check: 'auto' });
  try {
    await backupDatabase(db, partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  return { file, bytes: fs.statSync(file).size };
}
