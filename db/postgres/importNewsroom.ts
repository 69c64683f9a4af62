// Moving a desktop newsroom (its SQLite file) into the server's PostgreSQL database: every row
// with its own id, so every link between rows stays, in one transaction that also checks what it
// wrote. Three passes over the file, all in one read snapshot of it:
//   1. compare: each row of the file is already in the database (same key, same content), or
//      missing; a row whose key the database holds with other content is a clash, and a clash
//      refuses the whole import before anything is written (two newsrooms must never mix);
//   2. insert the missing rows, in the order of the foreign keys;
//   3. verify: every row of the file is now in the database with the same content, and no table
//      holds fewer rows than the file's. Any difference throws, and the transaction rolls back.
// What is not copied is per-installation security state: sign-in sessions (tokens of another
// computer; the text locks they held are released), setup codes and the sign-in throttle. The
// export folder setting names a folder on the desktop computer: a server takes --export-dir.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from '../sql.js';
import { backupDatabase, DatabaseRefused, openDatabase, schemaVersion } from '../sqlite/connection.js';
import { LATEST_VERSION as SQLITE_LATEST } from '../sqlite/migrations/index.js';
import type { SqliteDb } from '../sqlite/statements.js';
import { syncIdentities } from './identity.js';

interface TableSpec {
  table: string;
  /** What the table holds, in the report's words. */
  label: string;
  key: readonly string[];
  /** Other unique keys: a missing row must not take a value another row of the database holds. `lower(x)` as SQL. */
  unique?: readonly (readonly string[])[];
  /** Rows of the file left out (SQLite WHERE). */
  skip?: string;
  /** The row as it goes into the database (columns by name). */
  prepare?: (row: Record<string, unknown>) => void;
}

/** Text locks belong to sessions, which are not copied: the text stays as last saved, unlocked. */
const releaseLock = (row: Record<string, unknown>) => {
  row.lock_staff_id = null;
  row.lock_acquired_at = null;
  row.lock_expires_at = null;
  row.lock_session_id = null;
  row.lock_offline = 0;
};

/** Stored beside the settings: a folder on the desktop computer (exportFolder.ts); a server takes --export-dir. */
const EXPORT_DIR_SETTING = 'exportDir';

/** Every table copied, in the order their foreign keys allow. */
export const COPIED_TABLES: readonly TableSpec[] = [
  { table: 'desks', label: 'desks', key: ['id'], unique: [['name']] },
  { table: 'staff', label: 'staff (with their passwords)', key: ['id'], unique: [['lower(email)']] },
  { table: 'staff_roles', label: 'staff roles', key: ['staff_id', 'role'] },
  { table: 'staff_desks', label: 'staff desks', key: ['staff_id', 'desk_id'] },
  { table: 'photo_assets', label: 'photos in the library', key: ['id'], unique: [['hash']] },
  { table: 'stories', label: 'stories', key: ['id'], prepare: releaseLock },
  { table: 'story_byline', label: 'bylines', key: ['story_id', 'staff_id'] },
  { table: 'story_authors', label: 'story authors', key: ['story_id', 'staff_id'] },
  { table: 'revisions', label: 'revisions (story history)', key: ['id'] },
  { table: 'story_photos', label: 'photos in stories', key: ['id'] },
  { table: 'comments', label: 'comments', key: ['id'] },
  { table: 'audit_events', label: 'audit events', key: ['id'] },
  { table: 'published_versions', label: 'published versions', key: ['id'], unique: [['story_id', 'version']] },
  { table: 'finding_dismissals', label: 'dismissed findings', key: ['story_id', 'key'] },
  { table: 'story_text_runs', label: 'authorship of story text', key: ['story_id'] },
  { table: 'story_writers', label: 'words per writer', key: ['story_id', 'staff_id'] },
  { table: 'account_events', label: 'sign-in log', key: ['id'] },
  { table: 'applied_keys', label: 'saves made once (desktop outboxes)', key: ['staff_id', 'key'] },
  { table: 'people', label: 'people list', key: ['id'] },
  { table: 'people_spellings', label: 'people list spellings', key: ['key'] },
  { table: 'settings', label: 'settings', key: ['key'], skip: `key = '${EXPORT_DIR_SETTING}'` },
  { table: 'newsroom', label: 'newsroom facts', key: ['key'] },
];

