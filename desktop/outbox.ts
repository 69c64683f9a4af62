// The outbox: changes made on this computer that the server has not acknowledged yet. Every step
// is one SQLite transaction in desktop.db; an entry leaves only once the server answered it.
// Consecutive saves of one story merge into its last entry that has not started sending (keeping
// the version they were based on and their saveId, so a resend is applied once); saves of a story
// created offline merge into its create while that waits. A photo imported offline keeps its
// bytes in a file beside desktop.db until the server has it.

import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Input, ParsedInput } from '../shared/contract.js';
import type { OutboxEntry, OutboxKind, OutboxState } from '../shared/domain.js';
import {
  countWaitingRows,
  deleteOutboxRow,
  getOutboxRow,
  inTransaction,
  insertOutboxRow,
  lastTextRowOfStory,
  listOutboxRows,
  nextOutboxRow,
  outboxOwners,
  outboxStoryIds,
  rebaseWaitingSaves,
  serverIdOf,
  setOutboxLocalId,
  setOutboxState,
  setStoryOfLocal,
  updateOutboxPayload,
  type Db,
  type OutboxRow,
} from '../db/desktop/index.js';
import { fsyncDir, fsyncFile } from '../core/durable.js';

/** Ids this computer gives stories created offline: far above any id a newsroom reaches. */
export const LOCAL_ID_BASE = 1_000_000_000_000;
export const isLocalId = (id: number): boolean => id >= LOCAL_ID_BASE;

export const OUTBOX_FILES = 'outbox-files';

export type SaveChanges = ParsedInput<'stories.save'>['changes'];
export type CreateInput = Omit<ParsedInput<'stories.create'>, 'clientId'>;

export type OutboxPayload = { kind: 'save'; changes: SaveChanges } | { kind: 'create'; input: CreateInput } | { kind: 'photo'; name: string; file: string };

/** An entry read back with its payload; a row whose payload cannot be read was set aside instead. */
export interface PendingEntry {
  row: OutboxRow;
  payload: OutboxPayload;
}

export const WAITING_REASON = 'Waiting for the newsroom server.';
export const DAMAGED_REASON =
  'This change was only half written when the computer stopped (a power cut or a crash) and could not be read back; it was set aside so the rest could be sent.';

function parsePayload(row: OutboxRow): OutboxPayload | null {
  try {
    const value = JSON.parse(row.payload) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') return null;
    if (row.kind === 'save' && value.changes && typeof value.changes === 'object') return { kind: 'save', changes: value.changes as SaveChanges };
    if (row.kind === 'create' && value.input && typeof value.input === 'object' && typeof (value.input as { desk?: unknown }).desk === 'string')
      return { kind: 'create', input: value.input as CreateInput };
    if (row.kind === 'photo' && typeof value.name === 'string' && typeof value.file === 'string' && !value.file.includes('/') && !value.file.includes('\\'))
      return { kind: 'photo', name: value.name, file: value.file };
    return null;
  } catch {
    return null;
  }
}

function titleOf(headline: string | undefined, fallback: string): string {
  const text = (headline ?? '').trim();
  return text === '' ? fallback : text.slice(0, 200);
}

