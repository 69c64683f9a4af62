// The seed article built through the HTTP API, as several specs need it: its reporter writes it
// (headline, subheadline, dateline, all 22 paragraphs), the photo desk imports and attaches
// both fixture photos with their captions and credits, lead and inline where they were printed,
// and the desk decides the director-general's two spellings before approving.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { approvalReview } from '../../shared/checks/index.js';
import type { Story } from '../../shared/domain.js';
import { expect, docOf, seedArticle, type ApiFn, type Newsroom } from './fixtures.js';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');

/** The seed story as its reporter writes it; returns the story and the reporter's token. */
export async function writeSeedStory(api: ApiFn, newsroom: Newsroom): Promise<{ story: Story; reporter: string }> {
  const seed = seedArticle();
  const reporter = await newsroom.token(seed.byline.name);
  const { story } = await api('stories.create', { desk: seed.desk, headline: seed.headline, slug: seed.slug }, reporter);
  const saved = await api(
    'stories.save',
    {
      id: story.id,
      baseVersion: story.version,
      changes: { subheadlines: seed.subheadlines, dateline: seed.dateline, body: docOf(seed.body_paragraphs) },
    },
    reporter,
  );
  return { story: saved.story, reporter };
}

/** The photo editor imports both seed photos and attaches them to the story with their captions and credits. */
export async function attachSeedPhotos(api: ApiFn, newsroom: Newsroom, storyId: number): Promise<void> {
  const seed = seedArticle();
  const photoEditor = await newsroom.token('photo_editor');
  const files = seed.photos.map((p) => ({ name: path.basename(p.file), data: readFileSync(path.join(PHOTOS, path.basename(p.file))).toString('base64') }));
  const { results } = await api('photos.import', { files }, photoEditor);
  for (const [i, p] of seed.photos.entries()) {
    const asset = results[i]?.asset;
    expect(asset, results[i]?.error).toBeTruthy();
    await api(
      'photos.attach',
      {
        storyId,
        assetId: asset!.id,
        placement: p.placement,
        ...(p.before_paragraph !== undefined ? { position: p.before_paragraph } : {}),
        caption: p.caption,
        credit: p.credit,
      },
      photoEditor,
    );
  }
}

/**
 * The desk editor's decision on the findings to decide before approval (the lead caption spells
 * "Seo Min-jung", the body "Seo Min-jeong"): both stand as printed, so what publishes is the article as it ran.
 */
export async function decideAsPrinted(api: ApiFn, deskToken: string, storyId: number): Promise<void> {
  const { findings } = await api('stories.check', { id: storyId }, deskToken);
  for (const f of approvalReview(findings).undecided) {
    await api('stories.dismissFinding', { id: storyId, key: f.key, note: 'Kept as printed: the caption is the agency’s spelling, the body ours.' }, deskToken);
  }
}
