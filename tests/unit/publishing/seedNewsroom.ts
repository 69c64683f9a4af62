// Builds the seed article through core.call the way the newsroom does (reporter writes, photo
// editor imports and attaches both photos, desk editor claims and approves). Shared by the
// seed test and the publishing benchmark; no test-runner imports.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../core/core.js';
import { docFromParagraphs } from '../../../shared/body.js';
import type { PhotoAsset, Staff, Story } from '../../../shared/domain.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export interface SeedArticle {
  slug: string;
  desk: string;
  headline: string;
  subheadlines: string[];
  dateline: string;
  body_paragraphs: string[];
  photos: { file: string; placement: 'lead' | 'inline'; caption: string; credit: string; rendered_caption: string; before_paragraph?: number }[];
}

export const seedArticle = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-article/story.json'), 'utf8')) as SeedArticle;

export type Caller = <T>(method: string, input: unknown) => Promise<T>;

export interface Newsroom {
  core: Core;
  dir: string;
  clock: { now: Date };
  as(name: string): Promise<Caller>;
}

/** A core on `dir` (a fresh temp folder when omitted) with the demo newsroom and a movable clock. */
export async function openNewsroom(dir?: string, clock = { now: new Date('2023-04-17T08:00:00.000Z') }): Promise<Newsroom> {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-seed-'));
  const core = await createCore({ dataDir, demo: true, now: () => clock.now, onInternalError: (m, e) => console.error(m, e) });
  const { staff } = (await core.call(null, 'staff.list', {})) as { staff: Staff[] };
  return {
    core,
    dir: dataDir,
    clock,
    async as(name) {
      const person = staff.find((s) => s.name === name);
      if (!person) throw new Error(`no demo staff member ${name}`);
      const { token } = (await core.call(null, 'session.signIn', { staffId: person.id })) as { token: string };
      return <T>(method: string, input: unknown) => core.call(token, method, input) as Promise<T>;
    },
  };
}

/** Builds the seed article up to `approved` and returns its id. */
export async function writeSeedArticle(n: Newsroom, slug = seedArticle.slug): Promise<number> {
  const seed = seedArticle;
  const reporter = await n.as('Ji Da-gyum');
  const photo = await n.as('Choi Yoon-seo');
  const desk = await n.as('Kim Min-ji');
  const { story } = await reporter<{ story: Story }>('stories.create', { desk: seed.desk, headline: seed.headline, slug });
  const me = story.byline[0]?.staffId ?? story.createdBy;
  await reporter<{ story: Story }>('stories.save', {
    id: story.id,
    baseVersion: story.version,
    changes: { subheadlines: seed.subheadlines, dateline: seed.dateline, byline: [{ staffId: me }], body: docFromParagraphs(seed.body_paragraphs) },
  });
  const files = seed.photos.map((p) => ({
    name: path.basename(p.file),
    data: new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'photos', path.basename(p.file)))),
  }));
  const imported = await photo<{ results: { ok: boolean; asset?: PhotoAsset; error?: string }[] }>('photos.import', { files });
  const failed = imported.results.filter((r) => !r.ok && !r.asset);
  if (failed.length > 0) throw new Error(`photo import failed: ${failed.map((r) => r.error).join('; ')}`);
  for (const [i, p] of seed.photos.entries()) {
    await photo('photos.attach', {
      storyId: story.id,
      assetId: imported.results[i]!.asset!.id,
      placement: p.placement,
      ...(p.before_paragraph !== undefined ? { position: p.before_paragraph } : {}),
      caption: p.caption,
      credit: p.credit,
      alt: p.placement === 'lead' ? 'South Korean and Japanese officials at the security talks in Seoul' : 'Three destroyers sailing in formation',
    });
  }
  await reporter('stories.transition', { id: story.id, action: 'submit' });
  await desk('stories.transition', { id: story.id, action: 'claim' });
  await desk('stories.transition', { id: story.id, action: 'approve' });
  return story.id;
}
