// `npm run server -- --database postgres://… --data-dir DIR --import-newsroom FILE.db`: moves a
// desktop newsroom into the server's PostgreSQL database and data folder. The rows go in through
// db/postgres/importNewsroom.ts (one transaction, checked); the photo files (media/) and published
// packages (published/) beside the file are copied into DIR, a file already there with the same
// bytes skipped. A file there with other bytes refuses the import before anything is written,
// and files copied by an import that then fails are removed again.
//
// Run it before the servers start on the database (or while they are stopped): the server's own
// first start creates only a placeholder administrator, which the import replaces.

import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../core/storage.js';
import { makePrivateDir } from '../core/dataDirLock.js';
import { fsyncDir, fsyncFile } from '../core/durable.js';
import { openPostgres } from '../db/index.js';
import { describeTarget } from '../db/postgres/errors.js';
import { ImportRefused, importNewsroomRows, openNewsroomFile, type ImportOutcome, type TableCount } from '../db/postgres/importNewsroom.js';

/** The folders of a data folder that hold files the database points at. */
const FOLDERS = [
  { name: 'media', label: 'photo files (media/)' },
  { name: 'published', label: 'published package files (published/)' },
] as const;

export interface FileCount {
  label: string;
  inFile: number;
  alreadyThere: number;
  added: number;
}

export interface NewsroomImport {
  /** The SQLite file read. */
  file: string;
  outcome: ImportOutcome;
  files: FileCount[];
  /** The file's schema version when it was from an older Newsdesk (read from a migrated copy), else null. */
  olderVersion: number | null;
  seconds: number;
}

interface FilePlan {
  label: string;
  /** Relative paths under the folder. */
  copy: string[];
  same: number;
  from: string;
  to: string;
}

/** Every regular file under `dir`, as paths relative to it (links and other special files are left alone). */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = path.join(prefix, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile() && !e.name.includes('.partial')) out.push(rel);
  }
  return out;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
  if (!sb.isFile() || sa.size !== sb.size) return false;
  return (await sha256(a)) === (await sha256(b));
}

async function planFolder(fromRoot: string, toRoot: string, name: string, label: string): Promise<FilePlan> {
  const from = path.join(fromRoot, name);
  const to = path.join(toRoot, name);
  const plan: FilePlan = { label, copy: [], same: 0, from, to };
  for (const rel of await listFiles(from)) {
    const target = path.join(to, rel);
    let exists = true;
    try {
      await fs.lstat(target);
    } catch {
      exists = false;
    }
    if (!exists) plan.copy.push(rel);
    else if (await sameBytes(path.join(from, rel), target)) plan.same++;
    else
      throw new ImportRefused(
        null,
        `The server's data folder already has ${path.join(name, rel)} with other content than the newsroom's. This looks like another newsroom; Newsdesk never mixes two.`,
      );
  }
  return plan;
}

/** Copies the planned files (each written beside its place, flushed and renamed), recording what it created for an undo. */
async function copyPlanned(plan: FilePlan, created: string[]): Promise<void> {
  for (const rel of plan.copy) {
    const target = path.join(plan.to, rel);
    const dir = path.dirname(target);
    let first: string | undefined;
    try {
      first = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    } finally {
      if (first) created.push(first);
    }
    const partial = `${target}.import-partial`;
    await fs.copyFile(path.join(plan.from, rel), partial);
    await fs.chmod(partial, 0o600);
    await fsyncFile(partial);
    await fs.rename(partial, target);
    created.push(target);
    await fsyncDir(dir);
  }
}

/** Takes away what a failed import copied: files first, then the folders it made (deepest first). */
async function undoCopies(created: string[]): Promise<void> {
  for (const p of [...created].reverse()) await fs.rm(p, { recursive: true, force: true }).catch(() => {});
}

