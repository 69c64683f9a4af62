// The copy desk in the editor: the seed article's name spelled two ways is marked in
// the body AND in the lead photo's caption, a fix changes both (one Undo takes the body's part
// back), a stale fix changes nothing, a desk editor dismisses a warning with a note and restores
// it (never a blocking finding), "Check as I type" can be turned off, the queue row counts open
// findings, and the desk's house style (Korean forms too) is edited on its own screen.
// From the keyboard: a half-typed dismissal note survives re-checks, the focus moves on to the
// next finding after a dismiss, restore or fix, and the buttons every finding has ("Dismiss",
// "Previous", "Next") are described by their finding's message. Two desk editors on the house
// style: an untouched screen takes the other's save, edits are never overwritten unasked.
// Screenshot: test-results/screens/copy-desk-01-seed-name-finding.png.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, docOf, seedArticle, shot, type ApiFn, type Newsroom } from './fixtures.js';
import { attachSeedPhotos, writeSeedStory } from './seedStory.js';
import { body, headline, openStory, saved } from './ui.js';

test.setTimeout(120_000);

const checksPanel = (page: Page) => page.getByRole('tabpanel', { name: /^Checks/ });
const bodyText = (page: Page) => body(page).innerText();
const NAME_FINDING = /Seo Min-jung.*Seo Min-jeong|Seo Min-jeong.*Seo Min-jung/;

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  expect(report, `axe on ${screen}`).toEqual([]);
}

/** The seed article written by its reporter, both photos attached by the photo desk, submitted and claimed by Kim Min-ji. */
async function seedStory(api: ApiFn, newsroom: Newsroom): Promise<number> {
  const { story, reporter } = await writeSeedStory(api, newsroom);
  await attachSeedPhotos(api, newsroom, story.id);
  const desk = await newsroom.token('Kim Min-ji');
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  // The claim took the lock through the API; the desk editor's window takes it again.
  await api('stories.unlock', { id: story.id }, desk).catch(() => undefined);
  return story.id;
}

