// services.serialize: one status change or publish per story at a time. In one process a keyed
// mutex does it; with several server processes on one PostgreSQL database each turn also holds
// a session advisory lock on the story, so a publish on one server and a transition of the same
// story on another never interleave (a publish writes its package folder between transactions,
// so a row lock could not cover it).

import { NEWSDESK_LOCK_SPACE, type AdvisoryKey, type PostgresSql } from '../db/index.js';
import type { Id } from '../shared/domain.js';
import { KeyedMutex } from './write.js';

/** Story locks are [NEWSDESK_LOCK_SPACE, STORY_LOCK_BASE + story id]; the keys below it are the migration's (0) and the scheduler's (1). */
export const STORY_LOCK_BASE = 1000;
/**
 * How many story locks one process holds at once. Each holds a pooled connection for its whole
 * turn (an advisory lock belongs to a connection) while the work inside needs another: with the
 * pool's 10 connections, more holders than this could take them all and wait for each other.
 */
export const STORY_LOCK_SLOTS = 4;

export const storyLockKey = (storyId: Id): AdvisoryKey => [NEWSDESK_LOCK_SPACE, STORY_LOCK_BASE + storyId];

/** Counts out a fixed number of turns; the rest wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(count: number) {
    this.free = count;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

export type Serialize = <T>(storyId: Id, fn: () => Promise<T>) => Promise<T>;

/** The serialize of CoreServices: in-process only on SQLite, across the newsroom's processes on PostgreSQL. */
export function storySerializer(shared: PostgresSql | null): Serialize {
  const mutex = new KeyedMutex();
  if (!shared) return (storyId, fn) => mutex.run(storyId, fn);
  const slots = new Slots(STORY_LOCK_SLOTS);
  // The process's own turn first, so at most one of its calls per story waits on the database.
  return (storyId, fn) => mutex.run(storyId, () => slots.run(() => shared.withSessionLock(storyLockKey(storyId), fn)));
}
