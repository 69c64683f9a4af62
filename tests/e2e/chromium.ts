// Which Chromium the e2e tests and the UI benchmark drive. Debian's `chromium` package first;
// Playwright's own browser only if it happens to be installed. Nothing is ever downloaded.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags for a headless Chromium running as root in a container with no GPU and no network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The executable to launch, or undefined to let Playwright use its bundled browser. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  throw new Error("No Chromium found: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. " + 'Tests never download a browser.');
}