test('the seed article: the name is marked in body and caption; a fix edits both, one Undo reverts the body', async ({ page, signIn, api, newsroom }) => {
  const seed = seedArticle();
  const storyId = await seedStory(api, newsroom);
  const deskToken = await newsroom.token('Kim Min-ji');
  await page.setViewportSize({ width: 1440, height: 1300 });
  await signIn(page, 'Kim Min-ji');
  await openStory(page, seed.headline);
  await expect(headline(page)).toBeEditable();

  const panel = checksPanel(page);
  const finding = panel.getByRole('listitem').filter({ hasText: NAME_FINDING });
  await expect(finding).toHaveCount(1, { timeout: 15_000 });
  await expect(panel.getByRole('heading', { name: /^Warnings \(\d+\)$/ })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Check as I type' })).toBeChecked();

  // Marked in both places: the body's words and the lead photo's caption.
  const bodyMark = page.locator('.story-body .finding-mark-warning', { hasText: 'Seo Min-jeong' });
  const captionMark = page.locator('.story-lead figcaption mark', { hasText: 'Seo Min-jung' });
  await expect(bodyMark).toBeVisible();
  await expect(captionMark).toBeVisible();
  // Decorations only: the saved body holds no trace of them.
  expect(JSON.stringify((await api('stories.get', { id: storyId }, deskToken)).story.body)).not.toContain('finding');

  // The message jumps to the first place, the body, and selects the words there.
  await finding.getByRole('button', { name: NAME_FINDING }).click();
  await expect(finding.getByText('1 of 2')).toBeVisible();
  // Every finding has these buttons: each is described by its own finding's message, its name kept as shown.
  for (const name of ['Previous', 'Next', 'Dismiss']) await expect(finding.getByRole('button', { name, exact: true })).toHaveAccessibleDescription(NAME_FINDING);
  // At the first place "Previous" is unavailable, yet keeps the focus a keyboard user gives it.
  await expect(finding.getByRole('button', { name: 'Previous' })).toHaveAttribute('aria-disabled', 'true');
  await expect.poll(() => page.evaluate('String(window.getSelection())')).toBe('Seo Min-jeong');
  await page.keyboard.press('ArrowRight');
  await page.evaluate("document.querySelector('.editor-scroll').scrollTop = 0");
  await expect(bodyMark).toHaveClass(/active/);
  await shot(page, 'copy-desk-01-seed-name-finding');
  await expectNoSeriousViolations(page, 'the editor with findings marked');

  // The caption's spelling everywhere: the body changes; one Undo brings the body's spelling back.
  await finding.getByRole('button', { name: 'Use “Seo Min-jung” everywhere' }).click();
  await expect.poll(() => bodyText(page)).toContain('Seo Min-jung');
  expect(await bodyText(page)).not.toContain('Seo Min-jeong');
  await expect(finding).toHaveCount(0);
  await body(page).press('Control+z');
  await expect.poll(() => bodyText(page)).toContain('Seo Min-jeong');
  await expect(finding).toHaveCount(1);

  // A stale fix: the words it would replace were retyped since the check ran, so nothing changes.
  // (Checks paused, so no new run replaces the finding before the click.)
  const live = panel.getByRole('checkbox', { name: 'Check as I type' });
  await live.uncheck();
  await page.evaluate(`window.__e2e.selectText('[aria-label="Story body"]', 'Min-jeong')`);
  await page.keyboard.type('Min-jong');
  await finding.getByRole('button', { name: 'Use “Seo Min-jung” everywhere' }).click();
  await expect(panel.getByText('The text has changed; checks are running again.')).toBeVisible();
  expect(await bodyText(page)).toContain('Seo Min-jong and');
  await body(page).press('Control+z');
  await expect.poll(() => bodyText(page)).toContain('Seo Min-jeong and');
  await live.check();

  // The body's spelling everywhere: the caption is re-captioned through the photo desk's API.
  await expect(finding.getByRole('button', { name: 'Use “Seo Min-jeong” everywhere' })).toBeEnabled({ timeout: 10_000 });
  await finding.getByRole('button', { name: 'Use “Seo Min-jeong” everywhere' }).click();
  await expect(finding).toHaveCount(0, { timeout: 10_000 });
  await expect(captionMark).toHaveCount(0);
  const { photos } = await api('stories.get', { id: storyId }, deskToken);
  expect(photos.find((p) => p.placement === 'lead')?.caption).toMatch(/^Seo Min-jeong \(second from left\)/);
  await shot(page, 'copy-desk-02-fixed');
});

test('a desk editor dismisses a warning with a note and restores it; blocking findings cannot be dismissed', async ({ page, signIn, api, newsroom }) => {
  const reporter = await newsroom.token('Park Soo-hyun');
  const { story } = await api('stories.create', { desk: 'National', headline: 'Harbour bridge reopens' }, reporter);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['The bridge reopened on Monday after the the repairs.']) } }, reporter);

  await signIn(page, 'Kim Min-ji');
  await page.getByRole('button', { name: 'All stories' }).click();
  // The queue row counts open findings (the dateline warning and the doubled word), in words.
  await expect(page.getByRole('button', { name: /Harbour bridge reopens/ })).toContainText(/\d+ findings?/, { timeout: 10_000 });
  await openStory(page, 'Harbour bridge reopens');
  const panel = checksPanel(page);
  const doubled = panel.getByRole('listitem').filter({ hasText: /"the" is written twice/i });
  await expect(doubled).toHaveCount(1, { timeout: 15_000 });

  // Read only for the desk editor (a reporter's draft): the fix says why it cannot be applied, to
  // the eye and, since Tab still reaches it (aria-disabled), to a keyboard and screen reader user.
  const fix = doubled.getByRole('button', { name: 'Keep one “the”' });
  await expect(fix).toBeDisabled();
  await expect(fix).toHaveAttribute('aria-disabled', 'true');
  await expect(doubled).toContainText('The text is read only for you now.');
  await expect(fix).toHaveAccessibleDescription(/^The text is read only for you now\. "the" is written twice/);
  await doubled.getByRole('button', { name: /"the" is written twice/ }).focus();
  await page.keyboard.press('Tab');
  await expect(fix).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => bodyText(page)).toContain('after the the repairs');

  await doubled.getByRole('button', { name: 'Dismiss', exact: true }).click();
  const note = doubled.getByRole('textbox', { name: 'Why does this not apply?' });
  await expect(note).toBeFocused();
  await doubled.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(doubled.getByRole('alert')).toHaveText('Say why this does not apply.');
  await expectNoSeriousViolations(page, 'the dismiss form');
  await note.fill('Quoted speech: the minister repeated himself. 인용문 그대로.');
  await doubled.getByRole('button', { name: 'Dismiss warning' }).click();

  const dismissedGroup = panel.getByRole('group').filter({ has: page.getByText(/^Dismissed \(1\)$/) });
  await expect(panel.getByText(/^Dismissed \(1\)$/)).toBeVisible();
  await expect(panel.getByText(/1 dismissed\./)).toBeVisible();
  await panel.getByText(/^Dismissed \(1\)$/).click();
  await expect(dismissedGroup).toContainText('인용문 그대로.');
  await expect(dismissedGroup).toContainText('Dismissed by Kim Min-ji');
  const token = await newsroom.token('Kim Min-ji');
  expect((await api('stories.get', { id: story.id }, token)).dismissals.map((d) => d.note)).toContain('Quoted speech: the minister repeated himself. 인용문 그대로.');
  await shot(page, 'copy-desk-03-dismissed');

  await dismissedGroup.getByRole('button', { name: 'Restore' }).click();
  await expect(panel.getByText(/^Dismissed \(1\)$/)).toHaveCount(0);
  await expect(panel.getByRole('listitem').filter({ hasText: /"the" is written twice/i })).toHaveCount(1);

  // Blocking findings never offer Dismiss.
  await api('stories.save', { id: story.id, baseVersion: (await api('stories.get', { id: story.id }, reporter)).story.version, changes: { headline: '' } }, reporter);
  const blocking = panel.getByRole('listitem').filter({ hasText: /no headline/i });
  await expect(blocking).toHaveCount(1, { timeout: 15_000 });
  await expect(blocking.getByRole('button', { name: 'Dismiss', exact: true })).toHaveCount(0);
});

