// The address says where the person is: Back returns to the queue a story was opened from, a
// reload reopens the story being written (with its unsaved change restored), a story's link opens
// it for a colleague once they have signed in, and signing out frees the story for them at once.

import type { Page } from '@playwright/test';
import { test, expect, docOf, escapeRegExp, expectSignInScreen, signInHere } from './fixtures.js';
import { body, headline, saved } from './ui.js';

const hashOf = (page: Page) => new URL(page.url()).hash;
const listTitle = (page: Page) => page.locator('#list-title');
const row = (page: Page, title: string) => page.locator('.list-pane').getByRole('button', { name: new RegExp(escapeRegExp(title)) });

test('Back returns to the queue a story was opened from; search text replaces the entry instead of adding one', async ({ page, signIn, api, newsroom }) => {
  const reporter = await newsroom.token('Ji Da-gyum');
  const title = 'Routes: the tram line reaches the harbour';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, reporter);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['The tram line now runs to the harbour.']) } }, reporter);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);

  await signIn(page, 'Kim Min-ji');
  await expect(listTitle(page)).toHaveText('Desk queue');
  expect(hashOf(page)).toBe('#/desk');

  await page.getByRole('button', { name: 'All stories' }).click();
  await expect(page).toHaveURL(/#\/all$/);
  await page.getByRole('button', { name: 'Desk queue' }).click();
  await expect(page).toHaveURL(/#\/desk$/);
  await row(page, title).click();
  await expect(headline(page)).toHaveValue(title);
  await expect(page).toHaveURL(new RegExp(`#/desk/story/${story.id}$`));

  await test.step('Back closes the story and shows the queue it came from; Back again the queue before', async () => {
    await page.goBack();
    await expect(page).toHaveURL(/#\/desk$/);
    await expect(listTitle(page)).toHaveText('Desk queue');
    await expect(page.getByText('Select a story to open it.')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/#\/all$/);
    await expect(listTitle(page)).toHaveText('All stories');
    await page.goForward();
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`#/desk/story/${story.id}$`));
    await expect(headline(page)).toHaveValue(title);
    await expect(row(page, title)).toHaveAttribute('aria-current', 'true');
  });

  await test.step('typed search text is in the address, in place of the entry: Back skips it', async () => {
    const search = page.getByRole('searchbox', { name: 'Search stories' });
    await search.fill('harbour 항구');
    await expect(page).toHaveURL(new RegExp(`#/desk/story/${story.id}\\?q=harbour\\+${encodeURIComponent('항구')}$`));
    await expect(listTitle(page)).toHaveText('Search');
    await page.goBack();
    await expect(page).toHaveURL(/#\/desk$/);
    await expect(search).toHaveValue('');
    await page.goForward();
    await expect(search).toHaveValue('harbour 항구');
    await expect(headline(page)).toHaveValue(title);
  });

  await test.step('a settings screen is a place too', async () => {
    await page.getByRole('button', { name: 'House style' }).click();
    await expect(page).toHaveURL(/#\/house-style$/);
    await page.goBack();
    await expect(headline(page)).toHaveValue(title);
    await expect(page.getByRole('button', { name: 'House style' })).not.toHaveAttribute('aria-current', 'page');
  });

  await test.step('a place this person does not have gives way to their home queue', async () => {
    await page.goto('/#/settings');
    await expect(page).toHaveURL(/#\/desk$/);
    await expect(listTitle(page)).toHaveText('Desk queue');
    await page.goto('/#/nowhere/at/all');
    await expect(page).toHaveURL(/#\/desk$/);
  });
});

test('a reload reopens the story being written, with the change typed but not yet saved restored', async ({ page, signIn, api, newsroom }) => {
  const token = await newsroom.token('Ji Da-gyum');
  const title = 'Routes: flood barriers tested';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['The barriers held.']) } }, token);

  await signIn(page, 'Ji Da-gyum');
  await row(page, title).click();
  await expect(headline(page)).toBeEditable();
  await expect(page).toHaveURL(new RegExp(`#/mine/story/${story.id}$`));

  // Saves do not reach the server (the connection is down): what is typed exists only in this browser.
  await page.route('**/api/stories.save', (route) => route.abort('connectionfailed'));
  const typed = ' The river rose 2 metres overnight.';
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
  await expect.poll(() => page.evaluate(`localStorage.getItem('newsdesk.unsaved.${story.id}')`)).toContain(typed.trim());
  expect(JSON.stringify((await api('stories.get', { id: story.id }, token)).story.body)).not.toContain(typed.trim());

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`#/mine/story/${story.id}$`));
  await expect(headline(page)).toHaveValue(title);
  await expect(body(page)).toContainText(`The barriers held.${typed}`);
  await expect(page.getByText(/Restored your unsaved changes/)).toBeVisible();
  await page.screenshot({ path: '/tmp/h/routes-reload-restored.png' });
  // The connection is back: the restored text is saved.
  await page.unroute('**/api/stories.save');
  await saved(page);
  expect(JSON.stringify((await api('stories.get', { id: story.id }, token)).story.body)).toContain(typed.trim());
});

