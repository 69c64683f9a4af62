// Run before the server cli (`npm run serve`, `npm run server`): builds dist/ when it is missing or older than the sources,
// and makes sure better-sqlite3 is built for Node.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of any file under the given folders. */
function newest(dirs) {
  let latest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else latest = Math.max(latest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return latest;
}

const outputs = ['dist/serve/cli.mjs', 'dist/renderer/index.html'].map((f) => path.join(root, f));
const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const sources = newest(['shared', 'db', 'core', 'server', 'desktop', 'electron', 'renderer']);
if (built < sources) {
  console.log(built === 0 ? 'Building Newsdesk (first run)…' : 'Sources changed since the last build; rebuilding…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}
execFileSync(process.execPath, [path.join(root, 'scripts/ensure-native.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