test('with "Check as I type" off, typing is not checked until "Check now"; the choice is remembered', async ({ page, signIn }) => {
  await signIn(page, 'reporter');
  await page
    .getByRole('button', { name: /new story/i })
    .first()
    .click();
  await expect(headline(page)).toBeEditable();
  const panel = checksPanel(page);
  const live = panel.getByRole('checkbox', { name: 'Check as I type' });
  await expect(panel.getByRole('status').first()).toContainText(/findings?, \d+ blocking\./);
  await live.uncheck();
  await headline(page).fill('Ferry timetable changes');
  await body(page).click();
  await page.keyboard.type('Ferries leave at at nine.');
  await expect(panel.getByText(/Not checked since your latest changes\./)).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: /"at" is written twice/i })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Check now' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: /"at" is written twice/i })).toHaveCount(1);
  await saved(page);
  await page.reload();
  await openStory(page, 'Ferry timetable changes');
  await expect(checksPanel(page).getByRole('checkbox', { name: 'Check as I type' })).not.toBeChecked();
  await checksPanel(page).getByRole('checkbox', { name: 'Check as I type' }).check();
});

test('the desk edits the house style (Korean forms too); a rule becomes a finding with a one-click fix', async ({ page, signIn, api, newsroom }) => {
  const reporter = await newsroom.token('Park Soo-hyun');
  const { story } = await api('stories.create', { desk: 'National', headline: '북괴 미사일 발사' }, reporter);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['북괴 미사일 발사 소식이 전해졌다.']), language: 'ko' } }, reporter);

  await signIn(page, 'Kim Min-ji');
  await page.getByRole('button', { name: 'House style', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'House style' })).toBeVisible();

  // A rule with nothing to avoid is refused beside its field, and the focus goes there.
  await page.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('textbox', { name: 'Preferred form' }).last()).toBeFocused();
  await page.keyboard.type('북한');
  await page.getByRole('button', { name: 'Save house style' }).click();
  const avoid = page.getByRole('textbox', { name: 'Forms to avoid' }).last();
  await expect(avoid).toBeFocused();
  await expect(avoid).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter at least one form to avoid.')).toBeVisible();

  await avoid.fill('북괴');
  await page.getByRole('combobox', { name: 'Applies in' }).last().selectOption({ label: 'Everywhere' });
  await page.getByRole('spinbutton', { name: 'Longest headline (characters)' }).fill('5');
  await page.getByRole('button', { name: 'Save house style' }).click();
  await expect(page.getByText(/The longest headline must be a whole number from 20 to 500\./)).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Longest headline (characters)' }).fill('90');
  await page.getByRole('button', { name: 'Save house style' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'House style saved.' })).toBeVisible();
  const token = await newsroom.token('Kim Min-ji');
  expect((await api('settings.get', {}, token)).settings.houseStyle).toContainEqual({ preferred: '북한', avoid: ['북괴'], where: 'everywhere' });
  await shot(page, 'copy-desk-04-house-style');
  await expectNoSeriousViolations(page, 'the house-style screen');

  // A reporter's story with the avoided form: the finding offers the preferred one.
  const reporterPage = page;
  await reporterPage.getByRole('button', { name: /sign out/i }).click();
  await signIn(reporterPage, 'Park Soo-hyun');
  await openStory(reporterPage, '북괴 미사일 발사');
  const panel = checksPanel(reporterPage);
  const rule = panel.getByRole('listitem').filter({ hasText: '북괴' });
  await expect(rule.first()).toBeVisible({ timeout: 15_000 });
  const fixes = rule.locator('.fix-button');
  await expect(fixes.first()).toBeEnabled();
  // Apply every offered fix until the house-style findings are gone (headline and body).
  // (One at a time: the next click waits until the check after the last fix has run.)
  for (let i = 0; i < 4; i += 1) {
    const left = await rule.count();
    if (!left) break;
    await rule.first().locator('.fix-button').first().click();
    await expect.poll(() => rule.count()).toBeLessThan(left);
  }
  await expect(rule).toHaveCount(0, { timeout: 10_000 });
  await expect(headline(reporterPage)).toHaveValue('북한 미사일 발사');
  await expect.poll(() => bodyText(reporterPage)).toContain('북한 미사일 발사 소식이');
});

