// Published versions: one immutable row per package written, plus the reads the publisher and
// the scheduler need. Rows are inserted once and only their export columns ever change.

import type { Id, PublishedVersionSummary } from '../shared/domain.js';
import type { Db } from './sql.js';

interface PublishedRow {
  version: number;
  published_at: string;
  published_by: number;
  published_by_name: string;
  pub_status: 'usable' | 'canceled';
  correction_note: string | null;
  path: string;
  export_status: 'none' | 'ok' | 'failed';
  export_error: string | null;
}

const SELECT = `SELECT p.version, p.published_at, p.published_by, s.name AS published_by_name, p.pub_status,
    p.correction_note, p.path, p.export_status, p.export_error
  FROM published_versions p JOIN staff s ON s.id = p.published_by`;

function toSummary(r: PublishedRow): PublishedVersionSummary {
  return {
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    publishedByName: r.published_by_name,
    pubStatus: r.pub_status,
    correctionNote: r.correction_note,
    path: r.path,
    exportStatus: r.export_status,
    exportError: r.export_error,
  };
}

/** Every version of a story, oldest first. */
export async function listPublishedVersions(db: Db, storyId: Id): Promise<PublishedVersionSummary[]> {
  return ((await db.all(`${SELECT} WHERE p.story_id = ? ORDER BY p.version`, storyId)) as PublishedRow[]).map(toSummary);
}

export async function getPublishedVersion(db: Db, storyId: Id, version: number): Promise<PublishedVersionSummary | null> {
  const r = (await db.get(`${SELECT} WHERE p.story_id = ? AND p.version = ?`, storyId, version)) as PublishedRow | undefined;
  return r ? toSummary(r) : null;
}

/** The highest version published so far (0 when none). */
export async function latestPublishedVersion(db: Db, storyId: Id): Promise<number> {
  return ((await db.value(`SELECT coalesce(max(version), 0) FROM published_versions WHERE story_id = ?`, storyId)) as number) ?? 0;
}

/** When version 1 went out, or null before the first publication. */
export async function firstPublishedAt(db: Db, storyId: Id): Promise<string | null> {
  return ((await db.value(`SELECT published_at FROM published_versions WHERE story_id = ? ORDER BY version LIMIT 1`, storyId)) as string | undefined) ?? null;
}

/** True when another story already publishes into the folder `dir` (paths are "<dir>/v<N>"). */
export async function packageDirTaken(db: Db, dir: string, storyId: Id): Promise<boolean> {
  return (await db.get(`SELECT 1 FROM published_versions WHERE story_id <> ? AND substr(path, 1, ?) = ? LIMIT 1`, storyId, dir.length + 1, `${dir}/`)) !== undefined;
}

/** True when the package path is recorded for any story (a folder on disk without a row is an orphan). */
export async function packagePathRecorded(db: Db, path: string): Promise<boolean> {
  return (await db.get(`SELECT 1 FROM published_versions WHERE path = ?`, path)) !== undefined;
}

export interface NewPublishedVersion {
  storyId: Id;
  version: number;
  publishedAt: string;
  publishedBy: Id;
  pubStatus: 'usable' | 'canceled';
  correctionNote: string | null;
  path: string;
}

/**
 * Records a version. The story's own published_versions count moves with its status (the
 * transition handler or the scheduler sets it), so it is not touched here.
 */
export async function insertPublishedVersion(db: Db, v: NewPublishedVersion): Promise<void> {
  await db.run(
    `INSERT INTO published_versions (story_id, version, published_at, published_by, pub_status, correction_note, path)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    v.storyId,
    v.version,
    v.publishedAt,
    v.publishedBy,
    v.pubStatus,
    v.correctionNote,
    v.path,
  );
}

export async function setExportResult(db: Db, storyId: Id, version: number, status: 'none' | 'ok' | 'failed', error: string | null): Promise<void> {
  await db.run(`UPDATE published_versions SET export_status = ?, export_error = ? WHERE story_id = ? AND version = ?`, status, error, storyId, version);
}

/** Scheduled stories due at `now`, with who scheduled each (the actor of the automatic publish). */
export async function dueScheduledStories(db: Db, now: string): Promise<{ id: Id; scheduledBy: Id | null; publishAt: string }[]> {
  return (await db.all(
    `SELECT id, scheduled_by AS "scheduledBy", publish_at AS "publishAt" FROM stories
     WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at, id`,
    now,
  )) as { id: Id; scheduledBy: Id | null; publishAt: string }[];
}
