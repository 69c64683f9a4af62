// The event stream drops and comes back: the shell says "Reconnecting…" (a polite status) while it
// is down and nothing once it is back; what changed meanwhile and what changes later both reach
// the desk queue without a reload.
// Screenshot: test-results/screens/reconnect-01-reconnecting.png

import type { Page } from '@playwright/test';
import { test, expect, docOf, shot, type ApiFn } from './fixtures.js';

const EVENTS = /\/api\/events(\?|$)/;

const reconnecting = (page: Page) => page.getByRole('status').filter({ hasText: 'Reconnecting…' });

/** A reporter's story submitted over the API: it belongs in the desk queue. */
async function submitStory(api: ApiFn, token: string, title: string): Promise<void> {
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf([`${title}: its first paragraph.`]) } }, token);
  await api('stories.transition', { id: story.id, action: 'submit' }, token);
}

test('an event stream refused at first: "Reconnecting…" shows, goes once it connects, and a later change arrives', async ({ page, signIn, api, newsroom }) => {
  const reporter = await newsroom.token('Ji Da-gyum');
  await page.route(EVENTS, (route) => route.abort('connectionrefused'));
  await signIn(page, 'Kim Min-ji');
  await expect(reconnecting(page)).toBeVisible({ timeout: 15_000 });
  await shot(page, 'reconnect-01-reconnecting');

  await page.unroute(EVENTS);
  await expect(reconnecting(page)).toHaveCount(0, { timeout: 30_000 });
  let reloads = 0;
  page.on('framenavigated', (frame) => frame === page.mainFrame() && (reloads += 1));
  const title = 'Reconnect: the harbour bridge reopens';
  await submitStory(api, reporter, title);
  await expect(page.locator('.list-pane').getByRole('button', { name: new RegExp(title) })).toBeVisible({ timeout: 10_000 });
  expect(reloads, 'the desk page was not reloaded').toBe(0);
});

test('the connection drops while the desk works: "Reconnecting…", then back; what changed meanwhile and later both arrive', async ({
  page,
  context,
  signIn,
  api,
  newsroom,
}) => {
  const reporter = await newsroom.token('Ji Da-gyum');
  await signIn(page, 'Kim Min-ji');
  const queue = page.locator('.list-pane');
  // Live to begin with.
  const first = 'Reconnect: a story before the drop';
  await submitStory(api, reporter, first);
  await expect(queue.getByRole('button', { name: new RegExp(first) })).toBeVisible({ timeout: 10_000 });

  await context.setOffline(true);
  await expect(reconnecting(page)).toBeVisible({ timeout: 30_000 });
  const meanwhile = 'Reconnect: submitted while the desk was offline';
  await submitStory(api, reporter, meanwhile);
  await expect(queue.getByRole('button', { name: new RegExp(meanwhile) })).toHaveCount(0);

  await context.setOffline(false);
  await expect(reconnecting(page)).toHaveCount(0, { timeout: 30_000 });
  // Missed while down: replayed, or refetched after a resync.
  await expect(queue.getByRole('button', { name: new RegExp(meanwhile) })).toBeVisible({ timeout: 10_000 });
  const later = 'Reconnect: submitted after the connection came back';
  await submitStory(api, reporter, later);
  await expect(queue.getByRole('button', { name: new RegExp(later) })).toBeVisible({ timeout: 10_000 });
  // Still signed in: a dropped connection is not an ended session.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
