// Reads what a package is made from out of the database: the story, its byline and its photos
// with the original file of each (content-addressed under <dataDir>/media/<hash>/). A photo's
// caption, credit and alt are the story's own; its creator and copyright are the ones approved
// with the story, or the library's while it has not been approved.

import fs from 'node:fs';
import path from 'node:path';
import { listStoryPhotos, type Db } from '../../db/index.js';
import { bodyDepth, MAX_BODY_DEPTH } from '../../shared/body.js';
import type { Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import type { PackageInput, PackagePhoto } from './model.js';

/** The original file the photo desk stored for an asset; found by name so the layout can grow. */
export function originalPath(dataDir: string, hash: string): string {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(hash)) throw new ApiError('INTERNAL', `A photo's stored name is not valid (${hash.slice(0, 20)}).`);
  const dir = path.join(dataDir, 'media', hash);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new ApiError('INTERNAL', `The original of photo ${hash.slice(0, 12)} is missing from the media folder; re-import the photo.`);
  }
  const original = names.filter((n) => /^original(\.[a-z0-9]+)?$/i.test(n)).sort()[0];
  if (!original) throw new ApiError('INTERNAL', `The original of photo ${hash.slice(0, 12)} is missing from the media folder; re-import the photo.`);
  return path.join(dir, original);
}

export async function packageInput(db: Db, dataDir: string, story: Story, withFiles: boolean): Promise<PackageInput> {
  // Saves refuse such a body; one stored before they did would overflow the renderers' stack.
  if (bodyDepth(story.body) > MAX_BODY_DEPTH) {
    throw new ApiError('INVALID_STATE', `The story's body nests more than ${MAX_BODY_DEPTH} levels deep, which cannot be published; restore an earlier revision of it.`);
  }
  const photos: PackagePhoto[] = (await listStoryPhotos(db, story.id)).map((p) => ({
    storyPhotoId: p.id,
    assetId: p.assetId,
    placement: p.placement,
    order: p.order,
    caption: p.caption,
    credit: p.credit,
    alt: p.alt,
    creator: p.approved?.creator ?? p.asset.creator,
    copyright: p.approved?.copyright ?? p.asset.copyright,
    hash: p.asset.hash,
    originalPath: withFiles ? originalPath(dataDir, p.asset.hash) : '',
    previewUrl: p.asset.displayUrl,
    width: p.asset.width,
    height: p.asset.height,
  }));
  // One lead at most, above the body; any further "lead" is shown as an inline photo.
  let leadSeen = false;
  for (const p of photos) {
    if (p.placement !== 'lead') continue;
    if (leadSeen) p.placement = 'inline';
    leadSeen = true;
  }
  photos.sort((a, b) => Number(b.placement === 'lead') - Number(a.placement === 'lead'));
  return {
    story: {
      id: story.id,
      slug: story.slug,
      headline: story.headline,
      subheadlines: story.subheadlines,
      byline: story.byline.map((b) => ({ name: b.name, email: b.email })),
      dateline: story.dateline,
      language: story.language,
      body: story.body,
      createdAt: story.createdAt,
      correctionNote: story.correctionNote,
    },
    photos,
  };
}
