// The editor runs the copy checks live on the unsaved text (a finding shows while the writer is
// still on the sentence, not after a save), and counts words the way
// the core does, so the queue row and the editor agree, even on a 10,000-word story.

import { test, expect, docOf, seedArticle, shot } from './fixtures.js';
import { body, headline, newStory, openStory, saved } from './ui.js';

const checksPanel = (page: import('@playwright/test').Page) => page.getByRole('tabpanel', { name: 'Checks' });

test('findings follow the unsaved text, blocking first, without waiting for a save', async ({ page, signIn }) => {
  await signIn(page, 'reporter');
  await newStory(page, 'National');
  const panel = checksPanel(page);
  await expect(panel.getByText('The story has no headline')).toBeVisible();
  await expect(panel.getByText('The story has no body text')).toBeVisible();
  // Blocking findings come first.
  await expect(panel.getByRole('listitem').first()).toContainText('Blocking');

  // Saves hang from here on: whatever the panel shows now comes from the editor, not the core.
  await page.route('**/api/stories.save', () => undefined);
  await headline(page).fill('Harbour bridge reopens');
  await body(page).click();
  await page.keyboard.type('The bridge reopened on Monday after the the repairs.');
  await expect(panel.getByText('The story has no headline')).toHaveCount(0);
  await expect(panel.getByText('The story has no body text')).toHaveCount(0);
  const doubled = panel.getByRole('button', { name: '"the" is written twice' });
  await expect(doubled).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveCount(0);
  await shot(page, 'checks-01-live-findings-unsaved');

  // A finding with a range selects its words in the body.
  // (tiptap focuses the editor in the next frame, so the selection lands a moment after the click.)
  await doubled.click();
  await expect.poll(() => page.evaluate('String(window.getSelection())')).toBe('the the');
  await page.unroute('**/api/stories.save');
});

test('the editor and the queue row agree on the word count, and a 10,000-word story is checked', async ({ page, signIn, api, newsroom }) => {
  const seed = seedArticle();
  const reporter = newsroom.person(seed.byline.name);
  const token = await newsroom.token(reporter.name);

  // The seed article (hyphenated compounds, numbers with units, curly quotes).
  const small = await api('stories.create', { desk: 'National', headline: 'Count: the seed article' }, token);
  const smallSaved = await api('stories.save', { id: small.story.id, baseVersion: small.story.version, changes: { body: docOf(seed.body_paragraphs) } }, token);

  // About 10,000 words.
  const paragraphs: string[] = [];
  while (paragraphs.length < 290) paragraphs.push(...seed.body_paragraphs);
  const big = await api('stories.create', { desk: 'National', headline: 'Count: ten thousand words' }, token);
  const bigSaved = await api('stories.save', { id: big.story.id, baseVersion: big.story.version, changes: { body: docOf(paragraphs) } }, token);
  expect(bigSaved.story.wordCount).toBeGreaterThan(10_000);

  await signIn(page, reporter.name);
  await page.getByRole('button', { name: 'My stories' }).click();
  for (const [title, count] of [
    ['Count: the seed article', smallSaved.story.wordCount],
    ['Count: ten thousand words', bigSaved.story.wordCount],
  ] as const) {
    const row = page.getByRole('button', { name: new RegExp(title) });
    await expect(row).toContainText(`${count} words`);
    await openStory(page, title);
    await expect(page.getByText(new RegExp(`^v\\d+ · ${count} words ·`))).toBeVisible({ timeout: 15_000 });
    // The live checks finish on the long story too ("Checking…" never sticks).
    await expect(checksPanel(page).getByText(/No problems found(; \d+ notes?)?\.|\d+ findings?, \d+ blocking(; \d+ notes?)?\./)).toBeVisible({ timeout: 15_000 });
  }
  await shot(page, 'checks-02-ten-thousand-words');

  // Typing a word in the long story: the count moves by one, and the queue row agrees after the save.
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Ends.');
  const after = bigSaved.story.wordCount + 1;
  await expect(page.getByText(new RegExp(`^v\\d+ · ${after} words ·`))).toBeVisible({ timeout: 10_000 });
  await saved(page);
  expect((await api('stories.get', { id: big.story.id }, token)).story.wordCount).toBe(after);
  await expect(page.getByRole('button', { name: /Count: ten thousand words/ })).toContainText(`${after} words`);
});

test('a note (a long sentence) is underlined in the body only once jumped to; warnings always are', async ({ page, signIn }) => {
  await signIn(page, 'reporter');
  await newStory(page, 'National');
  await headline(page).fill('Ferries run late');
  await body(page).click();
  await page.keyboard.insertText(`${Array(10).fill('the ferry left the harbour').join(' and ')}. The ferry was was late.`);
  const panel = checksPanel(page);
  const note = panel.getByRole('button', { name: /^A sentence of \d+ words/ });
  await expect(note).toBeVisible({ timeout: 15_000 });
  const decoration = (severity: string) => page.evaluate(`getComputedStyle(document.querySelector('.story-body .finding-mark-${severity}')).textDecorationLine`);
  await expect.poll(() => decoration('warning')).toBe('underline');
  await expect.poll(() => decoration('info')).toBe('none');
  await note.click();
  await expect(page.locator('.story-body .finding-mark-info.active')).toHaveCount(1);
  await expect.poll(() => decoration('info')).toBe('underline');
});

test('Korean composed through the IME while the checks run and come back is neither dropped nor doubled, and the marks stay on their words', async ({ page, signIn }) => {
  await signIn(page, 'reporter');
  await newStory(page, 'North Korea');
  await headline(page).fill('북한 미사일 발사');
  await body(page).click();
  // A finding to mark, so every check run redraws the body's marks.
  await page.keyboard.type('The the launch.');
  await expect(checksPanel(page).getByRole('button', { name: '"The" is written twice' })).toBeVisible();
  await expect(page.locator('.finding-mark-warning')).toHaveCount(1);

  // A Korean IME through Chromium's own composition events: each jamo updates the composition,
  // and between syllables the writer pauses long enough for a check to run and come back.
  const cdp = await page.context().newCDPSession(page);
  const compose = async (steps: string[], commit: string) => {
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await page.waitForTimeout(700);
    }
    await cdp.send('Input.insertText', { text: commit });
  };
  await page.keyboard.press('Space');
  await compose(['ㅂ', '부', '북'], '북');
  await compose(['ㅎ', '하', '한'], '한');
  await page.keyboard.press('Space');
  await compose(['ㅂ', '바', '발'], '발');
  await compose(['ㅅ', '사'], '사');

  await expect(body(page)).toHaveText('The the launch. 북한 발사');
  // The marks are back once composing ends, on the same words.
  await expect(page.locator('.finding-mark-warning')).toHaveText(['The the']);
});
