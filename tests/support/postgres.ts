// A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, a server bound to
// its own unix socket and 127.0.0.1 on a free port, and stop() removes it all. Tests never need a
// PostgreSQL someone set up by hand; only Debian's server binaries (package postgresql-15).
//
// One cluster serves a whole `vitest run` (tests/support/postgresGlobalSetup.ts starts it); each
// test file takes its own database on it with freshDatabase().

import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './newsdeskCli.js';
import { openDatabase, openPostgres, sqliteStore, type Db } from '../../db/index.js';

const run = promisify(execFile);

/** Which storage the core suites run on: `npx vitest run` runs them once per backend (vitest.config.ts). */
export const TEST_BACKEND: 'sqlite' | 'postgres' = process.env.NEWSDESK_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** The superuser initdb creates; trust auth, so no password ever appears in a URL. */
const SUPERUSER = 'newsdesk';
const PG_ROOT = '/usr/lib/postgresql';

export interface PostgresCluster {
  /** The folder of the server's unix socket. */
  socketDir: string;
  port: number;
  /** A TCP URL on loopback for `database` (default `postgres`), as a server process would use. */
  url(database?: string): string;
  /** Creates a UTF-8, C.UTF-8-collated database (a fresh unique name unless given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Drops the database, closing any connection still on it. */
  dropDatabase(name: string): Promise<void>;
  /** pg_ctl restart: every open connection is cut, the data stays. For fault tests. */
  restart(): Promise<void>;
  /** pg_ctl stop -m fast, then removes the folder. */
  stop(): Promise<void>;
}

/** The bin folder of the highest installed PostgreSQL server version, off PATH as Debian installs it. */
export function postgresBinDir(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found under ${PG_ROOT}/<version>/bin: install Debian's postgresql-15 package (apt-get install postgresql-15).`,
    );
  }
  return path.join(PG_ROOT, versions[0]!, 'bin');
}

/** uid and gid of `nobody`, from /etc/passwd (PostgreSQL refuses to run as root). */
function nobody(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  if (!line) throw new Error('PostgreSQL refuses to run as root, and there is no user "nobody" to run it as.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The command line for a PostgreSQL binary: as `nobody` when we are root, else as ourselves. */
function command(bin: string, args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'nobody', '--', bin, ...args]];
  return [bin, args];
}

const DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkedName(name: string): string {
  if (!DB_NAME.test(name)) throw new Error(`Not a database name for the tests: ${JSON.stringify(name)} (lower-case letters, digits and _)`);
  return name;
}

/** `adminUrl` with its database replaced by `name`. */
function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Template0 and explicit locale: every test database is UTF-8 with C.UTF-8 collation, whatever the cluster default. */
async function createDatabaseOn(adminUrl: string, name = `test_${randomBytes(6).toString('hex')}`): Promise<string> {
  await adminQuery(adminUrl, `CREATE DATABASE "${checkedName(name)}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  return databaseUrl(adminUrl, name);
}

/** FORCE: a connection a test forgot to close must not keep the database alive. */
async function dropDatabaseOn(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${checkedName(name)}" WITH (FORCE)`);
}

export async function startPostgresCluster(opts: { port?: number } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  const logFile = path.join(dir, 'log');
  mkdirSync(socketDir);
  if (process.getuid?.() === 0) {
    const { uid, gid } = nobody();
    chownSync(dir, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  // nobody has no home folder: run everything from the cluster's own.
  const pgRun = async (name: string, args: string[]) => {
    const [file, argv] = command(path.join(bin, name), args);
    try {
      await run(file, argv, { cwd: dir });
    } catch (err) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`${name} ${args.join(' ')} failed: ${(err as Error).message}${log ? `\n--- server log ---\n${log}` : ''}`);
    }
  };
  const pgCtlArgs = (port: number) => [
    '-D',
    dataDir,
    '-l',
    logFile,
    '-w',
    '-o',
    // fsync and friends off only because the cluster is thrown away after the run: a crash
    // may lose it, and nothing in it needs to survive one.
    `-k ${socketDir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ];

  // Sync hook: a run that crashes or exits early must leave no server and no folder behind.
  const onExit = () => {
    const [file, argv] = command(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) spawnSync(file, argv, { cwd: dir, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  let port = 0;
  try {
    await pgRun('initdb', ['-D', dataDir, '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust', '-U', SUPERUSER]);
    // A free port found by listening on port 0 can be taken again before the server binds it:
    // try a few (never 5432, the one a hand-installed PostgreSQL would use).
    for (let attempt = 1; ; attempt++) {
      port = opts.port ?? (await freePort());
      if (port === 5432) continue;
      try {
        await pgRun('pg_ctl', [...pgCtlArgs(port), 'start']);
        break;
      } catch (err) {
        if (opts.port !== undefined || attempt >= 3) throw err;
      }
    }
  } catch (err) {
    process.off('exit', onExit);
    onExit();
    throw err;
  }

  const url = (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;

  return {
    socketDir,
    port,
    url,
    createDatabase: (name) => createDatabaseOn(url(), name),
    dropDatabase: (name) => dropDatabaseOn(url(), name),
    async restart() {
      await pgRun('pg_ctl', [...pgCtlArgs(port), '-m', 'fast', 'restart']);
    },
    async stop() {
      process.off('exit', onExit);
      try {
        await pgRun('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared cluster's admin URL (database `postgres`), from tests/support/postgresGlobalSetup.ts. */
    postgresAdminUrl: string;
  }
}

/**
 * A new, uniquely named database on the run's shared cluster, for one test file: returns its URL
 * and drops it after the file's tests. Call it in beforeAll (or a test), not at import time.
 */
export async function freshDatabase(): Promise<string> {
  // Imported here, not at the top: the global setup imports this module in vitest's main process,
  // where importing 'vitest' throws.
  const { afterAll, inject } = await import('vitest');
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('No PostgreSQL cluster for this run: vitest.config.ts must list tests/support/postgresGlobalSetup.ts in globalSetup.');
  const url = await createDatabaseOn(adminUrl);
  afterAll(() => dropDatabaseOn(adminUrl, new URL(url).pathname.slice(1)));
  return url;
}

const databaseOfFolder = new Map<string, string>();

/**
 * The storage options of a core opened on `dataDir` in this run's backend: nothing for SQLite
 * (the folder's file), else the database this folder was given first — so a test that closes a
 * core and opens the folder again finds the same newsroom, as it would on SQLite.
 */
export async function storageFor(dataDir: string): Promise<{ database?: string }> {
  if (TEST_BACKEND !== 'postgres') return {};
  let url = databaseOfFolder.get(dataDir);
  if (!url) {
    url = await freshDatabase();
    databaseOfFolder.set(dataDir, url);
  }
  return { database: url };
}

/** The newsroom database of a folder a test's core opened (closed by then), through the storage port, to change it behind the core's back. */
export async function openNewsroomDb(dataDir: string): Promise<Db> {
  const { database } = await storageFor(dataDir);
  return database ? openPostgres(database) : sqliteStore(openDatabase(path.join(dataDir, 'newsdesk.db')));
}
