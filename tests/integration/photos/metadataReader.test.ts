// The worker thread that reads a photo's header and metadata: a file that outlasts the time limit
// is refused with a sentence for the photo editor and leaves nothing behind, the next file is read
// by a fresh worker, and the reader lets go of its worker when the last core closes.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetadataReader, metadataReader } from '../../../core/photos/metadata/reader.js';
import { importPhotos } from '../../../core/photos/pipeline.js';
import { writerFor } from '../../../core/write.js';
import { makeRecordingHarness, type Harness } from '../../support/coreHarness.js';
import { makeJpeg } from './helpers.js';
import { iimKeywordFlood } from './hostileFiles.js';

let h: Harness;
let closed = false;
beforeAll(async () => {
  h = await makeRecordingHarness();
});
afterAll(async () => {
  if (!closed) await h.close();
});

describe('the metadata reader', () => {
  it('refuses a file that outlasts the time limit, stores nothing, and reads the next file on a fresh worker', async () => {
    const reader = new MetadataReader(1); // 1 ms: no real file reads that fast
    try {
      const ordinary = await makeJpeg(64, 48, { seed: 601 });
      // Started first, so the limit is measured on a running worker, not on its start.
      await expect(reader.read(ordinary, 30_000)).resolves.toMatchObject({ info: { format: 'jpeg', width: 64, height: 48 } });

      const before = await h.snapshot();
      const deps = {
        db: h.services.db,
        write: writerFor(h.services),
        dataDir: h.dir,
        now: () => h.clock.now,
        maxBytes: 10 * 1024 * 1024,
        staffId: h.staff.choi.id,
        metadata: reader,
      };
      const [outcome] = await importPhotos(deps, [{ name: 'flood.jpg', data: await iimKeywordFlood(100_000) }]);
      expect(outcome).toMatchObject({ name: 'flood.jpg', ok: false });
      expect(outcome!.error).toMatch(
        /^Reading the photo's header and metadata \(caption, credit, keywords\) took longer than 0\.001 seconds, so the file was refused\. .*save a copy and import that\.$/,
      );
      expect(await h.snapshot()).toBe(before);
      const media = path.join(h.dir, 'media');
      expect(fs.existsSync(media) ? fs.readdirSync(media) : []).toEqual([]);

      // The stuck worker was replaced: the next file is read.
      const again = await reader.read(await makeJpeg(64, 48, { seed: 602 }), 30_000);
      expect(again.info.width).toBe(64);
    } finally {
      await reader.close();
    }
  });

  it('refuses a file that is not a readable image with the decoder’s sentence, changing nothing', async () => {
    const before = await h.snapshot();
    const cut = (await makeJpeg(256, 256, { seed: 603 })).subarray(0, 400);
    const { results } = await h.call('choi', 'photos.import', { files: [{ name: 'cut.jpg', data: new Uint8Array(cut) }] });
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[0]!.error).toMatch(/^The (file is incomplete|image could not be decoded)/);
    expect(await h.snapshot()).toBe(before);
  });

  it('answers pending reads with an error when closed', async () => {
    const reader = new MetadataReader();
    await reader.read(await makeJpeg(64, 48, { seed: 604 }));
    const pending = expect(reader.read(await iimKeywordFlood(100_000, 607))).rejects.toThrow('Newsdesk is closing.');
    await new Promise((resolve) => setTimeout(resolve, 5)); // in the worker by now
    await reader.close();
    await pending;
    await expect(reader.read(await makeJpeg(64, 48, { seed: 605 }))).rejects.toThrow('Newsdesk is closing.');
  });

  it('is shared by the cores of a process and closed with the last of them', async () => {
    const second = await makeRecordingHarness();
    const shared = metadataReader();
    await second.close();
    expect(metadataReader()).toBe(shared); // the first core still holds it
    await h.close();
    closed = true;
    expect(metadataReader()).not.toBe(shared);
    await expect(shared.read(await makeJpeg(64, 48, { seed: 606 }))).rejects.toThrow('Newsdesk is closing.');
  });
});
