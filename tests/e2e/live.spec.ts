// Queues update live: the desk editor's queue shows a story the reporter submits
// in another browser, with no reload; the core pushes change events over SSE at /api/events.

import { test, expect, shot } from './fixtures.js';
import { action, body, headline, newStory, saved } from './ui.js';

test('the desk queue shows a story submitted in another browser without a reload', async ({ page, newUserPage, signIn }) => {
  const title = 'Live: ferry services resume after the storm';
  const desk = await signIn(page, 'desk_editor');
  expect(desk.roles).toContain('desk_editor');
  const submitted = page.getByRole('region', { name: /^Submitted/ }).or(page.locator('section', { has: page.getByRole('heading', { name: /^Submitted/ }) }));
  await expect(page.getByRole('heading', { name: 'Desk queue' })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  // Any full reload of the desk page would fire this; it must not.
  let reloads = 0;
  page.on('framenavigated', (frame) => frame === page.mainFrame() && (reloads += 1));

  const reporter = await newUserPage();
  await signIn(reporter, 'reporter');
  await newStory(reporter, 'National');
  await headline(reporter).fill(title);
  await body(reporter).click();
  await reporter.keyboard.type('Ferries between the mainland and the islands sailed again on Tuesday.');
  await saved(reporter);
  // The draft is not the desk's business yet.
  await expect(page.getByText(title)).toHaveCount(0);
  await action(reporter, 'Submit to desk').click();
  await expect(action(reporter, 'Recall')).toBeVisible();

  // The desk editor's page updates by itself.
  const row = page.getByRole('button', { name: new RegExp(title) });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('Submitted');
  await expect(submitted.first()).toContainText(title);
  expect(reloads, 'the desk page was not reloaded').toBe(0);
  await shot(page, 'live-01-desk-queue-updated');

  // And back the other way: the reporter recalls it, the desk's queue drops it.
  await action(reporter, 'Recall').click();
  await expect(row).toHaveCount(0, { timeout: 10_000 });
});
