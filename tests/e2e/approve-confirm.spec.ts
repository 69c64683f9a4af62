// Approving asks first while findings stand on the saved story. With open warnings, Approve opens
// a dialog listing them (what was typed just before is saved and judged too), each with "Go to"
// that jumps to its words; Cancel changes nothing; "Approve anyway" approves. A name spelled two
// ways must be decided first: the dialog lists it with no "Approve anyway", the core refuses, and
// once the desk editor dismisses it with a note, approval goes ahead. A clean story approves at once.
// Screenshots: /tmp/h/approve-warnings-dialog.png, /tmp/h/approve-decide-dialog.png.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, apiError, docOf, shot, type ApiFn, type Newsroom } from './fixtures.js';
import { action, body, expectStatus, headline, openStory } from './ui.js';

test.setTimeout(120_000);

const checksPanel = (page: Page) => page.getByRole('tabpanel', { name: /^Checks/ });
const selection = (page: Page) => page.evaluate('String(window.getSelection())');

/** Park's story on the National desk, submitted by her and claimed by Kim Min-ji, whose window will take the lock. */
async function onTheDesk(api: ApiFn, newsroom: Newsroom, title: string, paragraphs: string[], dateline = ''): Promise<number> {
  const reporter = await newsroom.token('Park Soo-hyun');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: 'National', headline: title }, reporter);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { dateline, body: docOf(paragraphs) } }, reporter);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  await api('stories.unlock', { id: story.id }, desk);
  return story.id;
}