/** Tables of the file deliberately not copied (per-installation security state). */
export const LEFT_TABLES = ['sessions', 'setup_codes', 'sign_in_throttle'] as const;

/** The tables that say a database holds a newsroom already (staff without any password do not). */
const CONTENT_TABLES = COPIED_TABLES.map((t) => t.table).filter((t) => !['staff', 'staff_roles', 'staff_desks', 'account_events', 'settings', 'newsroom'].includes(t));

export interface TableCount {
  table: string;
  label: string;
  inFile: number;
  alreadyThere: number;
  added: number;
}

export interface LeftBehind {
  /** Sign-in sessions still live in the file (everyone signs in again on the server). */
  liveSessions: number;
  /** Setup codes not used yet (an admin issues new ones on the server). */
  unusedSetupCodes: number;
  /** Text locks released (their sessions stay behind). */
  locksReleased: number;
  /** Active staff without a password: they need a setup code from an admin on the server. */
  staffWithoutPassword: string[];
  /** The desktop's export folder setting, when it had one. */
  exportDir: string | null;
}

export interface ImportOutcome {
  tables: TableCount[];
  left: LeftBehind;
  /** The database held only the placeholder administrator a server creates on first start, which the import replaced. */
  replacedPlaceholder: boolean;
}

/** The import was refused or failed its check; the transaction rolled back, so the database is as it was. */
export class ImportRefused extends Error {
  readonly table: string | null;
  constructor(table: string | null, message: string) {
    super(message);
    this.name = 'ImportRefused';
    this.table = table;
  }
}

export interface ImportHooks {
  /** Runs after the compare found no clash and before any row is written (the data folder's files). */
  beforeWrite?: (counts: readonly TableCount[]) => Promise<void>;
}

// ---- the file ---------------------------------------------------------------------------------

export interface NewsroomFile {
  readonly db: SqliteDb;
  /** The schema version the file had. */
  readonly version: number;
  /** The file was from an older Newsdesk and is read from a migrated temporary copy. */
  readonly migrated: boolean;
  close(): void;
}

/**
 * Opens a desktop newsroom's SQLite file for reading: refuses a damaged file or one from a newer
 * Newsdesk (DatabaseRefused, in words). A file from an older version is copied to a temporary
 * folder and migrated there: the person's file is never written.
 */
export async function openNewsroomFile(file: string): Promise<NewsroomFile> {
  if (!fs.existsSync(file)) throw new DatabaseRefused(file, 'unreadable', `There is no file ${file}.`);
  const db = openDatabase(file, { readonly: true });
  const version = schemaVersion(db);
  if (version === 0) {
    db.close();
    throw new DatabaseRefused(file, 'not-sqlite', `The file ${file} holds no Newsdesk newsroom (it has no Newsdesk tables). It was left untouched.`);
  }
  if (version === SQLITE_LATEST) return { db, version, migrated: false, close: () => db.close() };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-import-'));
  const copy = path.join(dir, 'newsdesk.db');
  try {
    await backupDatabase(db, copy);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    db.close();
  }
  let migrated: SqliteDb;
  try {
    migrated = openDatabase(copy);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    db: migrated,
    version,
    migrated: true,
    close: () => {
      migrated.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- the comparison ---------------------------------------------------------------------------

type Row = unknown[];

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
  return false;
};

interface Shape {
  spec: TableSpec;
  columns: string[];
  types: string[];
  keyIndexes: number[];
}

/** The table's columns as the database has them (generated search columns left out), checked against the file's. */
async function shapeOf(target: Sql, source: SqliteDb, spec: TableSpec): Promise<Shape> {
  const cols = await target.all<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    spec.table,
  );
  const fileCols = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(spec.table) as string[]) ?? []);
  const columns = cols.map((c) => c.name);
  const differ = [...columns.filter((c) => !fileCols.has(c)), ...[...fileCols].filter((c) => !columns.includes(c))];
  if (differ.length > 0) {
    throw new ImportRefused(
      spec.table,
      `The table ${spec.table} has other columns in the file than in the database (${differ.join(', ')}): this Newsdesk cannot move it.`,
    );
  }
  return { spec, columns, types: cols.map((c) => c.type), keyIndexes: spec.key.map((k) => columns.indexOf(k)) };
}

