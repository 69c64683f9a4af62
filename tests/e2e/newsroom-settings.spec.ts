// The newsroom's time zone and public address in the admin's settings. Changing the zone changes
// the times the app shows, in the admin's window and at once in another person's; the public
// address says plainly when it is not set, a bad one is refused in the field's words, a good one
// is kept tidy and used for the links in the next package's ninjs.
// Screenshots: /tmp/h/frames-settings.png, /tmp/h/frames-settings-error.png, /tmp/h/frames-time-seoul.png

import type { Locator, Page } from '@playwright/test';
import { test, expect, docOf, type ApiFn, type Newsroom } from './fixtures.js';
import { attachSeedPhotos } from './seedStory.js';
import { openStory } from './ui.js';

const openSettings = async (page: Page) => {
  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Newsroom settings' })).toBeVisible();
};

/** A story by Ji (with the seed photos when asked) that Kim publishes (version 1); answers its id and the time it went out. */
async function publishStory(api: ApiFn, newsroom: Newsroom, headline: string, withPhotos = false): Promise<{ id: number; publishedAt: string }> {
  const reporter = await newsroom.token('Ji Da-gyum');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: 'North Korea', headline }, reporter);
  const body = docOf(['North Korea fired two short-range ballistic missiles on Tuesday, the military said.']);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body } }, reporter);
  if (withPhotos) await attachSeedPhotos(api, newsroom, story.id);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  for (const action of ['claim', 'approve', 'publish'] as const) await api('stories.transition', { id: story.id, action }, desk);
  const { versions } = await api('published.list', { storyId: story.id }, desk);
  return { id: story.id, publishedAt: versions[0]!.publishedAt };
}

/** The time of version 1 in the story's History panel. */
async function versionTime(page: Page, headline: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' }).click();
  await openStory(page, headline);
  await page.getByRole('tab', { name: /History/ }).click();
  const time = page.getByRole('region', { name: 'Published versions' }).getByRole('listitem', { name: 'Published version 1', exact: true }).locator('time');
  await expect(time).toBeVisible();
  return time;
}

/** How the app's full format shows `iso` in `zone`, in that page's own locale. */
const shownIn = (page: Page, iso: string, zone: string) =>
  page.evaluate(([at, tz]) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(new Date(at!)), [iso, zone]);

