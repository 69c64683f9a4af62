// Command-line arguments of the server cli (`npm run server` and `npm run serve`), parsed
// without dependencies, and the rules about where it may listen: plain HTTP only on a loopback
// address; anywhere else with TLS (certificate files) or behind a reverse proxy that has it, and
// with the public URL people open.

import path from 'node:path';
import { isLoopbackHost } from './origin.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './server.js';

export interface ServeArgs {
  dataDir: string;
  /** The address listened on (no brackets for IPv6). */
  host: string;
  port: number;
  /** The origin people open (https://newsroom.example.com); required off loopback. */
  publicUrl: string | null;
  tlsCert: string | null;
  tlsKey: string | null;
  behindProxy: boolean;
  demo: boolean;
  staticDir: string | null;
  /** Back up the data folder's database to this file and exit instead of serving. */
  backup: string | null;
  /** The folder each published package is also copied to; null: none. Only this flag sets it for a server. */
  exportDir: string | null;
  accessLog: boolean;
  /** A desktop working with the newsroom server at this URL, served on 127.0.0.1 (null: a newsroom of its own). */
  connect: string | null;
  /** The newsroom's PostgreSQL database (--database, else NEWSDESK_DATABASE_URL), shared by its server processes; null: the data folder's SQLite file. */
  database: string | null;
  /** Move the desktop newsroom in this SQLite file (or data folder) into the database, then exit. */
  importNewsroom: string | null;
}

/** Where the database URL may come from instead of the command line, which `ps` shows to everyone on the computer. */
export const DATABASE_ENV = 'NEWSDESK_DATABASE_URL';

const USAGE = [
  'Usage: npm run server -- --data-dir DIR --listen HOST:PORT [--public-url URL] [--tls-cert FILE --tls-key FILE | --behind-proxy] [--demo] [--export-dir DIR]',
  '       npm run serve -- --data-dir DIR [--port N] [--demo] [--export-dir DIR]      (this computer only: 127.0.0.1)',
  '       npm run server -- --data-dir DIR --backup FILE',
  '       npm run server -- --database postgres://… --data-dir DIR --import-newsroom FILE.db   (move a desktop newsroom in, then exit)',
  '       npm run serve -- --connect URL --data-dir DIR [--port N]                     (a desktop connected to a newsroom server)',
  'Other options: --static-dir DIR (the built renderer), --no-access-log,',
  `  --database postgres://USER:PASSWORD@HOST:PORT/DB (the newsroom in PostgreSQL, shared by several server processes; or set ${DATABASE_ENV})`,
].join('\n');

/** "HOST:PORT", "[IPv6]:PORT" or ":PORT" (the default host). */
function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535) throw new Error(`--listen takes HOST:PORT, e.g. 0.0.0.0:8443 or [::]:8443 (got "${value}").\n${USAGE}`);
  return { host: match[1] ?? (match[2] || DEFAULT_HOST), port };
}