const quoteAll = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(', ');

/** The file's rows of the table, in key order, as they go into the database, `size` at a time. */
function* fileBatches(source: SqliteDb, shape: Shape, size: number): Generator<Row[]> {
  const { spec, columns } = shape;
  const stmt = source.prepare(`SELECT ${quoteAll(columns)} FROM "${spec.table}"${spec.skip ? ` WHERE NOT (${spec.skip})` : ''} ORDER BY ${quoteAll(spec.key)}`);
  let batch: Row[] = [];
  for (const raw of stmt.iterate() as IterableIterator<Record<string, unknown>>) {
    spec.prepare?.(raw);
    batch.push(columns.map((c) => raw[c]));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const batchSize = (shape: Shape) => Math.max(1, Math.min(500, Math.floor(30_000 / shape.columns.length)));

const keyOf = (shape: Shape, row: Row) => JSON.stringify(shape.keyIndexes.map((i) => row[i]));

const arrayType = (type: string) => (type === 'bigint' || type === 'integer' ? type : 'text');

/** WHERE clause matching the rows whose `exprs` equal one of `rows`' values in `columns` (one array parameter per column). */
function matchAny(shape: Shape, exprs: readonly string[], rows: Row[]): { where: string; params: unknown[][] } {
  const columnOf = (e: string) => /^lower\((\w+)\)$/.exec(e)?.[1] ?? e;
  const indexes = exprs.map((e) => shape.columns.indexOf(columnOf(e)));
  const params = indexes.map((i) => rows.map((r) => r[i]));
  const casts = indexes.map((i) => `?::${arrayType(shape.types[i]!)}[]`);
  const folded = exprs.map((e, n) => (e.startsWith('lower(') ? `lower(u.c${n})` : `u.c${n}`));
  const names = exprs.map((_e, n) => `c${n}`).join(', ');
  return { where: `(${exprs.join(', ')}) IN (SELECT ${folded.join(', ')} FROM unnest(${casts.join(', ')}) AS u(${names}))`, params };
}

function describeKey(shape: Shape, row: Row): string {
  const parts = shape.spec.key.map((k, n) => `${k} ${JSON.stringify(row[shape.keyIndexes[n]!])}`);
  return parts.join(', ');
}

function firstDifference(shape: Shape, a: Row, b: Row): string {
  return shape.columns.filter((_c, i) => !same(a[i], b[i])).join(', ');
}

interface Compared {
  alreadyThere: number;
  missing: number;
}

/**
 * Compares the file's rows of one table with the database's. `mode` 'check' throws on a clash;
 * 'verify' throws on any row not there with the same content.
 */
async function compareTable(target: Sql, source: SqliteDb, shape: Shape, mode: 'check' | 'verify'): Promise<Compared> {
  const { spec, columns } = shape;
  let alreadyThere = 0;
  let missing = 0;
  // An empty table (a new database) holds none of the file's rows: no need to look each one up.
  if (mode === 'check' && (await target.value(`SELECT 1 FROM "${spec.table}" LIMIT 1`)) === undefined) {
    const count = Number(
      source
        .prepare(`SELECT count(*) FROM "${spec.table}"${spec.skip ? ` WHERE NOT (${spec.skip})` : ''}`)
        .pluck()
        .get(),
    );
    return { alreadyThere: 0, missing: count };
  }
  for (const batch of fileBatches(source, shape, batchSize(shape))) {
    const m = matchAny(shape, spec.key, batch);
    const found = new Map<string, Row>();
    for (const row of await target.rows(`SELECT ${quoteAll(columns)} FROM "${spec.table}" WHERE ${m.where}`, ...m.params)) found.set(keyOf(shape, row), row);
    const absent: Row[] = [];
    for (const row of batch) {
      const there = found.get(keyOf(shape, row));
      if (there === undefined) {
        if (mode === 'verify')
          throw new ImportRefused(spec.table, `The check after copying found the row ${describeKey(shape, row)} of ${spec.table} missing from the database.`);
        absent.push(row);
        missing++;
      } else if (!columns.every((_c, i) => same(row[i], there[i]))) {
        throw new ImportRefused(
          spec.table,
          mode === 'verify'
            ? `The check after copying found the row ${describeKey(shape, row)} of ${spec.table} different in the database (${firstDifference(shape, row, there)}).`
            : `The database already holds other data: its row ${describeKey(shape, row)} of ${spec.table} differs from the file's (${firstDifference(shape, row, there)}). ` +
                'This looks like another newsroom; Newsdesk never mixes two. Import into an empty database (createdb a new one).',
        );
      } else alreadyThere++;
    }
    if (absent.length > 0) await checkUnique(target, shape, absent);
  }
  return { alreadyThere, missing };
}

/** A row about to be added must not take a unique value (a desk's name, an e-mail) another row of the database holds. */
async function checkUnique(target: Sql, shape: Shape, rows: Row[]): Promise<void> {
  for (const exprs of shape.spec.unique ?? []) {
    const m = matchAny(shape, exprs, rows);
    const taken = await target.rows(`SELECT ${quoteAll(shape.spec.key)}, ${exprs.join(', ')} FROM "${shape.spec.table}" WHERE ${m.where} LIMIT 1`, ...m.params);
    const clash = taken[0];
    if (clash) {
      const key = shape.spec.key.map((k, n) => `${k} ${JSON.stringify(clash[n])}`).join(', ');
      const value = exprs.map((e, n) => `${e} ${JSON.stringify(clash[shape.spec.key.length + n])}`).join(', ');
      throw new ImportRefused(
        shape.spec.table,
        `The database already holds other data: its row ${key} of ${shape.spec.table} has the same ${value} as a row of the file under another key. ` +
          'This looks like another newsroom; Newsdesk never mixes two. Import into an empty database (createdb a new one).',
      );
    }
  }
}

/** Inserts the file's rows the database lacks; `all`: it lacks every one (the compare found none there). */
async function insertMissing(target: Sql, source: SqliteDb, shape: Shape, all: boolean): Promise<number> {
  const { spec, columns } = shape;
  let added = 0;
  const row = `(${columns.map(() => '?').join(', ')})`;
  for (const batch of fileBatches(source, shape, batchSize(shape))) {
    let absent = batch;
    if (!all) {
      const m = matchAny(shape, spec.key, batch);
      const present = new Set((await target.rows(`SELECT ${quoteAll(spec.key)} FROM "${spec.table}" WHERE ${m.where}`, ...m.params)).map((r) => JSON.stringify(r)));
      absent = batch.filter((r) => !present.has(keyOf(shape, r)));
    }
    if (absent.length === 0) continue;
    try {
      await target.run(`INSERT INTO "${spec.table}" (${quoteAll(columns)}) VALUES ${absent.map(() => row).join(', ')}`, ...absent.flat());
    } catch (error) {
      throw new ImportRefused(spec.table, `Newsdesk could not copy the rows of ${spec.table} (${describeKey(shape, absent[0]!)} onwards): ${(error as Error).message}`);
    }
    added += absent.length;
  }
  return added;
}

// ---- the database -----------------------------------------------------------------------------

/**
 * True when the database holds no newsroom yet: no content and nobody with a password. A server's
 * first start creates a placeholder administrator without one (and a setup code for it); the
 * import replaces that placeholder rather than refusing the database as someone else's.
 */
async function holdsNoNewsroom(target: Sql): Promise<boolean> {
  for (const table of [...CONTENT_TABLES, 'sessions']) if ((await target.value(`SELECT 1 FROM "${table}" LIMIT 1`)) !== undefined) return false;
  return (await target.value(`SELECT 1 FROM staff WHERE password_hash IS NOT NULL LIMIT 1`)) === undefined;
}

/** Removes the placeholder administrator and the defaults the file has its own values for. */
async function clearPlaceholder(target: Sql, source: SqliteDb): Promise<boolean> {
  const staff = Number(await target.value(`SELECT count(*) FROM staff`));
  for (const table of ['setup_codes', 'sign_in_throttle', 'account_events', 'staff_roles', 'staff_desks', 'staff']) await target.run(`DELETE FROM "${table}"`);
  for (const table of ['settings', 'newsroom']) {
    const keys = source.prepare(`SELECT key FROM "${table}"`).pluck().all() as string[];
    await target.run(`DELETE FROM "${table}" WHERE key = ANY(?::text[])`, keys);
  }
  return staff > 0;
}

function leftBehind(source: SqliteDb, now: Date): LeftBehind {
  const at = now.toISOString();
  const count = (sql: string, ...params: unknown[]) =>
    Number(
      source
        .prepare(sql)
        .pluck()
        .get(...params),
    );
  return {
    liveSessions: count(`SELECT count(*) FROM sessions WHERE ended_at IS NULL AND expires_at > ?`, at),
    unusedSetupCodes: count(`SELECT count(*) FROM setup_codes WHERE used_at IS NULL AND expires_at > ?`, at),
    locksReleased: count(`SELECT count(*) FROM stories WHERE lock_staff_id IS NOT NULL`),
    staffWithoutPassword: source.prepare(`SELECT name FROM staff WHERE active = 1 AND password_hash IS NULL ORDER BY id`).pluck().all() as string[],
    exportDir: ((source.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(EXPORT_DIR_SETTING) as string | undefined) ?? '') || null,
  };
}

/**
 * Copies every row of the file into the database in one transaction (see the top of this file).
 * Throws ImportRefused, naming the table, on a clash or a failed check; nothing is then written.
 */
export async function importNewsroomRows(target: Sql, file: NewsroomFile, hooks: ImportHooks = {}, now = new Date()): Promise<ImportOutcome> {
  const source = file.db;
  // One read snapshot of the file for all three passes, even if a desktop app still writes to it.
  source.exec('BEGIN');
  try {
    return await target.transaction(async () => {
      // Server processes on this database wait until the import is done (they may read meanwhile).
      await target.exec(`LOCK TABLE ${COPIED_TABLES.map((t) => `"${t.table}"`).join(', ')}, sessions, setup_codes, sign_in_throttle IN SHARE ROW EXCLUSIVE MODE`);
      const shapes: Shape[] = [];
      for (const spec of COPIED_TABLES) shapes.push(await shapeOf(target, source, spec));
      const replacedPlaceholder = (await holdsNoNewsroom(target)) ? await clearPlaceholder(target, source) : false;

      const tables: TableCount[] = [];
      for (const shape of shapes) {
        const { alreadyThere, missing } = await compareTable(target, source, shape, 'check');
        tables.push({ table: shape.spec.table, label: shape.spec.label, inFile: alreadyThere + missing, alreadyThere, added: missing });
      }
      await hooks.beforeWrite?.(tables);

      for (const [n, shape] of shapes.entries()) {
        const added = tables[n]!.added === 0 ? 0 : await insertMissing(target, source, shape, tables[n]!.alreadyThere === 0);
        if (added !== tables[n]!.added)
          throw new ImportRefused(shape.spec.table, `Copying ${shape.spec.table} added ${added} rows where ${tables[n]!.added} were missing.`);
      }
      await syncIdentities(target);

      for (const [n, shape] of shapes.entries()) {
        const { alreadyThere } = await compareTable(target, source, shape, 'verify');
        const inDatabase = Number(await target.value(`SELECT count(*) FROM "${shape.spec.table}"`));
        if (alreadyThere !== tables[n]!.inFile || inDatabase < tables[n]!.inFile) {
          throw new ImportRefused(
            shape.spec.table,
            `The check after copying counted ${inDatabase} rows of ${shape.spec.table} in the database, fewer than the file's ${tables[n]!.inFile}.`,
          );
        }
      }
      return { tables, left: leftBehind(source, now), replacedPlaceholder };
    });
  } finally {
    source.exec('COMMIT');
  }
}
