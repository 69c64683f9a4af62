// npm run dev: the core behind the loopback bridge (demo newsroom in ./.data/dev, rebuilt on
// change by esbuild) plus Vite's dev server with hot reload, which forwards /api and /media to it.
// With --electron (and an installed Electron binary) the desktop window loads the dev server too.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const dataDir = process.env.NEWSDESK_DEV_DATA ?? path.join(root, '.data', 'dev');
const children = [];

function run(name, cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`[dev] ${name} exited (${code}); stopping.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const ensure = spawn(process.execPath, ['scripts/ensure-native.mjs', 'node'], { cwd: root, stdio: 'inherit' });
ensure.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  // The browser opens Vite's address, which forwards /api to the server: that address is the
  // server's public URL, so its Origin is the server's own.
  run('api', bin('tsx'), ['watch', '--clear-screen=false', 'server/cli.ts', '--data-dir', dataDir, '--demo', '--public-url', 'http://127.0.0.1:5173']);
  run('vite', bin('vite'), ['--host', '127.0.0.1']);
  if (process.argv.includes('--electron')) {
    const electronPath = electronBinary(root).bin;
    if (!electronPath) {
      console.log('[dev] Electron binary not installed; open the Vite URL in a browser instead.');
      return;
    }
    run('build:electron', process.execPath, ['scripts/build-electron.mjs', '--watch']);
    setTimeout(() => run('electron', electronPath, ['.'], { NEWSDESK_DEV_URL: 'http://127.0.0.1:5173', NEWSDESK_DATA_DIR: path.join(dataDir, 'desktop') }), 3000);
  }
});
