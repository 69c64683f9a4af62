// The change events the core's writes announce (after they commit, see write.ts).

import type { ChangeEvent, Id, Story, StoryLock } from '../shared/domain.js';

type StoryChanged = Extract<ChangeEvent, { type: 'story.changed' }>;

export const storyChanged = (story: Pick<Story, 'id' | 'status' | 'version'>): StoryChanged => ({
  type: 'story.changed',
  storyId: story.id,
  status: story.status,
  version: story.version,
});

/** The story's photos changed (a re-caption changes no version, so clients refetch). */
export const photosChanged = (story: Pick<Story, 'id' | 'status' | 'version'>): StoryChanged => ({ ...storyChanged(story), photos: true });

/** The story's findings changed (counted again, or a dismissal or restore) while its text did not. */
export const findingsChanged = (story: Pick<Story, 'id' | 'status' | 'version'>, what: 'counted' | 'dismissals'): StoryChanged => ({
  ...storyChanged(story),
  findings: what,
});

export const lockChanged = (storyId: Id, lock: StoryLock | null): ChangeEvent => ({ type: 'lock.changed', storyId, lock });
