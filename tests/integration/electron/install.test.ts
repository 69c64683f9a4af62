// Installing where downloads outside the npm registry are blocked: `npm install` must never need
// Electron's binary, every install script the project needs is approved (npm is moving to block
// unreviewed ones), and `npm start` says what to do when the binary is missing.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electronBinary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;

interface LockEntry {
  hasInstallScript?: boolean;
  optional?: boolean;
}

describe('installing', () => {
  it('needs no Electron download: its package runs nothing at install time', () => {
    const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
    expect(lock.packages['node_modules/electron']?.hasInstallScript ?? false).toBe(false);
    const electron = readJson<{ scripts?: Record<string, string> }>('node_modules/electron/package.json');
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(electron.scripts?.[hook]).toBeUndefined();
  });

  it('approves every install script the locked dependencies have', () => {
    const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
    const { allowScripts = {} } = readJson<{ allowScripts?: Record<string, boolean> }>('package.json');
    const withScripts = new Set(
      Object.entries(lock.packages)
        .filter(([key, entry]) => key !== '' && entry.hasInstallScript)
        .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    for (const name of withScripts) expect(allowScripts, `${name} has an install script`).toHaveProperty([name]);
    expect(allowScripts['better-sqlite3']).toBe(true);
  });

  it('npm start says plainly how to get a missing Electron binary', (ctx) => {
    if (electronBinary(ROOT).bin) ctx.skip(); // the binary is here: nothing to explain
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-native.mjs'), 'electron'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Newsdesk cannot start the desktop app: the Electron binary has not been downloaded.');
    expect(run.stderr).toContain('npx install-electron');
    expect(run.stderr).toContain('npm run serve -- --demo --data-dir ./newsroom-data');
  });
});
