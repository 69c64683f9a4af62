// Sending the outbox: oldest entry first, one at a time, so a story's create arrives before its
// saves and a story's saves in the order they were made. An entry is marked as sending before it
// goes and leaves only when the server answered; killed at any instant, the next start sends it
// again with the same saveId or clientId, which the server applies once (a photo, by its content
// hash). What the server answers decides what becomes of it:
//   the result           → gone from the outbox, the copy updated
//   CONFLICT, LOCKED, FORBIDDEN (a save) → 'conflict': the server kept the text as a revision
//   NOT_FOUND, INVALID_STATE, VALIDATION → 'kept': the text stays here to copy or resubmit
//   UNAUTHENTICATED      → stop, keep everything, ask the person to sign in
//   unreachable, a fault → stop, try again later (with back-off)

import { promises as fsp } from 'node:fs';
import type { Result } from '../shared/contract.js';
import type { Staff } from '../shared/domain.js';
import { ApiError } from '../shared/errors.js';
import { backoffDelay } from '../shared/eventStream.js';
import type { OfflineCopy, StoryAnswer } from './offlineCopy.js';
import { type Outbox, type PendingEntry, WAITING_REASON } from './outbox.js';
import type { RemoteClient } from './remoteClient.js';

export type Outcome = { kind: 'sent'; result: unknown } | { kind: 'refused'; error: ApiError } | { kind: 'waiting'; error: ApiError | null };

export interface ReplayProgress {
  done: number;
  total: number;
}

export interface ReplayDeps {
  outbox: Outbox;
  copy: OfflineCopy;
  /** The server, when this desktop may send now (online, signed in, certificate trusted); else null. */
  remote(): RemoteClient | null;
  person(): Staff | null;
  onProgress(progress: ReplayProgress | null): void;
  /** The server refused the device session: stop and ask the person to sign in. */
  onUnauthenticated(error: ApiError): void;
  /** The server could not be reached. */
  onUnreachable(error: ApiError): void;
  /** The server acknowledged an entry (the story it saved or created). */
  onSent(entry: PendingEntry, result: unknown): void;
  random?: () => number;
}

/**
 * Which server version a text the renderer still holds as version `from` stands for: after the
 * outbox sent it, the server's copy of that text is a newer version, and the editor's next save
 * (based on what it had) is that text, not a conflict with it.
 */
export class VersionFixups {
  private readonly map = new Map<number, Map<number, number>>();

  translate(storyId: number, version: number): number {
    return this.map.get(storyId)?.get(version) ?? version;
  }

  record(storyId: number, from: number[], to: number): void {
    let versions = this.map.get(storyId);
    if (!versions) this.map.set(storyId, (versions = new Map()));
    for (const [k, v] of versions) if (from.includes(v)) versions.set(k, to);
    for (const f of from) if (f !== to) versions.set(f, to);
  }
}

/** The version an offline-created story has on this computer. */
export const LOCAL_STORY_VERSION = 1;

type Verdict = 'conflict' | 'kept' | 'unauthenticated' | 'unreachable' | 'retry';

function verdictOf(error: ApiError, kind: PendingEntry['payload']['kind']): Verdict {
  switch (error.code) {
    case 'OFFLINE':
    case 'UNTRUSTED_CERTIFICATE':
      return 'unreachable';
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'CONFLICT':
    case 'LOCKED':
      return kind === 'save' ? 'conflict' : 'kept';
    case 'FORBIDDEN':
      return kind === 'save' ? 'conflict' : 'kept';
    case 'NOT_FOUND':
    case 'INVALID_STATE':
    case 'VALIDATION':
      return 'kept';
    default:
      return 'retry';
  }
}

function keptRevision(error: ApiError): number | null {
  const details = error.details as { revisionId?: unknown; keptAsRevision?: unknown } | undefined;
  const id = details?.revisionId ?? details?.keptAsRevision;
  return typeof id === 'number' ? id : null;
}

function refusalReason(error: ApiError, verdict: 'conflict' | 'kept', kind: PendingEntry['payload']['kind']): string {
  if (verdict === 'conflict') return `The story changed on the server while you worked offline: ${error.message} Open the story to compare the two texts.`;
  if (kind === 'photo') return `The server did not take this photo: ${error.message}`;
  if (error.code === 'NOT_FOUND')
    return 'The story was deleted on the server while you worked offline. Your text is kept here: copy it, or send it again as a new story.';
  if (error.code === 'INVALID_STATE')
    return `The server no longer takes changes to this story (${error.message}). Your text is kept here: copy it, or send it again as a new story.`;
  return `The server refused this change: ${error.message} Your text is kept here.`;
}

export class Replay {
  readonly fixups = new VersionFixups();
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private readonly waiters = new Map<number, ((outcome: Outcome) => void)[]>();
  private lastError: ApiError | null = null;
  private closed = false;

  constructor(private readonly deps: ReplayDeps) {}