test('changing the time zone changes the times shown, in the admin’s window and at once in another person’s', async ({ page, api, newsroom, signIn, newUserPage }) => {
  const HEADLINE = 'Missiles fired off the east coast';
  const { publishedAt } = await publishStory(api, newsroom, HEADLINE);
  // The computer's own zone to begin with (the setting is unset).
  const own = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const zone = own === 'Asia/Seoul' ? 'America/New_York' : 'Asia/Seoul';

  // The desk editor has the story open in another browser.
  const desk = await newUserPage();
  await signIn(desk, 'Kim Min-ji');
  const deskTime = await versionTime(desk, HEADLINE);
  await expect(deskTime).toHaveText(await shownIn(desk, publishedAt, own));

  await signIn(page, 'admin');
  const adminTime = await versionTime(page, HEADLINE);
  const before = await adminTime.textContent();
  expect(before).toBe(await shownIn(page, publishedAt, own));

  await openSettings(page);
  const select = page.getByRole('combobox', { name: 'Time zone', exact: true });
  await expect(select).toHaveValue('');
  await expect(select.locator('option:checked')).toHaveText(`This computer’s zone (${own})`);
  await select.selectOption(zone);
  await expect(page.getByText(/Every time in Newsdesk and the dates on published pages are shown in this zone; now .*\(UTC[+-]\d+\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect((await api('settings.get', {}, await newsroom.token('admin'))).settings.timeZone).toBe(zone);
  await page.screenshot({ path: '/tmp/h/frames-settings.png' });

  // The other window follows without a reload; the admin's shows the new zone too.
  const expected = await shownIn(desk, publishedAt, zone);
  expect(expected).not.toBe(before);
  await expect(deskTime).toHaveText(expected);
  await expect(deskTime).toHaveAttribute('datetime', publishedAt);
  await desk.screenshot({ path: '/tmp/h/frames-time-seoul.png' });
  await expect(await versionTime(page, HEADLINE)).toHaveText(expected);

  // Back to the computer's own zone.
  await openSettings(page);
  await expect(select).toHaveValue(zone);
  await select.selectOption('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(deskTime).toHaveText(await shownIn(desk, publishedAt, own));
  expect((await api('settings.get', {}, await newsroom.token('admin'))).settings.timeZone).toBeNull();
});

test('the public address: unset it says so, a bad one is refused in words, a good one is kept tidy and used in ninjs', async ({ page, api, newsroom, signIn }) => {
  const admin = await newsroom.token('admin');
  await signIn(page, 'admin');
  await openSettings(page);
  const address = page.getByRole('textbox', { name: 'Public address', exact: true });
  await expect(address).toHaveValue('');
  await expect(address).toHaveAccessibleDescription(/Not set\. Links in ninjs point at the placeholder https:\/\/newsdesk\.invalid/);
  await expect(page.getByText('Not set.', { exact: true })).toBeVisible();

  await address.fill('ftp://news.example.com');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toHaveText('Public address: must start with https:// or http://');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveValue('ftp://news.example.com'); // what was typed stays
  await page.screenshot({ path: '/tmp/h/frames-settings-error.png' });
  expect((await api('settings.get', {}, admin)).settings.publicBaseUrl).toBeNull();

  await address.fill('https://News.Example.com/ ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(address).toHaveValue('https://news.example.com');
  await expect(address).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Not set.', { exact: true })).toHaveCount(0);
  await expect(address).toHaveAccessibleDescription(/ninjs links a photo as https:\/\/news\.example\.com\/published\/<story>\/v1\/images\/…/);
  expect((await api('settings.get', {}, admin)).settings.publicBaseUrl).toBe('https://news.example.com');

  // Keyboard: the time zone, the address, then the limits, in order.
  await page.getByRole('combobox', { name: 'Time zone', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(address).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('spinbutton', { name: 'Lock timeout (minutes)', exact: true })).toBeFocused();

  // The next package's ninjs links its renditions under the address.
  const { id } = await publishStory(api, newsroom, 'Address in the links', true);
  const { ninjs, version } = await api('published.get', { storyId: id, version: 1 }, admin);
  const hrefs = (ninjs as { associations: { renditions: { href: string }[] }[] }).associations.flatMap((a) => a.renditions.map((r) => r.href));
  expect(hrefs).toHaveLength(4);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^https://news\\.example\\.com/published/${version.path}/images/photo-\\d-(large|thumbnail)\\.jpg$`));
});

test('the schedule dialog takes the time on the newsroom’s clock', async ({ page, api, newsroom, signIn }) => {
  // A zone with no summer time, fourteen hours ahead of UTC: far from whatever zone the computer is in.
  await api('settings.update', { timeZone: 'Pacific/Kiritimati' }, await newsroom.token('Han Seung-woo'));
  const reporter = await newsroom.token('Ji Da-gyum');
  const desk = await newsroom.token('Kim Min-ji');
  const { story } = await api('stories.create', { desk: 'North Korea', headline: 'Launch report held for the morning' }, reporter);
  const body = docOf(['North Korea fired two short-range ballistic missiles on Tuesday, the military said.']);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body } }, reporter);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  for (const action of ['claim', 'approve'] as const) await api('stories.transition', { id: story.id, action }, desk);

  await signIn(page, 'Kim Min-ji');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' }).click();
  await openStory(page, 'Launch report held for the morning');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule' });
  await expect(dialog).toContainText('in the newsroom’s time zone (Pacific/Kiritimati, UTC+14)');
  await dialog.getByLabel('Date').fill('2030-01-02');
  await dialog.getByLabel('Time').fill('09:30');
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog).toBeHidden();
  // 09:30 on 2 January in Kiritimati is 19:30 UTC on 1 January.
  await expect.poll(async () => (await api('stories.get', { id: story.id }, desk)).story.publishAt).toBe('2030-01-01T19:30:00.000Z');
});
