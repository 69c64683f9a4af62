// The storage port (db/sql.ts) on PostgreSQL: a pool of connections, statements translated to
// $1… once per text, transactions carried by the async context (nested ones are savepoints), and
// what several server processes on one database need besides: LISTEN/NOTIFY, advisory locks and
// a leadership lock. Opening applies the migrations, or refuses a database that is not ours.

import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { toNumberedParams, type Params, type RunResult, type Sql, type TransactionOptions } from '../sql.js';
import { connectionProblem, describeTarget, PostgresRefused, refusalForConnectError, StorageUnavailable } from './errors.js';
import { takeLeadership, type Leadership, type LeadershipOptions } from './leadership.js';
import { NotificationListener, type ListenOptions } from './listener.js';
import { checkDatabase, migrate } from './migrate.js';

/** The two 32-bit keys of a PostgreSQL advisory lock. */
export type AdvisoryKey = readonly [number, number];

export interface PostgresOpenOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Shown in pg_stat_activity, so the database's administrator sees who holds a connection. */
  applicationName?: string;
  /** How long a call waits for a connection (a new one, or a free one of a busy pool) before it fails (default 5000). */
  connectTimeoutMs?: number;
  /** Migrate only this far (a migration's test builds the database it starts from); default: the latest. */
  migrateTo?: number;
}

export interface PostgresSql extends Sql {
  readonly dialect: 'postgres';
  /** host:port/database, for messages (never the user or password). */
  readonly target: string;
  /**
   * Calls `onMessage` with each notification's payload on `channel`, on one connection kept for
   * listening that reconnects after the database restarts. Notifications sent while it was away
   * are lost: `onReconnect` says when to catch up. Resolves to the function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  /** pg_notify: inside a transaction it is sent with the commit, and not at all on rollback. */
  notify(channel: string, payload: string): Promise<void>;
  /** Runs `fn` holding the session advisory lock `key` (waiting for it), released afterwards. */
  withSessionLock<T>(key: AdvisoryKey, fn: () => Promise<T>): Promise<T>;
  /**
   * Takes the advisory lock `key` on a connection of its own, if no one holds it: its holder
   * leads (runs the scheduler) until release() or until that connection drops, when held() turns
   * false and `onLost` is called. Null when another process leads.
   */
  tryLeadership(key: AdvisoryKey, options?: LeadershipOptions): Promise<Leadership | null>;
  /** pg_advisory_xact_lock: waits for `key`, held until the calling transaction ends. Only inside a transaction. */
  advisoryXactLock(key: AdvisoryKey): Promise<void>;
}

export type { Leadership, LeadershipOptions, ListenOptions };

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const BOOL_OID = 16;
const JSON_OIDS = new Set([114, 3802]); // json, jsonb

// Counts, sums and bigint ids as JS numbers (all far below 2^53); booleans as 1/0 and JSON as
// its text, as SQLite gives them, so `x IS NOT NULL AS flag` and a JSON aggregate the query
// modules JSON.parse read the same on both databases.
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      if (oid === BOOL_OID) return (v: string) => (v === 't' ? 1 : 0);
      if (JSON_OIDS.has(oid)) return (v: string) => v;
    }
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const MAX_CACHED = 2000;
const positionalTexts = new Map<string, Translated>();
const namedTexts = new Map<string, Translated & { names: string[] }>();
let statements = 0;

/**
 * A statement's text in $n form, and the name it is prepared under: each connection parses and
 * plans a text once, then only binds its values (planning a list's query costs about as much as
 * running it).
 */
