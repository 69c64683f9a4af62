// stories.lock and stories.unlock: taking, renewing and giving up the text lock; taking one's
// own lock over from another computer; and a desk editor breaking someone else's lock with a
// note (taking over a story claimed by another desk editor in editing). The lock's rules are in
// locks.ts. stories.takeOffline holds the lock as an offline lease, which stories.lock turns back
// into a plain lock and a desk editor breaks with stories.unlock like any other.

import { isDeskEditor } from '../../shared/workflow.js';
import { ApiError } from '../../shared/errors.js';
import { insertAuditEvent, setStoryLock, updateStoryWorkflow } from '../../db/index.js';
import { lockChanged, storyChanged } from '../changeEvents.js';
import type { Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { toPerson } from '../staff/people.js';
import { write } from '../write.js';
import { loadStory } from './loadStory.js';
import { assertCanEditText, editorOf, heldInOtherSession, liveLock, lockFor, newsroomZone } from './locks.js';
import { workflowOf } from './workflowFields.js';

export function storyLockHandlers(services: CoreServices) {
  const { db } = services;
  const timeout = () => services.settings().lockTimeoutMinutes;
  return {
    'stories.lock': async (input, ctx) => {
      const editor = editorOf(ctx);
      return await write(services, async (events) => {
        const at = services.now();
        const story = await loadStory(db, input.id);
        assertCanEditText(story, editor, at, newsroomZone(services));
        const had = liveLock(story, at);
        // Back at the office: an offline lease becomes a plain lock again, and everyone sees it.
        await setStoryLock(db, story.id, lockFor(story, editor, at, timeout(), 'plain'));
        const locked = await loadStory(db, story.id);
        if (!had || had.offline === true) events.push(lockChanged(locked.id, locked.lock));
        return { story: locked };
      });
    },

    'stories.takeOffline': async (input, ctx) => {
      const editor = editorOf(ctx);
      return await write(services, async (events) => {
        const at = services.now();
        const story = await loadStory(db, input.id);
        // Whoever may type into the story now may take it offline: the same rule as a lock.
        assertCanEditText(story, editor, at, newsroomZone(services));
        await setStoryLock(db, story.id, lockFor(story, editor, at, timeout(), 'offline'));
        const leased = await loadStory(db, story.id);
        events.push(lockChanged(leased.id, leased.lock));
        return { story: leased };
      });
    },

    'stories.unlock': async (input, ctx) => {
      const editor = editorOf(ctx);
      const { staff } = editor;
      return await write(services, async (events) => {
        const at = services.now();
        const story = await loadStory(db, input.id);
        const live = liveLock(story, at);
        // The person's own lock on another computer (left open at the office): they take it over
        // here. That computer hears lock.changed, and its next save is kept as a revision.
        if (live && heldInOtherSession(live, editor)) {
          await setStoryLock(db, story.id, lockFor(story, editor, at, timeout()));
          const taken = await loadStory(db, story.id);
          events.push(lockChanged(taken.id, taken.lock));
          return { story: taken };
        }
        const othersLock = live && live.staffId !== staff.id ? live : null;
        const note = input.note?.trim() ?? '';
        // In editing, a desk editor may take over a story another desk editor claimed, whether
        // their lock is live (broken here) or long lapsed (they went home), saying why.
        const claimedByOther = story.status === 'editing' && story.claimedBy !== null && story.claimedBy !== staff.id;
        if (!othersLock && !(claimedByOther && note !== '')) {
          if (story.lock && !live)
            await setStoryLock(db, story.id, null); // a lapsed lock is tidied away
          else if (live) {
            await setStoryLock(db, story.id, null);
            events.push(lockChanged(story.id, null));
          }
          return { story: await loadStory(db, story.id) };
        }
        const holderName = othersLock?.name ?? 'the desk editor who claimed it';
        if (!isDeskEditor(toPerson(staff))) throw new ApiError('FORBIDDEN', `Only a desk editor may break ${holderName}'s lock.`);
        if (note === '') throw new ApiError('VALIDATION', `Say why you are breaking ${holderName}'s lock.`, [{ path: 'note', message: 'required' }]);
        // In a draft the lock is only released: the text stays the authors'.
        const takeOver = story.status === 'editing' && story.claimedBy !== staff.id;
        if (takeOver) await updateStoryWorkflow(db, story.id, { ...workflowOf(story, at.toISOString()), claimedBy: staff.id });
        await insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'forceUnlock',
          from: story.status,
          to: story.status,
          note: takeOver ? `${note} (took the story over from ${holderName})` : note,
          details: takeOver
            ? { lockHolder: othersLock?.staffId ?? null, previousClaimedBy: story.claimedBy, claimedBy: staff.id }
            : { lockHolder: othersLock?.staffId ?? null },
          at: at.toISOString(),
        });
        await setStoryLock(db, story.id, null);
        const unlocked = await loadStory(db, story.id);
        events.push(...(takeOver ? [storyChanged(unlocked)] : []), lockChanged(unlocked.id, null));
        return { story: unlocked };
      });
    },
  } satisfies Partial<Handlers>;
}
