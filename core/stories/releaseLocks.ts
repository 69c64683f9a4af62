// Signing out gives up every text lock the person holds, so their stories do not stay "Locked by"
// them until the idle timeout runs out. One write: each live lock released is audited on its
// story and announced to every window; a lapsed one is only tidied away, as stories.unlock does.

import type { Staff } from '../../shared/domain.js';
import { insertAuditEvent, setStoryLock, storiesLockedBy } from '../../db/index.js';
import { lockChanged } from '../changeEvents.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';
import { loadStory } from './loadStory.js';
import { liveLock } from './locks.js';

/** Releases every text lock `staff` holds; returns the ids of the stories whose live lock was released. */
export function releaseLocksOf(services: CoreServices, staff: Staff): number[] {
  const { db } = services;
  return write(services, (events) => {
    const at = services.now();
    const released: number[] = [];
    for (const id of storiesLockedBy(db, staff.id)) {
      const story = loadStory(db, id);
      setStoryLock(db, id, null);
      if (!liveLock(story, at)) continue;
      insertAuditEvent(db, { storyId: id, actorId: staff.id, event: 'signOutUnlock', from: story.status, to: story.status, at: at.toISOString() });
      events.push(lockChanged(id, null));
      released.push(id);
    }
    return released;
  });
}
