// The people list (migration 009): people with their house spelling, aliases and note, and the
// key of every spelling, so one spelling never names two people.

import type { HouseAlias, HousePerson, PeopleEntry } from '../shared/checks/people.js';
import { stmt, type Db } from './statements.js';

interface PersonRow {
  id: number;
  name: string;
  aliases: string;
  note: string;
  updated_at: string;
  updated_by_name: string | null;
}

function aliasesOf(json: string): HouseAlias[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter((a): a is { spelling: string; source?: unknown } => typeof a === 'object' && a !== null && typeof (a as { spelling?: unknown }).spelling === 'string')
      .map((a) => ({ spelling: a.spelling, source: typeof a.source === 'string' ? a.source : '' }));
  } catch {
    return [];
  }
}

const SELECT = `SELECT p.id, p.name, p.aliases, p.note, p.updated_at, s.name AS updated_by_name FROM people p LEFT JOIN staff s ON s.id = p.updated_by`;

function entryOf(row: PersonRow): PeopleEntry {
  return { id: row.id, name: row.name, aliases: aliasesOf(row.aliases), note: row.note, updatedAt: row.updated_at, updatedBy: row.updated_by_name };
}

/** `%text%` for LIKE, with its wildcards taken literally. */
const contains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People by name, a page at a time; with `search` (lower case) and `searchKey` (its letters run
 * together), only those whose name, aliases or note hold either.
 */
export function listPeople(db: Db, opts: { search?: string; searchKey?: string; limit: number; offset: number }): { people: PeopleEntry[]; total: number } {
  const where = opts.search ? `WHERE p.search LIKE ? ESCAPE '\\' OR (? <> '' AND p.search LIKE ? ESCAPE '\\')` : '';
  const args = opts.search ? [contains(opts.search), opts.searchKey ?? '', contains(opts.searchKey ?? '')] : [];
  const rows = stmt(db, `${SELECT} ${where} ORDER BY p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?`).all(...args, opts.limit, opts.offset) as PersonRow[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM people p ${where}`).get(...args) as { n: number };
  return { people: rows.map(entryOf), total: n };
}

/** The whole list as the name check reads it, by name. */
export function allPeople(db: Db): HousePerson[] {
  return (stmt(db, `SELECT id, name, aliases, note FROM people ORDER BY name COLLATE NOCASE, id`).all() as PersonRow[]).map((r) => ({
    id: r.id,
    name: r.name,
    aliases: aliasesOf(r.aliases),
    note: r.note,
  }));
}

export function getPerson(db: Db, id: number): PeopleEntry | null {
  const row = stmt(db, `${SELECT} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  return row ? entryOf(row) : null;
}

/** Who (by id and house spelling) each of these spelling keys already names. */
export function peopleBySpellingKeys(db: Db, keys: readonly string[]): Map<string, { id: number; name: string }> {
  const out = new Map<string, { id: number; name: string }>();
  const find = stmt(db, `SELECT p.id, p.name FROM people_spellings k JOIN people p ON p.id = k.person_id WHERE k.key = ?`);
  for (const key of keys) {
    const row = find.get(key) as { id: number; name: string } | undefined;
    if (row) out.set(key, row);
  }
  return out;
}

export interface PersonWrite {
  name: string;
  aliases: HouseAlias[];
  note: string;
  /** Lower-case text the list's search looks in. */
  search: string;
  /** The key of every spelling (house spelling and aliases), distinct. */
  keys: string[];
  updatedAt: string;
  updatedBy: number;
}

/** Adds a person (inside the caller's transaction); their id. */
export function insertPerson(db: Db, p: PersonWrite): number {
  const { lastInsertRowid } = stmt(db, `INSERT INTO people (name, aliases, note, search, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`).run(
    p.name,
    JSON.stringify(p.aliases),
    p.note,
    p.search,
    p.updatedAt,
    p.updatedBy,
  );
  const id = Number(lastInsertRowid);
  setSpellings(db, id, p.keys);
  return id;
}

/** Replaces a person's spellings and note (inside the caller's transaction). */
export function updatePerson(db: Db, id: number, p: PersonWrite): void {
  stmt(db, `UPDATE people SET name = ?, aliases = ?, note = ?, search = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    p.name,
    JSON.stringify(p.aliases),
    p.note,
    p.search,
    p.updatedAt,
    p.updatedBy,
    id,
  );
  setSpellings(db, id, p.keys);
}

function setSpellings(db: Db, id: number, keys: readonly string[]): void {
  stmt(db, `DELETE FROM people_spellings WHERE person_id = ?`).run(id);
  const add = stmt(db, `INSERT INTO people_spellings (key, person_id) VALUES (?, ?)`);
  for (const key of keys) add.run(key, id);
}

/** Removes a person and their spellings; false if there was none. */
export function deletePerson(db: Db, id: number): boolean {
  return stmt(db, `DELETE FROM people WHERE id = ?`).run(id).changes > 0;
}
