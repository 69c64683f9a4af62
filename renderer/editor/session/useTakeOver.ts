// The lock this editor held was taken (a desk editor forced it, or the person took the story over
// on another computer). What was typed here and not saved is sent at once as a save: the core
// refuses it (LOCKED, or CONFLICT if the taker saved first) and keeps its text as a revision, so
// the editor can show the story as it is now and point at that revision. If the text could not be
// kept there it stays in the editor and on this computer.
import { useCallback, useState, type RefObject } from 'react';
import type { StoryLock } from '../../../shared/domain.js';
import { isLockLive } from '../../../shared/workflow.js';
import type { Autosave } from '../autosave.js';
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
      // Stop typing at once.
      setLock('other');
      const who = { me: meId, session: heldSession.current };
      const liveNow = (d: Loaded | null) => (d && isLockLive(d.story.lock, new Date().toISOString()) ? d.story.lock : null);
      let taker = lock && !isOwnLock(lock, who) ? lock : null;
      if (!taker) {
        // Only gone (broken, or let go elsewhere): whoever took it has it by now, or nobody does and
        // the reload takes it back for this editor (syncLock), with the text still waiting to save.
        const now = liveNow(await refresh(false).catch(() => null));
        taker = now && !isOwnLock(now, who) ? now : null;
        if (!taker) return;
      }
      const unsaved = autosave.isDirty || autosave.saving;
      let kept: number | null = null;
      if (unsaved) {
        await autosave.flush();
        const state = autosave.state;
        if (state.kind === 'refused' || state.kind === 'conflict') kept = keptRevisionOf(state.error.details);
      }
      const d = await refresh(false).catch(() => null);
      if (kept !== null) {
        // The text is safe in the story's history: show the story as it is now.
        clearLocalCopy(storyId);
        if (d) applyStory(d.story, false);
        else autosave.reset(autosave.version);
      } else if (autosave.isDirty) {
        backupNow();
      }
      const holder = liveNow(d);
      if (holder && !isOwnLock(holder, who)) taker = holder;
      setTakeOver({
        name: taker.name,
        self: taker.staffId === meId,
        device: taker.device ?? null,
        kept,
        keptHere: kept === null && autosave.isDirty,
      });
    },
    [storyId, meId, autosave, heldSession, setLock, backupNow, refresh, applyStory],
  );

  return { takeOver, setTakeOver, lockTaken };
}
