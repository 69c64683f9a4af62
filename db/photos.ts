// The photo desk's SQL: assets (import, library search and filters, metadata edits) and the
// writes that place photos in stories. Reads of a story's photos live in storyPhotos.ts.

import type { Id, PhotoAsset, PhotoFile, PhotoMetadata, StoryPhoto } from '../shared/domain.js';
import { ftsExpressionTerms } from './ftsQuery.js';
import { PHOTO_MATCH, tsQuery } from './postgres/textSearch.js';
import type { Db } from './sql.js';
import { ASSET_COLUMNS, toPhotoAsset, type PhotoAssetRow } from './storyPhotos.js';

export interface Renditions {
  original: { file: string; bytes: number };
  display: { file: string; width: number; height: number; bytes: number };
  thumb: { file: string; width: number; height: number; bytes: number };
}

/** What an import stores: the file facts, its metadata and where its renditions are. */
export interface NewPhotoAsset extends PhotoFile, PhotoMetadata {
  metadataWarnings: string[];
  renditions: Renditions;
  importedAt: string;
  importedBy: Id;
}

const ASSET_SELECT = `SELECT ${ASSET_COLUMNS} FROM photo_assets a`;

export async function getPhotoAsset(db: Db, id: Id): Promise<PhotoAsset | null> {
  const row = (await db.get(`${ASSET_SELECT} WHERE a.id = ?`, id)) as PhotoAssetRow | undefined;
  return row ? toPhotoAsset(row) : null;
}

export async function findPhotoAssetByHash(db: Db, hash: string): Promise<PhotoAsset | null> {
  const row = (await db.get(`${ASSET_SELECT} WHERE a.hash = ?`, hash)) as PhotoAssetRow | undefined;
  return row ? toPhotoAsset(row) : null;
}

export async function getPhotoAssets(db: Db, ids: Id[]): Promise<PhotoAsset[]> {
  const assets: PhotoAsset[] = [];
  for (const id of ids) {
    const asset = await getPhotoAsset(db, id);
    if (asset) assets.push(asset);
  }
  return assets;
}

/**
 * Inserts the asset unless one with the same content hash exists (a duplicate in the same batch,
 * or imported by someone else meanwhile). Returns the asset's id and whether it was new. The core
 * runs it as a relaxed write: in `npm run bench -- photos` (100 × 24 MP, five runs each way) the
 * longest photo-row commit was 17–75 ms with synchronous=FULL (p99 12–42 ms), all of it on the
 * core's event loop, queued behind the fsyncs of the photo files, against at most 4 ms with
 * NORMAL; throughput did not differ beyond the machine's noise. It is still safe against crashes
 * of the app, and only a power cut in the next moments could roll back the newest library rows:
 * never a row without its files (those are fsynced before the row is written), and never a row
 * something else depends on (the next full commit, such as attaching the photo to a story,
 * flushes the whole log before it).
 */
export async function insertPhotoAsset(db: Db, a: NewPhotoAsset): Promise<{ id: Id; created: boolean }> {
  const id = await db.value<number>(
    `INSERT INTO photo_assets (hash, original_name, content_type, width, height, bytes, caption, headline, credit, creator,
       copyright, source, keywords, date_created, city, country, instructions, alt, metadata_warnings, renditions, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (hash) DO NOTHING RETURNING id`,
    a.hash,
    a.originalName,
    a.contentType,
    a.width,
    a.height,
    a.bytes,
    a.caption,
    a.headline,
    a.credit,
    a.creator,
    a.copyright,
    a.source,
    JSON.stringify(a.keywords),
    a.dateCreated,
    a.city,
    a.country,
    a.instructions,
    a.alt,
    JSON.stringify(a.metadataWarnings),
    JSON.stringify(a.renditions),
    a.importedAt,
    a.importedBy,
  );
  if (id !== undefined) return { id, created: true };
  const existing = (await db.value(`SELECT id FROM photo_assets WHERE hash = ?`, a.hash)) as number;
  return { id: existing, created: false };
}

