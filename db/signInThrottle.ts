// Failed sign-in attempts per key (migration 007): 'account:<e-mail>' or 'address:<ip>'. The
// rule (how long a key waits, when it is forgotten) is the core's (core/staff/throttle.ts).

import { stmt, type Db } from './statements.js';

export interface ThrottleRecord {
  failures: number;
  lastFailureAt: string;
}

export function getThrottle(db: Db, key: string): ThrottleRecord | null {
  return (stmt(db, `SELECT failures, last_failure_at AS lastFailureAt FROM sign_in_throttle WHERE key = ?`).get(key) as ThrottleRecord | undefined) ?? null;
}

export function setThrottle(db: Db, key: string, record: ThrottleRecord): void {
  stmt(
    db,
    `INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
  ).run(key, record.failures, record.lastFailureAt);
}

export function clearThrottle(db: Db, key: string): void {
  stmt(db, `DELETE FROM sign_in_throttle WHERE key = ?`).run(key);
}

/** Removes keys whose last failure is before `before` (the core's forgetting, in bulk). */
export function forgetThrottlesBefore(db: Db, before: string): number {
  return stmt(db, `DELETE FROM sign_in_throttle WHERE last_failure_at < ?`).run(before).changes;
}