/** Serious or critical accessibility violations on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const statusOf = async (api: ApiFn, newsroom: Newsroom, id: number) => (await api('stories.get', { id }, await newsroom.token('Kim Min-ji'))).story.status;

test('with open warnings, Approve asks first: Cancel changes nothing, "Go to" jumps to the words, "Approve anyway" approves', async ({ page, signIn, api, newsroom }) => {
  // No dateline, and a doubled word: two warnings, nothing blocking.
  const id = await onTheDesk(api, newsroom, 'Harbour bridge reopens to traffic', ['The bridge reopened on Monday after the the repairs.']);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'Kim Min-ji');
  await openStory(page, 'Harbour bridge reopens to traffic');
  await expect(headline(page)).toBeEditable();

  // A third warning typed just before approving: it is saved first and listed too.
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Drivers said said it was quicker.');
  await action(page, 'Approve').click();

  const dialog = page.getByRole('dialog', { name: 'Approve with open warnings?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The saved story has 3 open warnings.');
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.filter({ hasText: '"the" is written twice' })).toHaveCount(1);
  await expect(items.filter({ hasText: '"said" is written twice' })).toHaveCount(1);
  await expect(items.filter({ hasText: /dateline/i })).toHaveCount(1);
  // Each "Go to" is named as shown and described by its finding.
  await expect(items.filter({ hasText: '"the" is written twice' }).getByRole('button', { name: 'Go to' })).toHaveAccessibleDescription('"the" is written twice');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Approve anyway' })).toBeEnabled();
  expect(JSON.stringify((await api('stories.get', { id }, await newsroom.token('Kim Min-ji'))).story.body)).toContain('Drivers said said it was quicker.');
  await page.screenshot({ path: '/tmp/h/approve-warnings-dialog.png' });
  await shot(page, 'approve-01-warnings-dialog');

  // Cancel: nothing changes, the focus goes back to Approve.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expectStatus(page, 'In edit');
  expect(await statusOf(api, newsroom, id)).toBe('editing');
  await expect(action(page, 'Approve')).toBeFocused();

  // Go to: the dialog closes and the words are selected in the text, the finding shown in the checks panel.
  await action(page, 'Approve').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('listitem').filter({ hasText: '"said" is written twice' }).getByRole('button', { name: 'Go to' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => selection(page)).toBe('said said');
  await expect(checksPanel(page).locator('li.active')).toContainText('"said" is written twice');
  expect(await statusOf(api, newsroom, id)).toBe('editing');

  // Approve anyway.
  await action(page, 'Approve').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Approve anyway' }).click();
  await expect(dialog).toBeHidden();
  await expectStatus(page, 'Approved');
  expect(await statusOf(api, newsroom, id)).toBe('approved');
});

test('a name spelled two ways must be decided: approval is refused until the desk editor dismisses it with a note', async ({ page, signIn, api, newsroom }) => {
  const id = await onTheDesk(
    api,
    newsroom,
    'Director-general meets Japanese envoy',
    ['Director-general Seo Min-jung met the envoy on Monday.', 'Seo Min-jeong said the the talks went well. 서민정 국장은 회담이 잘 진행됐다고 말했다.'],
    'SEOUL',
  );
  const deskToken = await newsroom.token('Kim Min-ji');
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'Kim Min-ji');
  await openStory(page, 'Director-general meets Japanese envoy');
  await expect(headline(page)).toBeEditable();

  // Shown apart in the checks panel, with what deciding means.
  const panel = checksPanel(page);
  await expect(panel.getByRole('heading', { name: 'Decide before approval (1)' })).toBeVisible({ timeout: 15_000 });
  const nameItem = panel.getByRole('listitem').filter({ hasText: /Name spelled two ways/ });
  await expect(nameItem).toContainText('the story cannot be approved until then');

  // The dialog lists it first and offers no "Approve anyway".
  await action(page, 'Approve').click();
  const dialog = page.getByRole('dialog', { name: 'Decide before approval' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The story cannot be approved until this finding is decided');
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Decide before approval');
  await expect(items.first()).toContainText('Name spelled two ways: "Seo Min-jung" (body) and "Seo Min-jeong" (body)');
  await expect(items.nth(1)).toContainText('"the" is written twice');
  await expect(dialog.getByRole('button', { name: 'Approve anyway' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/approve-decide-dialog.png' });
  await shot(page, 'approve-02-decide-dialog');
  expect(await seriousViolations(page)).toEqual([]);

  // The core refuses it too, however it is asked.
  const refused = await apiError(api('stories.transition', { id, action: 'approve' }, deskToken));
  expect(refused.code).toBe('INVALID_STATE');
  expect(refused.message).toContain('Seo Min-jung');

  // Go to: the first spelling selected in the text.
  await items.first().getByRole('button', { name: 'Go to' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => selection(page)).toBe('Seo Min-jung');

  // The desk editor decides: both spellings stand, with a note.
  await nameItem.getByRole('button', { name: 'Dismiss', exact: true }).click();
  const note = nameItem.getByRole('textbox', { name: 'Why may it stand as written?' });
  await expect(note).toBeFocused();
  await note.fill('Two people: the envoy’s interpreter is Seo Min-jeong. 동명이인.');
  await page.screenshot({ path: '/tmp/h/approve-decide-dismiss.png' });
  await nameItem.getByRole('button', { name: 'Dismiss with note' }).click();
  await expect(panel.getByText(/^Dismissed \(1\)$/)).toBeVisible();
  await expect(panel.getByRole('heading', { name: /^Decide before approval/ })).toHaveCount(0);
  expect((await api('stories.get', { id }, deskToken)).dismissals.map((d) => d.note)).toEqual(['Two people: the envoy’s interpreter is Seo Min-jeong. 동명이인.']);

  // Now only the warning is asked about, and approving goes ahead.
  await action(page, 'Approve').click();
  const confirm = page.getByRole('dialog', { name: 'Approve with open warnings?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('listitem')).toHaveCount(1);
  await confirm.getByRole('button', { name: 'Approve anyway' }).click();
  await expectStatus(page, 'Approved');
  expect(await statusOf(api, newsroom, id)).toBe('approved');
});

test('without warnings, Approve approves at once', async ({ page, signIn, api, newsroom }) => {
  const id = await onTheDesk(api, newsroom, 'Ferry timetable changes on Jeju', ['Ferries to Jeju leave an hour earlier from Monday, the operator said.'], 'JEJU');
  await signIn(page, 'Kim Min-ji');
  await openStory(page, 'Ferry timetable changes on Jeju');
  await expect(headline(page)).toBeEditable();
  // Watches for any dialog opening, however briefly.
  await page.evaluate(`
    window.dialogSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('dialog[open]')) window.dialogSeen = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  `);
  await action(page, 'Approve').click();
  await expectStatus(page, 'Approved');
  expect(await statusOf(api, newsroom, id)).toBe('approved');
  expect(await page.evaluate('window.dialogSeen')).toBe(false);
});
