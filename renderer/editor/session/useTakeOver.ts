// The lock this editor held was taken (a desk editor forced it, or the person took the story over
// on another computer). What was typed here and not saved is sent at once as a save: the core
// refuses it (LOCKED, INVALID_STATE, or CONFLICT if the taker saved first) and keeps its text as a
// revision, so the editor can show the story as it is now and point at that revision. If the text
// could not be kept there it stays in the editor and on this computer; if the save went through
// (a draft's lock only let go of) the reload takes the lock back and nothing needs saying.
import { useCallback, useState, type RefObject } from 'react';
import type { StoryLock } from '../../../shared/domain.js';
import { isLockLive } from '../../../shared/workflow.js';
import type { Autosave } from '../autosave.js';
import { useApp } from '../../app/store.js';
import { clearLocalCopy } from '../localCopy.js';
import { isOwnLock, keptRevisionOf } from '../storyEvents.js';
import type { LockState } from './useStoryLock.js';
import type { Loaded } from './useStoryText.js';

export interface TakeOver {
  /** Who has the story now. */
  name: string;
  /** The person themself, on another computer. */
  self: boolean;
  device: string | null;
  /** The revision the unsaved text was kept as, or null. */
  kept: number | null;
  /** Unsaved text the core could not keep: it stays in the editor and on this computer. */
  keptHere: boolean;
}

export interface TakeOverDeps {
  storyId: number;
  meId: number | undefined;
  autosave: Autosave;
  heldSession: RefObject<number | null>;
  setLock(lock: LockState): void;
  backupNow(): void;
  refresh(applyText: boolean): Promise<Loaded>;
  applyStory(story: Loaded['story'], history: boolean): void;
}

export function useTakeOver({ storyId, meId, autosave, heldSession, setLock, backupNow, refresh, applyStory }: TakeOverDeps) {
  const [takeOver, setTakeOver] = useState<TakeOver | null>(null);

  /** The lock was taken away: `lock` is the one the change event named (null: the lock is gone). */
  const lockTaken = useCallback(
    async (lock: StoryLock | null) => {
      // Stop typing at once, and send what was typed: refused, the core keeps it as a revision.
      setLock('other');
      const who = { me: meId, session: heldSession.current };
      let kept: number | null = null;
      if (autosave.isDirty || autosave.saving) {
        await autosave.flush();
        const state = autosave.state;
        if (state.kind === 'refused' || state.kind === 'conflict') kept = keptRevisionOf(state.error.details);
      }
      // The story as it is now; the reload takes the lock back if it is free and the person may still write.
      const d = await refresh(false).catch(() => null);
      if (kept !== null) {
        // The text is safe in the story's history: show the story as it is now.
        clearLocalCopy(storyId);
        if (d) applyStory(d.story, false);
        else autosave.reset(autosave.version);
      } else if (autosave.isDirty) {
        backupNow();
      }
      const now = d && isLockLive(d.story.lock, new Date().toISOString()) ? d.story.lock : null;
      const taker = now && !isOwnLock(now, who) ? now : lock && !isOwnLock(lock, who) ? lock : null;
      // Only let go of (a desk editor's unlock of a draft, the person's own session elsewhere), the
      // text saved and the lock back here: nothing to say.
      if (!taker && kept === null && !autosave.isDirty) return;
      // Broken before anyone took it: the desk editor who claimed the story is taking it over.
      const claimant = d?.story.claimedBy != null ? useApp.getState().staff.find((p) => p.id === d.story.claimedBy)?.name : undefined;
      setTakeOver({
        name: taker?.name ?? claimant ?? 'A desk editor',
        self: taker?.staffId === meId,
        device: taker?.device ?? null,
        kept,
        keptHere: kept === null && autosave.isDirty,
      });
    },
    [storyId, meId, autosave, heldSession, setLock, backupNow, refresh, applyStory],
  );

  return { takeOver, setTakeOver, lockTaken };
}
