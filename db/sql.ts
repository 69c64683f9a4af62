// The storage port: what every query module in db/ runs its SQL through. Two adapters answer it,
// db/sqlite/ (better-sqlite3: the desktop's newsroom and a one-machine server) and db/postgres/
// (pg: a newsroom server, several processes on one database). Statements use `?` placeholders
// (or `@name` with one object of values); each adapter turns them into its own.
//
// A transaction belongs to the async context that opened it: every statement issued from inside
// `transaction(fn)` — however deep in the calls fn makes — runs in it, and a transaction opened
// inside another becomes a savepoint of it. Statements from elsewhere never see its writes.

export type Dialect = 'sqlite' | 'postgres';

export type Params = readonly unknown[] | [Readonly<Record<string, unknown>>];

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface TransactionOptions {
  /**
   * 'relaxed' commits without waiting for the disk (SQLite: synchronous=NORMAL in WAL mode;
   * PostgreSQL: synchronous_commit off). Only for rows whose files are already fsynced and that
   * nothing depends on until the next full commit. A nested transaction follows the outer one.
   */
  durability?: 'full' | 'relaxed';
}

export interface Sql {
  readonly dialect: Dialect;
  /** Every row. */
  all<T = Record<string, unknown>>(text: string, ...params: Params): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = Record<string, unknown>>(text: string, ...params: Params): Promise<T | undefined>;
  /** The first column of the first row, or undefined. */
  value<T = unknown>(text: string, ...params: Params): Promise<T | undefined>;
  /** The first column of every row. */
  column<T = unknown>(text: string, ...params: Params): Promise<T[]>;
  /** Each row as an array of its columns, in order. */
  rows<T extends unknown[] = unknown[]>(text: string, ...params: Params): Promise<T[]>;
  run(text: string, ...params: Params): Promise<RunResult>;
  /** Several statements with no parameters and no answer (schema changes). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction, committing only if it resolves; nested, a savepoint. */
  transaction<T>(fn: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** True while the calling async context is inside a transaction of this database. */
  inTransaction(): boolean;
  close(): Promise<void>;
}

export type Db = Sql;

/** Picks the statement written for this database where the two dialects differ. */
export function dialectSql(db: Sql, forms: Record<Dialect, string>): string {
  return forms[db.dialect];
}

/** The SQL type of a JSON list's items, as the query compares them. */
export type ListItemType = 'bigint' | 'text';

/**
 * A list given as one parameter (its JSON text, `JSON.stringify(items)`) as a one-column
 * subquery, for `x IN ${jsonList(db, 'bigint')}`. SQLite reads it with json_each, PostgreSQL
 * with json_array_elements_text and a cast to the items' type.
 */
export function jsonList(db: Sql, type: ListItemType): string {
  return dialectSql(db, {
    sqlite: `(SELECT value FROM json_each(?))`,
    postgres: `(SELECT CAST(value AS ${type}) FROM json_array_elements_text(CAST(? AS json)))`,
  });
}

/** The same list as a table (to alias and join) of `value` and `ord`, the item's place: order by ord to keep the list's order. */
export function jsonItems(db: Sql, type: ListItemType): string {
  return dialectSql(db, {
    sqlite: `(SELECT key AS ord, value FROM json_each(?))`,
    postgres: `(SELECT e.ord - 1 AS ord, CAST(e.value AS ${type}) AS value FROM json_array_elements_text(CAST(? AS json)) WITH ORDINALITY AS e(value, ord))`,
  });
}

/**
 * An aggregate of `expr` over the rows as a JSON array's text, in `orderBy` order ('[]' for no
 * rows). The order goes in the aggregate itself: a subquery's ORDER BY is no promise to it.
 */
export function jsonArrayAgg(db: Sql, expr: string, orderBy: string): string {
  return dialectSql(db, {
    sqlite: `json_group_array(${expr} ORDER BY ${orderBy})`,
    postgres: `coalesce(json_agg(${expr} ORDER BY ${orderBy}), '[]')`,
  });
}

/** A JSON object of SQL expressions, one per key, for jsonArrayAgg (SQLite json_object, PostgreSQL json_build_object). */
export function jsonObject(db: Sql, fields: Readonly<Record<string, string>>): string {
  const args = Object.entries(fields)
    .map(([key, expr]) => `'${key}', ${expr}`)
    .join(', ');
  return dialectSql(db, { sqlite: `json_object(${args})`, postgres: `json_build_object(${args})` });
}

/** A JSON array of SQL expressions, for jsonArrayAgg (SQLite json_array, PostgreSQL json_build_array). */
export function jsonArray(db: Sql, exprs: readonly string[]): string {
  return dialectSql(db, { sqlite: `json_array(${exprs.join(', ')})`, postgres: `json_build_array(${exprs.join(', ')})` });
}

/** Turns `?` and `@name` placeholders into PostgreSQL's `$1…`, outside quotes; named values become positional. */
export function toNumberedParams(text: string, params: Params): { text: string; values: unknown[] } {
  const named = params.length === 1 && isPlainObject(params[0]) ? (params[0] as Record<string, unknown>) : null;
  const values: unknown[] = [];
  const positions = new Map<string, number>();
  let out = '';
  let quote: string | null = null;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?' && !named) {
      values.push(params[next++]);
      out += `$${values.length}`;
    } else if (c === '@' && named && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))![0];
      let position = positions.get(name);
      if (position === undefined) {
        values.push(named[name]);
        position = values.length;
        positions.set(name, position);
      }
      out += `$${position}`;
      i += name.length;
    } else out += c;
  }
  return { text: out, values };
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}
