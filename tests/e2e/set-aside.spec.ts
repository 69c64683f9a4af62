// A newsroom whose published/ holds a package the database has no record of (as after restoring
// an older backup): the server sets it aside at start-up, and the admin's settings screen says
// so, naming the folder relative to the data folder, never the server's own path.
// Screenshot: test-results/screens/admin-set-aside.png

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, shot, startServer } from './fixtures.js';

const withOrphan = test.extend<{ dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-aside-'));
    mkdirSync(path.join(dir, 'published/navy-drills/v2'), { recursive: true });
    writeFileSync(path.join(dir, 'published/navy-drills/v2/index.html'), '<p>published after the backup</p>');
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ dataDir }, use) => {
    const server = await startServer({ dataDir, keepData: true });
    await use(server);
    await server.stop();
  },
});

withOrphan('the admin is told which published packages were set aside at start-up', async ({ page, signIn, dataDir }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'set aside at start-up' });
  await expect(notice).toContainText('1 published package was set aside at start-up because the database had no record of it');
  await expect(notice.locator('code')).toHaveText([/^quarantine\/[0-9T.Z-]+\/published\/navy-drills\/v2$/]);
  expect(await page.content()).not.toContain(dataDir);
  await shot(page, 'admin-set-aside');
});