export async function importNewsroom(opts: { database: string; dataDir: string; file: string }): Promise<NewsroomImport> {
  const started = performance.now();
  let file = path.resolve(opts.file);
  // A data folder names its database: accept the folder too.
  if ((await fs.stat(file).catch(() => null))?.isDirectory()) file = path.join(file, DATABASE_FILE);
  const sourceDir = path.dirname(file);
  const dataDir = path.resolve(opts.dataDir);
  if (sourceDir === dataDir)
    throw new ImportRefused(null, `The newsroom's folder and the server's --data-dir are the same folder (${dataDir}): give the server a folder of its own.`);
  const newsroom = await openNewsroomFile(file);
  try {
    const target = await openPostgres(opts.database, { applicationName: 'newsdesk import', poolSize: 2 });
    const created: string[] = [];
    const files: FileCount[] = [];
    try {
      makePrivateDir(dataDir);
      const outcome = await importNewsroomRows(target, newsroom, {
        beforeWrite: async () => {
          const plans: FilePlan[] = [];
          for (const f of FOLDERS) plans.push(await planFolder(sourceDir, dataDir, f.name, f.label));
          for (const plan of plans) {
            await copyPlanned(plan, created);
            files.push({ label: plan.label, inFile: plan.copy.length + plan.same, alreadyThere: plan.same, added: plan.copy.length });
          }
        },
      });
      return { file, outcome, files, olderVersion: newsroom.migrated ? newsroom.version : null, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      await undoCopies(created);
      throw error;
    } finally {
      await target.close();
    }
  } finally {
    newsroom.close();
  }
}

// ---- the report -------------------------------------------------------------------------------

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function table(rows: readonly (TableCount | FileCount)[]): string[] {
  const width = Math.max(...rows.map((r) => r.label.length), 4);
  const num = (n: number | string) => String(n).padStart(15);
  const head = `  ${'What'.padEnd(width)}${num('In the file')}${num('Added')}${num('Already there')}`;
  return [head, ...rows.map((r) => `  ${r.label.padEnd(width)}${num(r.inFile)}${num(r.added)}${num(r.alreadyThere)}`)];
}

/** The report for the person who ran the import: what was moved, what was already there, what was not moved and why. */
export function describeImport(result: NewsroomImport, target: string, dataDir: string): string {
  const { outcome } = result;
  const rows = [...outcome.tables, ...result.files];
  const added = rows.reduce((n, r) => n + r.added, 0);
  const lines = [
    added === 0
      ? `Checked the newsroom in ${result.file} against the PostgreSQL database at ${target} and the data folder ${dataDir}.`
      : `Moved the newsroom in ${result.file} into the PostgreSQL database at ${target} and the data folder ${dataDir}.`,
  ];
  if (result.olderVersion !== null)
    lines.push(`The file is from an older Newsdesk (schema ${result.olderVersion}): it was brought up to date in a temporary copy; the file itself was not changed.`);
  lines.push('', ...table(rows), '');
  if (added === 0)
    lines.push('Nothing to add: every row and file of this newsroom was already in the database and the data folder with the same content. Nothing was changed.');
  else
    lines.push(
      `Checked: every row of the file is in the database with the same content, and every table holds at least as many rows as the file's. Added ${plural(added, 'row or file', 'rows and files')}.`,
    );
  if (outcome.replacedPlaceholder)
    lines.push("The placeholder administrator the server created on its first start (never set up) was replaced by the newsroom's own staff.");
  const left = outcome.left;
  if (added === 0) {
    lines.push(`Done in ${result.seconds.toFixed(1)} s.`);
    return lines.join('\n');
  }
  lines.push('', 'Not moved, on purpose (each installation keeps its own):');
  lines.push(`  - sign-in sessions (${plural(left.liveSessions, 'still signed in')}): everyone signs in again on the server, with the same e-mail and password.`);
  if (left.locksReleased > 0) lines.push(`  - ${plural(left.locksReleased, 'text lock')} released with those sessions; the text is kept as last saved.`);
  lines.push(`  - setup codes (${plural(left.unusedSetupCodes, 'unused code')}) and the sign-in throttle: an admin issues new setup codes on the server.`);
  if (left.staffWithoutPassword.length > 0)
    lines.push(`  - These staff have no password yet and need a setup code from an admin: ${left.staffWithoutPassword.join(', ')}.`);
  if (left.exportDir)
    lines.push(`  - the export folder (${left.exportDir}, a folder on the desktop computer): start the server with --export-dir to copy published packages.`);
  lines.push(`Done in ${result.seconds.toFixed(1)} s.`);
  return lines.join('\n');
}

/** The command: runs the import and prints the report (or the refusal); the exit code: 0 done, 1 refused or failed. */
export async function runImport(opts: { database: string; dataDir: string; file: string }): Promise<number> {
  const target = describeTarget(opts.database);
  console.log(`Moving the newsroom in ${opts.file} into the PostgreSQL database at ${target}…`);
  try {
    const result = await importNewsroom(opts);
    console.log(describeImport(result, target, path.resolve(opts.dataDir)));
    return 0;
  } catch (error) {
    const where = error instanceof ImportRefused && error.table ? ` (table ${error.table})` : '';
    const message = error instanceof Error ? error.message : String(error);
    console.error(`The newsroom was not moved${where}: ${message}\nNothing was written: the database and the data folder are as they were.`);
    return 1;
  }
}
