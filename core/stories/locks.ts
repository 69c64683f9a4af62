// The text lock: who may type into a story now. Rules come from shared/workflow.ts; this only
// applies them and computes expiry (settings.lockTimeoutMinutes idle). The handlers that take and
// break it are in lockHandlers.ts.

import type { Staff, Story, StoryLock } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { isLockLive, textEditRefusal } from '../../shared/workflow.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';

/** The lock if it still counts at `now`, else null. */
export function liveLock(story: Story, now: Date): StoryLock | null {
  return isLockLive(story.lock, now.toISOString()) ? story.lock : null;
}

/** The lock `staff` would hold from `now`: kept acquiredAt when renewing, expiry pushed out. */
export function lockFor(story: Story, staff: Staff, now: Date, timeoutMinutes: number): { staffId: number; acquiredAt: string; expiresAt: string } {
  const live = liveLock(story, now);
  const acquiredAt = live && live.staffId === staff.id ? live.acquiredAt : now.toISOString();
  return { staffId: staff.id, acquiredAt, expiresAt: new Date(now.getTime() + timeoutMinutes * 60_000).toISOString() };
}

/**
 * Throws unless `staff` may change the text now: FORBIDDEN / INVALID_STATE from the workflow,
 * LOCKED (details {lock}) when someone else holds a live lock.
 */
export function assertCanEditText(story: Story, staff: Staff, now: Date): void {
  const refused = textEditRefusal(toWorkflowStory(story), toPerson(staff));
  if (refused) throw new ApiError(refused.code, refused.message);
  const live = liveLock(story, now);
  if (live && live.staffId !== staff.id) {
    throw new ApiError('LOCKED', `${live.name} is editing this story.`, { lock: live });
  }
}
