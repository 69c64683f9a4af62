// Giving up text locks when a person or one of their computers leaves, so their stories do not
// stay "Locked by" them until the idle timeout runs out. Each release is one write: a lock that
// still counted is announced to every window (and, for a sign-out, audited on its story); a
// lapsed one is only tidied away, as stories.unlock does.

import type { Staff } from '../../shared/domain.js';
import { insertAuditEvent, setStoryLock, storiesLockedBy, storyLocksOfSession, type SessionRecord } from '../../db/index.js';
import { lockChanged } from '../changeEvents.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';
import { loadStory } from './loadStory.js';
import { liveLock } from './locks.js';

type LockServices = Pick<CoreServices, 'db' | 'now' | 'emit'>;

/** Releases every text lock `staff` holds, on any computer; returns the ids of the stories whose live lock was released. */
export async function releaseLocksOf(services: LockServices, staff: Staff): Promise<number[]> {
  const { db } = services;
  return await write(services, async (events) => {
    const at = services.now();
    const released: number[] = [];
    for (const id of await storiesLockedBy(db, staff.id)) {
      const story = await loadStory(db, id);
      await setStoryLock(db, id, null);
      if (!liveLock(story, at)) continue;
      await insertAuditEvent(db, { storyId: id, actorId: staff.id, event: 'signOutUnlock', from: story.status, to: story.status, at: at.toISOString() });
      events.push(lockChanged(id, null));
      released.push(id);
    }
    return released;
  });
}

/**
 * Releases the locks one session held, called as that session ends (in the same write). A lock
 * whose own time had not run out is announced (its session's end is what ends it); with `audit`
 * (a sign-out or an ended session, not an expiry) it is also recorded on the story.
 */
export async function releaseLocksOfSession(services: LockServices, session: SessionRecord, opts: { audit: boolean }): Promise<number[]> {
  const { db } = services;
  return await write(services, async (events) => {
    const at = services.now().toISOString();
    const released: number[] = [];
    for (const { storyId, lockExpiresAt } of await storyLocksOfSession(db, session.id)) {
      const story = await loadStory(db, storyId);
      await setStoryLock(db, storyId, null);
      if (!(lockExpiresAt > at)) continue;
      if (opts.audit) {
        await insertAuditEvent(db, { storyId, actorId: session.staffId, event: 'signOutUnlock', from: story.status, to: story.status, at });
      }
      events.push(lockChanged(storyId, null));
      released.push(storyId);
    }
    return released;
  });
}
