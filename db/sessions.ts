// Sessions (migration 007): one row per sign-in, found by the SHA-256 of its token. A session is
// live while it has not ended and its expires_at (the earlier of the idle and the absolute limit,
// computed by the core) is still ahead.

import type { Id, Staff } from '../shared/domain.js';
import type { Db } from './sql.js';
import { staffColumns, toStaff, type StaffRow } from './staff.js';

/** 'desktop': a desktop app's device session (migration 008), which has longer limits; 'browser': any other. */
export type SessionKind = 'browser' | 'desktop';

export type SessionEndReason = 'signOut' | 'ended' | 'expired' | 'passwordChanged' | 'passwordReset' | 'deactivated';

export interface SessionRecord {
  id: Id;
  staffId: Id;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  device: string;
  address: string | null;
  endedAt: string | null;
  endReason: SessionEndReason | null;
  kind: SessionKind;
}

const SESSION_SELECT = `SELECT id, staff_id AS "staffId", created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt",
  device, address, ended_at AS "endedAt", end_reason AS "endReason", kind FROM sessions`;

export async function insertSession(
  db: Db,
  s: { tokenHash: Buffer; staffId: Id; at: string; expiresAt: string; device: string; address: string | null; kind: SessionKind },
): Promise<Id> {
  return Number(
    await db.value(
      `INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, device, address, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      s.tokenHash,
      s.staffId,
      s.at,
      s.at,
      s.expiresAt,
      s.device,
      s.address,
      s.kind,
    ),
  );
}

/** The live session whose token hashes to `tokenHash` at `now`, or null (unknown, ended or expired). */
export async function findLiveSession(db: Db, tokenHash: Buffer, now: string): Promise<SessionRecord | null> {
  return ((await db.get(`${SESSION_SELECT} WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?`, tokenHash, now)) as SessionRecord | undefined) ?? null;
}

/**
 * The live session of `tokenHash` at `now` with its staff member, in one statement (every API
 * call asks it first), or null.
 */
export async function findLiveSessionWithStaff(db: Db, tokenHash: Buffer, now: string): Promise<{ session: SessionRecord; staff: Staff } | null> {
  const row = (await db.get(
    `SELECT ${staffColumns(db)}, ss.id AS session_id, ss.created_at AS session_created_at, ss.last_seen_at, ss.expires_at AS session_expires_at,
       ss.device, ss.address, ss.kind
     FROM sessions ss JOIN staff s ON s.id = ss.staff_id
     WHERE ss.token_hash = ? AND ss.ended_at IS NULL AND ss.expires_at > ?`,
    tokenHash,
    now,
  )) as
    | (StaffRow & {
        session_id: Id;
        session_created_at: string;
        last_seen_at: string;
        session_expires_at: string;
        device: string;
        address: string | null;
        kind: SessionKind;
      })
    | undefined;
  if (!row) return null;
  const session: SessionRecord = {
    id: row.session_id,
    staffId: row.id,
    createdAt: row.session_created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.session_expires_at,
    device: row.device,
    address: row.address,
    endedAt: null,
    endReason: null,
    kind: row.kind,
  };
  return { session, staff: toStaff(row) };
}

export async function getSession(db: Db, id: Id): Promise<SessionRecord | null> {
  return ((await db.get(`${SESSION_SELECT} WHERE id = ?`, id)) as SessionRecord | undefined) ?? null;
}

/** Records that the session was used at `at`, and the expiry that follows. */
export async function touchSession(db: Db, id: Id, at: string, expiresAt: string): Promise<void> {
  await db.run(`UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ? AND ended_at IS NULL`, at, expiresAt, id);
}

/** A person's live sessions at `now`, newest first. */
export async function listLiveSessions(db: Db, staffId: Id, now: string): Promise<SessionRecord[]> {
  return (await db.all(`${SESSION_SELECT} WHERE staff_id = ? AND ended_at IS NULL AND expires_at > ? ORDER BY id DESC`, staffId, now)) as SessionRecord[];
}

/** Every session of a person not ended yet (live or expired and not yet swept). */
export async function unendedSessionIds(db: Db, staffId: Id): Promise<Id[]> {
  return (await db.column(`SELECT id FROM sessions WHERE staff_id = ? AND ended_at IS NULL ORDER BY id`, staffId)) as Id[];
}

/** Sessions past their expiry that nobody has ended yet (for the sweeper). */
export async function expiredUnendedSessions(db: Db, now: string, limit = 500): Promise<SessionRecord[]> {
  return (await db.all(`${SESSION_SELECT} WHERE ended_at IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?`, now, limit)) as SessionRecord[];
}

/** Ends a session; false when it had already ended. */
export async function endSessionRecord(db: Db, id: Id, at: string, reason: SessionEndReason): Promise<boolean> {
  return (await db.run(`UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL`, at, reason, id)).changes > 0;
}