export async function getPhotoRenditions(db: Db, id: Id): Promise<Renditions | null> {
  const raw = (await db.value(`SELECT renditions FROM photo_assets WHERE id = ?`, id)) as string | undefined;
  return raw ? (JSON.parse(raw) as Renditions) : null;
}

export type PhotoAssetChanges = Partial<
  Pick<PhotoAsset, 'caption' | 'headline' | 'credit' | 'creator' | 'copyright' | 'source' | 'keywords' | 'city' | 'country' | 'instructions' | 'alt'>
>;

const COLUMN: Record<keyof PhotoAssetChanges, string> = {
  caption: 'caption',
  headline: 'headline',
  credit: 'credit',
  creator: 'creator',
  copyright: 'copyright',
  source: 'source',
  keywords: 'keywords',
  city: 'city',
  country: 'country',
  instructions: 'instructions',
  alt: 'alt',
};

/** Applies the same changes to each asset (only the fields present). Returns the ids that existed. */
export async function updatePhotoAssets(db: Db, ids: Id[], changes: PhotoAssetChanges): Promise<Id[]> {
  const keys = (Object.keys(changes) as (keyof PhotoAssetChanges)[]).filter((k) => k in COLUMN && changes[k] !== undefined);
  const existing: Id[] = [];
  for (const id of ids) if ((await db.get(`SELECT 1 FROM photo_assets WHERE id = ?`, id)) !== undefined) existing.push(id);
  if (keys.length === 0) return existing;
  // Column names come from the fixed table above, never from input.
  const sql = `UPDATE photo_assets SET ${keys.map((k) => `${COLUMN[k]} = ?`).join(', ')} WHERE id = ?`;
  const values = keys.map((k) => (k === 'keywords' ? JSON.stringify(changes.keywords) : (changes[k] as string)));
  for (const id of existing) await db.run(sql, ...values, id);
  return existing;
}

// ── library search ───────────────────────────────────────────────────────────

export interface PhotoFilters {
  /** Already converted to a safe FTS5 expression by ftsQuery(); PostgreSQL matches its terms (ftsExpressionTerms). */
  fts: string | null;
  noCaption?: boolean;
  noCredit?: boolean;
  /** Only assets imported at or after this time (start of today). */
  importedSince?: string;
  unused?: boolean;
}

export interface PhotoCursor {
  importedAt: string;
  id: Id;
}

