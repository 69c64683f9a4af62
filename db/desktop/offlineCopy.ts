// The offline copy: stories as stories.get answered them, searchable with FTS5 (the one query
// builder, ftsQuery.ts), and other answers kept by method and input.

import { ftsQuery } from '../ftsQuery.js';
import { stmt, type Db } from '../statements.js';

export interface CopyStoryRow {
  id: number;
  answer: string;
  mine: number;
  seen_at: string;
}

export function putCopyStory(db: Db, row: { id: number; answer: string; headline: string; bodyText: string; mine: boolean; seenAt: string; updatedAt: string }): void {
  stmt(
    db,
    `INSERT INTO copy_stories (id, answer, headline, body_text, mine, seen_at, updated_at) VALUES (@id, @answer, @headline, @bodyText, @mine, @seenAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET answer = excluded.answer, headline = excluded.headline, body_text = excluded.body_text,
       mine = max(copy_stories.mine, excluded.mine), seen_at = max(copy_stories.seen_at, excluded.seen_at), updated_at = excluded.updated_at`,
  ).run({ ...row, mine: row.mine ? 1 : 0 });
}

export function getCopyStory(db: Db, id: number): CopyStoryRow | null {
  return (stmt(db, `SELECT id, answer, mine, seen_at FROM copy_stories WHERE id = ?`).get(id) as CopyStoryRow | undefined) ?? null;
}

export function deleteCopyStory(db: Db, id: number): void {
  stmt(db, `DELETE FROM copy_stories WHERE id = ?`).run(id);
}

/** Every kept story's answer, newest first (for lists answered from the copy). */
export function allCopyStories(db: Db): CopyStoryRow[] {
  return stmt(db, `SELECT id, answer, mine, seen_at FROM copy_stories ORDER BY updated_at DESC, id DESC`).all() as CopyStoryRow[];
}

/** The kept stories whose headline or text match what the person typed, best first; [] when it holds no word. */
export function searchCopyStories(db: Db, text: string, limit: number): CopyStoryRow[] {
  const query = ftsQuery(text);
  if (query === null) return [];
  return stmt(
    db,
    `SELECT s.id, s.answer, s.mine, s.seen_at FROM copy_stories_fts f JOIN copy_stories s ON s.id = f.rowid
     WHERE copy_stories_fts MATCH ? ORDER BY bm25(copy_stories_fts, 3.0, 1.0), s.id DESC LIMIT ?`,
  ).all(query, limit) as CopyStoryRow[];
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
