// The story's History panel lists every published version with who and when: the article, its
// correction, the kill notice; "View" shows a version's HTML; a failed copy to the export folder
// is reported there and "Retry export" succeeds once the folder is back.
// Screenshot: test-results/screens/published-versions.png

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, docOf, shot, startServer, type ApiFn, type Newsroom } from './fixtures.js';
import { openStory } from './ui.js';

/** The reporter writes and submits; the desk editor claims, approves and publishes (version 1). */
async function publishStory(api: ApiFn, newsroom: Newsroom, headline: string, slug: string): Promise<{ id: number; reporter: string; desk: string }> {
  const reporter = await newsroom.token('Ji Da-gyum');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: 'North Korea', headline, slug }, reporter);
  await api(
    'stories.save',
    {
      id: story.id,
      baseVersion: story.version,
      changes: {
        dateline: 'SEOUL',
        byline: [{ staffId: newsroom.person('Ji Da-gyum').id }],
        body: docOf(['North Korea fired two short-range ballistic missiles on Tuesday, the military said.', 'It was the third launch this month.']),
      },
    },
    reporter,
  );
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  await api('stories.transition', { id: story.id, action: 'approve' }, desk);
  const published = await api('stories.transition', { id: story.id, action: 'publish' }, desk);
  expect(published.story.status).toBe('published');
  return { id: story.id, reporter, desk };
}

async function openHistory(page: Page, headline: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' }).click();
  await openStory(page, headline);
  await page.getByRole('tab', { name: /History/ }).click();
  const list = page.getByRole('region', { name: 'Published versions' });
  await expect(list).toBeVisible();
  return list;
}

test('every published version is listed with who and when: v1, the correction v2, the kill notice v3', async ({ page, api, newsroom, signIn }) => {
  const HEADLINE = 'North Korea fires two ballistic missiles';
  const { id, desk } = await publishStory(api, newsroom, HEADLINE, 'nk-missiles-versions');
  await api('stories.transition', { id, action: 'correct', note: 'Corrected the number of missiles from three to two.' }, desk);
  await api('stories.transition', { id, action: 'approve' }, desk);
  await api('stories.transition', { id, action: 'publish' }, desk);
  await api('stories.transition', { id, action: 'kill', note: 'Withdrawn: the launch report was not confirmed.' }, desk);
  const { versions } = await api('published.list', { storyId: id }, desk);
  expect(versions.map((v) => [v.version, v.pubStatus])).toEqual(
    expect.arrayContaining([
      [1, 'usable'],
      [2, 'usable'],
      [3, 'canceled'],
    ]),
  );

  await signIn(page, 'Kim Min-ji');
  const list = await openHistory(page, HEADLINE);
  const item = (n: number) => list.getByRole('listitem', { name: `Published version ${n}`, exact: true });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  // Newest first.
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(['Published version 3', 'Published version 2', 'Published version 1']);
  for (const n of [1, 2, 3]) {
    await expect(item(n)).toContainText('by Kim Min-ji');
    const when = versions.find((v) => v.version === n)!.publishedAt;
    await expect(item(n).locator('time')).toHaveAttribute('datetime', when);
    await expect(item(n).locator('time')).not.toHaveText('');
  }
  await expect(item(1)).toContainText('Usable');
  await expect(item(1)).not.toContainText('Correction:');
  await expect(item(2)).toContainText('Usable');
  await expect(item(2)).toContainText('Correction: Corrected the number of missiles from three to two.');
  await expect(item(3)).toContainText('Kill notice');
  await expect(item(3)).toContainText('Kill note: Withdrawn: the launch report was not confirmed.');
  // No export folder was set.
  await expect(item(1)).toContainText('Not exported');
  await expect(list.getByRole('button', { name: 'Retry export' })).toHaveCount(0);
  await shot(page, 'published-versions');

  // "View" shows the version exactly as published, in a frame where no script can run.
  await item(2).getByRole('button', { name: 'View' }).click();
  const dialog = page.getByRole('dialog', { name: 'Published version 2' });
  const frame = dialog.locator('iframe');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('dialog iframe').getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await expect(page.frameLocator('dialog iframe').locator('body')).toContainText('Corrected the number of missiles from three to two.');
  await shot(page, 'published-version-view');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await item(3).getByRole('button', { name: 'View' }).click();
  await expect(page.frameLocator('dialog iframe').locator('body')).toContainText('Withdrawn: the launch report was not confirmed.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

/** A server of its own, started with --export-dir (the only way to give a server an export folder). */
const withExportDir = test.extend<{ exportDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  exportDir: async ({}, use) => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-export-'));
    await use(path.join(root, 'exports'));
    rmSync(root, { recursive: true, force: true });
  },
  server: async ({ exportDir }, use) => {
    mkdirSync(exportDir);
    const server = await startServer({ exportDir });
    await use(server);
    await server.stop();
  },
});

withExportDir(
  'a failed export is reported in the History panel without the server\'s path, and "Retry export" succeeds once the folder is back',
  async ({ page, api, newsroom, signIn, server, exportDir }) => {
    // The server checked the folder when it started; it disappears before the publish (an unmounted share).
    rmSync(exportDir, { recursive: true });
    const HEADLINE = 'Seoul and Tokyo resume security talks';
    const { id, desk } = await publishStory(api, newsroom, HEADLINE, 'seoul-tokyo-talks');
    const [v1] = (await api('published.list', { storyId: id }, desk)).versions;
    expect(v1).toMatchObject({ version: 1, exportStatus: 'failed', exportError: 'The export folder does not exist.' });
    // The browser is told "the export folder"; the server's log names it in full.
    expect(server.output()).toContain(exportDir);

    await signIn(page, 'Kim Min-ji');
    const list = await openHistory(page, HEADLINE);
    const item = list.getByRole('listitem', { name: 'Published version 1', exact: true });
    await expect(item).toContainText('Export failed: The export folder does not exist.');
    await expect(item).not.toContainText(exportDir);
    await shot(page, 'published-versions-export-failed');

    // Retrying while the folder is still missing says so again.
    await item.getByRole('button', { name: 'Retry export' }).click();
    await expect(item.getByRole('alert')).toContainText('could not be exported');
    await expect(item.getByRole('alert')).not.toContainText(exportDir);

    mkdirSync(exportDir);
    await item.getByRole('button', { name: 'Retry export' }).click();
    await expect(item.getByRole('status')).toHaveText('Published version 1 was copied to the export folder.');
    await expect(item).toContainText('Copied to the export folder');
    await expect(item.getByRole('button', { name: 'Retry export' })).toHaveCount(0);
    expect(existsSync(path.join(exportDir, v1!.path, 'index.html'))).toBe(true);
    expect((await api('published.list', { storyId: id }, desk)).versions[0]).toMatchObject({ exportStatus: 'ok', exportError: null });
  },
);
