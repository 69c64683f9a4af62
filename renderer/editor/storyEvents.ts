// What an open editor does with a change event about its story.
// The editor computes its own findings, so a recount ('counted', for the queues) needs nothing
// here; a dismissal or restore elsewhere needs only the story's dismissals; the text, status,
// photos and lock need the story again, unless the event says nothing this window has not seen.
// While this window's own save is in flight, its echo (a version not yet known here) is left to
// the save's answer, which reloads if a newer version was announced meanwhile; and the echo of
// this window taking the lock (the lock's answer already brought the story) needs nothing either.
// New house style or limits come as settings.changed, which the shell handles.
import type { ChangeEvent, Id, Status } from '../../shared/domain.js';

export type StoryEventNeed = 'nothing' | 'dismissals' | 'reload';

export function storyEventNeed(
  event: ChangeEvent,
  storyId: Id,
  known: { version: number; status: Status | undefined; saving?: boolean; me?: Id; takingLock?: boolean },
): StoryEventNeed {
  if (!('storyId' in event) || event.storyId !== storyId) return 'nothing';
  if (event.type === 'lock.changed') return event.lock && event.lock.staffId === known.me && known.takingLock ? 'nothing' : 'reload';
  if (event.type !== 'story.changed') return 'reload';
  if (event.findings === 'counted') return 'nothing';
  if (event.findings === 'dismissals') return 'dismissals';
  if (!event.photos && (event.version <= known.version || known.saving) && event.status === known.status) return 'nothing';
  return 'reload';
}
