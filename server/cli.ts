// npm run serve -- --data-dir DIR [--port N] [--demo] [--static-dir DIR] [--export-dir DIR]
// Runs the core behind the loopback HTTP bridge so the renderer works in any browser.
// npm run serve -- --data-dir DIR --backup FILE: an online backup of DIR's database, then exit.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core.js';
import { createHttpBridge } from './server.js';
import { parseServeArgs, type ServeArgs } from './args.js';
import { backupDataDir } from './backup.js';

/** The built renderer: beside the bundled cli (dist/serve → dist/renderer) or from the source tree. */
function findStaticDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../dist/renderer'), path.resolve(process.cwd(), 'dist/renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

async function main(): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  if (args.backup) {
    try {
      const { file, bytes } = await backupDataDir(args.dataDir, args.backup);
      console.log(`Backed up the newsroom in ${args.dataDir} to ${file} (${(bytes / 1024).toFixed(0)} KB).`);
      process.exit(0);
    } catch (error) {
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  const staticDir = args.staticDir ?? findStaticDir();
  // A folder another Newsdesk holds is refused here, before the port is taken: main() prints the
  // refusal, which names the holder, and exits 1.
  const core = await createCore({ dataDir: args.dataDir, demo: args.demo, kind: 'serve' });
  // The export folder is the command line's, for this run (none without the flag): no API call sets it.
  try {
    await core.exportFolder.set(args.exportDir);
  } catch (error) {
    await core.close();
    console.error(`--export-dir ${args.exportDir}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const bridge = createHttpBridge(core, { port: args.port, staticDir });
  let url: string;
  try {
    url = await bridge.listen();
  } catch (error) {
    await core.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Port ${args.port} is already in use; pick another with --port N.` : String(error));
    process.exit(1);
  }
  if (!staticDir) console.warn('No built renderer found (run `npm run build`); serving the API only.');
  console.log(`Newsdesk is serving ${args.dataDir}${args.demo ? ' (demo newsroom)' : ''}`);
  console.log(args.exportDir ? `Published packages are also copied to ${args.exportDir}` : 'Published packages are not copied anywhere (no --export-dir).');
  console.log(`Open ${url}/`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await bridge.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
