// Live updates from other windows. A recount needs nothing (the findings here are the editor's
// own); a dismissal or restore needs the story's dismissals only; new house style arrives as
// settings.changed (Shell). The lock this editor held, taken by someone else, is useTakeOver's.
// Anything else reloads the story, a moment later, once for a burst.
import { useCallback, useEffect, type RefObject } from 'react';
import type { StoryLock } from '../../../shared/domain.js';
import { api } from '../../api/client.js';
import type { Autosave } from '../autosave.js';
import { lockTakenAway, storyEventNeed } from '../storyEvents.js';
import type { LockState } from './useStoryLock.js';
import type { StoryText } from './useStoryText.js';

export interface EventDeps {
  storyId: number;
  meId: number | undefined;
  text: Pick<StoryText, 'dataRef' | 'setLoaded'>;
  autosave: Autosave;
  /** The newest story version announced by change events. */
  announced: RefObject<number>;
  lockRef: RefObject<LockState>;
  /** The session the held lock was taken with. */
  heldSession: RefObject<number | null>;
  /** True while this editor's own action moves the story (and may let the lock go). */
  moving: RefObject<boolean>;
  lockTaken(lock: StoryLock | null): Promise<void>;
  refresh(applyText: boolean): Promise<unknown>;
}

export function useStoryEvents({ storyId, meId, text, autosave, announced, lockRef, heldSession, moving, lockTaken, refresh }: EventDeps) {
  const { dataRef, setLoaded } = text;
  const refreshDismissals = useCallback(async () => {
    const { dismissals } = await api.stories.get({ id: storyId });
    const d = dataRef.current;
    if (d) setLoaded({ ...d, dismissals });
  }, [storyId, setLoaded, dataRef]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dismissalsTimer: ReturnType<typeof setTimeout> | null = null;
    const off = api.onEvent((event) => {
      if (event.type === 'story.changed' && event.storyId === storyId) announced.current = Math.max(announced.current, event.version);
      const need = storyEventNeed(event, storyId, {
        version: autosave.version,
        status: dataRef.current?.story.status,
        saving: autosave.saving,
        me: meId,
        session: heldSession.current,
        takingLock: lockRef.current === 'held' || lockRef.current === 'pending',
      });
      if (need === 'nothing') return;
      if (
        event.type === 'lock.changed' &&
        lockTakenAway(event.lock, { held: lockRef.current === 'held', moving: moving.current, me: meId, session: heldSession.current })
      ) {
        // Taken over: send what is typed now, before anything reloads (useTakeOver reloads after).
        if (timer) clearTimeout(timer);
        timer = null;
        void lockTaken(event.lock).catch(() => undefined);
        return;
      }
      if (need === 'dismissals') {
        if (dismissalsTimer) clearTimeout(dismissalsTimer);
        dismissalsTimer = setTimeout(() => void refreshDismissals().catch(() => undefined), 200);
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(true).catch(() => undefined), 200);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      if (dismissalsTimer) clearTimeout(dismissalsTimer);
    };
  }, [storyId, autosave, refresh, refreshDismissals, meId, announced, dataRef, lockRef, heldSession, moving, lockTaken]);
}
