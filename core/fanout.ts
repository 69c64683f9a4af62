// Change events between the server processes of one newsroom on PostgreSQL. Each write
// announces what it changed with pg_notify inside its own transaction (core/write.ts), so the
// notification goes out with the commit and a rolled-back write tells nobody. It carries ids
// only, never content, and the sending process's id so it ignores its own; every other process
// reads the story's state again from the database and emits the event on its own bus, to its
// browsers and desktops. Notifications sent while a process's listening connection was away are
// lost: it then tells its clients to fetch everything again ('resync').

import { randomUUID } from 'node:crypto';
import { getStory, type Db, type PostgresSql } from '../db/index.js';
import type { ChangeEvent, Id, Settings } from '../shared/domain.js';
import { lockChanged, storyChanged } from './changeEvents.js';

export const EVENTS_CHANNEL = 'newsdesk_events';

/** What a notification says about one event: which kind, and the ids to read it back by. */
export type EventRef =
  | { t: 'story'; id: Id; photos?: true; findings?: 'counted' | 'dismissals' }
  | { t: 'lock'; id: Id }
  | { t: 'photos'; ids: Id[] }
  | { t: 'photo'; id: Id }
  | { t: 'staff'; id: Id }
  | { t: 'settings'; keys: (keyof Settings)[] };

interface Message {
  /** The sending process. */
  o: string;
  e: EventRef[];
}

/** PostgreSQL refuses a payload of 8000 bytes or more; messages stay well under it. */
const MAX_PAYLOAD = 7000;

/** The reference an event travels as; null for events that stay in their process. */
export function refOf(event: ChangeEvent): EventRef | null {
  switch (event.type) {
    case 'story.changed':
      return { t: 'story', id: event.storyId, ...(event.photos ? { photos: true as const } : {}), ...(event.findings ? { findings: event.findings } : {}) };
    case 'lock.changed':
      return { t: 'lock', id: event.storyId };
    case 'photo.imported':
      return { t: 'photos', ids: event.assetIds };
    case 'photo.changed':
      return { t: 'photo', id: event.assetId };
    case 'staff.changed':
      return { t: 'staff', id: event.staffId };
    case 'settings.changed':
      return { t: 'settings', keys: event.keys };
    case 'resync':
    case 'desktop.changed':
      return null;
  }
}

/** The payloads announcing `events`, each under PostgreSQL's limit (a long photo import may need several). */
export function payloadsOf(origin: string, events: readonly ChangeEvent[]): string[] {
  const refs: EventRef[] = [];
  for (const event of events) {
    const ref = refOf(event);
    if (ref?.t === 'photos') {
      // Split a long list of imported photos so each piece fits a payload on its own.
      for (let i = 0; i < ref.ids.length; i += 500) refs.push({ t: 'photos', ids: ref.ids.slice(i, i + 500) });
    } else if (ref && !refs.some((r) => JSON.stringify(r) === JSON.stringify(ref))) refs.push(ref);
  }
  const payloads: string[] = [];
  let batch: EventRef[] = [];
  const text = (e: EventRef[]) => JSON.stringify({ o: origin, e } satisfies Message);
  for (const ref of refs) {
    if (batch.length > 0 && text([...batch, ref]).length > MAX_PAYLOAD) {
      payloads.push(text(batch));
      batch = [];
    }
    batch.push(ref);
  }
  if (batch.length > 0) payloads.push(text(batch));
  return payloads;
}

function parse(payload: string): Message | null {
  try {
    const m = JSON.parse(payload) as Partial<Message>;
    return typeof m.o === 'string' && Array.isArray(m.e) ? (m as Message) : null;
  } catch {
    return null;
  }
}