test('a story’s link opens it for a colleague who signs in; signing out frees the story for them at once', async ({
  page,
  context,
  newUserPage,
  signIn,
  api,
  newsroom,
  baseURL,
}) => {
  const ji = newsroom.person('Ji Da-gyum');
  const park = newsroom.person('Park Soo-hyun');
  const token = await newsroom.token(ji.name);
  const title = 'Routes: a draft written by two';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api(
    'stories.save',
    { id: story.id, baseVersion: story.version, changes: { byline: [{ staffId: ji.id }, { staffId: park.id }], body: docOf(['Two reporters share this draft.']) } },
    token,
  );

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await signIn(page, ji.name);
  await row(page, title).click();
  await expect(headline(page)).toBeEditable();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(link).toBe(`${baseURL}/#/story/${story.id}`);

  const colleague = await newUserPage();
  await test.step('the colleague pastes the link: sign-in first, then the story', async () => {
    await colleague.goto(link);
    await expectSignInScreen(colleague);
    await signInHere(colleague, park);
    await expect(headline(colleague)).toHaveValue(title);
    await expect(colleague).toHaveURL(new RegExp(`#/mine/story/${story.id}$`));
    await expect(colleague.getByRole('alert').filter({ hasText: `Locked by ${ji.name}` })).toBeVisible();
    await expect(row(colleague, title)).toContainText(`Locked by ${ji.name}`);
    await expect(headline(colleague)).not.toBeEditable();
  });

  await test.step('the reporter signs out: the colleague’s window sees the lock gone and may write', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectSignInScreen(page);
    expect(hashOf(page)).toBe('');
    await expect(colleague.getByText(`Locked by ${ji.name}`)).toHaveCount(0);
    await expect(headline(colleague)).toBeEditable();
    await colleague.screenshot({ path: '/tmp/h/routes-colleague-after-signout.png' });
    expect((await api('stories.get', { id: story.id }, await newsroom.token('Han Seung-woo'))).story.lock?.staffId).toBe(park.id);
  });

  await test.step('someone else signing in on the reporter’s page starts at their own home', async () => {
    await signInHere(page, newsroom.person('Lee Jae-won'));
    await expect(page).toHaveURL(/#\/desk$/);
    await expect(page.getByText('Select a story to open it.')).toBeVisible();
  });
});

test('a story that does not exist says so, beside the queue', async ({ page, signIn, newsroom }) => {
  await signIn(page, 'Park Soo-hyun');
  await page.goto('/#/story/987654');
  await expect(page).toHaveURL(/#\/mine\/story\/987654$/);
  await expect(page.getByRole('alert').filter({ hasText: /There is no story 987654/ })).toBeVisible();
  await expect(listTitle(page)).toHaveText('My stories');
  await page.screenshot({ path: '/tmp/h/routes-unknown-story.png' });
  await page.getByRole('alert').getByRole('button', { name: 'Close story' }).click();
  await expect(page).toHaveURL(/#\/mine$/);
  await expect(page.getByText('Select a story to open it.')).toBeVisible();

  await test.step('a link to it opened signed out says the same after signing in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectSignInScreen(page);
    await page.goto('/#/desk/story/987654');
    await signInHere(page, newsroom.person('Lee Jae-won'));
    await expect(page).toHaveURL(/#\/desk\/story\/987654$/);
    await expect(page.getByRole('alert').filter({ hasText: /There is no story 987654/ })).toBeVisible();
  });
});
