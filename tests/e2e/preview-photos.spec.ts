// The photos of a story show in Preview and in "View" of a published version, though the frame
// stays sandboxed: no script runs in it and it has no access to the app's origin (its cookies, its
// API, the window around it). "Open page" opens the package's own page in a new tab, photos and all.
// Screenshots: /tmp/h/frames-preview.png, /tmp/h/frames-view.png, /tmp/h/frames-open-page.png

import type { Frame, Locator, Page } from '@playwright/test';
import { test, expect, seedArticle } from './fixtures.js';
import { attachSeedPhotos, decideAsPrinted, writeSeedStory } from './seedStory.js';
import { openStory } from './ui.js';

/** The frame's document, to look inside it as a test (Playwright's own access, not the page's). */
async function frameOf(dialog: Locator): Promise<Frame> {
  const frame = await (await dialog.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('no frame in the dialog');
  return frame;
}

/** The frame has `count` images and every one has loaded with real pixels (naturalWidth > 0). */
async function expectPhotosLoaded(frame: Frame, count: number): Promise<void> {
  const loaded = () => frame.evaluate('[...document.images].map((img) => img.complete && img.naturalWidth > 0)') as Promise<boolean[]>;
  await expect.poll(loaded, { timeout: 15_000 }).toEqual(Array.from({ length: count }, () => true));
}

// Run inside the frame (with Playwright's access, which the page's own scripts would not have):
// whether scripting is on in its document (where it is off, the parser reads a <noscript>'s
// content as markup; the app's CSP, which also blocks inline script, has no say in that), and
// what the page could reach of the app.
const PROBE = `(async () => {
  const probe = document.createElement('div');
  probe.innerHTML = '<noscript><b>off</b></noscript>';
  const scripting = probe.querySelector('noscript b') ? 'off' : 'on';
  const attempt = async (fn) => {
    try {
      return 'reached: ' + (await fn());
    } catch (error) {
      return error.name;
    }
  };
  return {
    origin: window.origin,
    scripting,
    cookie: await attempt(() => document.cookie),
    parent: await attempt(() => window.parent.document.title),
    api: await attempt(async () => (await fetch('/api/session.current', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status),
  };
})()`;

/** The frame is sandboxed with nothing allowed: no script of the page's own runs, and it is not of the app's origin. */
async function expectLockedDown(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog.locator('iframe')).toHaveAttribute('sandbox', '');
  const frame = await frameOf(dialog);
  // An opaque origin: no cookies to read, no window around it to reach, no answer from the app's API.
  expect(await frame.evaluate(PROBE)).toEqual({ origin: 'null', scripting: 'off', cookie: 'SecurityError', parent: 'SecurityError', api: 'TypeError' });
  // The app's own page does reach its API, so the refusals above are the frame's.
  expect(await page.evaluate(PROBE)).toMatchObject({ scripting: 'on', api: 'reached: 200' });
}

test('the lead and inline photos show in Preview and in a published version, in a frame that can reach nothing', async ({ page, api, newsroom, signIn }) => {
  const seed = seedArticle();
  const { story, reporter } = await writeSeedStory(api, newsroom);
  await attachSeedPhotos(api, newsroom, story.id);

  // Preview of the draft: both photos, and no claim that it was published.
  await signIn(page, seed.byline.name);
  await openStory(page, seed.headline);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('dialog', { name: 'Preview' });
  const previewFrame = page.frameLocator('dialog iframe');
  await expect(previewFrame.getByRole('heading', { level: 1 })).toHaveText(seed.headline);
  await expect(previewFrame.locator('.published')).toHaveText('Not yet published — preview');
  await expect(previewFrame.locator('figure img')).toHaveCount(2);
  await expectPhotosLoaded(await frameOf(preview), 2);
  await expect(previewFrame.locator('figcaption')).toHaveText(seed.photos.map((p) => p.rendered_caption));
  await expect(preview.getByText(/could not be shown/)).toHaveCount(0);
  await expectLockedDown(page, preview);
  await page.screenshot({ path: '/tmp/h/frames-preview.png' });
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  // Published: "View" shows the package's own images/… photos.
  const desk = await newsroom.token('Kim Min-ji');
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  await decideAsPrinted(api, desk, story.id);
  await api('stories.transition', { id: story.id, action: 'approve' }, desk);
  await api('stories.transition', { id: story.id, action: 'publish' }, desk);
  const { versions } = await api('published.list', { storyId: story.id }, desk);
  const { html } = await api('published.get', { storyId: story.id, version: 1 }, desk);
  expect(html).toMatch(/src="images\/photo-1-large\.jpg"/);

  await page.getByRole('tab', { name: /History/ }).click();
  const list = page.getByRole('region', { name: 'Published versions' });
  const item = list.getByRole('listitem', { name: 'Published version 1', exact: true });
  await item.getByRole('button', { name: 'View' }).click();
  const view = page.getByRole('dialog', { name: 'Published version 1' });
  const viewFrame = page.frameLocator('dialog iframe');
  await expect(viewFrame.getByRole('heading', { level: 1 })).toHaveText(seed.headline);
  await expect(viewFrame.locator('.published')).toHaveText(/^Published /);
  await expect(viewFrame.locator('figure img')).toHaveCount(2);
  await expectPhotosLoaded(await frameOf(view), 2);
  await expectLockedDown(page, view);
  await page.screenshot({ path: '/tmp/h/frames-view.png' });
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();

  // "Open page": the package's index.html in a new tab, its photos loading beside it.
  const link = item.getByRole('link', { name: 'Open page' });
  await expect(link).toHaveAttribute('href', `/published/${versions[0]!.path}/index.html`);
  await expect(link).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(`/published/${versions[0]!.path}/index.html`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(seed.headline);
  await expectPhotosLoaded(tab.mainFrame(), 2);
  // The page is sandboxed by its own CSP: no script runs there. It keeps its origin, so its photos
  // load with the session cookie (/published/ needs a session), which is HttpOnly: the page cannot read it.
  const csp = (await page.request.get(`/published/${versions[0]!.path}/index.html`)).headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/(^|;\s*)sandbox\b/);
  expect(csp).not.toContain('allow-scripts');
  expect(await tab.evaluate('document.cookie')).toBe('');
  await tab.screenshot({ path: '/tmp/h/frames-open-page.png' });
  await tab.close();
  // No "Show folder" in a browser: only the desktop app can show a folder.
  await expect(item.getByRole('button', { name: 'Show folder' })).toHaveCount(0);
});
