// The offline copy: stories as stories.get answered them, searchable with FTS5 (the one query
// builder, ftsQuery.ts), and other answers kept by method and input.

import { ftsQuery } from '../ftsQuery.js';
import { stmt, type SqliteDb as Db } from '../sqlite/statements.js';

export interface CopyStoryRow {
  id: number;
  answer: string;
  mine: number;
  seen_at: string;
}

export interface CopyStoryInput {
  id: number;
  answer: string;
  /** The queue line (StoryListItem) as JSON. */
  item: string;
  status: string;
  desk: string;
  bylineIds: number[];
  headline: string;
  bodyText: string;
  mine: boolean;
  seenAt: string;
  updatedAt: string;
}

export function putCopyStory(db: Db, row: CopyStoryInput): void {
  stmt(
    db,
    `INSERT INTO copy_stories (id, answer, item, status, desk, byline_ids, headline, body_text, mine, seen_at, updated_at)
     VALUES (@id, @answer, @item, @status, @desk, @bylineIds, @headline, @bodyText, @mine, @seenAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET answer = excluded.answer, item = excluded.item, status = excluded.status, desk = excluded.desk,
       byline_ids = excluded.byline_ids, headline = excluded.headline, body_text = excluded.body_text,
       mine = max(copy_stories.mine, excluded.mine), seen_at = max(copy_stories.seen_at, excluded.seen_at), updated_at = excluded.updated_at`,
  ).run({ ...row, bylineIds: JSON.stringify(row.bylineIds), mine: row.mine ? 1 : 0 });
}

export interface CopyFilters {
  status?: readonly string[];
  desk?: string;
  bylineStaffId?: number;
  /** What the person typed, searched in headline and text (Korean words as prefixes). */
  query?: string;
  /** Only ids from this one up (the stories written here and not yet sent). */
  minId?: number;
}

/** Kept stories' queue lines that fit a queue's filters, best match or newest first, and how many fit. */
export function findCopyItems(db: Db, filters: CopyFilters, limit: number): { items: string[]; total: number } {
  const fts = filters.query !== undefined ? ftsQuery(filters.query) : null;
  if (filters.query !== undefined && fts === null) return { items: [], total: 0 };
  const where: string[] = [];
  const params: Record<string, unknown> = { limit };
  if (fts !== null) {
    where.push('copy_stories_fts MATCH @fts');
    params.fts = fts;
  }
  if (filters.status) {
    where.push('s.status IN (SELECT value FROM json_each(@status))');
    params.status = JSON.stringify(filters.status);
  }
  if (filters.desk !== undefined) {
    where.push('s.desk = @desk');
    params.desk = filters.desk;
  }
  if (filters.bylineStaffId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM json_each(s.byline_ids) WHERE value = @byline)');
    params.byline = filters.bylineStaffId;
  }
  if (filters.minId !== undefined) {
    where.push('s.id >= @minId');
    params.minId = filters.minId;
  }
  const from = fts !== null ? 'copy_stories_fts JOIN copy_stories s ON s.id = copy_stories_fts.rowid' : 'copy_stories s';
  const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order = fts !== null ? 'bm25(copy_stories_fts, 3.0, 1.0), s.id DESC' : 's.updated_at DESC, s.id DESC';
  const items = (stmt(db, `SELECT s.item FROM ${from} ${condition} ORDER BY ${order} LIMIT @limit`).all(params) as { item: string }[]).map((r) => r.item);
  const total = (stmt(db, `SELECT count(*) AS n FROM ${from} ${condition}`).get(params) as { n: number }).n;
  return { items, total };
}

/** The queue lines of the kept stories among `ids`, with when each was last changed. */
export function copyItemsOf(db: Db, ids: readonly number[]): { id: number; item: string; updated_at: string }[] {
  return stmt(db, `SELECT id, item, updated_at FROM copy_stories WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as {
    id: number;
    item: string;
    updated_at: string;
  }[];
}

export function getCopyStory(db: Db, id: number): CopyStoryRow | null {
  return (stmt(db, `SELECT id, answer, mine, seen_at FROM copy_stories WHERE id = ?`).get(id) as CopyStoryRow | undefined) ?? null;
}

export function deleteCopyStory(db: Db, id: number): void {
  stmt(db, `DELETE FROM copy_stories WHERE id = ?`).run(id);
}

/**
 * Forgets stories neither the person's own nor seen since `before`, except those `keep` names
 * (their changes wait in the outbox). Returns how many went.
 */
export function pruneCopyStories(db: Db, before: string, keep: readonly number[]): number {
  return stmt(db, `DELETE FROM copy_stories WHERE mine = 0 AND seen_at < ? AND id NOT IN (SELECT value FROM json_each(?))`).run(before, JSON.stringify(keep)).changes;
}

export function putCopyAnswer(db: Db, method: string, inputKey: string, answer: string, at: string): void {
  stmt(
    db,
    `INSERT INTO copy_answers (method, input_key, answer, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (method, input_key) DO UPDATE SET answer = excluded.answer, saved_at = excluded.saved_at`,
  ).run(method, inputKey, answer, at);
}

export function getCopyAnswer(db: Db, method: string, inputKey: string): { answer: string; saved_at: string } | null {
  return (
    (stmt(db, `SELECT answer, saved_at FROM copy_answers WHERE method = ? AND input_key = ?`).get(method, inputKey) as
      { answer: string; saved_at: string } | undefined) ?? null
  );
}

/** Kept answers older than `before` (each queue's last list, a story's history) are dropped. */
export function pruneCopyAnswers(db: Db, before: string): number {
  return stmt(db, `DELETE FROM copy_answers WHERE saved_at < ?`).run(before).changes;
}

export function mapLocalId(db: Db, localId: number, serverId: number): void {
  stmt(db, `INSERT INTO local_ids (local_id, server_id) VALUES (?, ?) ON CONFLICT (local_id) DO UPDATE SET server_id = excluded.server_id`).run(localId, serverId);
}

export function serverIdOf(db: Db, localId: number): number | null {
  const row = stmt(db, `SELECT server_id FROM local_ids WHERE local_id = ?`).get(localId) as { server_id: number } | undefined;
  return row?.server_id ?? null;
}

/** Another newsroom chosen: its sessions, copy and settled entries go (entries still waiting were refused before). */
export function forgetNewsroomData(db: Db): void {
  db.exec(
    `DELETE FROM local_sessions; DELETE FROM copy_stories; DELETE FROM copy_answers; DELETE FROM local_ids; DELETE FROM outbox WHERE state IN ('conflict', 'kept')`,
  );
}
