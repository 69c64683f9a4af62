// Failed sign-in attempts per key (migration 007): 'account:<e-mail>' or 'address:<ip>'. The
// rule (how long a key waits, when it is forgotten) is the core's (core/staff/throttle.ts).

import type { Db } from './sql.js';

export interface ThrottleRecord {
  failures: number;
  lastFailureAt: string;
}

export async function getThrottle(db: Db, key: string): Promise<ThrottleRecord | null> {
  return ((await db.get(`SELECT failures, last_failure_at AS "lastFailureAt" FROM sign_in_throttle WHERE key = ?`, key)) as ThrottleRecord | undefined) ?? null;
}

export async function setThrottle(db: Db, key: string, record: ThrottleRecord): Promise<void> {
  await db.run(
    `INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
    key,
    record.failures,
    record.lastFailureAt,
  );
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.run(`DELETE FROM sign_in_throttle WHERE key = ?`, key);
}

/** Removes keys whose last failure is before `before` (the core's forgetting, in bulk). */
export async function forgetThrottlesBefore(db: Db, before: string): Promise<number> {
  return (await db.run(`DELETE FROM sign_in_throttle WHERE last_failure_at < ?`, before)).changes;
}
