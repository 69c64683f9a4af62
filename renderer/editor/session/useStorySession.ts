// One open story's session: loading, the text lock, autosave, the copy of unsaved changes kept on
// this computer, conflicts, live updates from other windows, the workflow actions and the live
// copy checks. Rule one: nothing typed is ever lost. Text stays in the editor on every failure, a
// copy sits in localStorage until the server has it, and a body that fails the schema is never
// edited. The editor's display components get what they need from here as props.
import { useCallback, useRef, useState } from 'react';
import type { RevisionSummary } from '../../../shared/domain.js';
import { api } from '../../api/client.js';
import { toUiError } from '../../app/errors.js';
import { useApp } from '../../app/store.js';
import { useAnalysis } from './useAnalysis.js';
import { useConflict } from './useConflict.js';
import { useReplayConflict } from './useReplayConflict.js';
import { useLocalCopy } from './useLocalCopy.js';
import { useStoryAutosave } from './useStoryAutosave.js';
import { useStoryEdits } from './useStoryEdits.js';
import { useStoryEvents } from './useStoryEvents.js';
import { useStoryLoad } from './useStoryLoad.js';
import { useLockWhileOpen, useStoryLock } from './useStoryLock.js';
import { useStoryText } from './useStoryText.js';
import { useTakeOver } from './useTakeOver.js';
import { useWorkflow } from './useWorkflow.js';

export function useStorySession(storyId: number) {
  const meId = useApp((s) => s.me?.id);
  const [notice, setNotice] = useState<string | null>(null);
  const refreshRef = useRef<((applyText: boolean) => Promise<unknown>) | null>(null);

  const text = useStoryText();
  const { data, dataRef, bodyProblems } = text;
  const analysis = useAnalysis(text);
  const { analyzeNow, analyzeSoon, setWords } = analysis;
  const { autosave, autosaveRef, saveState, announced, setComposing } = useStoryAutosave({ storyId, text, analyzeSoon, refreshRef });
  const { lock, lockRef, setLock, heldSession, elsewhere, activity, syncLock, takeOverHere } = useStoryLock({ storyId, meId, text, setNotice });
  // True while this editor's own action moves the story (and may let its lock go).
  const moving = useRef(false);

  const editable = !!data && data.canEdit && lock === 'held' && bodyProblems.length === 0;
  const editableRef = useRef(editable);
  editableRef.current = editable;

  const localCopy = useLocalCopy({ storyId, text, autosave, autosaveRef, editable, analyzeSoon, setNotice });
  const { backupNow, backupSoon, setOffer } = localCopy;
  const edits = useStoryEdits({ text, autosave, editableRef, activity, backupSoon, analyzeNow, analyzeSoon });
  const { applyStory } = edits;
  const { loadError, refresh } = useStoryLoad({ storyId, text, autosave, autosaveRef, refreshRef, applyStory, syncLock, setWords, analyzeSoon, setOffer });
  const conflict = useConflict({ storyId, saveKind: saveState.kind, setLoaded: text.setLoaded, autosave, applyStory });
  const { takeOver, setTakeOver, lockTaken } = useTakeOver({ storyId, meId, autosave, heldSession, setLock, backupNow, refresh, applyStory });
  useStoryEvents({ storyId, meId, text, autosave, announced, lockRef, heldSession, moving, lockTaken, refresh });
  const leased = useCallback(() => dataRef.current?.story.lock?.offline === true && dataRef.current.story.lock.staffId === meId, [dataRef, meId]);
  useLockWhileOpen({ storyId, lockRef, activity, autosave, backupNow, leased });
  const replay = useReplayConflict({ storyId, data, autosave, applyStory, refresh, setNotice });
  const workflow = useWorkflow({ storyId, autosave, editableRef, dataRef, refresh, setNotice, moving });
  const { setBusy } = workflow;

  /** Force unlock or take over; `unlocked` hears as soon as the core agrees, before the reload. */
  const forceUnlock = useCallback(
    async (note: string, unlocked: () => void) => {
      setBusy(true);
      try {
        await api.stories.unlock({ id: storyId, note });
        unlocked();
        setLock('none');
        await refresh(true);
      } finally {
        setBusy(false);
      }
    },
    [storyId, setBusy, setLock, refresh],
  );

  /** "Take over here": the person's own lock on another computer is let go there and taken here. */
  const takeOverHereNow = useCallback(async () => {
    setBusy(true);
    try {
      await takeOverHere();
      setTakeOver(null);
      await refresh(true);
    } catch (e) {
      setNotice(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  }, [takeOverHere, setTakeOver, refresh, setBusy, setNotice]);

  /** Try again after a refusal: a lost lock or right is looked at again first. */
  const retrySave = () => {
    if (saveState.kind === 'refused' && (saveState.error.code === 'LOCKED' || saveState.error.code === 'FORBIDDEN')) void refresh(false).then(() => autosave.resume());
    else void autosave.resume();
  };

  const restoreRevision = async (r: RevisionSummary) => {
    if (autosave.isDirty && !(await autosave.flush())) throw new Error('Save or resolve your changes before restoring.');
    const { story } = await api.stories.restore({ id: storyId, revisionId: r.id, baseVersion: autosave.version });
    applyStory(story, true);
    await refresh(false);
  };

  return {
    storyId,
    ...text,
    ...analysis,
    ...localCopy,
    ...edits,
    ...conflict,
    ...replay,
    ...workflow,
    autosave,
    saveState,
    retrySave,
    setComposing,
    lock,
    elsewhere,
    takeOver,
    setTakeOver,
    takeOverHere: takeOverHereNow,
    editable,
    notice,
    setNotice,
    loadError,
    refresh,
    forceUnlock,
    restoreRevision,
  };
}

export type StorySession = ReturnType<typeof useStorySession>;
