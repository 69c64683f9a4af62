// Every write runs in one transaction; its change events go out only after it commits.

import type { ChangeEvent, Id } from '../shared/domain.js';
import { ApiError } from '../shared/errors.js';
import { getStory, inTransaction } from '../db/index.js';
import type { Story } from '../shared/domain.js';
import type { CoreServices } from './services.js';

export function write<T>(services: CoreServices, fn: (events: ChangeEvent[]) => T): T {
  const events: ChangeEvent[] = [];
  const result = inTransaction(services.db, () => fn(events));
  for (const event of events) services.emit(event);
  return result;
}

export function loadStory(services: CoreServices, id: Id): Story {
  const story = getStory(services.db, id);
  if (!story) throw new ApiError('NOT_FOUND', `There is no story ${id}.`);
  return story;
}

export const storyChanged = (story: Story): ChangeEvent => ({
  type: 'story.changed',
  storyId: story.id,
  status: story.status,
  version: story.version,
});

/** The story's findings changed (counted again, or a dismissal or restore) while its text did not. */
export const findingsChanged = (story: Pick<Story, 'id' | 'status' | 'version'>, what: 'counted' | 'dismissals'): ChangeEvent => ({
  type: 'story.changed',
  storyId: story.id,
  status: story.status,
  version: story.version,
  findings: what,
});

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
