// The desktop app under Playwright's _electron driver. It runs where Electron's binary is
// installed; elsewhere (ELECTRON_SKIP_BINARY_DOWNLOAD) the test skips and says why.
// `npm test` builds dist/ before running it.

import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
