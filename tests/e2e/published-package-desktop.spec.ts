// A published version's package as the desktop app offers it: window.newsdesk is present (a
// stand-in that carries the contract's calls over HTTP to the test server, as the preload carries
// them over IPC, and records what the page asks of the shell). "Open page" and "Show folder" ask the
// shell with the story and the version, never a path; the shell's refusal is shown in its words.
// The main process side (the core finds the folder, Electron opens it) is tested in tests/integration/electron.
// Screenshot: /tmp/h/frames-desktop-versions.png

import type { Page } from '@playwright/test';
import { test, expect, docOf } from './fixtures.js';
import { openStory } from './ui.js';
import { installDesktopCalls } from './desktopBridge.js';

/** Installs window.newsdesk before the app loads; the shell records its calls and fails while window.__shellRefusal is set. */
async function installDesktopBridge(page: Page): Promise<void> {
  await installDesktopCalls(page);
  await page.addInitScript(() => {
    // globalThis is the page's window (this project's e2e types have no DOM).
    const w = globalThis as unknown as Record<string, unknown>;
    const calls: unknown[][] = [];
    w.__shellCalls = calls;
    w.__shellRefusal = null;
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push([name, ...args]);
        if (typeof w.__shellRefusal === 'string') throw new Error(w.__shellRefusal);
      };
    const shell = {
      pickPhotos: async () => [],
      chooseExportFolder: async () => null,
      clearExportFolder: async () => null,
      openPackagePage: record('openPackagePage'),
      showPackageFolder: record('showPackageFolder'),
    };
    (w.__installNewsdesk as (shell: unknown) => void)(shell);
  });
}

test('in the desktop app, "Open page" and "Show folder" ask the shell for the story’s version, and its refusal is shown', async ({ page, api, newsroom, signIn }) => {
  const HEADLINE = 'Desk opens the package';
  const reporter = await newsroom.token('Ji Da-gyum');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: 'North Korea', headline: HEADLINE }, reporter);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body: docOf(['Talks resumed in Seoul on Monday.']) } }, reporter);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  for (const action of ['claim', 'approve', 'publish'] as const) await api('stories.transition', { id: story.id, action }, desk);

  await installDesktopBridge(page);
  await signIn(page, 'Kim Min-ji');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' }).click();
  await openStory(page, HEADLINE);
  await page.getByRole('tab', { name: /History/ }).click();
  const item = page.getByRole('region', { name: 'Published versions' }).getByRole('listitem', { name: 'Published version 1', exact: true });
  // Buttons for the shell, not a link to the app's origin (the desktop's browser could not open that).
  await expect(item.getByRole('link')).toHaveCount(0);
  await item.getByRole('button', { name: 'Open page', exact: true }).click();
  await item.getByRole('button', { name: 'Show folder', exact: true }).click();
  await expect
    .poll(() => page.evaluate('window.__shellCalls'))
    .toEqual([
      ['openPackagePage', story.id, 1],
      ['showPackageFolder', story.id, 1],
    ]);
  await expect(item.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/frames-desktop-versions.png' });

  await page.evaluate(`window.__shellRefusal = 'The files of version 1 are missing from published/desk-opens-the-package/v1 (no such file or folder).'`);
  await item.getByRole('button', { name: 'Show folder', exact: true }).click();
  await expect(item.getByRole('alert')).toHaveText('The files of version 1 are missing from published/desk-opens-the-package/v1 (no such file or folder).');
  // Keyboard: View, Open page, Show folder in order.
  await item.getByRole('button', { name: 'View', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(item.getByRole('button', { name: 'Open page', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item.getByRole('button', { name: 'Show folder', exact: true })).toBeFocused();
});
