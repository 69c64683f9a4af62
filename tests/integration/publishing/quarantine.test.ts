// Package folders without a row are set aside in <dataDir>/quarantine/<time>/published/, never
// deleted and never overwriting anything; only the hidden temporary folders of unfinished
// writes (never published) are removed. A move to another disk is a flushed copy, and the
// original goes only once the copy is complete.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listPublishedVersions } from '../../../db/published.js';
import { nodeFs, type PackageFs } from '../../../core/publishing/packageFs.js';
import { setAsideFolders } from '../../../core/publishing/publisher.js';
import { tidyPublished } from '../../../core/publishing/quarantine.js';
import { addStory, makeEnv, type Env } from './env.js';

let env: Env | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

const NOW = new Date('2023-04-17T09:30:00.000Z');
const RUN = '2023-04-17T09-30-00.000Z';

function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

function mk(root: string, rel: string, text = `<p>${rel}</p>`): void {
  fs.mkdirSync(path.join(root, rel), { recursive: true });
  fs.writeFileSync(path.join(root, rel, 'index.html'), text);
}

const exdevInto = (dir: string): PackageFs => ({
  ...nodeFs,
  async rename(from, to) {
    if (to.startsWith(dir) && !from.startsWith(dir)) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    return nodeFs.rename(from, to);
  },
});

describe('tidying published/ at start', () => {
  test('unrecorded version folders are set aside; temporary folders removed; everything else left alone', async () => {
    env = await makeEnv();
    const id = await addStory(env, { slug: 'kept' });
    await env.publisher.publish(id, env.desk);
    const root = path.join(env.dir, 'published');
    mk(root, 'kept/v2', 'crashed before its commit');
    mk(root, 'ghost/v1', 'a story the database does not know');
    mk(root, '.tmp-123-abcdef', 'an unfinished write');
    mk(root, 'kept/notes');
    fs.writeFileSync(path.join(root, 'README.txt'), 'left alone');

    const report = await tidyPublished(env.db, env.dir, root, nodeFs, NOW);
    const q = path.join('quarantine', RUN, 'published');
    expect(report).toEqual({ removed: ['.tmp-123-abcdef'], setAside: [path.join(q, 'ghost/v1'), path.join(q, 'kept/v2')].sort(), failed: [] });
    expect(fs.readdirSync(root).sort()).toEqual(['README.txt', 'kept']);
    expect(fs.readdirSync(path.join(root, 'kept')).sort()).toEqual(['notes', 'v1']);
    expect(tree(path.join(env.dir, 'quarantine', RUN))).toEqual([
      'README.txt',
      'published',
      'published/ghost',
      'published/ghost/v1',
      'published/ghost/v1/index.html',
      'published/kept',
      'published/kept/v2',
      'published/kept/v2/index.html',
    ]);
    expect(fs.readFileSync(path.join(env.dir, q, 'kept/v2/index.html'), 'utf8')).toBe('crashed before its commit');
    expect(await setAsideFolders(env.dir)).toEqual(report.setAside);
    expect((await listPublishedVersions(env.db, id)).map((v) => v.path)).toEqual(['kept/v1']);

    // A second start with the same clock never writes into the first run's folder.
    mk(root, 'ghost/v1', 'another one');
    const second = await tidyPublished(env.db, env.dir, root, nodeFs, NOW);
    expect(second.setAside).toEqual([path.join('quarantine', `${RUN}-2`, 'published/ghost/v1')]);
    expect(fs.readFileSync(path.join(env.dir, q, 'ghost/v1/index.html'), 'utf8')).toBe('a story the database does not know');
    expect(await setAsideFolders(env.dir)).toEqual([...report.setAside, ...second.setAside]);

    expect(await tidyPublished(env.db, env.dir, path.join(env.dir, 'missing'), nodeFs, NOW)).toEqual({ removed: [], setAside: [], failed: [] });
  });

  test('published/ on another disk (EXDEV): a complete copy first, then the original goes', async () => {
    env = await makeEnv();
    const root = path.join(env.dir, 'published');
    mk(root, 'ghost/v1', 'keep me');
    fs.mkdirSync(path.join(root, 'ghost/v1/images'));
    fs.writeFileSync(path.join(root, 'ghost/v1/images/photo-1-large.jpg'), Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]));
    const report = await tidyPublished(env.db, env.dir, root, exdevInto(path.join(env.dir, 'quarantine')), NOW);
    expect(report.failed).toEqual([]);
    expect(tree(root)).toEqual([]);
    const moved = path.join(env.dir, report.setAside[0]!);
    expect(tree(moved)).toEqual(['images', 'images/photo-1-large.jpg', 'index.html']);
    expect(fs.readFileSync(path.join(moved, 'index.html'), 'utf8')).toBe('keep me');
    expect([...fs.readFileSync(path.join(moved, 'images/photo-1-large.jpg'))]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);
  });

  test('a copy to another disk that fails midway leaves the original where it was and says why', async () => {
    env = await makeEnv();
    const root = path.join(env.dir, 'published');
    mk(root, 'ghost/v1', 'keep me');
    fs.writeFileSync(path.join(root, 'ghost/v1/ninjs.json'), '{}');
    const quarantine = path.join(env.dir, 'quarantine');
    let writes = 0;
    const fsx: PackageFs = {
      ...exdevInto(quarantine),
      async writeFile(file, data) {
        if (file.startsWith(quarantine) && path.basename(file) !== 'README.txt' && ++writes === 2) {
          throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        }
        return nodeFs.writeFile(file, data);
      },
    };
    const report = await tidyPublished(env.db, env.dir, root, fsx, NOW);
    expect(report).toEqual({ removed: [], setAside: [], failed: [{ folder: 'ghost/v1', reason: 'the disk is full' }] });
    expect(tree(root)).toEqual(['ghost', 'ghost/v1', 'ghost/v1/index.html', 'ghost/v1/ninjs.json']);
    expect(fs.readFileSync(path.join(root, 'ghost/v1/index.html'), 'utf8')).toBe('keep me');
    // No half copy in quarantine, and no empty folder made for it.
    expect(tree(quarantine)).toEqual([]);
    expect(await setAsideFolders(env.dir)).toEqual([]);
  });
});

