// What goes wrong between Newsdesk and its PostgreSQL database, in words a newsroom's IT person
// can act on. A database address is only ever shown as host:port/database: the password in the
// URL never reaches a message or a log.

export type PostgresRefusalReason = 'unreachable' | 'authentication' | 'no-database' | 'unsuitable' | 'newer-version' | 'not-newsdesk';

/** The database cannot be opened or used by this version of Newsdesk; nothing was written to it. */
export class PostgresRefused extends Error {
  readonly reason: PostgresRefusalReason;
  /** host:port/database, without user or password. */
  readonly target: string;
  constructor(target: string, reason: PostgresRefusalReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostgresRefused';
    this.target = target;
    this.reason = reason;
  }
}

/**
 * A call could not be answered because the database is out of reach for now (restarting, down,
 * every connection busy). Its transaction, if it had one, was rolled back; the next call tries
 * again. `message` is fit to show to the person who made the call.
 */
export class StorageUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailable';
  }
}

/** host:port/database of a postgres:// URL, for messages; never its user or password. */
export function describeTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the configured address';
  }
  const socketDir = parsed.searchParams.get('host');
  const host = decodeURIComponent(parsed.hostname) || socketDir || 'localhost';
  const port = parsed.port || parsed.searchParams.get('port') || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || '(default)';
  return `${host}:${port}/${database}`;
}

const LOST_CONNECTION = [
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Why the connection failed, in plain words, when `error` is about reaching the database rather
 * than about the statement (a constraint, a syntax error); null otherwise.
 */
export function connectionProblem(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (is PostgreSQL running and listening there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be found';
    case 'ENOENT':
      return 'there is no PostgreSQL socket there (is PostgreSQL running?)';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the server did not answer (check the address, the network and any firewall)';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was lost';
    case '57P01':
    case '57P02':
      return 'the database server is shutting down or restarting';
    case '57P03':
      return 'the database server is starting up or shutting down';
    case '53300':
      return 'the database server has no free connection slot (max_connections)';
  }
  if (typeof code === 'string' && code.startsWith('08')) return 'the connection failed';
  if (error.message === 'Connection terminated due to connection timeout') return 'the server did not answer in time';
  if (LOST_CONNECTION.includes(error.message)) return 'the connection was lost';
  return null;
}

/** The refusal for a failed first connection: unreachable, refused sign-in, or no such database. */
export function refusalForConnectError(target: string, user: string, error: unknown): PostgresRefused | null {
  const code = (error as { code?: unknown }).code;
  if (code === '28P01' || code === '28000') {
    return new PostgresRefused(
      target,
      'authentication',
      `PostgreSQL at ${target} refused the sign-in of user "${user}" (${code === '28P01' ? 'wrong password' : (error as Error).message}). Check the user and password in the database address, and that pg_hba.conf lets this computer in.`,
      { cause: error },
    );
  }
  if (code === '3D000') {
    const database = target.slice(target.indexOf('/') + 1);
    return new PostgresRefused(
      target,
      'no-database',
      `The database "${database}" does not exist on the PostgreSQL server at ${target.slice(0, target.indexOf('/'))}. Create it first (for example: createdb -O ${user} -E UTF8 ${database}).`,
      { cause: error },
    );
  }
  const problem = connectionProblem(error);
  if (problem === null) return null;
  return new PostgresRefused(target, 'unreachable', `Newsdesk cannot reach the PostgreSQL database at ${target}: ${problem}.`, { cause: error });
}
