// The copy desk in the editor (issue 6): the seed article's name spelled two ways is marked in
// the body AND in the lead photo's caption, a fix changes both (one Undo takes the body's part
// back), a stale fix changes nothing, a desk editor dismisses a warning with a note and restores
// it (never a blocking finding), "Check as I type" can be turned off, the queue row counts open
// findings, and the desk's house style (Korean forms too) is edited on its own screen.
// Screenshot for the issue: test-results/screens/copy-desk-01-seed-name-finding.png.

import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, docOf, seedArticle, shot, type ApiFn, type Newsroom } from './fixtures.js';
import { body, headline, openStory, saved } from './ui.js';

test.setTimeout(120_000);

const ROOT = path.resolve(import.meta.dirname, '../..');
const checksPanel = (page: Page) => page.getByRole('tabpanel', { name: /^Checks/ });
const bodyText = (page: Page) => body(page).innerText();
const NAME_FINDING = /Seo Min-jung.*Seo Min-jeong|Seo Min-jeong.*Seo Min-jung/;

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `axe on ${screen}`).toEqual([]);
}

/** The seed article written by its reporter, both photos attached by the photo desk, submitted and claimed by Kim Min-ji. */
async function seedStory(api: ApiFn, newsroom: Newsroom): Promise<number> {
  const seed = seedArticle();
  const reporter = await newsroom.token(seed.byline.name);
  const photoEditor = await newsroom.token('photo_editor');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: seed.desk, headline: seed.headline, slug: seed.slug }, reporter);
  await api(
    'stories.save',
    {
      id: story.id,
      baseVersion: story.version,
      changes: { subheadlines: seed.subheadlines, dateline: seed.dateline, body: docOf(seed.body_paragraphs) },
    },
    reporter,
  );
  const files = seed.photos.map((p) => ({ name: path.basename(p.file), data: readFileSync(path.join(ROOT, 'tests/fixtures/photos', path.basename(p.file))).toString('base64') }));
  const { results } = await api('photos.import', { files }, photoEditor);
  for (const [i, p] of seed.photos.entries()) {
    const asset = results[i]?.asset;
    expect(asset, results[i]?.error).toBeTruthy();
    await api(
      'photos.attach',
      { storyId: story.id, assetId: asset!.id, placement: p.placement, ...(p.before_paragraph !== undefined ? { position: p.before_paragraph } : {}), caption: p.caption, credit: p.credit },
      photoEditor,
    );
  }
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

  // Read only for the desk editor (a reporter's draft): the fix says why it cannot be applied.
  const fix = doubled.locator('.fix-button').first();
  if (await fix.count()) {
    await expect(fix).toBeDisabled();
    await expect(doubled).toContainText('The text is read only for you now.');
  }

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
  await page.getByRole('button', { name: /new story/i }).first().click();
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
  for (let i = 0; i < 4 && (await rule.count()); i += 1) await rule.first().locator('.fix-button').first().click();
  await expect(rule).toHaveCount(0, { timeout: 10_000 });
  await expect(headline(reporterPage)).toHaveValue('북한 미사일 발사');
  await expect.poll(() => bodyText(reporterPage)).toContain('북한 미사일 발사 소식이');
});
