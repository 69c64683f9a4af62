// The published seed article in a real browser: built and published through the HTTP API (the
// reporter writes, the photo editor attaches both photos, the desk editor decides the name
// spelled two ways, approves and publishes), then its index.html opened in Chromium from the bridge's /published/ folder.
// Screenshot: test-results/screens/published-seed-article.png (and a full-page one).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, seedArticle } from './fixtures.js';
import { attachSeedPhotos, decideAsPrinted, writeSeedStory } from './seedStory.js';
import type { SeedArticle } from '../support/seedArticle.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The bits of an <img> element read in the page (the tests' tsconfig has no DOM types). */
interface Img {
  complete: boolean;
  naturalWidth: number;
}

type SeedPhoto = SeedArticle['photos'][number];

test('the published seed article renders with both photos, captions and credits', async ({ page, api, newsroom, server, signIn }) => {
  const seed = seedArticle();
  const photos: SeedPhoto[] = seed.photos;
  const desk = await newsroom.token('Kim Min-ji');
  const { story, reporter } = await writeSeedStory(api, newsroom);
  await attachSeedPhotos(api, newsroom, story.id);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  await decideAsPrinted(api, desk, story.id);
  await api('stories.transition', { id: story.id, action: 'approve' }, desk);
  const published = await api('stories.transition', { id: story.id, action: 'publish' }, desk);
  expect(published.story.status).toBe('published');
  const { versions } = await api('published.list', { storyId: story.id }, desk);
  expect(versions).toHaveLength(1);

  // 1. As the server serves it under /published/, to a signed-in browser (published packages need a session).
  await signIn(page, 'Kim Min-ji');
  const response = await page.goto(`/published/${versions[0]!.path}/index.html`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.headline);
  await expect(page.locator('article .body > p')).toHaveText(seed.body_paragraphs);
  // Both photos load from the package's own images/ folder, and no script could run there.
  await expect(page.locator('figure img')).toHaveCount(2);
  await expect
    .poll(() => page.locator('figure img').evaluateAll((els) => els.every((el) => (el as unknown as Img).complete && (el as unknown as Img).naturalWidth > 0)))
    .toBe(true);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");

  // 2. The package as a reader gets it: index.html opened from the folder, images beside it.
  const file = path.join(server.dataDir, 'published', versions[0]!.path, 'index.html');
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.headline);
  await expect(page.locator('.byline')).toHaveText('By Ji Da-gyum (dagyumji@heraldcorp.com)');
  await expect(page.locator('.subheadline')).toHaveText(seed.subheadlines[0]!);
  await expect(page.locator('article .body > p')).toHaveText(seed.body_paragraphs);
  await expect(page.locator('figcaption')).toHaveText(photos.map((p) => p.rendered_caption));
  const images = page.locator('figure img');
  await expect(images).toHaveCount(2);
  for (const img of await images.all()) {
    await expect.poll(() => img.evaluate((el) => ((el as unknown as Img).complete ? (el as unknown as Img).naturalWidth : 0))).toBeGreaterThan(0);
  }
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', 'published-seed-article.png') });
  await page.locator('figure.inline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', 'published-seed-article-inline-photo.png') });
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', 'published-seed-article-full.png'), fullPage: true });
});
