// node scripts/ensure-native.mjs node|electron
// Makes better-sqlite3's native addon match the runtime about to use it: Node (tests, serve) or
// Electron (the app). A working build for each ABI is kept in node_modules/.cache so switching
// back and forth is a file copy, not a rebuild; a rebuild happens only when no copy fits.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electronBinary.mjs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/ensure-native.mjs node|electron');
  process.exit(2);
}

const addonDir = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release');
const addon = path.join(addonDir, 'better_sqlite3.node');
const cacheDir = path.join(root, 'node_modules', '.cache', 'newsdesk-native');
const probe = "const D=require('better-sqlite3');const d=new D(':memory:');d.prepare('select 1').get();d.close();process.stdout.write(String(process.versions.modules))";

/** Runs the probe in the target runtime: { ok, abi, message }. */
function tryLoad(bin) {
  const env = { ...process.env };
  let cmd = process.execPath;
  if (target === 'electron') {
    cmd = bin;
    env.ELECTRON_RUN_AS_NODE = '1';
  }
  const run = spawnSync(cmd, ['-e', probe], { cwd: root, env, encoding: 'utf8' });
  return { ok: run.status === 0, abi: run.stdout.trim(), message: (run.stderr || '').split('\n').find((l) => l.includes('Error')) ?? run.stderr };
}

function runtimeAbi(bin) {
  if (target === 'node') return process.versions.modules;
  const run = spawnSync(bin, ['-e', 'process.stdout.write(process.versions.modules)'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  return run.stdout.trim() || 'unknown';
}

const cacheFile = (abi) => path.join(cacheDir, `${target}-abi${abi}`, 'better_sqlite3.node');

function remember(abi) {
  mkdirSync(path.dirname(cacheFile(abi)), { recursive: true });
  copyFileSync(addon, cacheFile(abi));
}

let bin = null;
if (target === 'electron') {
  const found = electronBinary(root);
  if (!found.bin) {
    console.error(
      `Newsdesk cannot start the desktop app: ${found.reason}.\n` +
        "npm install does not download it: Electron's binary comes from GitHub, outside the npm registry.\n" +
        'Download it with `npx install-electron` (set ELECTRON_MIRROR to use a mirror), or use the browser instead:\n' +
        '  npm run serve -- --demo --data-dir ./newsroom-data',
    );
    process.exit(1);
  }
  bin = found.bin;
}

let result = tryLoad(bin);
if (result.ok) {
  remember(result.abi);
  process.exit(0);
}

const abi = runtimeAbi(bin);
if (existsSync(cacheFile(abi))) {
  copyFileSync(cacheFile(abi), addon);
  result = tryLoad(bin);
  if (result.ok) {
    console.log(`better-sqlite3: restored the ${target} build (ABI ${abi}) from the cache.`);
    process.exit(0);
  }
}

console.log(`better-sqlite3 does not load in ${target} (ABI ${abi}); rebuilding it…`);
try {
  if (target === 'node') {
    execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  } else {
    try {
      execFileSync(process.execPath, [require.resolve('@electron/rebuild/lib/cli.js'), '-f', '-w', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
    } catch {
      // @electron/rebuild 4 asks for Node 22; electron-builder's own rebuild is the fallback.
      console.log('@electron/rebuild failed; trying electron-builder install-app-deps…');
      execFileSync('npx', ['--no-install', 'electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' });
    }
  }
} catch {
  console.error(`Rebuilding better-sqlite3 for ${target} failed (see above).`);
  process.exit(1);
}
result = tryLoad(bin);
if (!result.ok) {
  console.error(`better-sqlite3 still does not load in ${target}: ${result.message}`);
  process.exit(1);
}
remember(result.abi);
console.log(`better-sqlite3: built for ${target} (ABI ${result.abi}).`);
