// The one path every write of the core takes: one transaction, whose change events go out only
// after it commits. A write started inside another (the scheduler's or a transition's status
// move inside the publisher's transaction that records the version) joins it: its events go out
// when the outermost write commits, and not at all if it rolls back.

import { inTransaction, type Db } from '../db/index.js';
import type { ChangeEvent, Id } from '../shared/domain.js';
import type { CoreServices } from './services.js';

/** The events of the write now open on each database (writes are synchronous: one at a time). */
const open = new WeakMap<Db, ChangeEvent[]>();

export function write<T>(services: Pick<CoreServices, 'db' | 'emit'>, fn: (events: ChangeEvent[]) => T): T {
  const { db } = services;
  const outer = open.get(db);
  const events: ChangeEvent[] = [];
  if (outer) {
    // A savepoint inside the outer transaction: a failure here rolls back only this part.
    const result = inTransaction(db, () => fn(events));
    outer.push(...events);
    return result;
  }
  open.set(db, events);
  let result: T;
  try {
    result = inTransaction(db, () => fn(events));
  } finally {
    open.delete(db);
  }
  for (const event of events) services.emit(event);
  return result;
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
