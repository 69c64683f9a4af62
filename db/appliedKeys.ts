// Applied keys (migration 008): the saveId or clientId a person's client sent with a change,
// recorded in the change's own transaction with its outcome, so a repeat is answered from here.

import type { Id } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';

export type KeyedMethod = 'stories.save' | 'stories.create';

export interface AppliedKey {
  method: KeyedMethod;
  storyId: Id;
  /** What the core answered, as the core wrote it (JSON). */
  outcome: unknown;
  appliedAt: string;
}

/** What `staffId`'s `key` did, or null when it was never applied (or pruned). */
export function findAppliedKey(db: Db, staffId: Id, key: string): AppliedKey | null {
  const row = stmt(db, `SELECT method, story_id AS storyId, outcome, applied_at AS appliedAt FROM applied_keys WHERE staff_id = ? AND key = ?`).get(staffId, key) as
    (Omit<AppliedKey, 'outcome'> & { outcome: string }) | undefined;
  return row ? { ...row, outcome: JSON.parse(row.outcome) as unknown } : null;
}

/** Records a key as applied; fails if the person already applied it (the core looks first, in the same transaction). */
export function insertAppliedKey(db: Db, k: { staffId: Id; key: string; method: KeyedMethod; storyId: Id; outcome: unknown; at: string }): void {
  stmt(db, `INSERT INTO applied_keys (staff_id, key, method, story_id, outcome, applied_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    k.staffId,
    k.key,
    k.method,
    k.storyId,
    JSON.stringify(k.outcome),
    k.at,
  );
}

/** Forgets keys applied before `before`; returns how many. */
export function pruneAppliedKeys(db: Db, before: string): number {
  return stmt(db, `DELETE FROM applied_keys WHERE applied_at < ?`).run(before).changes;
}
