// The newsroom server's command line, for both scripts:
//   npm run server -- --data-dir DIR --listen HOST:PORT [--public-url URL] [--tls-cert FILE --tls-key FILE | --behind-proxy] [--demo] [--export-dir DIR]
//   npm run serve -- --data-dir DIR [--port N] [--demo]   (the same server on 127.0.0.1: one computer)
//   npm run server -- --data-dir DIR --backup FILE         (an online backup of DIR's database, then exit)
//   npm run server -- --database postgres://… --data-dir DIR …  (the newsroom in PostgreSQL, NEWSDESK_DATABASE_URL
//     also works: several server processes share it and DIR's media/ and published/)
//   npm run server -- --database URL --data-dir DIR --import-newsroom FILE.db   (move a desktop newsroom in, then exit)
//   npm run serve -- --connect URL --data-dir DIR [--port N] (a desktop connected to a newsroom server: the
//     desktop's own shell, desktop/desktopShell.ts, behind the same loopback bridge, for Chromium to drive)
// Wrong arguments, a refused address or unreadable TLS files exit 2; a folder another Newsdesk
// holds, or a port in use, exit 1.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core.js';
import { DesktopShell } from '../desktop/desktopShell.js';
import { parseServeArgs, type ServeArgs } from './args.js';
import { backupDataDir } from './backup.js';
import { runImport } from './importNewsroom.js';
import { createServer, type NewsroomServer } from './server.js';
import { readTlsFiles } from './tls.js';
import type { TlsFiles } from './app.js';

/** The built renderer: beside the bundled cli (dist/serve → dist/renderer) or from the source tree. */
function findStaticDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../dist/renderer'), path.resolve(process.cwd(), 'dist/renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

async function main(): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    fail(2, error instanceof Error ? error.message : String(error));
  }
  if (args.backup) {
    try {
      const { file, bytes } = await backupDataDir(args.dataDir, args.backup);
      console.log(`Backed up the newsroom in ${args.dataDir} to ${file} (${(bytes / 1024).toFixed(0)} KB).`);
      process.exit(0);
    } catch (error) {
      fail(1, `Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (args.importNewsroom && args.database) process.exit(await runImport({ database: args.database, dataDir: args.dataDir, file: args.importNewsroom }));
  if (args.connect) return serveConnected(args, args.connect);
  // Read before anything is opened: a wrong file is the command line's mistake, not the newsroom's.
  let tls: TlsFiles | null = null;
  if (args.tlsCert && args.tlsKey) {
    try {
      tls = readTlsFiles(args.tlsCert, args.tlsKey);
    } catch (error) {
      fail(2, error instanceof Error ? error.message : String(error));
    }
  }
  const staticDir = args.staticDir ?? findStaticDir();
  // A folder another Newsdesk holds is refused here, before the port is taken: main() prints the
  // refusal, which names the holder, and exits 1.
  const core = await createCore({ dataDir: args.dataDir, demo: args.demo, kind: 'serve', database: args.database ?? undefined }).catch((error: unknown) =>
    // A database it cannot reach or use: the refusal names host:port/database, never the password.
    fail(1, error instanceof Error ? error.message : String(error)),
  );
  // The export folder is the command line's, for this run (none without the flag): no API call sets it.
  try {
    await core.exportFolder.set(args.exportDir);
  } catch (error) {
    await core.close();
    fail(2, `--export-dir ${args.exportDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let server: NewsroomServer;
  let url: string;
  try {
    server = await createServer(core, {
      host: args.host,
      port: args.port,
      publicUrl: args.publicUrl,
      tls,
      behindProxy: args.behindProxy,
      staticDir,
      accessLog: args.accessLog ? undefined : false,
    });
    url = await server.listen();
  } catch (error) {
    await core.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(1, `${args.host}:${args.port} is already in use; pick another port.`);
    if (code === 'EADDRNOTAVAIL') fail(2, `${args.host} is not an address of this computer; check --listen.`);
    if (code === 'EACCES') fail(1, `Not allowed to listen on ${args.host}:${args.port} (ports below 1024 need privileges).`);
    fail(1, error instanceof Error ? error.message : String(error));
  }
  if (!staticDir) console.warn('No built renderer found (run `npm run build`); serving the API only.');
  console.log(`Newsdesk is serving ${args.dataDir}${args.demo ? ' (demo newsroom)' : ''} on ${server.localUrl}${args.behindProxy ? ' behind a proxy' : ''}`);
  console.log(`The newsroom's database: ${core.database}`);
  console.log(args.exportDir ? `Published packages are also copied to ${args.exportDir}` : 'Published packages are not copied anywhere (no --export-dir).');
  console.log(`Open ${url}/`);
  // The setup code goes to this console only, never to the access log or any answer but session.setUp's.
  const setup = await core.firstAdminSetup();
  if (setup) console.log(`First start: open ${url}/ and choose 'Set up this newsroom' with the setup code ${setup.code}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/** A connected desktop: the person signs in in the browser; the shell keeps the device session and the outbox. */
async function serveConnected(args: ServeArgs, url: string): Promise<void> {
  const shell = await DesktopShell.open({ dataDir: args.dataDir, kind: 'serve' });
  let server: NewsroomServer;
  let local: string;
  try {
    await shell.useServer(url);
    server = await createServer(shell, { host: args.host, port: args.port, staticDir: args.staticDir ?? findStaticDir(), accessLog: args.accessLog ? undefined : false });
    local = await server.listen();
  } catch (error) {
    await shell.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(1, `${args.host}:${args.port} is already in use; pick another port.`);
    fail(1, error instanceof Error ? error.message : String(error));
  }
  console.log(`Newsdesk desktop for the newsroom at ${url}, keeping its offline copy and outbox in ${args.dataDir}, on ${server.localUrl}`);
  console.log(`Open ${local}/`);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await shell.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
