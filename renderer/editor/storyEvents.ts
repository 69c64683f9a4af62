// What an open editor does with a change event about its story.
// The editor computes its own findings, so a recount ('counted', for the queues) needs nothing
// here; a dismissal or restore elsewhere needs only the story's dismissals; the text, status,
// photos and lock need the story again, unless the event says nothing this window has not seen.
// While this window's own save is in flight, its echo (a version not yet known here) is left to
// the save's answer, which reloads if a newer version was announced meanwhile; and the echo of
// this window taking the lock (the lock's answer already brought the story) needs nothing either.
// A resync (events were missed and cannot be sent again) reloads. New house style or limits come
// as settings.changed, which the shell handles.
import type { ChangeEvent, Id, Status, StoryLock } from '../../shared/domain.js';

export type StoryEventNeed = 'nothing' | 'dismissals' | 'reload';

/** Who this editor is: the person, and the session its lock was taken with (once known). */
export interface Holder {
  me?: Id;
  /** The session of the lock this editor took (a person may work on several computers); null until it holds one. */
  session?: Id | null;
}

/** A lock held by this person on this computer (a lock that names no session is the person's). */
export function isOwnLock(lock: Pick<StoryLock, 'staffId' | 'sessionId'>, who: Holder): boolean {
  if (lock.staffId !== who.me) return false;
  return lock.sessionId == null || who.session == null || lock.sessionId === who.session;
}

export function storyEventNeed(
  event: ChangeEvent,
  storyId: Id,
  known: { version: number; status: Status | undefined; saving?: boolean; takingLock?: boolean } & Holder,
): StoryEventNeed {
  if (event.type === 'resync') return 'reload';
  if (!('storyId' in event) || event.storyId !== storyId) return 'nothing';
  if (event.type === 'lock.changed') return event.lock && isOwnLock(event.lock, known) && known.takingLock ? 'nothing' : 'reload';
  if (event.type !== 'story.changed') return 'reload';
  if (event.findings === 'counted') return 'nothing';
  if (event.findings === 'dismissals') return 'dismissals';
  if (!event.photos && (event.version <= known.version || known.saving) && event.status === known.status) return 'nothing';
  return 'reload';
}

/**
 * Whether a lock.changed takes away the lock this editor holds: it names another person, or this
 * person on another computer; or the lock is gone while this editor neither let it go nor moved the
 * story (a move such as "Submit to desk" releases the lock itself).
 */
export function lockTakenAway(lock: StoryLock | null, known: Holder & { held: boolean; moving: boolean }): boolean {
  if (!known.held) return false;
  if (lock === null) return !known.moving;
  return !isOwnLock(lock, known);
}

/** The lock a LOCKED refusal names (details.lock), if it names one. */
export function lockOf(details: unknown): StoryLock | null {
  const lock = typeof details === 'object' && details !== null ? (details as { lock?: unknown }).lock : null;
  if (typeof lock !== 'object' || lock === null) return null;
  const l = lock as Partial<StoryLock>;
  return typeof l.staffId === 'number' && typeof l.name === 'string' ? (lock as StoryLock) : null;
}

/** The revision a refused save's text was kept as (LOCKED: details.keptAsRevision; CONFLICT: details.revisionId). */
export function keptRevisionOf(details: unknown): Id | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as { keptAsRevision?: unknown; revisionId?: unknown };
  const id = d.keptAsRevision ?? d.revisionId;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}
