// Applied keys (migration 008): the saveId or clientId a person's client sent with a change,
// recorded in the change's own transaction with its outcome, so a repeat is answered from here.

import type { Id } from '../shared/domain.js';
import type { Db } from './sql.js';

export type KeyedMethod = 'stories.save' | 'stories.create';

export interface AppliedKey {
  method: KeyedMethod;
  storyId: Id;
  /** What the core answered, as the core wrote it (JSON). */
  outcome: unknown;
  appliedAt: string;
}

/** What `staffId`'s `key` did, or null when it was never applied (or pruned). */
export async function findAppliedKey(db: Db, staffId: Id, key: string): Promise<AppliedKey | null> {
  const row = (await db.get(
    `SELECT method, story_id AS "storyId", outcome, applied_at AS "appliedAt" FROM applied_keys WHERE staff_id = ? AND key = ?`,
    staffId,
    key,
  )) as (Omit<AppliedKey, 'outcome'> & { outcome: string }) | undefined;
  return row ? { ...row, outcome: JSON.parse(row.outcome) as unknown } : null;
}

/** Records a key as applied; fails if the person already applied it (the core looks first, in the same transaction). */
export async function insertAppliedKey(db: Db, k: { staffId: Id; key: string; method: KeyedMethod; storyId: Id; outcome: unknown; at: string }): Promise<void> {
  await db.run(
    `INSERT INTO applied_keys (staff_id, key, method, story_id, outcome, applied_at) VALUES (?, ?, ?, ?, ?, ?)`,
    k.staffId,
    k.key,
    k.method,
    k.storyId,
    JSON.stringify(k.outcome),
    k.at,
  );
}

/** Forgets keys applied before `before`; returns how many. */
export async function pruneAppliedKeys(db: Db, before: string): Promise<number> {
  return (await db.run(`DELETE FROM applied_keys WHERE applied_at < ?`, before)).changes;
}
