// Audit events: who did what to a story, when, from which status to which, with what note.

import type { AuditEvent, AuditEventKind, Id, Status } from '../shared/domain.js';
import type { Db } from './sql.js';

export interface NewAuditEvent {
  storyId: Id | null;
  actorId: Id;
  event: AuditEventKind;
  from?: Status | null;
  to?: Status | null;
  note?: string | null;
  details?: unknown;
  at: string;
}

export async function insertAuditEvent(db: Db, e: NewAuditEvent): Promise<Id> {
  return Number(
    await db.value(
      `INSERT INTO audit_events (story_id, actor_id, event, from_status, to_status, note, details, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      e.storyId,
      e.actorId,
      e.event,
      e.from ?? null,
      e.to ?? null,
      e.note ?? null,
      e.details === undefined ? null : JSON.stringify(e.details),
      e.at,
    ),
  );
}

interface AuditRow {
  id: number;
  story_id: number;
  actor_id: number;
  actor_name: string;
  event: AuditEventKind;
  from_status: Status | null;
  to_status: Status | null;
  note: string | null;
  details: string | null;
  at: string;
}

/** An audit event with what the core recorded with it (a published version, a photo's before and after), as written. */
export interface AuditRecord extends AuditEvent {
  details: unknown;
}

function parseDetails(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The story's audit events, oldest first, with their details. */
export async function listAuditRecords(db: Db, storyId: Id): Promise<AuditRecord[]> {
  const rows = (await db.all(
    `SELECT a.id, a.story_id, a.actor_id, s.name AS actor_name, a.event, a.from_status, a.to_status, a.note, a.details, a.at
     FROM audit_events a JOIN staff s ON s.id = a.actor_id WHERE a.story_id = ? ORDER BY a.id`,
    storyId,
  )) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    storyId: r.story_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    event: r.event,
    from: r.from_status,
    to: r.to_status,
    note: r.note,
    at: r.at,
    details: parseDetails(r.details),
  }));
}

/** The story's audit events, oldest first. */
export async function listAuditEvents(db: Db, storyId: Id): Promise<AuditEvent[]> {
  return (await listAuditRecords(db, storyId)).map(({ details: _details, ...event }) => event);
}