describe('a folder without a row in the way while publishing', () => {
  test('is set aside, not deleted, and the new version is written', async () => {
    env = await makeEnv();
    const id = await addStory(env, { slug: 'orphan' });
    mk(path.join(env.dir, 'published'), 'orphan/v1', 'half');
    const v = await env.publisher.publish(id, env.desk);
    expect(fs.readFileSync(path.join(env.dir, 'published', v.path, 'index.html'), 'utf8')).toContain('<article>');
    const aside = await setAsideFolders(env.dir);
    expect(aside).toEqual([path.join('quarantine', RUN, 'published/orphan/v1')]);
    expect(fs.readFileSync(path.join(env.dir, aside[0]!, 'index.html'), 'utf8')).toBe('half');
  });

  test('one that cannot be set aside stops the publish with a clear error and stays as it was', async () => {
    const quarantine = (dir: string) => path.join(dir, 'quarantine');
    let root = '';
    const fsx: PackageFs = {
      ...nodeFs,
      async rename(from, to) {
        if (to.startsWith(quarantine(root))) throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
        return nodeFs.rename(from, to);
      },
    };
    env = await makeEnv({ fs: fsx });
    root = env.dir;
    const id = await addStory(env, { slug: 'orphan' });
    mk(path.join(env.dir, 'published'), 'orphan/v1', 'half');
    const error = await env.publisher.publish(id, env.desk).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as Error).message).toMatch(
      /orphan\/v1, a folder without a record, is in the way in the published folder and could not be set aside \(permission denied\)/,
    );
    expect((error as Error).message).toMatch(/Nothing was published/);
    expect(fs.readFileSync(path.join(env.dir, 'published/orphan/v1/index.html'), 'utf8')).toBe('half');
    expect(await listPublishedVersions(env.db, id)).toEqual([]);
  });
});