/** The event a reference stands for, read back from the database as it is now; null for a story that is gone. */
export async function rebuild(db: Db, ref: EventRef): Promise<ChangeEvent | null> {
  switch (ref.t) {
    case 'story': {
      const story = await getStory(db, ref.id);
      if (!story) return null;
      return { ...storyChanged(story), ...(ref.photos ? { photos: true as const } : {}), ...(ref.findings ? { findings: ref.findings } : {}) };
    }
    case 'lock': {
      const story = await getStory(db, ref.id);
      return story ? lockChanged(story.id, story.lock) : null;
    }
    case 'photos':
      return { type: 'photo.imported', assetIds: ref.ids };
    case 'photo':
      return { type: 'photo.changed', assetId: ref.id };
    case 'staff':
      return { type: 'staff.changed', staffId: ref.id };
    case 'settings':
      return { type: 'settings.changed', keys: ref.keys };
  }
}

export interface FanoutOptions {
  /** Emits an event from another process on this process's bus (its transports), not back to the database. */
  emit(event: ChangeEvent): void;
  /** Reads the settings again (another process changed them, or changes may have been missed). */
  reloadSettings(): Promise<void>;
  report(error: unknown): void;
}

export interface Fanout {
  /** This process's id in the notifications it sends. */
  readonly origin: string;
  /** Inside a write's transaction: announces its events, sent with the commit. */
  announce(events: readonly ChangeEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/** How many stories a process reads back at once (of its pool's 10 connections). */
const READ_AT_ONCE = 4;

/** A reference's identity: the same one twice in a burst is read back and emitted once. */
const keyOf = (ref: EventRef): string => JSON.stringify(ref);

/** Listens for the other processes' changes and announces this one's. */
export async function startFanout(db: PostgresSql, opts: FanoutOptions): Promise<Fanout> {
  const origin = randomUUID();
  // What arrived and is not yet emitted, in order. A burst (a hundred saves on another server) is
  // drained together: each story read back once, a few at a time, and its events emitted in the
  // order of their last mention, so a client's last word on a story is its latest state.
  let pending: EventRef[] = [];
  let resyncPending = false;
  let draining: Promise<void> | null = null;

  const emitBatch = async (refs: EventRef[]): Promise<void> => {
    const last = new Map<string, EventRef>();
    for (const ref of refs) {
      last.delete(keyOf(ref));
      last.set(keyOf(ref), ref);
    }
    const ordered = [...last.values()];
    if (ordered.some((r) => r.t === 'settings')) await opts.reloadSettings();
    const built: (ChangeEvent | null)[] = new Array<ChangeEvent | null>(ordered.length).fill(null);
    for (let i = 0; i < ordered.length; i += READ_AT_ONCE) {
      await Promise.all(
        ordered.slice(i, i + READ_AT_ONCE).map(async (ref, j) => {
          built[i + j] = await rebuild(db, ref);
        }),
      );
    }
    for (const event of built) if (event) opts.emit(event);
  };

  const drain = async (): Promise<void> => {
    while (pending.length > 0 || resyncPending) {
      const refs = pending;
      pending = [];
      const resync = resyncPending;
      resyncPending = false;
      try {
        if (resync) {
          await opts.reloadSettings();
          opts.emit({ type: 'resync' });
        } else await emitBatch(refs);
      } catch (error) {
        opts.report(error);
      }
    }
  };
  const wake = (): void => {
    draining ??= drain().finally(() => {
      draining = null;
      if (pending.length > 0 || resyncPending) wake();
    });
  };

  const receive = (payload: string): void => {
    const message = parse(payload);
    if (!message || message.o === origin) return;
    pending.push(...message.e);
    wake();
  };
  // Changes were missed: clients fetch everything again, which covers whatever was still pending.
  const resync = (): void => {
    pending = [];
    resyncPending = true;
    wake();
  };
  const unlisten = await db.listen(EVENTS_CHANNEL, receive, { onReconnect: resync });
  return {
    origin,
    async announce(events) {
      for (const payload of payloadsOf(origin, events)) await db.notify(EVENTS_CHANNEL, payload);
    },
    async stop() {
      await unlisten();
      pending = [];
      await draining;
    },
  };
}
