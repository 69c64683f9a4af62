// Bad input at the photo desk, through the library's file input in one
// batch: an empty file, a truncated JPEG, a text file named .jpg, an unsupported format (GIF), a
// file over the size limit and a decompression bomb each get their own clear error line, the
// good photo in the same batch imports, nothing is stored for the bad ones, and the page keeps
// answering during the import. Captions are text, never markup.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot } from './fixtures.js';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');
const GOOD = 'bmd-exercise-east-sea.jpg';
const good = () => readFileSync(path.join(PHOTOS, GOOD));
const SIZE_LIMIT = 256 * 1024;

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A decompression bomb: a valid ~110 KB PNG of 30000 × 30000 black 1-bit pixels (900 megapixels,
 * gigabytes once decoded). 112 MB of zero rows deflate in a fraction of a second.
 */
function pngBomb(): Buffer {
  const width = 30_000;
  const height = 30_000;
  const rowBytes = 1 + Math.ceil(width / 8); // filter byte + packed bits
  const idat = zlib.deflateSync(Buffer.alloc(rowBytes * height), { level: 9 });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A noisy JPEG bigger than SIZE_LIMIT (noise does not compress). */
async function oversizeJpeg(): Promise<Buffer> {
  const width = 600;
  const height = 600;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 98 })
    .toBuffer();
}

/** A 1×1 GIF: a real image, in a format the desk does not take. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const grid = (page: Page): Locator => page.getByRole('listbox', { name: 'Photos' });
const importPanel = (page: Page): Locator => page.getByRole('region', { name: 'Import' });
const detail = (page: Page): Locator => page.getByRole('complementary', { name: 'Selected photo' });
const searchBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search photos' });

/** Content-addressed folders under <dataDir>/media (one per stored photo). */
const mediaFolders = (dataDir: string): string[] => {
  const dir = path.join(dataDir, 'media');
  return existsSync(dir) ? readdirSync(dir) : [];
};

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Photo library' }).click();
  await expect(page.getByRole('heading', { name: 'Photo library', level: 1 })).toBeVisible();
}

