// Durable before recorded: every file of a package, every folder inside it, the folder the
// package is renamed into and each folder made on the way (up to the data folder) are fsynced
// before the transaction that records the version commits. Watched through an injected file
// system that records each call in order, with the publisher's commit in the same log.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listPublishedVersions } from '../../../db/published.js';
import { getStory } from '../../../db/stories.js';
import { nodeFs, type PackageFs } from '../../../core/publishing/packageFs.js';
import { addPhoto, addStory, bodyWithFigure, FIXTURES, makeEnv, seed, type Env } from './env.js';

let env: Env | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

type Step = { op: 'write' | 'fsyncFile' | 'fsyncDir' | 'rename' | 'mkdir'; path: string; to?: string } | { op: 'commit' };

/** nodeFs, recording each write, mkdir, rename and fsync (optionally failing the fsyncs of `failSync`). */
function recordingFs(log: Step[], failSync?: (target: string) => boolean): PackageFs {
  const fail = (target: string) => {
    if (failSync?.(target)) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
  };
  return {
    ...nodeFs,
    async mkdir(dir, opts) {
      const made = await nodeFs.mkdir(dir, opts);
      if (made !== undefined) log.push({ op: 'mkdir', path: dir });
      return made;
    },
    async writeFile(file, data) {
      await nodeFs.writeFile(file, data);
      log.push({ op: 'write', path: file });
    },
    async rename(from, to) {
      await nodeFs.rename(from, to);
      log.push({ op: 'rename', path: from, to });
    },
    async fsyncFile(file) {
      fail(file);
      await nodeFs.fsyncFile(file);
      log.push({ op: 'fsyncFile', path: file });
    },
    async fsyncDir(dir) {
      fail(dir);
      await nodeFs.fsyncDir(dir);
      log.push({ op: 'fsyncDir', path: dir });
    },
  };
}

/** Where a recorded path ended up: a path inside a folder renamed later is named by its new place. */
function finalPath(log: Step[], p: string): string {
  let out = p;
  for (const s of log) {
    if (s.op === 'rename' && s.to && (out === s.path || out.startsWith(s.path + path.sep))) out = s.to + out.slice(s.path.length);
  }
  return out;
}

describe('a package is on the disk before its row commits', () => {
  test('files, the folders inside the package, its new folder entries up to the data folder: all fsynced before the commit', async () => {
    const log: Step[] = [];
    env = await makeEnv({ fs: recordingFs(log) });
    const id = await addStory(env, { slug: 'durable' });
    const lead = seed.photos.find((p) => p.placement === 'lead')!;
    await addPhoto(env, id, { file: path.join(FIXTURES, 'photos', path.basename(lead.file)), placement: 'lead', caption: lead.caption, credit: lead.credit });
    const inline = await addPhoto(env, id, { file: path.join(FIXTURES, 'photos', path.basename(seed.photos[1]!.file)), placement: 'inline', caption: 'c', credit: 'd' });
    await env.db.run('UPDATE stories SET body = ? WHERE id = ?', JSON.stringify(bodyWithFigure(seed.body_paragraphs, 2, inline)), id);

    const v = await env.publisher.publish(id, env.desk, { commit: async () => void log.push({ op: 'commit' }) });
    const commit = log.findIndex((s) => s.op === 'commit');
    expect(commit).toBeGreaterThan(0);
    const before = log.slice(0, commit);
    const synced = (op: 'fsyncFile' | 'fsyncDir') => new Set(before.filter((s) => s.op === op).map((s) => finalPath(log, (s as { path: string }).path)));

    // Every file written for the package, and every folder of it, fsynced after its last write.
    const pkg = path.join(env.dir, 'published', v.path);
    const files = fs.readdirSync(pkg, { recursive: true, encoding: 'utf8' }).map((f) => path.join(pkg, f));
    expect(files.filter((f) => f.endsWith('.jpg')).length).toBe(4); // two photos, a large picture and a thumbnail each
    for (const f of files) {
      expect(synced(fs.statSync(f).isFile() ? 'fsyncFile' : 'fsyncDir'), f).toContain(f);
    }
    expect(synced('fsyncDir')).toContain(pkg);
    for (const s of before) {
      if (s.op !== 'write') continue;
      const lastSync = before.findLastIndex((t) => t.op === 'fsyncFile' && t.path === s.path);
      expect(lastSync, s.path).toBeGreaterThan(before.indexOf(s));
    }

    // The rename's new entry, and the folders made on the way (published/ and the story's): their parents fsynced after.
    const rename = before.findIndex((s) => s.op === 'rename');
    expect(rename).toBeGreaterThan(0);
    const storyDir = path.dirname(pkg);
    const root = path.dirname(storyDir);
    expect(before.slice(rename).some((s) => s.op === 'fsyncDir' && s.path === storyDir)).toBe(true);
    const made = before.filter((s) => s.op === 'mkdir').map((s) => (s as { path: string }).path);
    expect(made).toEqual(expect.arrayContaining([root, storyDir]));
    for (const dir of [root, storyDir]) expect(synced('fsyncDir')).toContain(path.dirname(dir));
    expect(synced('fsyncDir')).toContain(env.dir);

    expect(await listPublishedVersions(env.db, id)).toHaveLength(1);
  });

  test.each([
    ['a file of the package', (p: string) => p.endsWith('index.html')],
    ['the story folder after the rename', (p: string) => path.basename(p) === 'durable'],
  ])('an fsync that fails (%s): no row, no folder, the story unchanged', async (_name, failSync) => {
    const log: Step[] = [];
    env = await makeEnv({ fs: recordingFs(log, failSync) });
    const id = await addStory(env, { slug: 'durable' });
    const error = await env.publisher.publish(id, env.desk, { commit: async () => void log.push({ op: 'commit' }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as Error).message).toMatch(/Nothing was published/);
    expect(log.some((s) => s.op === 'commit')).toBe(false);
    expect(await listPublishedVersions(env.db, id)).toEqual([]);
    expect((await getStory(env.db, id))?.status).toBe('approved');
    const root = path.join(env.dir, 'published');
    expect(fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }) : []).toEqual([]);
  });
});
