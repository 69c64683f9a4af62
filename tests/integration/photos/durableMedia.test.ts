// Durable before recorded, for the photo library: an import flushes each file of the asset and
// the folder entries that lead to them (the asset's folder, media/ and, when new, the data
// folder's entry for media/) before the photo's row is written; and the library is private to
// the account running Newsdesk (files 0600, folders 0700). Watched on a real import through the
// core, with a second read-only connection telling whether the row exists at each flush.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mediaFs } from '../../../core/photos/storage.js';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { openNewsroomDb } from '../../support/postgres.js';
import { b64, fixture } from './helpers.js';

let h: Harness | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = null;
});

describe('an imported photo is on the disk before its row', () => {
  test('files and folders fsynced while the row does not exist yet; files 0600, folders 0700', async () => {
    h = await makeHarness();
    const data = fixture('security-talks-seoul.jpg');
    const hash = createHash('sha256').update(data).digest('hex');
    const media = path.join(h.dir, 'media');
    const asset = path.join(media, hash);
    const mediaIsNew = !fs.existsSync(media);
    const reader = await openNewsroomDb(h.dir);
    const rowExists = async () => (await reader.value<number>('SELECT 1 FROM photo_assets WHERE hash = ?', hash)) !== undefined;

    const synced: { op: 'file' | 'dir'; path: string; rowExisted: boolean }[] = [];
    const { fsyncFile, fsyncDir } = mediaFs;
    vi.spyOn(mediaFs, 'fsyncFile').mockImplementation(async (file) => {
      synced.push({ op: 'file', path: file, rowExisted: await rowExists() });
      await fsyncFile(file);
    });
    vi.spyOn(mediaFs, 'fsyncDir').mockImplementation(async (dir) => {
      synced.push({ op: 'dir', path: dir, rowExisted: await rowExists() });
      await fsyncDir(dir);
    });
    try {
      const { results } = await h.as('choi')('photos.import', { files: [{ name: 'security-talks-seoul.jpg', data: b64(data) }] });
      expect(results[0]).toMatchObject({ ok: true });
      expect(await rowExists()).toBe(true);
    } finally {
      await reader.close();
    }

    expect(synced.filter((s) => s.rowExisted)).toEqual([]);
    const files = fs.readdirSync(asset).sort();
    expect(files).toEqual(['display.jpg', 'original.jpg', 'thumb.jpg']);
    // Each file is flushed under its temporary name, before the rename that makes it visible.
    const flushedFiles = synced.filter((s) => s.op === 'file').map((s) => path.basename(s.path).replace(/\.\d+\.[0-9a-z]+\.tmp$/, ''));
    expect(flushedFiles.sort()).toEqual(files);
    const flushedDirs = new Set(synced.filter((s) => s.op === 'dir').map((s) => s.path));
    expect(flushedDirs).toContain(asset);
    expect(flushedDirs).toContain(media);
    if (mediaIsNew) expect(flushedDirs).toContain(h.dir);

    if (process.platform !== 'win32') {
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(asset)).toBe(0o700);
      if (mediaIsNew) expect(mode(media)).toBe(0o700);
      for (const f of files) expect(mode(path.join(asset, f)), f).toBe(0o600);
    }
  });
});
