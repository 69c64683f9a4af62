// Copy-check bookkeeping: dismissed findings (by key, with the desk editor's note) and each
// story's count of open findings for the queue.

import type { Dismissal, FindingCounts, Id } from '../shared/domain.js';
import { dialectSql, type Db } from './sql.js';

interface DismissalRow {
  key: string;
  note: string;
  staff_id: Id;
  name: string;
  at: string;
}

export async function listDismissals(db: Db, storyId: Id): Promise<Dismissal[]> {
  const rows = (await db.all(
    `SELECT d.key, d.note, d.staff_id, s.name, d.at FROM finding_dismissals d JOIN staff s ON s.id = d.staff_id
     WHERE d.story_id = ? ORDER BY d.at, d.key`,
    storyId,
  )) as DismissalRow[];
  return rows.map((r) => ({ key: r.key, note: r.note, by: r.staff_id, byName: r.name, at: r.at }));
}

/** Records (or replaces) the dismissal of `key` on the story. */
export async function upsertDismissal(db: Db, storyId: Id, d: { key: string; note: string; by: Id; at: string }): Promise<void> {
  await db.run(
    `INSERT INTO finding_dismissals (story_id, key, note, staff_id, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (story_id, key) DO UPDATE SET note = excluded.note, staff_id = excluded.staff_id, at = excluded.at`,
    storyId,
    d.key,
    d.note,
    d.by,
    d.at,
  );
}

/** Removes the dismissal; whether there was one. */
export async function deleteDismissal(db: Db, storyId: Id, key: string): Promise<boolean> {
  return (await db.run(`DELETE FROM finding_dismissals WHERE story_id = ? AND key = ?`, storyId, key)).changes > 0;
}

/** The generation of check settings counts are current for; bumped when the settings change. */
export async function checkGeneration(db: Db): Promise<number> {
  const v = (await db.value(`SELECT value FROM settings WHERE key = 'copyDesk.generation'`)) as string | undefined;
  return v === undefined ? 1 : Number(v);
}

/** The check settings changed: every story in the workflow is to be counted again (its old counts show meanwhile). */
export async function invalidateFindingCounts(db: Db): Promise<void> {
  await db.run(
    `INSERT INTO settings (key, value) VALUES ('copyDesk.generation', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    String((await checkGeneration(db)) + 1),
  );
}

/** The story's stored counts (null: never counted, or could not be) and whether they are current. */
export async function getFindingCounts(db: Db, storyId: Id): Promise<{ counts: FindingCounts | null; current: boolean } | null> {
  const r = (await db.get(`SELECT findings_blocking AS blocking, findings_warning AS warning, findings_generation AS generation FROM stories WHERE id = ?`, storyId)) as
    { blocking: number | null; warning: number | null; generation: number } | undefined;
  if (!r) return null;
  return { counts: r.blocking !== null ? { blocking: r.blocking, warning: r.warning ?? 0 } : null, current: r.generation >= (await checkGeneration(db)) };
}

/** Stores the story's counts as current (null: they could not be counted). */
export async function setFindingCounts(db: Db, storyId: Id, counts: FindingCounts | null): Promise<void> {
  await db.run(
    `UPDATE stories SET findings_blocking = ?, findings_warning = ?, findings_generation = ? WHERE id = ?`,
    counts?.blocking ?? null,
    counts?.warning ?? null,
    await checkGeneration(db),
    storyId,
  );
}

/**
 * Statuses whose stories the desk still works on: their counts are kept; others are counted when
 * they return. Spelled as in the partial index (SQLite's migration 005, PostgreSQL's 001), so the
 * query can use it; SQLite is told to (INDEXED BY, which PostgreSQL has no word for).
 */
const ACTIVE = `('draft', 'submitted', 'editing', 'approved', 'scheduled')`;

/** Up to `limit` stories in the workflow whose counts are not current, newest of the latest generation first. */
export async function uncountedStoryIds(db: Db, limit: number): Promise<Id[]> {
  return (
    (await db.all(
      `SELECT id FROM stories ${dialectSql(db, { sqlite: 'INDEXED BY stories_findings_generation', postgres: '' })}
       WHERE findings_generation < ? AND status IN ${ACTIVE} ORDER BY findings_generation DESC, id DESC LIMIT ?`,
      await checkGeneration(db),
      limit,
    )) as { id: Id }[]
  ).map((r) => r.id);
}
