// Publishing is one step: the package is renamed into place, then ONE transaction records the
// version and moves the story (the caller's `commit`); the export copy runs only after that
// commit. A failed commit leaves no folder and no row. Folders a crash left between rename and
// commit are set aside when the core starts. A failed scheduled publish is audited.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listAuditEvents } from '../../../db/audit.js';
import { listPublishedVersions } from '../../../db/published.js';
import { getStory, updateStoryWorkflow } from '../../../db/stories.js';
import type { Core } from '../../../core/core.js';
import { nodeFs, type PackageFs } from '../../../core/publishing/packageFs.js';
import { publishDue } from '../../../core/publishing/scheduler.js';
import { ApiError } from '../../../shared/errors.js';
import { addStory, makeEnv, setStatus, type Env } from './env.js';
import { openNewsroom } from '../../support/seedNewsroom.js';

let env: Env | null = null;
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await env?.close();
  env = null;
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Moves the story to published the way stories.transition does, inside the publisher's transaction. */
async function markPublished(e: Env, storyId: number, version: number): Promise<void> {
  await updateStoryWorkflow(e.db, storyId, {
    status: 'published',
    claimedBy: null,
    sendBackNote: null,
    correctionNote: null,
    publishAt: null,
    scheduledBy: null,
    publishedVersions: version,
    at: e.now.value.toISOString(),
  });
}

describe('the version row and the status move commit together', () => {
  test('commit runs inside the transaction, before the export copy', async () => {
    env = await makeEnv();
    const out = path.join(env.dir, 'export');
    fs.mkdirSync(out);
    env.exportDir.value = out;
    const id = await addStory(env, { slug: 'together' });
    const seen: { rows: number; exported: string[]; folder: boolean }[] = [];
    const v = await env.publisher.publish(id, env.desk, {
      commit: async (summary) => {
        seen.push({
          rows: (await listPublishedVersions(env!.db, id)).length,
          exported: listTree(out),
          folder: fs.existsSync(path.join(env!.dir, 'published', summary.path)),
        });
        await markPublished(env!, id, summary.version);
      },
    });
    // The row was there, the package folder already in place, nothing exported yet.
    expect(seen).toEqual([{ rows: 1, exported: [], folder: true }]);
    expect(v).toMatchObject({ version: 1, exportStatus: 'ok' });
    expect(await getStory(env.db, id)).toMatchObject({ status: 'published', publishedVersions: 1 });
    expect(listTree(out)).toContain('together/v1/index.html');
  });

  test.each([
    ['an ApiError (passed through unchanged)', () => new ApiError('CONFLICT', 'The story changed meanwhile.'), 'CONFLICT'],
    ['any other error (reported as INTERNAL)', () => new Error('disk I/O error'), 'INTERNAL'],
  ] as const)('a commit that throws %s: no row, no folder, no status change, no export', async (_n, make, code) => {
    env = await makeEnv();
    const out = path.join(env.dir, 'export');
    fs.mkdirSync(out);
    env.exportDir.value = out;
    const id = await addStory(env, { slug: 'rolled-back' });
    const error = (await env.publisher
      .publish(id, env.desk, {
        commit: async (summary) => {
          await markPublished(env!, id, summary.version);
          throw make();
        },
      })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(code);
    expect(await listPublishedVersions(env.db, id)).toEqual([]);
    expect(await getStory(env.db, id)).toMatchObject({ status: 'approved', publishedVersions: 0 });
    expect(listTree(path.join(env.dir, 'published'))).toEqual([]);
    expect(listTree(out)).toEqual([]);
  });

  test('same for a kill: the published version stays, the kill notice folder goes', async () => {
    env = await makeEnv();
    const id = await addStory(env, { slug: 'kill-me' });
    await env.publisher.publish(id, env.desk, { commit: (s) => markPublished(env!, id, s.version) });
    const error = await env.publisher
      .publish(id, env.desk, {
        kill: { note: 'Legal' },
        commit: () => {
          throw new ApiError('CONFLICT', 'no');
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((await listPublishedVersions(env.db, id)).map((v) => v.version)).toEqual([1]);
    expect(listTree(path.join(env.dir, 'published/kill-me'))).toEqual(['v1', 'v1/index.html', 'v1/ninjs.json']);
    expect((await getStory(env.db, id))?.status).toBe('published');
  });
});

describe('package folders a crash left behind', () => {
  test('the core sets them aside when it starts (quarantine.test.ts has the rules)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-orphans-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'published/crashed-story/v1'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'published/crashed-story/v1/index.html'), '<p>never published</p>');
    const n = await openNewsroom(dir);
    cores.push(n.core);
    expect(fs.readdirSync(path.join(dir, 'published'))).toEqual([]);
    const [run] = fs.readdirSync(path.join(dir, 'quarantine'));
    expect(fs.readFileSync(path.join(dir, 'quarantine', run!, 'published/crashed-story/v1/index.html'), 'utf8')).toBe('<p>never published</p>');
  });
});

describe('a failed scheduled publish', () => {
  test('with a publisher that fails once: audited once as scheduleFailed, story.changed, then published on the retry', async () => {
    let failures = 1;
    const fsx: PackageFs = {
      ...nodeFs,
      async rename(from, to) {
        if (failures > 0 && to.includes(`${path.sep}published${path.sep}`)) {
          failures -= 1;
          throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        }
        return nodeFs.rename(from, to);
      },
    };
    env = await makeEnv({ fs: fsx });
    const id = await addStory(env, { slug: 'embargo' });
    await setStatus(env, id, 'scheduled', { publishAt: '2023-04-17T09:00:00.000Z', scheduledBy: env.desk.id });
    const first = await publishDue(env.services, () => undefined);
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]?.error).toMatch(/disk is full/);
    expect((await getStory(env.db, id))?.status).toBe('scheduled');
    const failed = (await listAuditEvents(env.db, id)).filter((e) => e.event === 'scheduleFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorId: env.desk.id, from: 'scheduled', to: 'scheduled' });
    expect(failed[0]?.note).toMatch(/disk is full/);
    expect(env.events).toContainEqual(expect.objectContaining({ type: 'story.changed', storyId: id, status: 'scheduled' }));

    const second = await publishDue(env.services, () => undefined);
    expect(second).toEqual({ published: [id], failed: [] });
    expect(await getStory(env.db, id)).toMatchObject({ status: 'published', publishedVersions: 1 });
    expect((await listAuditEvents(env.db, id)).map((e) => e.event)).toEqual(['scheduleFailed', 'autoPublish']);
  });
});
