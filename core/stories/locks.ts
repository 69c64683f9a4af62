// The text lock: who may type into a story now, and on which computer. It is held by a person in
// one session (a browser, a desktop app): the same person in another session is refused like
// anyone else (LOCKED, naming the device) and may take it over with stories.unlock. A lock whose
// session ended is not live (db/stories.ts caps its expiry at the session's end). Rules come from
// shared/workflow.ts; this only applies them and computes expiry (settings.lockTimeoutMinutes
// idle). The handlers that take and break it are in lockHandlers.ts.
// A lock taken offline (stories.takeOffline) is a lease: it lasts OFFLINE_LEASE_HOURS so its
// holder can write without the network, everyone sees it as such, and a desk editor may break
// it like any lock. Saving keeps it a lease and never shortens it; stories.lock makes it plain.

import { OFFLINE_LEASE_HOURS } from '../../shared/contract.js';
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

/**
 * The newsroom's time zone, for saying since when a lock is held: asked only when a refusal says
 * it (working out the machine's own zone costs more than the rest of a save's checks).
 */
export const newsroomZone =
  (services: Pick<CoreServices, 'settings'>): (() => string) =>
  () =>
    effectiveTimeZone(services.settings().timeZone);

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

/**
 * What becomes of the lock: 'keep' renews it as it is (an offline lease stays one, and is never
 * shortened), 'plain' makes it an ordinary lock, 'offline' an offline lease from `now`.
 */
export type LockKind = 'keep' | 'plain' | 'offline';

const HOUR_MS = 3_600_000;

/** The lock `editor` would hold from `now`: kept acquiredAt when renewing their own, expiry pushed out. */
export function lockFor(
  story: Story,
  editor: Editor,
  now: Date,
  timeoutMinutes: number,
  kind: LockKind = 'keep',
): { staffId: number; acquiredAt: string; expiresAt: string; sessionId: Id | null; offline: boolean } {
  const live = liveLock(story, now);
  const own = live && !heldElsewhere(live, editor) ? live : null;
  const acquiredAt = own ? own.acquiredAt : now.toISOString();
  const renewed = new Date(now.getTime() + timeoutMinutes * 60_000).toISOString();
  const offline = kind === 'offline' || (kind === 'keep' && own?.offline === true);
  let expiresAt = renewed;
  if (kind === 'offline') expiresAt = new Date(now.getTime() + OFFLINE_LEASE_HOURS * HOUR_MS).toISOString();
  else if (offline && own && own.expiresAt > renewed) expiresAt = own.expiresAt;
  return { staffId: editor.staff.id, acquiredAt, expiresAt, sessionId: editor.sessionId, offline };
}

const hhmm = (iso: string, timeZone: string): string => {
  const c = wallClock(new Date(iso), timeZone);
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
};

/** LOCKED (details {lock}) for a live lock held elsewhere, in words the person understands. */
export function lockedError(lock: StoryLock, editor: Editor, timeZone: () => string): ApiError {
  const offline = lock.offline === true;
  if (heldInOtherSession(lock, editor)) {
    const device = lock.device ? ` (${lock.device})` : '';
    const since = hhmm(lock.acquiredAt, timeZone());
    const message = offline
      ? `You took this story offline on another computer${device} at ${since}.`
      : `You are editing this story on another computer${device} since ${since}.`;
    return new ApiError('LOCKED', message, { lock });
  }
  return new ApiError('LOCKED', `${lock.name} ${offline ? 'is working offline on this story.' : 'is editing this story.'}`, { lock });
}

/**
 * Throws unless `editor` may change the text now: FORBIDDEN / INVALID_STATE from the workflow,
 * LOCKED (details {lock}) when someone else, or the same person on another computer, holds a live lock.
 */
export function assertCanEditText(story: Story, editor: Editor, now: Date, timeZone: () => string): void {
  const refused = textEditRefusal(toWorkflowStory(story), toPerson(editor.staff));
  if (refused) throw new ApiError(refused.code, refused.message);
  const live = liveLock(story, now);
  if (live && heldElsewhere(live, editor)) throw lockedError(live, editor, timeZone);
}
