// Keyboard shortcuts: Ctrl/Cmd+S saves now, Ctrl/Cmd+Enter submits, "/" and
// Ctrl/Cmd+K focus search; a "Keyboard shortcuts" button lists them.

import { test, expect, docOf, shot } from './fixtures.js';
import { body, expectStatus, headline, openStory } from './ui.js';

test('save, submit and search from the keyboard; the list of shortcuts', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('reporter');
  const token = await newsroom.token(reporter.name);
  const title = 'Keyboard: tram line opens';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['The new tram line opened on Monday.']) } }, token);

  await signIn(page, reporter.name);
  await openStory(page, title);
  await expect(headline(page)).toBeEditable();

  await test.step('Ctrl+S saves at once, well before autosave would', async () => {
    await headline(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' early');
    const saving = page.waitForRequest((r) => r.url().endsWith('/api/stories.save'), { timeout: 600 });
    const pressed = Date.now();
    await page.keyboard.press('Control+s');
    await saving;
    expect(Date.now() - pressed).toBeLessThan(600);
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    expect((await api('stories.get', { id: story.id }, token)).story.headline).toBe(`${title} early`);
  });

  await test.step('Ctrl+Enter in the body submits, and adds no line break', async () => {
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Enter');
    await expectStatus(page, 'Submitted');
    const saved = (await api('stories.get', { id: story.id }, token)).story;
    expect(saved.status).toBe('submitted');
    expect(JSON.stringify(saved.body)).not.toContain('hardBreak');
  });

  const search = page.getByRole('searchbox', { name: 'Search stories' });
  await test.step('"/" outside a text field focuses search', async () => {
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
  });

  await test.step('Ctrl+K focuses search even from the story body', async () => {
    await body(page).click();
    await page.keyboard.press('Control+k');
    await expect(search).toBeFocused();
    await page.keyboard.type('tram');
    await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: new RegExp(title) }).first()).toBeVisible();
  });

  await test.step('the "Keyboard shortcuts" button lists them', async () => {
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Ctrl\+S.*Save the story now/ })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Ctrl\+Enter.*Submit to desk/ })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /\/.*Ctrl\+K.*Search stories/ })).toBeVisible();
    await shot(page, 'keyboard-01-shortcuts-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
