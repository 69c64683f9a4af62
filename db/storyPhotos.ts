// A story's photos as the core shows them (read side), and the credits frozen with a story's
// approval. The photo desk's writes live in db/photos.ts (photo helper).

import type { Id, PhotoAsset, Status, StoryPhoto } from '../shared/domain.js';
import type { Db } from './sql.js';

export interface PhotoAssetRow {
  id: number;
  hash: string;
  original_name: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
  headline: string;
  credit: string;
  creator: string;
  copyright: string;
  source: string;
  keywords: string;
  metadata_warnings: string;
  date_created: string | null;
  city: string;
  country: string;
  instructions: string;
  alt: string;
  imported_at: string;
  imported_by: number;
  used_in: number;
}

export const ASSET_COLUMNS = `a.id, a.hash, a.original_name, a.content_type, a.width, a.height, a.bytes, a.caption, a.headline,
  a.credit, a.creator, a.copyright, a.source, a.keywords, a.date_created, a.city, a.country, a.instructions, a.alt, a.metadata_warnings,
  a.imported_at, a.imported_by, (SELECT count(DISTINCT u.story_id) FROM story_photos u WHERE u.asset_id = a.id) AS used_in`;

export function toPhotoAsset(r: PhotoAssetRow): PhotoAsset {
  return {
    id: r.id,
    hash: r.hash,
    originalName: r.original_name,
    contentType: r.content_type,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    caption: r.caption,
    headline: r.headline,
    credit: r.credit,
    creator: r.creator,
    copyright: r.copyright,
    source: r.source,
    keywords: JSON.parse(r.keywords) as string[],
    metadataWarnings: JSON.parse(r.metadata_warnings) as string[],
    dateCreated: r.date_created,
    city: r.city,
    country: r.country,
    instructions: r.instructions,
    alt: r.alt,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    thumbUrl: `/media/${r.hash}/thumb.jpg`,
    displayUrl: `/media/${r.hash}/display.jpg`,
    usedIn: r.used_in,
  };
}

export async function listStoryPhotos(db: Db, storyId: Id): Promise<StoryPhoto[]> {
  const rows = (await db.all(
    `SELECT p.id AS sp_id, p.story_id AS sp_story_id, p.asset_id AS sp_asset_id, p.placement AS sp_placement,
       p.position AS sp_position, p.caption AS sp_caption, p.credit AS sp_credit, p.alt AS sp_alt,
       p.approved_creator AS sp_approved_creator, p.approved_copyright AS sp_approved_copyright, ${ASSET_COLUMNS}
     FROM story_photos p JOIN photo_assets a ON a.id = p.asset_id
     WHERE p.story_id = ? ORDER BY (p.placement = 'lead') DESC, p.position, p.id`,
    storyId,
  )) as (PhotoAssetRow & {
    sp_id: number;
    sp_story_id: number;
    sp_asset_id: number;
    sp_placement: 'lead' | 'inline';
    sp_position: number;
    sp_caption: string;
    sp_credit: string;
    sp_alt: string;
    sp_approved_creator: string | null;
    sp_approved_copyright: string | null;
  })[];
  return rows.map((r) => ({
    id: r.sp_id,
    storyId: r.sp_story_id,
    assetId: r.sp_asset_id,
    placement: r.sp_placement,
    order: r.sp_position,
    caption: r.sp_caption,
    credit: r.sp_credit,
    alt: r.sp_alt,
    asset: toPhotoAsset(r),
    ...(r.sp_approved_creator !== null && r.sp_approved_copyright !== null ? { approved: { creator: r.sp_approved_creator, copyright: r.sp_approved_copyright } } : {}),
  }));
}

/**
 * Approval freezes the library's creator and copyright of each of the story's photos into the
 * story (its caption, credit and alt are the story's own already), so what the desk approved is
 * what publishes, whatever the photo desk changes in the library afterwards.
 */
export async function freezeApprovedPhotoCredits(db: Db, storyId: Id): Promise<void> {
  await db.run(
    `UPDATE story_photos SET
       approved_creator = (SELECT a.creator FROM photo_assets a WHERE a.id = story_photos.asset_id),
       approved_copyright = (SELECT a.copyright FROM photo_assets a WHERE a.id = story_photos.asset_id)
     WHERE story_id = ?`,
    storyId,
  );
}

/** Back on the desk (reopened, corrected, sent back): the story follows the library again until approved anew. */
export async function thawApprovedPhotoCredits(db: Db, storyId: Id): Promise<void> {
  await db.run(`UPDATE story_photos SET approved_creator = NULL, approved_copyright = NULL WHERE story_id = ? AND approved_creator IS NOT NULL`, storyId);
}

/** A use of a photo by a story that has frozen its credits (approved, scheduled or published). */
export interface ApprovedPhotoUse {
  storyPhotoId: Id;
  storyId: Id;
  status: Status;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
}

/** The approved, scheduled and published stories that use the asset, with what they publish of it. */
export async function approvedUsesOfAsset(db: Db, assetId: Id): Promise<ApprovedPhotoUse[]> {
  return (await db.all(
    `SELECT p.id AS "storyPhotoId", p.story_id AS "storyId", s.status, p.caption, p.credit,
       p.approved_creator AS creator, p.approved_copyright AS copyright
     FROM story_photos p JOIN stories s ON s.id = p.story_id
     WHERE p.asset_id = ? AND p.approved_creator IS NOT NULL AND s.status IN ('approved', 'scheduled', 'published')
     ORDER BY p.story_id, p.id`,
    assetId,
  )) as ApprovedPhotoUse[];
}