/** A story by Park Soo-hyun, submitted and claimed by Kim Min-ji, whose window may then edit it. */
async function claimedStory(api: ApiFn, newsroom: Newsroom, title: string, paragraphs: string[]): Promise<number> {
  const reporter = await newsroom.token('Park Soo-hyun');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: 'National', headline: title }, reporter);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(paragraphs) } }, reporter);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  await api('stories.unlock', { id: story.id }, desk).catch(() => undefined);
  return story.id;
}

test('from the keyboard: a half-typed note survives re-checks; the focus moves on after dismiss, restore and fix', async ({ page, signIn, api, newsroom }) => {
  const storyId = await claimedStory(api, newsroom, 'Bridge traffic returns', [
    'The bridge reopened on Monday after the the repairs.',
    'Drivers said it was was worth the wait.',
    'The first bus crossed crossed at dawn.',
  ]);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, 'Kim Min-ji');
  await openStory(page, 'Bridge traffic returns');
  await expect(headline(page)).toBeEditable();
  const panel = checksPanel(page);
  const message = (word: string) => panel.getByRole('button', { name: `"${word}" is written twice`, exact: true });
  const item = (word: string) => panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: `"${word}" is written twice`, exact: true }) });
  await expect(message('crossed')).toBeVisible({ timeout: 15_000 });

  // Dismiss opened from the keyboard; a note half typed.
  await item('was').getByRole('button', { name: 'Dismiss', exact: true }).focus();
  await page.keyboard.press('Enter');
  const note = panel.getByRole('textbox', { name: 'Why does this not apply?' });
  await expect(note).toBeFocused();
  await expect(note).toHaveAccessibleDescription('"was" is written twice');
  await page.keyboard.type('Quoted as said');

  // A re-check that adds a finding before it ("at at" in the first paragraph): the note stays.
  // The core recounts the saved story for the queues; the editor reloads nothing for that.
  const counted = async () =>
    (await api('stories.list', { status: ['editing'], limit: 200 }, await newsroom.token('Kim Min-ji'))).items.find((s) => s.id === storyId)?.openFindings?.warning ??
    null;
  await expect.poll(counted).not.toBeNull();
  const warnings = (await counted()) as number;
  const reloads: string[] = [];
  page.on('request', (r) => {
    const at = new URL(r.url()).pathname;
    if (at === '/api/stories.get' || at === '/api/settings.get') reloads.push(at);
  });
  await body(page).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Ferries leave at at nine. ');
  await expect(message('at')).toBeVisible();
  await expect(note).toHaveValue('Quoted as said');
  await saved(page);
  await expect.poll(counted).toBe(warnings + 1);
  await page.waitForTimeout(1000);
  expect(reloads, 'a recount reloads nothing in the editor').toEqual([]);

  // Back in the note; meanwhile another desk editor dismisses the finding before it: the note and its focus stay.
  await note.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' by the minister');
  const lee = await newsroom.token('Lee Jae-won');
  const atKey = (await api('stories.check', { id: storyId }, lee)).findings.find((f) => f.message.startsWith('"at" is written twice'))?.key;
  expect(atKey).toBeTruthy();
  await api('stories.dismissFinding', { id: storyId, key: atKey!, note: 'The timetable says so.' }, lee);
  await expect(panel.getByText(/^Dismissed \(1\)$/)).toBeVisible();
  await expect(message('at')).toHaveCount(0);
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('Quoted as said by the minister');
  expect(
    reloads.filter((r) => r === '/api/settings.get'),
    'a dismissal elsewhere refetches the dismissals, not the settings',
  ).toEqual([]);

  // Sent from the keyboard: the focus goes on to the next finding.
  await page.keyboard.press('Tab');
  await expect(item('was').getByRole('button', { name: 'Dismiss warning' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByText(/^Dismissed \(2\)$/)).toBeVisible();
  await expect(message('crossed')).toBeFocused();
  await shot(page, 'copy-desk-05-focus-after-dismiss');

  // The last warning dismissed: the focus goes on to the next finding in the panel, the first note.
  const readingTime = panel.getByRole('button', { name: /^\d+ words, about \d+ min to read$/ });
  await page.keyboard.press('Tab');
  await expect(item('crossed').getByRole('button', { name: 'Keep one “crossed”' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item('crossed').getByRole('button', { name: 'Dismiss', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('The bus did cross twice.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(panel.getByText(/^Dismissed \(3\)$/)).toBeVisible();
  await expect(readingTime).toBeFocused();

  // Restore, one after another from the keyboard: each time the focus is on the next Restore,
  // and after the last, on the finding it brought back.
  const dismissed = panel.getByRole('group').filter({ has: page.getByText(/^Dismissed \(\d\)$/) });
  await panel.getByText(/^Dismissed \(3\)$/).focus();
  await page.keyboard.press('Enter');
  const restore = dismissed.getByRole('button', { name: 'Restore', exact: true });
  await expect(restore).toHaveCount(3);
  await expect(restore.nth(0)).toHaveAccessibleDescription('"at" is written twice');
  await restore.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(restore).toHaveCount(2);
  await expect(restore.nth(0)).toBeFocused();
  await expect(restore.nth(0)).toHaveAccessibleDescription('"was" is written twice');
  await page.keyboard.press('Enter');
  await expect(restore).toHaveCount(1);
  await expect(restore.nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dismissed).toHaveCount(0);
  await expect(message('crossed')).toBeFocused();

  // A fix from the keyboard: the finding goes once checked, and the focus to the next finding.
  await page.keyboard.press('Tab');
  await expect(item('crossed').getByRole('button', { name: 'Keep one “crossed”' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(message('crossed')).toHaveCount(0);
  await expect.poll(() => bodyText(page)).toContain('The first bus crossed at dawn.');
  await expect(readingTime).toBeFocused();

  // The last finding in the panel dismissed: the focus goes back to the one before it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A short story.');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Dismiss note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(readingTime).toHaveCount(0);
  await expect(message('was')).toBeFocused();
  await expectNoSeriousViolations(page, 'the checks panel after keyboard work');
});

test("two desk editors on the house style: an untouched screen takes the other's save; edits are not overwritten unasked", async ({
  page,
  signIn,
  newUserPage,
  api,
  newsroom,
}) => {
  const token = await newsroom.token('Kim Min-ji');
  const before = (await api('settings.get', {}, token)).settings;
  const other = await newUserPage();
  await signIn(page, 'Kim Min-ji');
  await signIn(other, 'Lee Jae-won');
  for (const p of [page, other]) {
    await p.getByRole('button', { name: 'House style', exact: true }).click();
    await expect(p.getByRole('heading', { level: 1, name: 'House style' })).toBeVisible();
  }
  const sentence = page.getByRole('spinbutton', { name: 'Longest sentence (words)' });
  const headlineLimit = page.getByRole('spinbutton', { name: 'Longest headline (characters)' });
  const theirs = page.getByRole('alert').filter({ hasText: 'Someone else saved the house style.' });
  const saveOther = async () => {
    await other.getByRole('button', { name: 'Save house style' }).click();
    await expect(other.getByRole('status').filter({ hasText: 'House style saved.' })).toBeVisible();
  };

  // Untouched here: the other editor's new rule shows at once, said quietly.
  await other.getByRole('button', { name: 'Add rule' }).click();
  await other.keyboard.type('Pyeongchang');
  await other.getByRole('textbox', { name: 'Forms to avoid' }).last().fill('Pyongchang');
  await saveOther();
  await expect(page.getByRole('status').filter({ hasText: 'Updated from another window.' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Rule \d+: Pyeongchang$/ })).toBeVisible();
  await expect(theirs).toHaveCount(0);

  // Edits here: kept, with a notice; "Load their version" takes theirs.
  await sentence.fill('50');
  await other.getByRole('spinbutton', { name: 'Longest headline (characters)' }).fill('80');
  await saveOther();
  await expect(theirs).toBeVisible();
  await expect(sentence).toHaveValue('50');
  await expectNoSeriousViolations(page, 'the house-style screen with the notice');
  await shot(page, 'copy-desk-06-house-style-saved-elsewhere');
  await theirs.getByRole('button', { name: 'Load their version' }).click();
  await expect(theirs).toHaveCount(0);
  await expect(headlineLimit).toHaveValue('80');
  await expect(sentence).toHaveValue(String(before.sentenceMaxWords));
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the version saved in another window.' })).toBeFocused();

  // Edits again; "Keep editing" goes back to the field; Save asks before replacing theirs.
  await sentence.fill('50');
  await other.getByRole('spinbutton', { name: 'Longest headline (characters)' }).fill('85');
  await saveOther();
  await expect(theirs).toBeVisible();
  await theirs.getByRole('button', { name: 'Keep editing' }).click();
  await expect(theirs).toHaveCount(0);
  await expect(sentence).toBeFocused();
  await page.getByRole('button', { name: 'Save house style' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace their changes?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await api('settings.get', {}, token)).settings.headlineMaxChars).toBe(85);
  await page.getByRole('button', { name: 'Save house style' }).click();
  await confirm.getByRole('button', { name: 'Replace their changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'House style saved.' })).toBeVisible();
  const now = (await api('settings.get', {}, token)).settings;
  expect([now.headlineMaxChars, now.sentenceMaxWords]).toEqual([80, 50]);
  // The other screen, untouched since its save, follows.
  await expect(other.getByRole('status').filter({ hasText: 'Updated from another window.' })).toBeVisible();
  await expect(other.getByRole('spinbutton', { name: 'Longest sentence (words)' })).toHaveValue('50');

  await api('settings.update', { headlineMaxChars: before.headlineMaxChars, sentenceMaxWords: before.sentenceMaxWords, houseStyle: before.houseStyle }, token);
});