interface Translated {
  text: string;
  name: string;
}
const translated = (text: string): Translated => ({ text, name: `newsdesk_${(statements += 1)}` });

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** The statement in $n form with its values and its prepared name; the translation of each text is worked out once. */
function translate(text: string, params: Params): Translated & { values: unknown[] } {
  const first = params[0];
  const named = params.length === 1 && typeof first === 'object' && first !== null && !Array.isArray(first) && !(first instanceof Uint8Array) && !(first instanceof Date);
  if (!named) {
    const numbered = positionalTexts.get(text) ?? remember(positionalTexts, text, translated(toNumberedParams(text, []).text));
    return { ...numbered, values: [...params] };
  }
  let entry = namedTexts.get(text);
  if (!entry) {
    // Each name's first place in the text, in order: the values toNumberedParams picks from a
    // record that answers every name with the name itself.
    const names = new Proxy({}, { get: (_target, name) => name });
    const t = toNumberedParams(text, [names]);
    entry = remember(namedTexts, text, { ...translated(t.text), names: t.values as string[] });
  }
  const record = first as Record<string, unknown>;
  return { text: entry.text, name: entry.name, values: entry.names.map((n) => record[n]) };
}

const isConnectionError = (error: unknown): boolean => error instanceof StorageUnavailable || connectionProblem(error) !== null;

