// The text lock: taken when the person may edit, renewed while they work, let go when they
// leave. Someone else holding it makes the story read-only and says who; the person themself
// holding it on another computer is told so and may take it over here.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { StoryLock } from '../../../shared/domain.js';
import { isLockLive } from '../../../shared/workflow.js';
import { api } from '../../api/client.js';
import { toUiError } from '../../app/errors.js';
import type { Autosave } from '../autosave.js';
import { lockOf } from '../storyEvents.js';
import type { Loaded, StoryText } from './useStoryText.js';

export type LockState = 'pending' | 'held' | 'other' | 'none';

/** This person's own lock, held on another computer (another session). */
export interface LockElsewhere {
  sessionId: number | null;
  device: string | null;
}

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
  // The session the lock was taken with: tells this computer's lock from the person's lock on another.
  const heldSession = useRef<number | null>(null);
  const [elsewhere, setElsewhere] = useState<LockElsewhere | null>(null);
  // When the person last changed something: the lock is renewed only while they work.
  const activity = useRef(0);

  const setLock = useCallback((l: LockState) => {
    lockRef.current = l;
    setLockState(l);
  }, []);

  const acquire = useCallback(async () => {
    try {
      const { story } = await api.stories.lock({ id: storyId });
      heldSession.current = story.lock?.sessionId ?? null;
      const d = dataRef.current;
      if (d) setLoaded({ ...d, story });
      setElsewhere(null);
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
      // Offline on a connected desktop: what the copy says this person may edit stays editable, its
      // saves wait in the outbox, and the lock is taken when the server is back (a reload).
      if (err.code === 'OFFLINE' && dataRef.current?.canEdit) {
        setElsewhere(null);
        setLock('held');
        return;
      }
      const holder = err.code === 'LOCKED' ? lockOf(err.details) : null;
      setElsewhere(holder && holder.staffId === meId ? { sessionId: holder.sessionId ?? null, device: holder.device ?? null } : null);
      setLock(err.code === 'LOCKED' ? 'other' : 'none');
      if (err.code !== 'LOCKED') setNotice(err.message);
    }
  }, [storyId, meId, setLoaded, dataRef, setLock, setElsewhere, setNotice]);

  /** After any reload: take the lock when we may edit, else show who holds it. */
  const syncLock = useCallback(
    (d: Loaded) => {
      const now = new Date().toISOString();
      const live: StoryLock | null = isLockLive(d.story.lock, now) ? d.story.lock : null;
      // The person's own lock, and the core says they may not type here: it is held on another computer.
      if (live && live.staffId === meId && !d.canEdit) {
        setElsewhere({ sessionId: live.sessionId ?? null, device: live.device ?? null });
        setLock('other');
        return;
      }
      setElsewhere(null);
      // The person's lock taken offline ("Take offline"): held as it is; stories.lock would make it a plain lock again.
      if (live?.offline && live.staffId === meId && d.canEdit) {
        heldSession.current = live.sessionId ?? null;
        setLock('held');
        return;
      }
      const heldByOther = !!live && live.staffId !== meId;
      if (d.canEdit && !heldByOther) {
        if (lockRef.current !== 'held') void acquire();
      } else {
        setLock(heldByOther ? 'other' : 'none');
      }
    },
    [acquire, meId, setLock, setElsewhere],
  );

  /** "Take over here": let go of the person's own lock on the other computer, then take it on this one. */
  const takeOverHere = useCallback(async () => {
    await api.stories.unlock({ id: storyId });
    setElsewhere(null);
    await acquire();
  }, [storyId, acquire, setElsewhere]);

  return { lock, lockRef, setLock, heldSession, elsewhere, activity, syncLock, takeOverHere };
}

/** Keeps the lock while the person works; on leaving, saves what is typed and lets the lock go. */
export function useLockWhileOpen({
  storyId,
  lockRef,
  activity,
  autosave,
  backupNow,
  leased,
}: {
  storyId: number;
  lockRef: RefObject<LockState>;
  /** Whether the lock held is an offline lease: it is neither renewed (that would end the lease) nor let go on leaving. */
  leased: () => boolean;
  activity: RefObject<number>;
  autosave: Autosave;
  backupNow(): void;
}) {
  useEffect(() => {
    let lastRenew = Date.now();
    const t = setInterval(() => {
      if (lockRef.current === 'held' && activity.current > lastRenew && !leased()) {
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
      const held = lockRef.current === 'held' && !leased();
      void a.flush().finally(() => {
        a.dispose();
        if (held) api.stories.unlock({ id: storyId }).catch(() => undefined);
      });
    };
  }, [storyId, autosave, backupNow, lockRef, activity, leased]);
}
