// Where the keyboard starts: after signing in, on the first story of the home queue (or on "New
// story" when the queue is empty), with a focus ring that shows; Enter on a row opens the story
// and puts the focus in it, on the headline when it may be written, else on the body.

import type { Page } from '@playwright/test';
import { test, expect, docOf, escapeRegExp } from './fixtures.js';
import { body, headline } from './ui.js';

interface Focused {
  tag: string;
  role: string | null;
  name: string;
  ring: boolean;
}

const focused = (page: Page) => page.evaluate('window.__e2e.focused()') as Promise<Focused | null>;
const rows = (page: Page) => page.locator('.list-pane').getByRole('listitem').getByRole('button');

/** Signs in from the keyboard: the demo account's button focused, Enter (it fills the form and moves to "Sign in"), Enter again. */
async function signInByKeyboard(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(escapeRegExp(name)) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

// First in this file: the demo newsroom starts without stories, so this reporter's queue is empty.
test('with nothing in the home queue, the focus lands on "New story"; Enter starts one with the focus on its headline', async ({ page, signIn }) => {
  await signIn(page, 'Park Soo-hyun');
  await expect(page.getByText('No drafts.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New story' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(headline(page)).toBeFocused();
  await page.keyboard.type('Focus: 새 기사 from the keyboard');
  await expect(headline(page)).toHaveValue('Focus: 새 기사 from the keyboard');
});

test('after signing in the focus is on the first story of the queue, ringed; Enter opens it with the focus on the headline', async ({ page, api, newsroom }) => {
  const token = await newsroom.token('Ji Da-gyum');
  for (const title of ['Focus: an older draft', 'Focus: the newest draft']) {
    const { story } = await api('stories.create', { desk: 'North Korea', headline: title }, token);
    await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf([`${title}, its first paragraph.`]) } }, token);
  }

  await signInByKeyboard(page, 'Ji Da-gyum');
  const first = rows(page).first();
  await expect(first).toContainText('Focus: the newest draft');
  await expect(first).toBeFocused();
  expect((await focused(page))?.ring, 'the focused row shows a ring').toBe(true);
  await page.screenshot({ path: '/tmp/h/routes-focus-ring.png' });

  await test.step('the ring moves with the focus down the list', async () => {
    await page.keyboard.press('Tab');
    await expect(rows(page).nth(1)).toBeFocused();
    expect((await focused(page))?.ring).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect(first).toBeFocused();
  });

  await test.step('Enter opens the story and puts the focus on its headline, ready to type', async () => {
    await page.keyboard.press('Enter');
    await expect(headline(page)).toBeFocused();
    await expect(headline(page)).toBeEditable();
    await expect(first).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('End');
    await page.keyboard.type(' today');
    await expect(headline(page)).toHaveValue('Focus: the newest draft today');
    await page.screenshot({ path: '/tmp/h/routes-focus-headline.png' });
  });
});

test('a story that is read only gets the focus on its body', async ({ page, api, newsroom }) => {
  const token = await newsroom.token('Ji Da-gyum');
  const title = 'Focus: submitted to the desk';
  const { story } = await api('stories.create', { desk: 'North Korea', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['Waiting for a desk editor.']), dateline: 'SEOUL' } }, token);
  await api('stories.transition', { id: story.id, action: 'submit' }, token);

  // A desk editor's queue starts with what was submitted; until they claim it, it is read only.
  await signInByKeyboard(page, 'Lee Jae-won');
  const first = rows(page).first();
  await expect(first).toContainText(title);
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body(page)).toBeFocused();
  await expect(headline(page)).not.toBeEditable();
  await expect(body(page)).toHaveAttribute('contenteditable', 'false');
});