function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--public-url must be a URL such as https://newsroom.example.com (got "${value}").\n${USAGE}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--public-url must start with https:// (got "${value}").`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new Error(`--public-url is an origin only, e.g. https://newsroom.example.com: Newsdesk is served at the root of its address (got "${value}").`);
  }
  // Browsers reach a public URL over the network: plain HTTP there would carry passwords in the clear.
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new Error(`--public-url must be https:// unless it names this computer (got "${value}"): people sign in over it.`);
  }
  return url.origin;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  let dataDir: string | null = null;
  let database: string | null = null;
  let listen: { host: string; port: number } | null = null;
  let port: number | null = null;
  let publicUrl: string | null = null;
  let tlsCert: string | null = null;
  let tlsKey: string | null = null;
  let behindProxy = false;
  let demo = false;
  let staticDir: string | null = null;
  let backup: string | null = null;
  let exportDir: string | null = null;
  let accessLog = true;
  let connect: string | null = null;
  let importNewsroom: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--data-dir':
        dataDir = value();
        break;
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a port number.\n${USAGE}`);
        port = n;
        break;
      }
      case '--listen':
        listen = parseListen(value());
        break;
      case '--public-url':
        publicUrl = parsePublicUrl(value());
        break;
      case '--tls-cert':
        tlsCert = value();
        break;
      case '--tls-key':
        tlsKey = value();
        break;
      case '--behind-proxy':
        behindProxy = true;
        break;
      case '--demo':
        demo = true;
        break;
      case '--static-dir':
        staticDir = value();
        break;
      case '--backup':
        backup = value();
        break;
      case '--export-dir':
        exportDir = value();
        break;
      case '--connect':
        connect = value();
        break;
      case '--database':
        database = value();
        break;
      case '--import-newsroom':
        importNewsroom = value();
        break;
      case '--no-access-log':
        accessLog = false;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`Unknown argument: ${arg}\n${USAGE}`);
    }
  }
  if (!dataDir) throw new Error(`--data-dir is required.\n${USAGE}`);
  // A backup copies an existing newsroom; seeding a demo one first would be a surprise.
  if (backup && demo) throw new Error(`--backup copies an existing newsroom and cannot be combined with --demo.\n${USAGE}`);
  if (listen && port !== null) throw new Error(`Give either --listen HOST:PORT or --port N (which means --listen 127.0.0.1:N), not both.\n${USAGE}`);
  if ((tlsCert === null) !== (tlsKey === null)) throw new Error(`TLS needs both --tls-cert FILE and --tls-key FILE.\n${USAGE}`);
  if (tlsCert && behindProxy) throw new Error(`Choose --tls-cert/--tls-key (this server speaks TLS) or --behind-proxy (the proxy in front does), not both.\n${USAGE}`);
  // The flag wins over the environment; a connected desktop keeps SQLite whatever the environment says.
  if (database === null && connect === null) database = env[DATABASE_ENV] || null;
  if (importNewsroom && (!database || backup || demo || connect))
    throw new Error(
      `--import-newsroom moves a newsroom into the server's PostgreSQL database: give --database postgres://… (or NEWSDESK_DATABASE_URL) and --data-dir, without --backup, --demo or --connect.\n${USAGE}`,
    );
  if (database !== null && !/^postgres(ql)?:\/\//i.test(database)) {
    throw new Error(`--database takes a PostgreSQL address, postgres://USER:PASSWORD@HOST:PORT/DATABASE (got something else).\n${USAGE}`);
  }
  if (backup && database) {
    throw new Error(
      `--backup copies the data folder's SQLite file; this newsroom is in PostgreSQL: back it up with pg_dump (see the README) and copy media/ and published/ from the data folder.`,
    );
  }
  if (connect !== null) {
    // A connected desktop is one person's, on this computer: its own newsroom's options do not apply.
    const own = [
      listen && '--listen',
      publicUrl && '--public-url',
      tlsCert && '--tls-cert',
      behindProxy && '--behind-proxy',
      demo && '--demo',
      backup && '--backup',
      exportDir && '--export-dir',
      database && '--database',
    ].filter(Boolean);
    if (own.length > 0)
      throw new Error(`--connect runs a desktop on this computer for a newsroom server; it takes only --data-dir and --port (not ${own.join(', ')}).\n${USAGE}`);
    let url: URL;
    try {
      url = new URL(connect);
    } catch {
      throw new Error(`--connect takes the newsroom server's address, e.g. https://newsroom.example.com (got "${connect}").\n${USAGE}`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      throw new Error(
        `--connect must be an https:// address (plain http only to this computer): passwords and stories must not cross a network unencrypted (got "${connect}").`,
      );
    }
    connect = url.origin;
  }
  const { host, port: listenPort } = listen ?? { host: DEFAULT_HOST, port: port ?? DEFAULT_PORT };
  if (!backup && !importNewsroom && !isLoopbackHost(host)) {
    if (!tlsCert && !behindProxy) {
      throw new Error(
        `Newsdesk speaks plain HTTP only on a loopback address (127.0.0.1, ::1, localhost): passwords must not cross a network in the clear.\n` +
          `To listen on ${host}, give --tls-cert FILE --tls-key FILE, or --behind-proxy when a reverse proxy in front of it provides HTTPS.\n${USAGE}`,
      );
    }
    if (!publicUrl) {
      throw new Error(
        `Listening on ${host} needs --public-url, the address people open (e.g. https://newsroom.example.com): only requests to it are answered.\n${USAGE}`,
      );
    }
  }
  return {
    dataDir: path.resolve(dataDir),
    host,
    port: listenPort,
    publicUrl,
    tlsCert: tlsCert ? path.resolve(tlsCert) : null,
    tlsKey: tlsKey ? path.resolve(tlsKey) : null,
    behindProxy,
    demo,
    staticDir: staticDir ? path.resolve(staticDir) : null,
    backup: backup ? path.resolve(backup) : null,
    exportDir: exportDir ? path.resolve(exportDir) : null,
    accessLog,
    connect,
    database,
    importNewsroom: importNewsroom ? path.resolve(importNewsroom) : null,
  };
}
