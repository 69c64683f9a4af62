// Live updates from other windows. A recount needs nothing (the findings here are the editor's
// own); a dismissal or restore needs the story's dismissals only; new house style arrives as
// settings.changed (Shell). Anything else reloads the story, a moment later, once for a burst.
import { useCallback, useEffect, type RefObject } from 'react';
import { api } from '../../api/client.js';
import type { Autosave } from '../autosave.js';
import { storyEventNeed } from '../storyEvents.js';
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
  setLock(lock: LockState): void;
  backupNow(): void;
  setNotice(notice: string | null): void;
  refresh(applyText: boolean): Promise<unknown>;
}

export function useStoryEvents({ storyId, meId, text, autosave, announced, lockRef, setLock, backupNow, setNotice, refresh }: EventDeps) {
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
        takingLock: lockRef.current === 'held' || lockRef.current === 'pending',
      });
      if (need === 'nothing') return;
      if (need === 'dismissals') {
        if (dismissalsTimer) clearTimeout(dismissalsTimer);
        dismissalsTimer = setTimeout(() => void refreshDismissals().catch(() => undefined), 200);
        return;
      }
      if (event.type === 'lock.changed' && lockRef.current === 'held' && event.lock && event.lock.staffId !== meId) {
        // Someone force-unlocked and took over: stop editing, keep the text.
        setLock('other');
        backupNow();
        setNotice(`${event.lock.name} took over this story. Your unsaved changes are kept on this computer.`);
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(true).catch(() => undefined), 200);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      if (dismissalsTimer) clearTimeout(dismissalsTimer);
    };
  }, [storyId, autosave, refresh, refreshDismissals, backupNow, meId, announced, dataRef, lockRef, setLock, setNotice]);
}
