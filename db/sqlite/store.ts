// The storage port (db/sql.ts) over one better-sqlite3 connection. SQLite has one writer and
// better-sqlite3 answers synchronously, so a statement runs at once — unless a transaction opened
// by another async context is in progress: then it waits for that one to end, so it never joins
// or sees a transaction that is not its own. Transactions queue one behind the other.

import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Params, RunResult, Sql, TransactionOptions } from '../sql.js';
import { stmt, type SqliteDb } from './statements.js';

/** How a statement answers: rows as objects, the first column's values, or rows as arrays. */
type Shape = 'object' | 'value' | 'raw';

/** One transaction's identity: the async context that opened it carries it. */
type Tx = object;

export interface SqliteSql extends Sql {
  readonly dialect: 'sqlite';
  /** The connection itself: backups, checkpoints and the integrity check, which are SQLite's own. */
  readonly raw: SqliteDb;
}

export function sqliteStore(raw: SqliteDb): SqliteSql {
  const context = new AsyncLocalStorage<Tx>();
  /** The transaction in progress and a promise settled when it ends. */
  let active: { tx: Tx; done: Promise<void> } | null = null;
  let savepoints = 0;

  const mine = (): boolean => active !== null && context.getStore() === active.tx;

  /**
   * Runs the cached statement with `params` given to the call, not bound (a statement binds only
   * once), in the shape asked for: pluck() and raw() stay set on a statement, so each call sets them.
   */
  function statement(text: string, params: Params, shape: Shape, each: (s: Database.Statement, args: unknown[]) => unknown): unknown {
    const s = stmt(raw, text);
    if (s.reader) {
      s.pluck(shape === 'value');
      s.raw(shape === 'raw');
    }
    return each(s, params as unknown[]);
  }

  function run<T>(text: string, params: Params, shape: Shape, each: (s: Database.Statement, args: unknown[]) => unknown): Promise<T> {
    return gated(() => statement(text, params, shape, each) as T);
  }

  function gated<T>(work: () => T): Promise<T> {
    if (active === null || mine()) {
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    // Run in the same turn as the check, so no transaction can open in between.
    return (async () => {
      while (active !== null && !mine()) await active.done;
      return work();
    })();
  }

  const store: SqliteSql = {
    dialect: 'sqlite',
    raw,
    all: <T>(text: string, ...params: Params) => run<T[]>(text, params, 'object', (s, args) => s.all(...args)),
    get: <T>(text: string, ...params: Params) => run<T | undefined>(text, params, 'object', (s, args) => s.get(...args)),
    value: <T>(text: string, ...params: Params) => run<T | undefined>(text, params, 'value', (s, args) => s.get(...args)),
    column: <T>(text: string, ...params: Params) => run<T[]>(text, params, 'value', (s, args) => s.all(...args)),
    rows: <T extends unknown[]>(text: string, ...params: Params) => run<T[]>(text, params, 'raw', (s, args) => s.all(...args)),
    run: (text: string, ...params: Params) => run<RunResult>(text, params, 'object', (s, args) => ({ changes: s.run(...args).changes })),
    exec: (text) => gated(() => void raw.exec(text)),
    inTransaction: () => mine(),
    async transaction<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      if (mine()) {
        const name = `sp${++savepoints}`;
        raw.exec(`SAVEPOINT ${name}`);
        try {
          const result = await fn();
          raw.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          raw.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw error;
        }
      }
      while (active !== null) await active.done;
      const tx: Tx = {};
      let end!: () => void;
      active = { tx, done: new Promise<void>((resolve) => (end = resolve)) };
      // In WAL mode synchronous=NORMAL commits without waiting for fsync.
      const previous = raw.pragma('synchronous', { simple: true }) as number;
      const relaxed = options.durability === 'relaxed' && previous > 1;
      try {
        if (relaxed) raw.pragma('synchronous = NORMAL');
        raw.exec('BEGIN IMMEDIATE');
        let result: T;
        try {
          result = await context.run(tx, fn);
        } catch (error) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw error;
        }
        raw.exec('COMMIT');
        return result;
      } finally {
        if (relaxed) raw.pragma(`synchronous = ${previous}`);
        active = null;
        end();
      }
    },
    async close() {
      while (active !== null) await active.done;
      raw.close();
    },
  };
  return store;
}
