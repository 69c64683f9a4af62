// The outbox's rows: what waits to be sent, in the order it was made.

import { stmt, type SqliteDb as Db } from '../sqlite/statements.js';

export type OutboxRowKind = 'create' | 'save' | 'photo';
export type OutboxRowState = 'waiting' | 'sending' | 'conflict' | 'kept';

export interface OutboxRow {
  id: number;
  kind: OutboxRowKind;
  owner_id: number;
  story_id: number | null;
  client_id: string | null;
  local_id: number | null;
  save_id: string | null;
  title: string;
  state: OutboxRowState;
  reason: string;
  base_version: number | null;
  revision_id: number | null;
  attempts: number;
  payload: string;
  created_at: string;
  updated_at: string;
}

export type NewOutboxRow = Omit<OutboxRow, 'id' | 'revision_id' | 'attempts' | 'updated_at'>;

const COLUMNS = `id, kind, owner_id, story_id, client_id, local_id, save_id, title, state, reason, base_version, revision_id, attempts, payload, created_at, updated_at`;

export function insertOutboxRow(db: Db, row: NewOutboxRow): number {
  return Number(
    stmt(
      db,
      `INSERT INTO outbox (kind, owner_id, story_id, client_id, local_id, save_id, title, state, reason, base_version, payload, created_at, updated_at)
       VALUES (@kind, @owner_id, @story_id, @client_id, @local_id, @save_id, @title, @state, @reason, @base_version, @payload, @created_at, @created_at)`,
    ).run(row).lastInsertRowid,
  );
}

export function setOutboxLocalId(db: Db, id: number, localId: number): void {
  stmt(db, `UPDATE outbox SET local_id = ? WHERE id = ?`).run(localId, id);
}

export function getOutboxRow(db: Db, id: number): OutboxRow | null {
  return (stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as OutboxRow | undefined) ?? null;
}

export function listOutboxRows(db: Db): OutboxRow[] {
  return stmt(db, `SELECT ${COLUMNS} FROM outbox ORDER BY id`).all() as OutboxRow[];
}

/** The oldest entry still to send (waiting or interrupted while sending). */
export function nextOutboxRow(db: Db): OutboxRow | null {
  return (stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE state IN ('waiting', 'sending') ORDER BY id LIMIT 1`).get() as OutboxRow | undefined) ?? null;
}

export function countWaitingRows(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n FROM outbox WHERE state IN ('waiting', 'sending')`).get() as { n: number }).n;
}

/** Whose entries are in the outbox at all (waiting or kept aside). */
export function outboxOwners(db: Db): number[] {
  return (stmt(db, `SELECT DISTINCT owner_id FROM outbox`).all() as { owner_id: number }[]).map((r) => r.owner_id);
}

/** The newest text entry (create or save) of a story, by its server id or the local id of an offline create. */
export function lastTextRowOfStory(db: Db, storyId: number): OutboxRow | null {
  return (
    (stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE kind IN ('create', 'save') AND (story_id = ? OR local_id = ?) ORDER BY id DESC LIMIT 1`).get(storyId, storyId) as
      OutboxRow | undefined) ?? null
  );
}

export function updateOutboxPayload(db: Db, id: number, payload: string, title: string, at: string): void {
  stmt(db, `UPDATE outbox SET payload = ?, title = ?, updated_at = ? WHERE id = ?`).run(payload, title, at, id);
}

export function setOutboxState(
  db: Db,
  id: number,
  state: OutboxRowState,
  reason: string,
  at: string,
  extra: { revisionId?: number | null; attempt?: boolean } = {},
): void {
  stmt(db, `UPDATE outbox SET state = ?, reason = ?, updated_at = ?, revision_id = coalesce(?, revision_id), attempts = attempts + ? WHERE id = ?`).run(
    state,
    reason,
    at,
    extra.revisionId ?? null,
    extra.attempt ? 1 : 0,
    id,
  );
}

/** Saves still to send of a story, based on one of `from`, are based on `to` now. */
export function rebaseWaitingSaves(db: Db, storyId: number, from: number[], to: number): void {
  const update = stmt(db, `UPDATE outbox SET base_version = ? WHERE kind = 'save' AND state IN ('waiting', 'sending') AND story_id = ? AND base_version = ?`);
  for (const version of new Set(from)) if (version !== to) update.run(to, storyId, version);
}

/** Later entries of a story created offline learn its server id once it arrived. */
export function setStoryOfLocal(db: Db, localId: number, storyId: number): void {
  stmt(db, `UPDATE outbox SET story_id = ? WHERE local_id = ? AND story_id IS NULL`).run(storyId, localId);
}

export function deleteOutboxRow(db: Db, id: number): void {
  stmt(db, `DELETE FROM outbox WHERE id = ?`).run(id);
}

/** Story ids with an entry in the outbox (kept in the offline copy whatever its age). */
export function outboxStoryIds(db: Db): number[] {
  return (stmt(db, `SELECT DISTINCT coalesce(story_id, local_id) AS id FROM outbox WHERE coalesce(story_id, local_id) IS NOT NULL`).all() as { id: number }[]).map(
    (r) => r.id,
  );
}
