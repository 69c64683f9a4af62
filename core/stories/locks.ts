// The text lock: who may type into a story now, and on which computer. It is held by a person in
// one session (a browser, a desktop app): the same person in another session is refused like
// anyone else (LOCKED, naming the device) and may take it over with stories.unlock. A lock whose
// session ended is not live (db/stories.ts caps its expiry at the session's end). Rules come from
// shared/workflow.ts; this only applies them and computes expiry (settings.lockTimeoutMinutes
// idle). The handlers that take and break it are in lockHandlers.ts.

import type { Id, Staff, Story, StoryLock } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { effectiveTimeZone, wallClock } from '../../shared/timeZone.js';
import { isLockLive, textEditRefusal } from '../../shared/workflow.js';
import { signedIn, type CallContext } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';

/** Who is typing: a person, in one session (null only for the core's own work, e.g. the scheduler). */
export interface Editor {
  staff: Staff;
  sessionId: Id | null;
}

export const editorOf = (ctx: CallContext): Editor => ({ staff: signedIn(ctx), sessionId: ctx.sessionId });

/** The newsroom's time zone, for saying since when a lock is held. */
export const newsroomZone = (services: Pick<CoreServices, 'settings'>): string => effectiveTimeZone(services.settings().timeZone);

/** The lock if it still counts at `now`, else null. */
export function liveLock(story: Story, now: Date): StoryLock | null {
  return isLockLive(story.lock, now.toISOString()) ? story.lock : null;
}

/** Whether the lock is held by the same person in another session (another computer or browser). */
export function heldInOtherSession(lock: StoryLock, editor: Editor): boolean {
  return lock.staffId === editor.staff.id && lock.sessionId != null && editor.sessionId !== null && lock.sessionId !== editor.sessionId;
}

/** Whether the lock keeps `editor` out: someone else's, or their own on another computer. */
export function heldElsewhere(lock: StoryLock, editor: Editor): boolean {
  return lock.staffId !== editor.staff.id || heldInOtherSession(lock, editor);
}

/** The lock `editor` would hold from `now`: kept acquiredAt when renewing their own, expiry pushed out. */
export function lockFor(
  story: Story,
  editor: Editor,
  now: Date,
  timeoutMinutes: number,
): { staffId: number; acquiredAt: string; expiresAt: string; sessionId: Id | null } {
  const live = liveLock(story, now);
  const acquiredAt = live && !heldElsewhere(live, editor) ? live.acquiredAt : now.toISOString();
  return { staffId: editor.staff.id, acquiredAt, expiresAt: new Date(now.getTime() + timeoutMinutes * 60_000).toISOString(), sessionId: editor.sessionId };
}

const hhmm = (iso: string, timeZone: string): string => {
  const c = wallClock(new Date(iso), timeZone);
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
};

/** LOCKED (details {lock}) for a live lock held elsewhere, in words the person understands. */
export function lockedError(lock: StoryLock, editor: Editor, timeZone: string, what = 'is editing this story.'): ApiError {
  if (heldInOtherSession(lock, editor)) {
    const device = lock.device ? ` (${lock.device})` : '';
    return new ApiError('LOCKED', `You are editing this story on another computer${device} since ${hhmm(lock.acquiredAt, timeZone)}.`, { lock });
  }
  return new ApiError('LOCKED', `${lock.name} ${what}`, { lock });
}

/**
 * Throws unless `editor` may change the text now: FORBIDDEN / INVALID_STATE from the workflow,
 * LOCKED (details {lock}) when someone else, or the same person on another computer, holds a live lock.
 */
export function assertCanEditText(story: Story, editor: Editor, now: Date, timeZone: string): void {
  const refused = textEditRefusal(toWorkflowStory(story), toPerson(editor.staff));
  if (refused) throw new ApiError(refused.code, refused.message);
  const live = liveLock(story, now);
  if (live && heldElsewhere(live, editor)) throw lockedError(live, editor, timeZone);
}
