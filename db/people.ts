// The people list (migration 009): people with their house spelling, aliases and note, and the
// key of every spelling, so one spelling never names two people.

import type { HouseAlias, HousePerson, PeopleEntry } from '../shared/checks/people.js';
import type { Db } from './sql.js';

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
export async function listPeople(
  db: Db,
  opts: { search?: string; searchKey?: string; limit: number; offset: number },
): Promise<{ people: PeopleEntry[]; total: number }> {
  const where = opts.search ? `WHERE p.search LIKE ? ESCAPE '\\' OR (? <> '' AND p.search LIKE ? ESCAPE '\\')` : '';
  const args = opts.search ? [contains(opts.search), opts.searchKey ?? '', contains(opts.searchKey ?? '')] : [];
  const rows = (await db.all(`${SELECT} ${where} ORDER BY lower(p.name), p.id LIMIT ? OFFSET ?`, ...args, opts.limit, opts.offset)) as PersonRow[];
  const { n } = (await db.get(`SELECT count(*) AS n FROM people p ${where}`, ...args)) as { n: number };
  return { people: rows.map(entryOf), total: n };
}

/** The whole list as the name check reads it, by name whatever its case (as the list shows it). */
export async function allPeople(db: Db): Promise<HousePerson[]> {
  return ((await db.all(`SELECT id, name, aliases, note FROM people ORDER BY lower(name), id`)) as PersonRow[]).map((r) => ({
    id: r.id,
    name: r.name,
    aliases: aliasesOf(r.aliases),
    note: r.note,
  }));
}

export async function getPerson(db: Db, id: number): Promise<PeopleEntry | null> {
  const row = (await db.get(`${SELECT} WHERE p.id = ?`, id)) as PersonRow | undefined;
  return row ? entryOf(row) : null;
}

/** Who (by id and house spelling) each of these spelling keys already names. */
export async function peopleBySpellingKeys(db: Db, keys: readonly string[]): Promise<Map<string, { id: number; name: string }>> {
  const out = new Map<string, { id: number; name: string }>();
  for (const key of keys) {
    const row = await db.get<{ id: number; name: string }>(`SELECT p.id, p.name FROM people_spellings k JOIN people p ON p.id = k.person_id WHERE k.key = ?`, key);
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
export async function insertPerson(db: Db, p: PersonWrite): Promise<number> {
  const id = await db.value<number>(
    `INSERT INTO people (name, aliases, note, search, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    p.name,
    JSON.stringify(p.aliases),
    p.note,
    p.search,
    p.updatedAt,
    p.updatedBy,
  );
  await setSpellings(db, id!, p.keys);
  return id!;
}

/** Replaces a person's spellings and note (inside the caller's transaction). */
export async function updatePerson(db: Db, id: number, p: PersonWrite): Promise<void> {
  await db.run(
    `UPDATE people SET name = ?, aliases = ?, note = ?, search = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    p.name,
    JSON.stringify(p.aliases),
    p.note,
    p.search,
    p.updatedAt,
    p.updatedBy,
    id,
  );
  await setSpellings(db, id, p.keys);
}

async function setSpellings(db: Db, id: number, keys: readonly string[]): Promise<void> {
  await db.run(`DELETE FROM people_spellings WHERE person_id = ?`, id);
  for (const key of keys) await db.run(`INSERT INTO people_spellings (key, person_id) VALUES (?, ?)`, key, id);
}

/** Removes a person and their spellings; false if there was none. */
export async function deletePerson(db: Db, id: number): Promise<boolean> {
  return (await db.run(`DELETE FROM people WHERE id = ?`, id)).changes > 0;
}
