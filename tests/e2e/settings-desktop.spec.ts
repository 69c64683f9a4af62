// The settings screen as the desktop app shows it: window.newsdesk is present (here a stand-in
// that carries the contract's calls over HTTP to the test server, as the preload carries them over
// IPC, and records what the page asks of the shell). "Choose export folder…" asks the shell and
// shows the folder's name; the shell's refusal is shown in its words; "Stop exporting" clears it.
// The main process side (dialog, admin check, core) is tested in tests/integration/electron.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { installDesktopCalls } from './desktopBridge.js';

/** Installs window.newsdesk before the app loads; shell answers come from window.__shellAnswers. */
async function installDesktopBridge(page: Page): Promise<void> {
  await installDesktopCalls(page);
  await page.addInitScript(() => {
    // globalThis is the page's window (this project's e2e types have no DOM).
    const w = globalThis as unknown as Record<string, unknown>;
    const calls: string[] = [];
    const answers: ({ name: string } | null | { error: string })[] = [];
    w.__shellCalls = calls;
    w.__shellAnswers = answers;
    const shellAnswer = (name: string) => async () => {
      calls.push(name);
      const next = answers.shift();
      if (next && 'error' in next) throw new Error(next.error);
      return next ?? null;
    };
    const shell = { pickPhotos: async () => [], chooseExportFolder: shellAnswer('choose'), clearExportFolder: shellAnswer('clear') };
    (w.__installNewsdesk as (shell: unknown) => void)(shell);
  });
}

test('in the desktop app, "Choose export folder…" asks the shell and shows the folder by name', async ({ page, signIn }) => {
  await installDesktopBridge(page);
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  const folder = page.getByRole('group', { name: 'Export folder', exact: true });
  await expect(folder).toContainText('None');
  await expect(folder).toContainText('A folder on this computer. Each published version is also copied there.');
  await expect(folder).not.toContainText('--export-dir');
  const choose = folder.getByRole('button', { name: 'Choose export folder…', exact: true });
  await expect(choose).toBeEnabled();
  await expect(folder.getByRole('button', { name: 'Stop exporting' })).toHaveCount(0);

  await page.evaluate(`window.__shellAnswers.push({ name: 'Seoul exports' })`);
  await choose.click();
  await expect(folder.getByText('Seoul exports', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Published versions are now also copied to the folder Seoul exports.' })).toBeVisible();

  // A refusal from the shell (the core's words) is shown and tied to the group.
  await page.evaluate(`window.__shellAnswers.push({ error: 'The export folder is not writable (permission denied).' })`);
  await choose.click();
  await expect(page.getByRole('alert')).toHaveText('The export folder is not writable (permission denied).');
  await expect(folder).toHaveAccessibleDescription(/not writable/);
  await expect(folder.getByText('Seoul exports', { exact: true })).toBeVisible();

  await folder.getByRole('button', { name: 'Stop exporting', exact: true }).click();
  await expect(folder).toContainText('None');
  await expect(page.getByRole('status').filter({ hasText: 'Published versions are no longer copied to an export folder.' })).toBeVisible();
  expect(await page.evaluate('window.__shellCalls')).toEqual(['choose', 'choose', 'clear']);
});
