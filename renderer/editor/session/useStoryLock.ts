// The text lock: taken when the person may edit, renewed while they work, let go when they
// leave. Someone else holding it makes the story read-only and says who.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isLockLive } from '../../../shared/workflow.js';
import { api } from '../../api/client.js';
import { toUiError } from '../../app/errors.js';
import type { Autosave } from '../autosave.js';
import type { Loaded, StoryText } from './useStoryText.js';

export type LockState = 'pending' | 'held' | 'other' | 'none';

export interface LockDeps {
  storyId: number;
  meId: number | undefined;
  text: Pick<StoryText, 'dataRef' | 'setLoaded'>;
  setNotice(notice: string | null): void;
}

export function useStoryLock({ storyId, meId, text, setNotice }: LockDeps) {
  const { dataRef, setLoaded } = text;
  const [lock, setLockState] = useState<LockState>('pending');
  const lockRef = useRef<LockState>('pending');
  // When the person last changed something: the lock is renewed only while they work.
  const activity = useRef(0);

  const setLock = useCallback((l: LockState) => {
    lockRef.current = l;
    setLockState(l);
  }, []);

  const acquire = useCallback(async () => {
    try {
      const { story } = await api.stories.lock({ id: storyId });
      const d = dataRef.current;
      if (d) setLoaded({ ...d, story });
      setLock('held');
    } catch (e) {
      const err = toUiError(e);
      // Someone else holds it: show who, read-only.
      try {
        const d = await api.stories.get({ id: storyId });
        setLoaded(d);
      } catch {
        // keep what we have
      }
      setLock(err.code === 'LOCKED' ? 'other' : 'none');
      if (err.code !== 'LOCKED') setNotice(err.message);
    }
  }, [storyId, setLoaded, dataRef, setLock, setNotice]);

  /** After any reload: take the lock when we may edit, else show who holds it. */
  const syncLock = useCallback(
    (d: Loaded) => {
      const now = new Date().toISOString();
      const heldByOther = isLockLive(d.story.lock, now) && d.story.lock.staffId !== meId;
      if (d.canEdit && !heldByOther) {
        if (lockRef.current !== 'held') void acquire();
      } else {
        setLock(heldByOther ? 'other' : 'none');
      }
    },
    [acquire, meId, setLock],
  );

  return { lock, lockRef, setLock, activity, syncLock };
}

/** Keeps the lock while the person works; on leaving, saves what is typed and lets the lock go. */
export function useLockWhileOpen({
  storyId,
  lockRef,
  activity,
  autosave,
  backupNow,
}: {
  storyId: number;
  lockRef: RefObject<LockState>;
  activity: RefObject<number>;
  autosave: Autosave;
  backupNow(): void;
}) {
  useEffect(() => {
    let lastRenew = Date.now();
    const t = setInterval(() => {
      if (lockRef.current === 'held' && activity.current > lastRenew) {
        lastRenew = Date.now();
        api.stories.lock({ id: storyId }).catch(() => undefined);
      }
    }, 60_000);
    const onHide = () => backupNow();
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(t);
      window.removeEventListener('pagehide', onHide);
      backupNow();
      const a = autosave;
      // The lock as it is on leaving (useStoryLock keeps lockRef in step with the lock state).
      // eslint-disable-next-line react-hooks/exhaustive-deps
      const held = lockRef.current === 'held';
      void a.flush().finally(() => {
        a.dispose();
        if (held) api.stories.unlock({ id: storyId }).catch(() => undefined);
      });
    };
  }, [storyId, autosave, backupNow, lockRef, activity]);
}
