// Import through the API: content-addressed storage, duplicates, orientation, and every kind of
// bad file getting its own clear error while the rest of the batch imports.

import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { b64, fixture, makeJpeg } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const mediaEntries = () => {
  const dir = path.join(h.dir, 'media');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

/** A small JPEG whose frame header claims 65,000 × 65,000 pixels. */
async function bomb(): Promise<Buffer> {
  const jpeg = Buffer.from(await makeJpeg(32, 32, { seed: 99 }));
  for (let i = 2; i < jpeg.length - 9; i++) {
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.writeUInt16BE(65000, i + 5);
      jpeg.writeUInt16BE(65000, i + 7);
      return jpeg;
    }
  }
  throw new Error('no SOF marker');
}

describe('photos.import', () => {
  it('stores a photo content-addressed with display and thumbnail renditions', async () => {
    const data = fixture('security-talks-seoul.jpg');
    const { results } = await h.as('choi')('photos.import', { files: [{ name: 'security-talks-seoul.jpg', data: b64(data) }] });
    const a = results[0]!.asset!;
    expect(results[0]).toMatchObject({ ok: true, name: 'security-talks-seoul.jpg' });
    expect(results[0]!.duplicate).toBeFalsy();
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.thumbUrl).toBe(`/media/${a.hash}/thumb.jpg`);
    expect(a.displayUrl).toBe(`/media/${a.hash}/display.jpg`);
    const dir = path.join(h.dir, 'media', a.hash);
    expect(fs.readFileSync(path.join(dir, 'original.jpg')).equals(data)).toBe(true);
    const thumb = await sharp(path.join(dir, 'thumb.jpg')).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(400);
    const display = await sharp(path.join(dir, 'display.jpg')).metadata();
    expect([display.width, display.height]).toEqual([1600, 1067]); // never enlarged
    expect(h.events).toContainEqual({ type: 'photo.imported', assetIds: [a.id] });
  });

  it('takes raw bytes (IPC) as well as base64 (HTTP), and the same file twice is one asset', async () => {
    const data = fixture('security-talks-seoul.jpg');
    const { results } = await h.as('choi')('photos.import', {
      files: [
        { name: 'again.jpg', data: new Uint8Array(data) },
        { name: 'again-b64.jpg', data: b64(data) },
      ],
    });
    expect(results.map((r) => [r.ok, r.duplicate])).toEqual([
      [true, true],
      [true, true],
    ]);
    const list = await h.as('choi')('photos.list', {});
    expect(list.total).toBe(1);
  });

  it('makes one asset of identical files in the same batch', async () => {
    const data = await makeJpeg(200, 100, { seed: 5 });
    const { results } = await h.as('choi')('photos.import', {
      files: [1, 2, 3].map((i) => ({ name: `same-${i}.jpg`, data: b64(data) })),
    });
    const ids = new Set(results.map((r) => r.asset!.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it('applies EXIF orientation: a portrait stored sideways reports upright size', async () => {
    const sideways = await makeJpeg(300, 200, { orientation: 6, seed: 7 }); // stored landscape, shown portrait
    const { results } = await h.as('choi')('photos.import', { files: [{ name: 'portrait.jpg', data: b64(sideways) }] });
    const a = results[0]!.asset!;
    expect([a.width, a.height]).toEqual([200, 300]);
    const thumb = await sharp(path.join(h.dir, 'media', a.hash, 'thumb.jpg')).metadata();
    expect(thumb.height! > thumb.width!).toBe(true);
    expect(thumb.orientation ?? 1).toBe(1); // pixels rotated, no tag left to misread
  });

  it('gives each bad file its own clear error, stores nothing for it, and imports the rest', async () => {
    await h.as('han')('settings.update', { maxPhotoBytes: 100 * 1024 });
    const before = mediaEntries().length;
    const good = await makeJpeg(320, 240, { seed: 41 });
    const big = await makeJpeg(1200, 900, { seed: 42 });
    expect(big.length).toBeGreaterThan(100 * 1024);
    const full = await makeJpeg(600, 400, { seed: 43 });
    const truncated = full.subarray(0, Math.floor(full.length * 0.6));
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#f00' } })
      .gif()
      .toBuffer();
    const files = [
      { name: 'empty.jpg', data: '' },
      { name: 'truncated.jpg', data: b64(truncated) },
      { name: 'notes.jpg', data: b64(Buffer.from('Meeting notes: call the agency about credits.\n')) },
      { name: 'animation.gif', data: b64(gif) },
      { name: 'huge.jpg', data: b64(big) },
      { name: 'bomb.jpg', data: b64(await bomb()) },
      { name: 'good.jpg', data: b64(good) },
    ];
    const { results } = await h.as('choi')('photos.import', { files });
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    expect(byName['empty.jpg']).toMatchObject({ ok: false, error: expect.stringMatching(/empty/i) });
    expect(byName['truncated.jpg']).toMatchObject({ ok: false, error: expect.stringMatching(/incomplete|ends early/i) });
    expect(byName['notes.jpg']).toMatchObject({ ok: false, error: expect.stringMatching(/not an image.*text/i) });
    expect(byName['animation.gif']).toMatchObject({ ok: false, error: expect.stringMatching(/unsupported format.*GIF/i) });
    expect(byName['huge.jpg']).toMatchObject({ ok: false, error: expect.stringMatching(/larger than the 0\.1 MB limit/i) });
    expect(byName['bomb.jpg']).toMatchObject({ ok: false, error: expect.stringMatching(/65,000 × 65,000 pixels.*limit/i) });
    expect(byName['good.jpg']).toMatchObject({ ok: true });
    for (const r of results.filter((x) => !x.ok)) expect(r.asset).toBeUndefined();
    // Only the good file left anything on disk or in the library.
    expect(mediaEntries().length).toBe(before + 1);
    expect(results.map((r) => r.name)).toEqual(files.map((f) => f.name)); // one line per file, in order
    await h.as('han')('settings.update', { maxPhotoBytes: 100 * 1024 * 1024 });
  });

  it('keeps only the base name of a file (no folders)', async () => {
    const { results } = await h.as('choi')('photos.import', {
      files: [{ name: '../../etc/evil name.jpg', data: b64(await makeJpeg(40, 30, { seed: 51 })) }],
    });
    expect(results[0]!.asset!.originalName).toBe('evil name.jpg');
  });

  it('is refused to people who are not photo editors', async () => {
    await expect(h.as('ji')('photos.import', { files: [{ name: 'x.jpg', data: b64(await makeJpeg(40, 30, { seed: 52 })) }] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('imports PNG and WebP too', async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#0af' } })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#fa0' } })
      .webp()
      .toBuffer();
    const { results } = await h.as('choi')('photos.import', {
      files: [
        { name: 'a.png', data: b64(png) },
        { name: 'b.webp', data: b64(webp) },
      ],
    });
    expect(results.map((r) => [r.ok, r.asset?.contentType])).toEqual([
      [true, 'image/png'],
      [true, 'image/webp'],
    ]);
  });
});

describe('identical files in one batch', () => {
  it('the first in input order is the new asset, the later ones its duplicates, results in input order', async () => {
    for (const seed of [141, 142, 143]) {
      const data = b64(await makeJpeg(320, 240, { seed }));
      const before = h.events.length;
      const { results } = await h.as('choi')('photos.import', {
        files: ['a.jpg', 'b.jpg', 'c.jpg'].map((name) => ({ name, data })),
      });
      expect(results.map((r) => r.name)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
      expect(results.map((r) => [r.ok, r.duplicate ?? false])).toEqual([
        [true, false],
        [true, true],
        [true, true],
      ]);
      const asset = results[0]!.asset!;
      expect(results.map((r) => r.asset?.id)).toEqual([asset.id, asset.id, asset.id]);
      expect(asset.originalName).toBe('a.jpg');
      expect(h.events.slice(before)).toContainEqual({ type: 'photo.imported', assetIds: [asset.id] });
    }
  });

  it('a duplicate of a file that is refused gets the same refusal', async () => {
    const broken = Buffer.from(await makeJpeg(64, 64, { seed: 77 })).subarray(0, 200);
    const good = await makeJpeg(64, 64, { seed: 78 });
    const { results } = await h.as('choi')('photos.import', {
      files: [
        { name: 'broken-1.jpg', data: b64(broken) },
        { name: 'fine.jpg', data: b64(good) },
        { name: 'broken-2.jpg', data: b64(broken) },
      ],
    });
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['broken-1.jpg', false],
      ['fine.jpg', true],
      ['broken-2.jpg', false],
    ]);
    expect(results[2]!.error).toBe(results[0]!.error);
  });
});