test('each bad file gets its own error line; the good one imports; nothing else is stored; the page keeps answering', async ({ page, signIn, api, newsroom, server }) => {
  test.setTimeout(180_000);
  const photoToken = await newsroom.token('photo_editor');
  await api('settings.update', { maxPhotoBytes: SIZE_LIMIT }, await newsroom.token('admin'));
  const before = (await api('photos.list', {}, photoToken)).total;
  const foldersBefore = mediaFolders(server.dataDir);

  const fixture = good();
  const oversize = await oversizeJpeg();
  expect(oversize.length).toBeGreaterThan(SIZE_LIMIT);
  const bomb = pngBomb();
  expect(bomb.length).toBeLessThan(200 * 1024);
  const files = [
    { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
    { name: 'truncated.jpg', mimeType: 'image/jpeg', buffer: fixture.subarray(0, Math.floor(fixture.length / 2)) },
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Meeting notes: call the agency about the credits.\n'.repeat(20)) },
    { name: 'animation.gif', mimeType: 'image/gif', buffer: GIF },
    { name: 'too-big.jpg', mimeType: 'image/jpeg', buffer: oversize },
    { name: 'bomb.png', mimeType: 'image/png', buffer: bomb },
    { name: GOOD, mimeType: 'image/jpeg', buffer: fixture },
  ];
  const expected: [string, RegExp][] = [
    ['empty.jpg', /empty \(0 bytes\)/],
    ['truncated.jpg', /incomplete|ends early|truncated/i],
    ['notes.jpg', /not an image.*text/i],
    ['animation.gif', /unsupported format.*GIF/i],
    ['too-big.jpg', /larger than the [\d.]+ MB limit/],
    ['bomb.png', /30,000 × 30,000 pixels.*(limit|refused)/i],
  ];

  await signIn(page, 'photo_editor');
  await openLibrary(page);

  // A heartbeat in the page: the longest gap between timer ticks while the import runs.
  await page.evaluate(`(() => {
    const beat = { last: performance.now(), worst: 0, timer: 0 };
    beat.timer = setInterval(() => {
      const now = performance.now();
      beat.worst = Math.max(beat.worst, now - beat.last);
      beat.last = now;
    }, 20);
    window.__beat = beat;
  })()`);

  // The import request is held at the network until the person has typed, so the typing happens
  // while the import is in flight (a fast machine would otherwise finish first).
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  // (The browser sends each file's bytes to photos.upload; scripts' JSON goes to photos.import.)
  await page.route(/\/api\/photos\.(import|upload)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.locator('input[type="file"]').setInputFiles(files);
  await expect(importPanel(page).getByText(`Importing… 0 of ${files.length} files done`)).toBeVisible();
  await expect(importPanel(page).getByRole('progressbar')).toBeVisible();
  // During the import the search box takes typing, and the filters answer.
  await searchBox(page).pressSequentially('typing while it imports', { delay: 10 });
  await expect(searchBox(page)).toHaveValue('typing while it imports');
  await page.getByRole('button', { name: 'No credit' }).click();
  await expect(page.getByRole('button', { name: 'No credit' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'No credit' }).click();
  await expect(importPanel(page).getByText(/^Importing…/)).toBeVisible();
  release();
  await expect(importPanel(page).getByRole('button', { name: 'Dismiss' })).toBeVisible({ timeout: 60_000 });
  const worstGap = (await page.evaluate('clearInterval(window.__beat.timer), window.__beat.worst')) as number;
  expect(worstGap, 'longest stall of the page during the import (ms)').toBeLessThan(500);
  await searchBox(page).fill('');

  // One line per file, in order; each bad one says what is wrong with it.
  const lines = importPanel(page).getByRole('listitem');
  await expect(lines).toHaveCount(files.length);
  for (const [i, [name, message]] of expected.entries()) {
    const line = lines.nth(i);
    await expect(line).toContainText(`${name}:`);
    await expect(line).toHaveClass(/failed/);
    await expect(line).toContainText(message);
  }
  await expect(lines.nth(files.length - 1)).toHaveText(`${GOOD}: imported`);
  await expect(importPanel(page).getByText('1 imported · 6 not imported', { exact: true })).toBeVisible();
  await shot(page, 'photo-bad-input-01-outcomes');

  // Only the good photo is in the library and on disk.
  const after = await api('photos.list', {}, photoToken);
  expect(after.total).toBe(before + 1);
  expect(after.items.map((a) => a.originalName)).toEqual([GOOD]);
  expect(mediaFolders(server.dataDir)).toHaveLength(foldersBefore.length + 1);
  await expect(grid(page).getByRole('option')).toHaveCount(1);
  // Still responsive afterwards: the search answers.
  await searchBox(page).fill('ballistic');
  await expect(grid(page).getByRole('option').filter({ hasText: GOOD })).toBeVisible();
  await searchBox(page).fill('');
});

test('a caption holding markup shows as text in the library and the detail panel', async ({ page, signIn, api, newsroom }) => {
  const markup = '<img src=x onerror=alert(1)>';
  const photoToken = await newsroom.token('photo_editor');
  const { results } = await api('photos.import', { files: [{ name: GOOD, data: good().toString('base64') }] }, photoToken);
  const asset = results[0]!.asset!;
  await api('photos.update', { ids: [asset.id], changes: { caption: `Drill at sea ${markup}`, alt: markup } }, photoToken);

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, 'photo_editor');
  await openLibrary(page);
  const cell = grid(page).getByRole('option').filter({ hasText: GOOD });
  await expect(cell).toContainText(`Drill at sea ${markup}`);
  await cell.click();
  await expect(detail(page).getByLabel('Caption', { exact: true })).toHaveValue(`Drill at sea ${markup}`);
  await expect(detail(page).getByLabel('Alt text', { exact: true })).toHaveValue(markup);
  // The markup made no element: the only images are the thumbnail and the detail image.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator('[onerror]').count()).toBe(0);
  await shot(page, 'photo-bad-input-02-caption-as-text');
  expect(dialogs).toEqual([]);
});
