// A lazy part that fails to load (a chunk 404s after a rebuild) shows what happened and a Reload
// button, never a blank page, and unsaved text survives the reload. Plus the favicon.

import { test, expect, docOf, shot } from './fixtures.js';
import { body, openStory } from './ui.js';

test('the favicon is served and linked', async ({ page, request }) => {
  const res = await request.get('/favicon.svg');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  await page.goto('/');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon\.svg$/);
});

test('a story editor chunk that 404s shows an error with Reload; the unsaved copy survives', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('reporter');
  const token = await newsroom.token(reporter.name);
  const title = 'Chunk: flood warnings lifted';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  const { story: current } = await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['Saved opening.']) } }, token);

  await signIn(page, reporter.name);
  // Text typed before: the editor's copy on this computer, not yet saved.
  const unsaved = 'Unsaved words typed before the update.';
  const copy = {
    storyId: story.id,
    baseVersion: current.version,
    savedAt: new Date().toISOString(),
    fields: { headline: title, subheadlines: [], slug: '', byline: current.byline, dateline: '', desk: 'National' },
    body: docOf([`Saved opening. ${unsaved}`]),
  };
  await page.evaluate(`localStorage.setItem(${JSON.stringify(`newsdesk.unsaved.${story.id}`)}, ${JSON.stringify(JSON.stringify(copy))})`);
  const bylined = current.byline;

  // The app was rebuilt: the editor chunk this page knows of is gone.
  await page.route(/\/assets\/StoryEditor-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.getByRole('button', { name: 'My stories' }).click();
  await page.getByRole('button', { name: new RegExp(title) }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the story editor' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Reloading fixes this');
  // The rest of the app still works around it.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await shot(page, 'resilience-01-editor-chunk-failed');
  expect(await page.evaluate(`localStorage.getItem('newsdesk.unsaved.${story.id}')`)).toContain(unsaved);

  // After the reload (the new build is there), the story opens with the unsaved text restored.
  await page.unroute(/\/assets\/StoryEditor-[^/]*\.js$/);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'My stories' }).click();
  await openStory(page, title);
  await expect(body(page)).toContainText(unsaved);
  await expect(page.getByText(/Restored your unsaved changes/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  expect(JSON.stringify((await api('stories.get', { id: story.id }, token)).story.body)).toContain(unsaved);
  expect(bylined.length).toBeGreaterThan(0);
});

test('a photos panel chunk that fails keeps the editor and its text', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('reporter');
  const token = await newsroom.token(reporter.name);
  const title = 'Chunk: photos panel fails';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['First paragraph.']) } }, token);

  await signIn(page, reporter.name);
  await page.route(/\/assets\/StoryPhotosPanel-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.getByRole('button', { name: 'My stories' }).click();
  await openStory(page, title);
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed just now.');
  await page.getByRole('tab', { name: /^Photos/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: "Could not load the story's photos" })).toBeVisible();
  await expect(body(page)).toContainText('First paragraph. Typed just now.');
  await expect(body(page)).toBeEditable();
  await shot(page, 'resilience-02-photos-chunk-failed');
});
