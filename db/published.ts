// Published versions: one immutable row per package written, plus the reads the publisher and
// the scheduler need. Rows are inserted once and only their export columns ever change.

import type { Id, PublishedVersionSummary } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';

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
export function listPublishedVersions(db: Db, storyId: Id): PublishedVersionSummary[] {
  return (stmt(db, `${SELECT} WHERE p.story_id = ? ORDER BY p.version`).all(storyId) as PublishedRow[]).map(toSummary);
}

export function getPublishedVersion(db: Db, storyId: Id, version: number): PublishedVersionSummary | null {
  const r = stmt(db, `${SELECT} WHERE p.story_id = ? AND p.version = ?`).get(storyId, version) as PublishedRow | undefined;
  return r ? toSummary(r) : null;
}

/** The highest version published so far (0 when none). */
export function latestPublishedVersion(db: Db, storyId: Id): number {
  return (stmt(db, `SELECT coalesce(max(version), 0) FROM published_versions WHERE story_id = ?`).pluck().get(storyId) as number) ?? 0;
}

/** When version 1 went out, or null before the first publication. */
export function firstPublishedAt(db: Db, storyId: Id): string | null {
  return (stmt(db, `SELECT published_at FROM published_versions WHERE story_id = ? ORDER BY version LIMIT 1`).pluck().get(storyId) as string | undefined) ?? null;
}

/** True when another story already publishes into the folder `dir` (paths are "<dir>/v<N>"). */
export function packageDirTaken(db: Db, dir: string, storyId: Id): boolean {
  return stmt(db, `SELECT 1 FROM published_versions WHERE story_id <> ? AND substr(path, 1, ?) = ? LIMIT 1`).get(storyId, dir.length + 1, `${dir}/`) !== undefined;
}

/** True when the package path is recorded for any story (a folder on disk without a row is an orphan). */
export function packagePathRecorded(db: Db, path: string): boolean {
  return stmt(db, `SELECT 1 FROM published_versions WHERE path = ?`).get(path) !== undefined;
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
export function insertPublishedVersion(db: Db, v: NewPublishedVersion): void {
  stmt(
    db,
    `INSERT INTO published_versions (story_id, version, published_at, published_by, pub_status, correction_note, path)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.storyId, v.version, v.publishedAt, v.publishedBy, v.pubStatus, v.correctionNote, v.path);
}

export function setExportResult(db: Db, storyId: Id, version: number, status: 'none' | 'ok' | 'failed', error: string | null): void {
  stmt(db, `UPDATE published_versions SET export_status = ?, export_error = ? WHERE story_id = ? AND version = ?`).run(status, error, storyId, version);
}

/** Scheduled stories due at `now`, with who scheduled each (the actor of the automatic publish). */
export function dueScheduledStories(db: Db, now: string): { id: Id; scheduledBy: Id | null; publishAt: string }[] {
  return stmt(
    db,
    `SELECT id, scheduled_by AS scheduledBy, publish_at AS publishAt FROM stories
     WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at, id`,
  ).all(now) as { id: Id; scheduledBy: Id | null; publishAt: string }[];
}
