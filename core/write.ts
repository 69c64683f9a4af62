// The one path every write of the core takes: one transaction, whose change events go out only
// after it commits. A write started inside another (the scheduler's or a transition's status
// move inside the publisher's transaction that records the version) joins it: its events go out
// when the outermost write commits, and not at all if it rolls back. On a database shared by
// several server processes the outermost write also announces its events to the others inside
// its transaction (core/fanout.ts), so they hear of it exactly when it commits.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/index.js';
import type { ChangeEvent, Id } from '../shared/domain.js';
import type { CoreServices } from './services.js';

/** The events of the outermost write open in the calling async context. */
const open = new AsyncLocalStorage<ChangeEvent[]>();

type Announcer = (events: readonly ChangeEvent[]) => Promise<void>;
/** Per database: who tells the newsroom's other server processes what a write changed. */
const announcers = new WeakMap<Db, Announcer>();
/** Events a write already announced with its commit (the bus's own listener must not send them again). */
const announced = new WeakSet<ChangeEvent>();

/** From now on every write on `db` announces its events with its commit; returns the function that stops it. */
export function announceWrites(db: Db, announce: Announcer): () => void {
  announcers.set(db, announce);
  return () => {
    if (announcers.get(db) === announce) announcers.delete(db);
  };
}

/** Whether a write announced `event` with its commit (else whoever emitted it outside a write announces it). */
export const wasAnnounced = (event: ChangeEvent): boolean => announced.has(event);

export interface WriteOptions {
  /**
   * 'relaxed' commits without waiting for the disk. Only for rows whose files are already fsynced
   * and that nothing depends on until the next full commit (a photo import's library row; see
   * db/photos.ts). A write nested in another follows the outer write's durability.
   */
  durability?: 'full' | 'relaxed';
}

export type Writer = <T>(fn: (events: ChangeEvent[]) => Promise<T>, options?: WriteOptions) => Promise<T>;

export async function write<T>(services: Pick<CoreServices, 'db' | 'emit'>, fn: (events: ChangeEvent[]) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const { db } = services;
  const outer = open.getStore();
  const events: ChangeEvent[] = [];
  if (outer && db.inTransaction()) {
    // A savepoint inside the outer transaction: a failure here rolls back only this part.
    const result = await db.transaction(() => fn(events));
    outer.push(...events);
    return result;
  }
  const announce = announcers.get(db);
  const result = await db.transaction(
    async () => {
      const value = await open.run(events, () => fn(events));
      // Before the commit, in the transaction: sent with it, or not at all if it fails.
      if (announce && events.length > 0) {
        await announce(events);
        for (const event of events) announced.add(event);
      }
      return value;
    },
    { durability: options.durability ?? 'full' },
  );
  for (const event of events) services.emit(event);
  return result;
}

/** A `write` bound to the core's database and event bus, for modules that hold no services. */
export function writerFor(services: Pick<CoreServices, 'db' | 'emit'>): Writer {
  return (fn, options) => write(services, fn, options);
}

/** Serialises async work per key (a story's publish and its status change). */
export class KeyedMutex {
  private readonly tails = new Map<Id, Promise<unknown>>();
  async run<T>(key: Id, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.tails.set(key, next);
    try {
      return await next;
    } finally {
      if (this.tails.get(key) === next) this.tails.delete(key);
    }
  }
}
