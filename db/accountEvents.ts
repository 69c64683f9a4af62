// The account log (migration 007): sign-ins, failures, sign-outs, ended sessions, passwords.

import type { AccountEvent, AccountEventKind, Id } from '../shared/domain.js';
import type { Db } from './sql.js';

export interface NewAccountEvent {
  staffId: Id | null;
  actorId?: Id | null;
  event: AccountEventKind;
  email?: string | null;
  address?: string | null;
  device?: string | null;
  note?: string | null;
  at: string;
}

export async function insertAccountEvent(db: Db, e: NewAccountEvent): Promise<Id> {
  return Number(
    await db.value(
      `INSERT INTO account_events (staff_id, actor_id, event, email, address, device, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      e.staffId,
      e.actorId ?? null,
      e.event,
      e.email ?? null,
      e.address ?? null,
      e.device ?? null,
      e.note ?? null,
      e.at,
    ),
  );
}

/** Newest first; `beforeId` continues a page; `staffId` narrows to one account. (The casts type the parameters for PostgreSQL.) */
export async function listAccountEvents(db: Db, opts: { staffId?: Id | undefined; beforeId?: Id | undefined; limit: number }): Promise<AccountEvent[]> {
  return (await db.all(
    `SELECT e.id, e.staff_id AS "staffId", s.name AS "staffName", e.actor_id AS "actorId", e.event, e.email, e.address, e.device, e.note, e.at
     FROM account_events e LEFT JOIN staff s ON s.id = e.staff_id
     WHERE (CAST(@staffId AS bigint) IS NULL OR e.staff_id = @staffId) AND (CAST(@beforeId AS bigint) IS NULL OR e.id < @beforeId)
     ORDER BY e.id DESC LIMIT @limit`,
    { staffId: opts.staffId ?? null, beforeId: opts.beforeId ?? null, limit: opts.limit },
  )) as AccountEvent[];
}

/** Whether the person signed in from `address` since `since`: a computer they use, which someone guessing elsewhere must not slow down. */
export async function signedInFrom(db: Db, staffId: Id, address: string, since: string): Promise<boolean> {
  return (
    (await db.get(
      `SELECT 1 FROM account_events WHERE staff_id = ? AND event = 'signIn' AND address = ? AND at >= ? ORDER BY id DESC LIMIT 1`,
      staffId,
      address,
      since,
    )) !== undefined
  );
}