export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  private at(): string {
    return this.now().toISOString();
  }

  /** The server's id of a story, for a local id whose create arrived; the id itself otherwise. */
  serverId(id: number): number | null {
    if (!isLocalId(id)) return id;
    return serverIdOf(this.db, id);
  }

  /**
   * Queues a save. Merged into the story's last entry when that one waits and was never sent (its
   * base version and saveId kept, the new text over the old); a story created offline and not yet
   * sent takes the text into its create.
   */
  queueSave(input: ParsedInput<'stories.save'>, ownerId: number, title: string): { row: OutboxRow; merged: boolean } {
    return inTransaction(this.db, () => {
      const at = this.at();
      const last = lastTextRowOfStory(this.db, input.id);
      // Only into an entry never sent: one sent before may already be applied on the server under
      // its saveId or clientId, and text merged into it now would be answered as applied and lost.
      if (last && last.state === 'waiting' && last.attempts === 0) {
        const payload = parsePayload(last);
        if (payload?.kind === 'save') {
          const changes = { ...payload.changes, ...input.changes };
          updateOutboxPayload(this.db, last.id, JSON.stringify({ changes }), titleOf(changes.headline, title), at);
          return { row: getOutboxRow(this.db, last.id)!, merged: true };
        }
        if (payload?.kind === 'create') {
          const { byline: _byline, ...text } = input.changes;
          const created = { ...payload.input, ...text };
          updateOutboxPayload(this.db, last.id, JSON.stringify({ input: created }), titleOf(created.headline, title), at);
          return { row: getOutboxRow(this.db, last.id)!, merged: true };
        }
      }
      const local = isLocalId(input.id);
      const storyId = local ? serverIdOf(this.db, input.id) : input.id;
      const id = insertOutboxRow(this.db, {
        kind: 'save',
        owner_id: ownerId,
        story_id: storyId,
        client_id: null,
        local_id: local ? input.id : null,
        save_id: randomUUID(),
        title: titleOf(input.changes.headline, title),
        state: 'waiting',
        reason: WAITING_REASON,
        base_version: input.baseVersion,
        payload: JSON.stringify({ changes: input.changes }),
        created_at: at,
      });
      return { row: getOutboxRow(this.db, id)!, merged: false };
    });
  }

  /** Queues a new story; it gets a local id (for the renderer) and a clientId (so the server makes it once). */
  queueCreate(input: ParsedInput<'stories.create'>, ownerId: number): OutboxRow {
    return inTransaction(this.db, () => {
      const { clientId, ...rest } = input;
      const id = insertOutboxRow(this.db, {
        kind: 'create',
        owner_id: ownerId,
        story_id: null,
        client_id: clientId ?? randomUUID(),
        local_id: null,
        save_id: null,
        title: titleOf(rest.headline, 'Untitled story'),
        state: 'waiting',
        reason: WAITING_REASON,
        base_version: null,
        payload: JSON.stringify({ input: rest }),
        created_at: this.at(),
      });
      setOutboxLocalId(this.db, id, LOCAL_ID_BASE + id);
      return getOutboxRow(this.db, id)!;
    });
  }

  /** Queues a photo: its bytes are on disk (synced) before the entry that points at them is written. */
  async queuePhoto(name: string, data: Uint8Array, ownerId: number): Promise<OutboxRow> {
    const dir = path.join(this.dataDir, OUTBOX_FILES);
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    const file = `${randomUUID()}.bin`;
    const full = path.join(dir, file);
    await fsp.writeFile(full, data, { mode: 0o600 });
    await fsyncFile(full);
    await fsyncDir(dir);
    return inTransaction(this.db, () => {
      const id = insertOutboxRow(this.db, {
        kind: 'photo',
        owner_id: ownerId,
        story_id: null,
        client_id: null,
        local_id: null,
        save_id: null,
        title: name.slice(0, 200),
        state: 'waiting',
        reason: WAITING_REASON,
        base_version: null,
        payload: JSON.stringify({ name, file }),
        created_at: this.at(),
      });
      return getOutboxRow(this.db, id)!;
    });
  }

  photoFile(file: string): string {
    return path.join(this.dataDir, OUTBOX_FILES, file);
  }

  /** Sets aside a row whose payload cannot be read, so it never stops the others. */
  private setAside(row: OutboxRow): void {
    setOutboxState(this.db, row.id, 'kept', DAMAGED_REASON, this.at());
  }

  /** The oldest entry to send, with its payload; damaged rows met on the way are set aside. */
  next(): PendingEntry | null {
    for (;;) {
      const row = nextOutboxRow(this.db);
      if (!row) return null;
      const payload = parsePayload(row);
      if (payload) return { row, payload };
      inTransaction(this.db, () => this.setAside(row));
    }
  }

  get(id: number): PendingEntry | null {
    const row = getOutboxRow(this.db, id);
    if (!row) return null;
    const payload = parsePayload(row);
    return payload ? { row, payload } : null;
  }

  /** The waiting save or create of a story, for showing its queued text over the server's. */
  pendingText(storyId: number): PendingEntry | null {
    const row = lastTextRowOfStory(this.db, storyId);
    if (!row || (row.state !== 'waiting' && row.state !== 'sending')) return null;
    const payload = parsePayload(row);
    return payload ? { row, payload } : null;
  }

  markSending(id: number): void {
    inTransaction(this.db, () => setOutboxState(this.db, id, 'sending', 'Sending to the newsroom server…', this.at(), { attempt: true }));
  }

  /** Back to waiting after a failed attempt (the server could not be reached, or answered with a fault). */
  markWaiting(id: number, reason: string): void {
    inTransaction(this.db, () => setOutboxState(this.db, id, 'waiting', reason, this.at()));
  }

  /** The server refused the entry for good: kept here for the person to decide. */
  markRefused(id: number, state: Extract<OutboxState, 'conflict' | 'kept'>, reason: string, revisionId: number | null): void {
    inTransaction(this.db, () => setOutboxState(this.db, id, state, reason, this.at(), { revisionId }));
  }

  /** The server has it: the entry leaves (with `also`, the copy's update, in the same transaction). */
  acknowledge(id: number, also: () => void = () => undefined): void {
    inTransaction(this.db, () => {
      also();
      deleteOutboxRow(this.db, id);
    });
  }

  /** A story created offline arrived: later entries of it (and the copy) learn its server id. */
  storyArrived(localId: number, serverId: number): void {
    setStoryOfLocal(this.db, localId, serverId);
  }

  /**
   * The server made version `to` of a story from a text this computer had as one of `from`: later
   * saves based on that text are based on `to` now. Kept in the outbox itself (not only in memory),
   * so a restart between two entries of one story does not turn the second into a false conflict.
   */
  rebase(storyId: number, from: number[], to: number): void {
    rebaseWaitingSaves(this.db, storyId, from, to);
  }

  /** A photo's file, once its entry is gone. */
  async removeFile(file: string): Promise<void> {
    await fsp.rm(this.photoFile(file), { force: true });
  }

  discard(id: number): OutboxRow | null {
    return inTransaction(this.db, () => {
      const row = getOutboxRow(this.db, id);
      if (row) deleteOutboxRow(this.db, id);
      return row;
    });
  }

  waiting(): number {
    return countWaitingRows(this.db);
  }

  owners(): number[] {
    return outboxOwners(this.db);
  }

  storyIds(): number[] {
    return outboxStoryIds(this.db);
  }

  /** Every entry as the person sees it, oldest first. */
  entries(): OutboxEntry[] {
    const rows = listOutboxRows(this.db);
    const damaged = rows.filter((row) => (row.state === 'waiting' || row.state === 'sending') && parsePayload(row) === null);
    if (damaged.length > 0) inTransaction(this.db, () => damaged.forEach((row) => this.setAside(row)));
    return (damaged.length > 0 ? listOutboxRows(this.db) : rows).map(entryOf);
  }
}

function entryOf(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    kind: row.kind as OutboxKind,
    storyId: row.story_id ?? (row.kind === 'create' ? null : row.local_id),
    clientId: row.client_id,
    title: row.title,
    state: row.state,
    reason: row.reason,
    baseVersion: row.base_version,
    revisionId: row.revision_id,
    text: null,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type PhotoImportInput = Input<'photos.import'>;
