// The people list: a desk editor reaches it from the sidebar, adds a person from the keyboard
// (house spelling, another spelling with who uses it, a Korean note), finds them by alias or in
// Korean, is told when a spelling already names someone else, edits and removes; a reporter's
// story that spells the person the other way gets the house spelling as its fix. Reporters do
// not see the screen. Screenshots at 1280×800 and 800 px wide: /tmp/h2/shots/names-*.png (and
// test-results/screens/people-list-*.png).

import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, docOf, shot } from './fixtures.js';
import { openStory } from './ui.js';

test.setTimeout(120_000);

const SHOTS = process.env.NAMES_SHOTS_DIR ?? '/tmp/h2/shots';

async function both(page: Page, name: string): Promise<void> {
  await shot(page, `people-list-${name}`);
  if (fs.existsSync(path.dirname(SHOTS))) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `names-${name}.png`) });
  }
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a desk editor keeps the people list from the keyboard; the name check offers the house spelling', async ({ page, signIn, api, newsroom }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const reporter = await newsroom.token('Park Soo-hyun');
  const { story } = await api('stories.create', { desk: 'North Korea', headline: 'Pyongyang rejects talks' }, reporter);
  await api(
    'stories.save',
    { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body: docOf(['Ri Yong Ho said on Monday the North would not talk, KCNA reported.']) } },
    reporter,
  );

  await signIn(page, 'Kim Min-ji');
  await page.getByRole('button', { name: 'People list', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People list' })).toBeVisible();
  await expect(page.getByText('Nobody on the list yet.')).toBeVisible();

  // From the keyboard: house spelling, note, then the other spelling and who uses it.
  await page.getByRole('textbox', { name: 'House spelling' }).focus();
  await page.keyboard.type('Lee Yong-ho');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('리영호, 북한 외무상 2016-20');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Other spelling 1' })).toBeFocused();
  await page.keyboard.type('Ri Yong Ho');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Used by' })).toBeFocused();
  await page.keyboard.type('KCNA');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Added Lee Yong-ho. The name check uses it from now on.' })).toBeFocused();
  const row = page.getByRole('row', { name: /Lee Yong-ho/ });
  await expect(row).toContainText('Ri Yong Ho (KCNA)');
  await expect(row).toContainText('리영호, 북한 외무상 2016-20');
  await expect(row).toContainText('Kim Min-ji');

  // A second person, by clicking: another spelling added with its own button.
  await page.getByRole('textbox', { name: 'House spelling' }).fill('Kim Yo-jong');
  await page.getByRole('textbox', { name: 'Other spelling 1' }).fill('Kim Yeo-jong');
  await page.getByRole('textbox', { name: 'Used by' }).fill('Korea Herald');
  await page.getByRole('button', { name: 'Add spelling' }).click();
  await expect(page.getByRole('textbox', { name: 'Other spelling 2' })).toBeFocused();
  await page.keyboard.type('김여정');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'People (2)' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await both(page, 'list-1280');

  // Search by alias, by its letters run together, and in Korean.
  const search = page.getByRole('searchbox', { name: 'Search people' });
  await search.fill('ri yong');
  await expect(page.getByRole('heading', { level: 2, name: 'People (1)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Lee Yong-ho/ })).toBeVisible();
  await search.fill('김여정');
  await expect(page.getByRole('row', { name: /Kim Yo-jong/ })).toContainText('Kim Yeo-jong (Korea Herald), 김여정');
  await expect(page.getByRole('row', { name: /Lee Yong-ho/ })).toHaveCount(0);
  await search.fill('');

  // One spelling names one person: refused in words, nothing added.
  await page.getByRole('textbox', { name: 'House spelling' }).fill('Ri Yong Gil');
  await page.getByRole('textbox', { name: 'Other spelling 1' }).fill('RI YONG HO');
  await page.getByRole('button', { name: 'Add person' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '\u201cRI YONG HO\u201d is already on the list, for Lee Yong-ho.' });
  await expect(refusal).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'People (2)' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'House spelling' })).toHaveValue('Ri Yong Gil');
  await page.setViewportSize({ width: 800, height: 900 });
  await both(page, 'refused-800');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Edit and remove, by the buttons named for each person.
  await page.getByRole('button', { name: 'Edit Kim Yo-jong' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Edit Kim Yo-jong' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'House spelling' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Note' }).fill('The leader\u2019s sister');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved Kim Yo-jong.' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Kim Yo-jong' }).click();
  await page.getByRole('dialog', { name: 'Remove Kim Yo-jong?' }).getByRole('button', { name: 'Remove from list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed Kim Yo-jong from the list.' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'People (1)' })).toBeVisible();

  // The reporter's story spells him as KCNA does: the finding names the house spelling and fixes to it.
  await page.getByRole('button', { name: /sign out/i }).click();
  await signIn(page, 'Park Soo-hyun');
  await openStory(page, 'Pyongyang rejects talks');
  const panel = page.getByRole('tabpanel', { name: /^Checks/ });
  const finding = panel.getByRole('listitem').filter({ hasText: 'House spelling: Lee Yong-ho (KCNA spells it Ri Yong Ho).' });
  await expect(finding).toBeVisible({ timeout: 15_000 });
  await both(page, 'finding-1280');
  await finding.getByRole('button', { name: /Use the house spelling .Lee Yong-ho. everywhere/ }).click();
  await expect(finding).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.ProseMirror')).toContainText('Lee Yong-ho said on Monday');
});

test('reporters do not see the people list; an address to it opens their home queue', async ({ page, signIn }) => {
  await signIn(page, 'Park Soo-hyun');
  await expect(page.getByRole('button', { name: 'People list', exact: true })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).origin}/#/people`);
  await expect(page.getByRole('heading', { level: 1, name: 'People list' })).toHaveCount(0);
});
