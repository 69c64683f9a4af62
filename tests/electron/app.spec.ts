// Launches the built desktop app (dist/electron/main.cjs) with a fresh data folder and the demo
// newsroom, and checks the window opens on the sign-in screen with window.newsdesk bridged.

import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** The Electron binary, or why there is none. */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const bin = require('electron') as unknown;
    if (typeof bin === 'string' && existsSync(bin)) return { path: bin };
    return { reason: `no binary at ${String(bin)}` };
  } catch (error) {
    return { reason: String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'unknown' };
  }
}

test('the desktop app opens on the sign-in screen', async () => {
  const binary = electronBinary();
  if ('reason' in binary) {
    const why = `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${binary.reason}. Skipping the desktop test; the same renderer and core are tested in Chromium (tests/e2e).`;
    console.warn(why);
    test.skip(true, why);
  }
  if (!('path' in binary)) return;
  expect(existsSync(path.join(ROOT, 'dist/electron/main.cjs')), 'run `npm run build` first').toBe(true);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-electron-'));
  const args = [ROOT];
  // Electron's own sandbox needs a setuid helper that root in a container does not have.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await electron.launch({
    executablePath: binary.path,
    args,
    cwd: ROOT,
    env: { ...process.env, NEWSDESK_DATA_DIR: dataDir, NEWSDESK_FIRST_RUN: 'demo', ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Newsdesk/);
    expect(window.url()).toBe('newsdesk://app/index.html');
    // The bridge is there and the raw IPC is not.
    expect(await window.evaluate(() => typeof (window as unknown as { newsdesk?: unknown }).newsdesk)).toBe('object');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    // The sign-in screen lists the demo staff.
    await expect(window.getByText('Ji Da-gyum').first()).toBeVisible({ timeout: 20_000 });
    // Sandboxed with context isolation: no Node in the page.
    expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
