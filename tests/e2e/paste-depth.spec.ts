// A paste nested deeper than a story body may be (lists 10 inside one another at most) is
// flattened to fit, the writer is told so, every word is kept, and the body saves.

import { test, expect, shot } from './fixtures.js';
import { body, newStory, headline, saved } from './ui.js';
import { bodyDepth, MAX_BODY_DEPTH, MAX_LIST_NESTING, validateBody } from '../../shared/body.js';

const LEVELS = 14;

/** An outline LEVELS deep, as Word or a web page would put it on the clipboard. */
function outline(): string {
  let html = '';
  for (let i = LEVELS; i >= 1; i -= 1) html = `<ul><li><p>Outline level ${i}</p>${html}</li></ul>`;
  return html;
}

test('a paste nested deeper than a story allows is flattened, with a message, and saves', async ({ page, signIn, api, newsroom }) => {
  await signIn(page, 'Ji Da-gyum');
  await newStory(page, 'National');
  await headline(page).fill('Pasted outline');
  await body(page).click();
  await page.evaluate(`window.__e2e.pasteHtml(${JSON.stringify(outline())}, 'Outline')`);

  await expect(page.getByRole('status').filter({ hasText: 'The pasted lists nest deeper than a story allows' })).toBeVisible();
  for (let i = 1; i <= LEVELS; i += 1) await expect(body(page)).toContainText(`Outline level ${i}`);
  // The editor's own lists stop at the limit.
  await expect(
    body(page)
      .locator(`${'li '.repeat(MAX_LIST_NESTING)}`.trim())
      .first(),
  ).toBeVisible();
  await expect(body(page).locator(`${'li '.repeat(MAX_LIST_NESTING + 1)}`.trim())).toHaveCount(0);
  await saved(page);
  await shot(page, 'paste-depth-01-flattened');

  const token = await newsroom.token('Ji Da-gyum');
  const { items } = await api('stories.list', { query: 'outline' }, token);
  const item = items.find((i) => i.headline === 'Pasted outline');
  expect(item, 'the story is stored').toBeTruthy();
  const { story } = await api('stories.get', { id: item?.id ?? 0 }, token);
  expect(validateBody(story.body)).toEqual([]);
  expect(bodyDepth(story.body)).toBeLessThanOrEqual(MAX_BODY_DEPTH);
  for (let i = 1; i <= LEVELS; i += 1) expect(JSON.stringify(story.body)).toContain(`Outline level ${i}`);
});

test('Tab on an item already nested as deep as a story allows changes nothing and says why', async ({ page, signIn }) => {
  await signIn(page, 'Ji Da-gyum');
  await newStory(page, 'National');
  await headline(page).fill('Typed outline');
  await body(page).click();
  await page.getByRole('button', { name: 'Bullet list', exact: true }).click();
  await page.keyboard.type('Item 1');
  for (let i = 2; i <= MAX_LIST_NESTING + 1; i += 1) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Item ${i}`);
  }
  // The last Tab was refused: item 11 stands beside item 10, not inside it.
  await expect(page.getByRole('status').filter({ hasText: `Lists nest at most ${MAX_LIST_NESTING} levels deep in a story` })).toBeVisible();
  await expect(
    body(page)
      .locator(`${'li '.repeat(MAX_LIST_NESTING)}`.trim())
      .filter({ hasText: `Item ${MAX_LIST_NESTING + 1}` }),
  ).toHaveCount(1);
  await expect(body(page).locator(`${'li '.repeat(MAX_LIST_NESTING + 1)}`.trim())).toHaveCount(0);
  await saved(page);
});
