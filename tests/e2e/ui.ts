// Steps the specs share, written against accessible names, as a screen-reader user finds them:
// fields "Headline", "Subheadline", "Story body"; buttons named by what they do.

import type { Locator, Page } from '@playwright/test';
import { expect, escapeRegExp } from './fixtures.js';

export const body = (page: Page): Locator => page.getByRole('textbox', { name: 'Story body' });
export const headline = (page: Page): Locator => page.getByRole('textbox', { name: 'Headline', exact: true });

/** The workflow button with exactly this name (e.g. "Submit to desk"). */
export const action = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

/** Opens a story from whatever list is showing, by its headline. */
export async function openStory(page: Page, title: string): Promise<void> {
  const entry = page
    .getByRole('link', { name: new RegExp(escapeRegExp(title)) })
    .or(page.getByRole('button', { name: new RegExp(escapeRegExp(title)) }))
    .or(page.getByRole('row', { name: new RegExp(escapeRegExp(title)) }))
    .or(page.getByRole('option', { name: new RegExp(escapeRegExp(title)) }))
    .or(page.getByRole('listitem').filter({ hasText: title }));
  await entry.first().click();
  await expect(headline(page)).toBeVisible();
}

/** Starts a new story (the desk asked for in a dialog when the UI asks for one). */
export async function newStory(page: Page, desk: string): Promise<void> {
  await page
    .getByRole('button', { name: /new story/i })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible().catch(() => false)) {
    const deskField = dialog.getByRole('combobox', { name: /desk/i });
    if (await deskField.count()) await deskField.selectOption({ label: desk });
    await dialog.getByRole('button', { name: /create|new story|start/i }).click();
  }
  await expect(headline(page)).toBeVisible();
  await expect(headline(page)).toBeEditable();
}

/** Waits for autosave to settle on "Saved". */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByText(/^Saved\b/).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Saving…|Saving\.\.\./)).toHaveCount(0, { timeout: 15_000 });
}

/** Types the first paragraph key by key; inserts the rest as IME/paste commits would, to stay fast. */
export async function writeBody(page: Page, paragraphs: string[]): Promise<void> {
  const editor = body(page);
  await editor.click();
  const [first, ...rest] = paragraphs;
  if (first !== undefined) await page.keyboard.type(first);
  for (const paragraph of rest) {
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
}

/** Types `text` at the end of the body, as a person adding to it would. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Replaces the first occurrence of `word` in the body with `replacement`, as a person would. */
export async function replaceInBody(page: Page, word: string, replacement: string): Promise<void> {
  await body(page).click();
  const found = await page.evaluate(
    `window.__e2e.selectText(${JSON.stringify('[contenteditable="true"][aria-label="Story body"], [aria-label="Story body"] [contenteditable="true"], [aria-label="Story body"]')}, ${JSON.stringify(word)})`,
  );
  expect(found, `"${word}" is in the body`).toBe(true);
  await page.keyboard.type(replacement);
}

/** Runs a workflow action that asks for a note in a dialog. */
export async function actionWithNote(page: Page, name: string, note: string): Promise<void> {
  await action(page, name).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').first().fill(note);
  await dialog.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
  await expect(dialog).toBeHidden();
}

/** The story's status label as shown (e.g. "Submitted"). */
export async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.getByText(new RegExp(`^${escapeRegExp(status)}$`, 'i')).first()).toBeVisible();
}
