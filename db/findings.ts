// Copy-check bookkeeping: dismissed findings (by key, with the desk editor's note) and each
// story's count of open findings for the queue.

import type { Dismissal, FindingCounts, Id } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';

interface DismissalRow {
  key: string;
  note: string;
  staff_id: Id;
  name: string;
  at: string;
}

export function listDismissals(db: Db, storyId: Id): Dismissal[] {
  const rows = stmt(
    db,
    `SELECT d.key, d.note, d.staff_id, s.name, d.at FROM finding_dismissals d JOIN staff s ON s.id = d.staff_id
     WHERE d.story_id = ? ORDER BY d.at, d.key`,
  ).all(storyId) as DismissalRow[];
  return rows.map((r) => ({ key: r.key, note: r.note, by: r.staff_id, byName: r.name, at: r.at }));
}

/** Records (or replaces) the dismissal of `key` on the story. */
export function upsertDismissal(db: Db, storyId: Id, d: { key: string; note: string; by: Id; at: string }): void {
  stmt(
    db,
    `INSERT INTO finding_dismissals (story_id, key, note, staff_id, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (story_id, key) DO UPDATE SET note = excluded.note, staff_id = excluded.staff_id, at = excluded.at`,
  ).run(storyId, d.key, d.note, d.by, d.at);
}

/** Removes the dismissal; whether there was one. */
export function deleteDismissal(db: Db, storyId: Id, key: string): boolean {
  return stmt(db, `DELETE FROM finding_dismissals WHERE story_id = ? AND key = ?`).run(storyId, key).changes > 0;
}

export function getFindingCounts(db: Db, storyId: Id): FindingCounts | null {
  const r = stmt(db, `SELECT findings_blocking AS blocking, findings_warning AS warning FROM stories WHERE id = ?`).get(storyId) as
    | { blocking: number | null; warning: number | null }
    | undefined;
  return r && r.blocking !== null ? { blocking: r.blocking, warning: r.warning ?? 0 } : null;
}

export function setFindingCounts(db: Db, storyId: Id, counts: FindingCounts | null): void {
  stmt(db, `UPDATE stories SET findings_blocking = ?, findings_warning = ? WHERE id = ?`).run(
    counts?.blocking ?? null,
    counts?.warning ?? null,
    storyId,
  );
}

/**
 * Statuses whose stories the desk still works on: their counts are kept; others are counted when
 * they return. Spelled as in migration 005's partial index, so the query can use it.
 */
const ACTIVE = `('draft', 'submitted', 'editing', 'approved', 'scheduled')`;

/** Up to `limit` stories in the workflow whose findings were never counted (or were invalidated), newest first. */
export function uncountedStoryIds(db: Db, limit: number): Id[] {
  return (
    stmt(db, `SELECT id FROM stories INDEXED BY stories_uncounted WHERE findings_blocking IS NULL AND status IN ${ACTIVE} ORDER BY id DESC LIMIT ?`).all(limit) as {
      id: Id;
    }[]
  ).map((r) => r.id);
}

/** Marks every story in the workflow for recounting (the check settings changed). */
export function invalidateFindingCounts(db: Db): number {
  return stmt(db, `UPDATE stories SET findings_blocking = NULL, findings_warning = NULL WHERE status IN ${ACTIVE} AND findings_blocking IS NOT NULL`).run()
    .changes;
}
