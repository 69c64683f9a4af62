// npm run bench: runs every tests/bench/*.bench.ts in turn, each in its own process (so one
// benchmark's memory and caches do not colour the next), and fails if any fails.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  console.log('No benchmarks found (tests/bench/*.bench.ts).');
  process.exit(0);
}

const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', tsx, path.join(here, file)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`✗ ${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