function checkKey(key: AdvisoryKey): [number, number] {
  const [a, b] = key;
  const int32 = (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
  if (!int32(a) || !int32(b)) throw new TypeError(`An advisory lock key is two 32-bit integers, not ${JSON.stringify(key)}`);
  return [a, b];
}

/** One transaction level on its connection: the transaction itself or one of its savepoints. */
interface Frame {
  client: pg.PoolClient;
  /** The transaction's outermost frame (its error and state). */
  root: Frame;
  ended: boolean;
  /** The connection failed under this transaction: it is destroyed, never reused. */
  broken: Error | null;
  /** Savepoints opened directly in this frame run one after another (a connection's savepoints are a stack). */
  children: Promise<void>;
  savepoints: { next: number };
}

class PostgresStore implements PostgresSql {
  readonly dialect = 'postgres' as const;
  readonly target: string;
  private readonly pool: pg.Pool;
  private readonly poolSize: number;
  private readonly connectTimeoutMs: number;
  private readonly clientConfig: pg.ClientConfig;
  private readonly frames = new AsyncLocalStorage<Frame>();
  private readonly listener: NotificationListener;
  private readonly leaderships = new Set<Leadership>();
  private closed = false;

  constructor(url: string, opts: PostgresOpenOptions) {
    this.target = describeTarget(url);
    this.poolSize = opts.poolSize ?? 10;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 5000;
    this.clientConfig = {
      connectionString: url,
      application_name: opts.applicationName ?? 'newsdesk',
      connectionTimeoutMillis: this.connectTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      types: TYPES,
    };
    this.pool = new pg.Pool({ ...this.clientConfig, max: this.poolSize, idleTimeoutMillis: 30_000 });
    // An idle connection cut by a database restart: the pool drops it and the next call opens a new one.
    this.pool.on('error', () => {});
    this.listener = new NotificationListener(this.clientConfig, (error) => this.mapError(error));
  }

  /** The error a caller sees: connection trouble as StorageUnavailable in plain words, statement errors as PostgreSQL gave them. */
  mapError(error: unknown): unknown {
    if (error instanceof StorageUnavailable || error instanceof PostgresRefused) return error;
    if (error instanceof Error && error.message === 'timeout exceeded when trying to connect') {
      return new StorageUnavailable(
        `The PostgreSQL database at ${this.target} is too busy: all ${this.poolSize} of this server's connections to it stayed in use for ${this.connectTimeoutMs / 1000} s. Try again in a moment.`,
        { cause: error },
      );
    }
    const problem = connectionProblem(error);
    if (problem === null) return error;
    return new StorageUnavailable(`Newsdesk cannot reach the PostgreSQL database at ${this.target}: ${problem}. Try again in a moment.`, { cause: error });
  }

  /**
   * The transaction of the calling context. Work scheduled from inside a transaction (a timer, an
   * event listener) inherits its context but runs after it ended: it runs outside, on the pool,
   * never on the connection that went back to it. (A statement inside a transaction that is not
   * awaited is refused statically: the lint rule no-floating-promises.)
   */
  private frame(): Frame | undefined {
    const f = this.frames.getStore();
    if (!f?.ended) return f;
    return f.root.ended ? undefined : f.root;
  }

  private async query(text: string, params: Params, rowMode?: 'array'): Promise<pg.QueryResult> {
    const t = translate(text, params);
    const config: pg.QueryConfig = rowMode
      ? ({ name: t.name, text: t.text, values: t.values, rowMode } as pg.QueryArrayConfig)
      : { name: t.name, text: t.text, values: t.values };
    const f = this.frame();
    try {
      return await (f ? f.client.query(config) : this.pool.query(config));
    } catch (error) {
      throw this.mapError(error);
    }
  }

  async all<T = Record<string, unknown>>(text: string, ...params: Params): Promise<T[]> {
    return (await this.query(text, params)).rows as T[];
  }

  async get<T = Record<string, unknown>>(text: string, ...params: Params): Promise<T | undefined> {
    return (await this.query(text, params)).rows[0] as T | undefined;
  }

  async value<T = unknown>(text: string, ...params: Params): Promise<T | undefined> {
    return ((await this.query(text, params, 'array')).rows[0] as unknown[] | undefined)?.[0] as T | undefined;
  }

  async column<T = unknown>(text: string, ...params: Params): Promise<T[]> {
    return ((await this.query(text, params, 'array')).rows as unknown[][]).map((r) => r[0] as T);
  }

  async rows<T extends unknown[] = unknown[]>(text: string, ...params: Params): Promise<T[]> {
    return (await this.query(text, params, 'array')).rows as T[];
  }

  async run(text: string, ...params: Params): Promise<RunResult> {
    return { changes: (await this.query(text, params)).rowCount ?? 0 };
  }

  async exec(text: string): Promise<void> {
    const f = this.frame();
    try {
      // No values: the simple protocol, several statements at once (in one implicit transaction outside ours).
      await (f ? f.client.query(text) : this.pool.query(text));
    } catch (error) {
      throw this.mapError(error);
    }
  }

  inTransaction(): boolean {
    const f = this.frames.getStore();
    return f !== undefined && !f.ended;
  }

  private async checkout(): Promise<pg.PoolClient> {
    if (this.closed) throw new Error(`The connection to the PostgreSQL database at ${this.target} was closed.`);
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.mapError(error);
    }
  }

  async transaction<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const outer = this.frames.getStore();
    if (outer && !outer.ended) return this.savepoint(outer, fn);
    const client = await this.checkout();
    const frame: Frame = { client, root: undefined as unknown as Frame, ended: false, broken: null, children: Promise.resolve(), savepoints: { next: 1 } };
    frame.root = frame;
    // A checked-out connection that fails must not throw from its event emitter; its statements fail instead.
    const onError = (error: Error) => {
      frame.broken = error;
    };
    client.on('error', onError);
    let result: T;
    try {
      await client.query(options.durability === 'relaxed' ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN');
      result = await this.frames.run(frame, fn);
      frame.ended = true;
      await client.query('COMMIT');
    } catch (error) {
      frame.ended = true;
      await this.rollbackAndRelease(frame, error, onError);
      throw this.mapError(error);
    }
    client.removeListener('error', onError);
    client.release();
    return result;
  }

  private async rollbackAndRelease(frame: Frame, error: unknown, onError: (e: Error) => void): Promise<void> {
    const { client } = frame;
    const lost = frame.broken ?? (isConnectionError(error) ? (error as Error) : null);
    if (!lost) {
      try {
        await client.query('ROLLBACK');
        client.removeListener('error', onError);
        client.release();
        return;
      } catch (rollbackError) {
        client.removeListener('error', onError);
        client.release(rollbackError as Error);
        return;
      }
    }
    // The server ended the transaction with the connection: destroy it rather than return it to the pool.
    client.removeListener('error', onError);
    client.release(lost);
  }

  private async savepoint<T>(parent: Frame, fn: () => Promise<T>): Promise<T> {
    const before = parent.children;
    let done!: () => void;
    parent.children = new Promise<void>((resolve) => (done = resolve));
    await before;
    const frame: Frame = { ...parent, ended: false, children: Promise.resolve() };
    const name = `newsdesk_sp_${parent.savepoints.next++}`;
    try {
      if (parent.ended || parent.root.ended) throw new Error('A transaction was opened inside one that had already ended.');
      await this.onFrame(frame, `SAVEPOINT ${name}`);
      const result = await this.frames.run(frame, fn);
      frame.ended = true;
      await this.onFrame(frame, `RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      frame.ended = true;
      if (!parent.root.broken && !isConnectionError(error)) {
        try {
          await this.onFrame(frame, `ROLLBACK TO SAVEPOINT ${name}`);
          await this.onFrame(frame, `RELEASE SAVEPOINT ${name}`);
        } catch {
          // The outer transaction fails on its next statement and rolls back as a whole.
        }
      }
      throw this.mapError(error);
    } finally {
      done();
    }
  }

  private async onFrame(frame: Frame, text: string): Promise<void> {
    try {
      await frame.client.query(text);
    } catch (error) {
      throw this.mapError(error);
    }
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.query('SELECT pg_notify(?, ?)', [channel, payload]);
  }

  listen(channel: string, onMessage: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>> {
    return this.listener.listen(channel, onMessage, options);
  }

  async advisoryXactLock(key: AdvisoryKey): Promise<void> {
    if (!this.inTransaction()) throw new Error('advisoryXactLock() holds its lock until the transaction ends: call it inside transaction().');
    await this.query('SELECT pg_advisory_xact_lock(?, ?)', checkKey(key));
  }

  async withSessionLock<T>(key: AdvisoryKey, fn: () => Promise<T>): Promise<T> {
    const k = checkKey(key);
    const client = await this.checkout();
    let lost: Error | null = null;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', k);
    } catch (error) {
      client.removeListener('error', onError);
      client.release(error as Error);
      throw this.mapError(error);
    }
    try {
      return await fn();
    } finally {
      client.removeListener('error', onError);
      // Ending a connection ends its locks too: one that failed is destroyed, not unlocked.
      const failure =
        lost ??
        (await client.query('SELECT pg_advisory_unlock($1, $2)', k).then(
          () => null,
          (error: Error) => error,
        ));
      client.release(failure ?? undefined);
    }
  }

  async tryLeadership(key: AdvisoryKey, options: LeadershipOptions = {}): Promise<Leadership | null> {
    if (this.closed) throw new Error(`The connection to the PostgreSQL database at ${this.target} was closed.`);
    let leadership: Leadership | null;
    try {
      leadership = await takeLeadership(this.clientConfig, checkKey(key), {
        ...options,
        onLost: () => {
          if (leadership) this.leaderships.delete(leadership);
          options.onLost?.();
        },
      });
    } catch (error) {
      throw this.mapError(error);
    }
    if (leadership) this.leaderships.add(leadership);
    return leadership;
  }

  /** The first connection: refusals in plain words (unreachable, sign-in refused, no such database). */
  async connectFirst(user: string): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      const refusal =
        refusalForConnectError(this.target, user, error) ??
        (error instanceof Error && /timeout/.test(error.message)
          ? new PostgresRefused(this.target, 'unreachable', `Newsdesk cannot reach the PostgreSQL database at ${this.target}: the server did not answer in time.`, {
              cause: error,
            })
          : null);
      throw refusal ?? error;
    }
    client.release();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener.close();
    await Promise.all([...this.leaderships].map((l) => l.release()));
    await this.pool.end();
  }
}

function userOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username) || process.env.PGUSER || 'postgres';
  } catch {
    return 'postgres';
  }
}

/**
 * Opens the newsroom's PostgreSQL database: connects, refuses a database that is unsuitable, not
 * Newsdesk's or from a newer version (writing nothing to it), and applies the migrations it lacks.
 */
export async function openPostgres(url: string, opts: PostgresOpenOptions = {}): Promise<PostgresSql> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error('not postgres');
  } catch {
    throw new PostgresRefused(
      describeTarget(url),
      'unreachable',
      'The database address is not a PostgreSQL URL. Write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
    );
  }
  const db = new PostgresStore(url, opts);
  try {
    await db.connectFirst(userOf(url));
    await checkDatabase(db);
    await migrate(db, opts.migrateTo);
    return db;
  } catch (error) {
    await db.close().catch(() => {});
    throw db.mapError(error);
  }
}
