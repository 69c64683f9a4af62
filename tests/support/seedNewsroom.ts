// Builds the seed article through the core the way the newsroom does (reporter writes, photo
// editor imports and attaches both photos, desk editor claims, decides the name spelled two ways
// and approves). Shared by the seed test and the publishing benchmark.

import fs from 'node:fs';
import path from 'node:path';
import { docFromParagraphs } from '../../shared/body.js';
import { approvalReview } from '../../shared/checks/index.js';
import type { Caller } from './callCore.js';
import { makeClock, makeHarness, type Clock, type Harness } from './coreHarness.js';
import { loadSeedArticle } from './seedArticle.js';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');

const seed = loadSeedArticle();

/** A core on `dir` (a fresh temp folder when omitted) with the demo newsroom, the real publisher and a standing clock. */
export function openNewsroom(dir?: string, clock: Clock = makeClock('2023-04-17T08:00:00.000Z')): Promise<Harness> {
  return makeHarness({ ...(dir ? { dataDir: dir } : {}), clock, onInternalError: (m, e) => console.error(m, e) });
}

/** The note the desk keeps with its decision on the seed article's two spellings. */
export const SEED_NAME_DECISION = 'Kept as printed: the caption is the agency’s spelling, the body ours.';

/**
 * The desk editor's decision on every finding to decide before approval (the seed article spells
 * its director-general "Seo Min-jung" in a caption and "Seo Min-jeong" in the body): both stand,
 * as the paper printed them, so what publishes is the article as it ran.
 */
export async function decideAsPrinted(desk: Caller, id: number): Promise<void> {
  const { findings } = await desk('stories.check', { id });
  for (const f of approvalReview(findings).undecided) await desk('stories.dismissFinding', { id, key: f.key, note: SEED_NAME_DECISION });
}

/** Builds the seed article up to `approved` and returns its id. */
export async function writeSeedArticle(n: Harness, slug = seed.slug): Promise<number> {
  const reporter = n.as('ji');
  const photo = n.as('choi');
  const desk = n.as('kim');
  const { story } = await reporter('stories.create', { desk: seed.desk, headline: seed.headline, slug });
  const me = story.byline[0]?.staffId ?? story.createdBy;
  await reporter('stories.save', {
    id: story.id,
    baseVersion: story.version,
    changes: { subheadlines: seed.subheadlines, dateline: seed.dateline, byline: [{ staffId: me }], body: docFromParagraphs(seed.body_paragraphs) },
  });
  const files = seed.photos.map((p) => ({
    name: path.basename(p.file),
    data: new Uint8Array(fs.readFileSync(path.join(PHOTOS, path.basename(p.file)))),
  }));
  const imported = await photo('photos.import', { files });
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
  await decideAsPrinted(desk, story.id);
  await desk('stories.transition', { id: story.id, action: 'approve' });
  return story.id;
}
