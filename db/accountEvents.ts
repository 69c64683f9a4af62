// The account log (migration 007): sign-ins, failures, sign-outs, ended sessions, passwords.

import type { AccountEvent, AccountEventKind, Id } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';

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

export function insertAccountEvent(db: Db, e: NewAccountEvent): Id {
  return Number(
    stmt(db, `INSERT INTO account_events (staff_id, actor_id, event, email, address, device, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      e.staffId,
      e.actorId ?? null,
      e.event,
      e.email ?? null,
      e.address ?? null,
      e.device ?? null,
      e.note ?? null,
      e.at,
    ).lastInsertRowid,
  );
}

/** Newest first; `beforeId` continues a page; `staffId` narrows to one account. */
export function listAccountEvents(db: Db, opts: { staffId?: Id | undefined; beforeId?: Id | undefined; limit: number }): AccountEvent[] {
  return stmt(
    db,
    `SELECT e.id, e.staff_id AS staffId, s.name AS staffName, e.actor_id AS actorId, e.event, e.email, e.address, e.device, e.note, e.at
     FROM account_events e LEFT JOIN staff s ON s.id = e.staff_id
     WHERE (@staffId IS NULL OR e.staff_id = @staffId) AND (@beforeId IS NULL OR e.id < @beforeId)
     ORDER BY e.id DESC LIMIT @limit`,
  ).all({ staffId: opts.staffId ?? null, beforeId: opts.beforeId ?? null, limit: opts.limit }) as AccountEvent[];
}