  /** Sends what waits, unless a replay runs already (then it goes on to anything new). */
  run(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && !this.closed);
      } finally {
        this.running = null;
        this.deps.onProgress(null);
        // Whoever waited for an entry still in the outbox is told it waits.
        for (const [id, list] of [...this.waiters]) {
          if (this.deps.outbox.get(id)?.row.state === 'sending') continue;
          this.waiters.delete(id);
          for (const resolve of list) resolve({ kind: 'waiting', error: this.lastError });
        }
      }
    })();
    return this.running;
  }

  /** Sends the outbox up to and including entry `id`, and tells what became of it. */
  sendNow(id: number): Promise<Outcome> {
    const outcome = new Promise<Outcome>((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
    void this.run();
    return outcome;
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private settle(id: number, outcome: Outcome): void {
    const list = this.waiters.get(id);
    this.waiters.delete(id);
    for (const resolve of list ?? []) resolve(outcome);
  }

  private async drain(): Promise<void> {
    let done = 0;
    this.lastError = null;
    for (;;) {
      if (this.closed) return;
      const remote = this.deps.remote();
      if (!remote) return;
      const entry = this.deps.outbox.next();
      if (!entry) {
        this.failures = 0;
        return;
      }
      this.deps.onProgress({ done, total: done + this.deps.outbox.waiting() });
      this.deps.outbox.markSending(entry.row.id);
      let result: unknown;
      try {
        result = await this.send(remote, entry);
      } catch (thrown) {
        const error = thrown instanceof ApiError ? thrown : new ApiError('INTERNAL', thrown instanceof Error ? thrown.message : String(thrown));
        const verdict = verdictOf(error, entry.payload.kind);
        if (verdict === 'conflict' || verdict === 'kept') {
          this.deps.outbox.markRefused(entry.row.id, verdict, refusalReason(error, verdict, entry.payload.kind), keptRevision(error));
          this.settle(entry.row.id, { kind: 'refused', error });
          done += 1;
          continue;
        }
        this.lastError = error;
        this.deps.outbox.markWaiting(entry.row.id, verdict === 'unauthenticated' ? 'Waiting for you to sign in again.' : `${WAITING_REASON} ${error.message}`);
        this.settle(entry.row.id, { kind: 'waiting', error });
        if (verdict === 'unauthenticated') this.deps.onUnauthenticated(error);
        else if (verdict === 'unreachable') this.deps.onUnreachable(error);
        this.scheduleRetry();
        return;
      }
      this.failures = 0;
      this.settle(entry.row.id, { kind: 'sent', result });
      done += 1;
    }
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    const delay = backoffDelay(this.failures, this.deps.random);
    this.failures += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.run(), delay);
    this.retryTimer.unref?.();
  }

  private async send(remote: RemoteClient, entry: PendingEntry): Promise<unknown> {
    const { outbox, copy } = this.deps;
    const { row, payload } = entry;
    const person = this.deps.person();
    if (payload.kind === 'create') {
      const answer = (await remote.call('stories.create', { ...payload.input, clientId: row.client_id })) as Result<'stories.create'>;
      const localId = row.local_id!;
      const kept = copy.story(localId);
      const full: StoryAnswer = kept ? { ...kept, story: answer.story } : emptyAnswer(answer.story);
      outbox.acknowledge(row.id, () => {
        copy.storyArrived(localId, full, person);
        outbox.storyArrived(localId, answer.story.id);
      });
      this.fixups.record(answer.story.id, [LOCAL_STORY_VERSION], answer.story.version);
      this.deps.onSent(entry, answer);
      return answer;
    }
    if (payload.kind === 'save') {
      const storyId = row.story_id ?? (row.local_id !== null ? outbox.serverId(row.local_id) : null);
      if (storyId === null) throw new ApiError('NOT_FOUND', 'Its story was never created on the server.');
      const base = this.fixups.translate(storyId, row.base_version ?? 0);
      const answer = (await remote.call('stories.save', { id: storyId, baseVersion: base, changes: payload.changes, saveId: row.save_id })) as Result<'stories.save'>;
      outbox.acknowledge(row.id, () => copy.keepStoryOnly(answer.story, person));
      this.fixups.record(storyId, [row.base_version ?? 0, base], answer.story.version);
      this.deps.onSent(entry, answer);
      return answer;
    }
    const data = await fsp.readFile(outbox.photoFile(payload.file)).catch(() => null);
    if (data === null) throw new ApiError('VALIDATION', 'The photo’s file is no longer on this computer.');
    const answer = (await remote.call('photos.import', { files: [{ name: payload.name, data: new Uint8Array(data) }] })) as Result<'photos.import'>;
    const line = answer.results[0];
    if (line && !line.ok) throw new ApiError('VALIDATION', line.error ?? 'The photo was refused.');
    outbox.acknowledge(row.id);
    await outbox.removeFile(payload.file);
    this.deps.onSent(entry, answer);
    return answer;
  }
}

/** A story's answer when only the story itself is known (a create whose local copy is gone). */
export function emptyAnswer(story: StoryAnswer['story']): StoryAnswer {
  return {
    story,
    photos: [],
    comments: [],
    allowedActions: [],
    canEdit: true,
    canEditPhotos: false,
    photoEditors: { roles: [], people: [] },
    dismissals: [],
    canDismissFindings: false,
  };
}