function whereClause(db: Db, f: PhotoFilters): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.fts) {
    if (db.dialect === 'sqlite') {
      parts.push(`a.id IN (SELECT rowid FROM photo_assets_fts WHERE photo_assets_fts MATCH ?)`);
      params.push(f.fts);
    } else {
      // No word to look for matches nothing, as an FTS5 expression of no word would.
      const query = tsQuery(ftsExpressionTerms(f.fts));
      parts.push(query === null ? 'false' : PHOTO_MATCH);
      if (query !== null) params.push(query);
    }
  }
  if (f.noCaption) parts.push(`trim(a.caption) = ''`);
  if (f.noCredit) parts.push(`trim(a.credit) = ''`);
  if (f.importedSince) {
    parts.push(`a.imported_at >= ?`);
    params.push(f.importedSince);
  }
  if (f.unused) parts.push(`NOT EXISTS (SELECT 1 FROM story_photos u WHERE u.asset_id = a.id)`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Newest first; keyset paging on (imported_at, id). */
export async function listPhotoAssets(
  db: Db,
  filters: PhotoFilters,
  page: { limit: number; after: PhotoCursor | null },
): Promise<{ items: PhotoAsset[]; total: number; next: PhotoCursor | null }> {
  const where = whereClause(db, filters);
  const total = (await db.value(`SELECT count(*) FROM photo_assets a ${where.sql}`, ...where.params)) as number;
  const pageWhere = page.after ? `${where.sql ? `${where.sql} AND` : 'WHERE'} (a.imported_at < ? OR (a.imported_at = ? AND a.id < ?))` : where.sql;
  const params = page.after ? [...where.params, page.after.importedAt, page.after.importedAt, page.after.id] : where.params;
  const rows = (await db.all(`${ASSET_SELECT} ${pageWhere} ORDER BY a.imported_at DESC, a.id DESC LIMIT ?`, ...params, page.limit + 1)) as PhotoAssetRow[];
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(toPhotoAsset);
  const last = items[items.length - 1];
  return { items, total, next: more && last ? { importedAt: last.importedAt, id: last.id } : null };
}

/** The stories an asset is placed in. */
export async function storiesUsingAsset(db: Db, assetId: Id): Promise<{ id: Id; headline: string; status: string }[]> {
  return (await db.all(
    `SELECT s.id, s.headline, s.status FROM stories s WHERE s.id IN (SELECT p.story_id FROM story_photos p WHERE p.asset_id = ?)
     ORDER BY s.updated_at DESC, s.id DESC`,
    assetId,
  )) as { id: Id; headline: string; status: string }[];
}

/** Stories whose photo captions should be reindexed after an asset edit (they show the asset via placements). */
export async function storyIdsUsingAsset(db: Db, assetId: Id): Promise<Id[]> {
  return (await db.column(`SELECT DISTINCT story_id FROM story_photos WHERE asset_id = ? ORDER BY story_id`, assetId)) as Id[];
}

// ── photos in stories ────────────────────────────────────────────────────────

/** A story's photo as stored, without its asset. */
export type StoryPhotoRow = Omit<StoryPhoto, 'asset'>;

export async function getStoryPhotoRow(db: Db, id: Id): Promise<StoryPhotoRow | null> {
  const row = (await db.get(
    `SELECT id, story_id AS "storyId", asset_id AS "assetId", placement, position AS "order", caption, credit, alt
     FROM story_photos WHERE id = ?`,
    id,
  )) as StoryPhotoRow | undefined;
  return row ?? null;
}

export async function insertStoryPhoto(
  db: Db,
  p: { storyId: Id; assetId: Id; placement: 'lead' | 'inline'; order: number; caption: string; credit: string; alt: string },
): Promise<Id> {
  return Number(
    await db.value(
      `INSERT INTO story_photos (story_id, asset_id, placement, position, caption, credit, alt) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      p.storyId,
      p.assetId,
      p.placement,
      p.order,
      p.caption,
      p.credit,
      p.alt,
    ),
  );
}

export async function updateStoryPhoto(db: Db, id: Id, changes: Partial<Pick<StoryPhoto, 'caption' | 'credit' | 'alt' | 'placement'>>): Promise<void> {
  const current = await getStoryPhotoRow(db, id);
  if (!current) return;
  await db.run(
    `UPDATE story_photos SET caption = ?, credit = ?, alt = ?, placement = ? WHERE id = ?`,
    changes.caption ?? current.caption,
    changes.credit ?? current.credit,
    changes.alt ?? current.alt,
    changes.placement ?? current.placement,
    id,
  );
}

export async function deleteStoryPhoto(db: Db, id: Id): Promise<void> {
  await db.run(`DELETE FROM story_photos WHERE id = ?`, id);
}

/** Writes positions 0..n-1 in the given order. */
export async function setStoryPhotoOrder(db: Db, orderedIds: Id[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) await db.run(`UPDATE story_photos SET position = ? WHERE id = ?`, position, id);
}

export async function storyPhotoIds(db: Db, storyId: Id): Promise<Id[]> {
  return (await db.column(`SELECT id FROM story_photos WHERE story_id = ? ORDER BY (placement = 'lead') DESC, position, id`, storyId)) as Id[];
}

export async function nextStoryPhotoPosition(db: Db, storyId: Id): Promise<number> {
  return (await db.value(`SELECT coalesce(max(position) + 1, 0) FROM story_photos WHERE story_id = ?`, storyId)) as number;
}
