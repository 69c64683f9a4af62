// The workflow actions (submit, approve, publish…): saved text first, then the core's answer,
// then a reload. Before approving, what the core finds open on the saved text (reviewApproval),
// for the desk editor to see. Ctrl/Cmd+S saves now; Ctrl/Cmd+Enter submits when the core allows it.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { approvalReview, type ApprovalReview } from '../../../shared/checks/index.js';
import type { Action } from '../../../shared/domain.js';
import { ACTION_LABELS } from '../../../shared/workflow.js';
import { api } from '../../api/client.js';
import { toUiError, type UiError } from '../../app/errors.js';
import type { Autosave } from '../autosave.js';
import type { Loaded } from './useStoryText.js';

export interface WorkflowDeps {
  storyId: number;
  autosave: Autosave;
  editableRef: RefObject<boolean>;
  dataRef: RefObject<Loaded | null>;
  refresh(applyText: boolean): Promise<unknown>;
  setNotice(notice: string | null): void;
  /** True while an action moves the story: the lock it lets go of is not someone taking it. */
  moving: RefObject<boolean>;
}

export function useWorkflow({ storyId, autosave, editableRef, dataRef, refresh, setNotice, moving }: WorkflowDeps) {
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPendingState] = useState<Action | null>(null);

  /** Saves what is typed; false (with the error shown) when that fails, so the core never judges older text. */
  const saved = useCallback(
    async (action: Action): Promise<boolean> => {
      if (!editableRef.current || !autosave.isDirty || (await autosave.flush())) return true;
      setActionError({ code: 'UNKNOWN', message: `Your latest changes are not saved yet, so “${ACTION_LABELS[action]}” was not done.` });
      return false;
    },
    [autosave, editableRef],
  );

  const run = useCallback(
    async (action: Action, opts: { note?: string; publishAt?: string } = {}): Promise<boolean> => {
      setBusy(true);
      setActionError(null);
      try {
        if (!(await saved(action))) return false;
        moving.current = true;
        await api.stories.transition({ id: storyId, action, ...opts });
        await refresh(true);
        setNotice(null);
        return true;
      } catch (e) {
        setActionError(toUiError(e));
        return false;
      } finally {
        moving.current = false;
        setBusy(false);
      }
    },
    [saved, storyId, refresh, setNotice, moving],
  );

  /**
   * The open findings approval would meet, from the core's checks on the story as saved (the
   * approval is of the saved text, so what is typed is saved first); null, with the error shown,
   * when it cannot be asked.
   */
  const reviewApproval = useCallback(async (): Promise<ApprovalReview | null> => {
    setBusy(true);
    setActionError(null);
    try {
      if (!(await saved('approve'))) return null;
      return approvalReview((await api.stories.check({ id: storyId })).findings);
    } catch (e) {
      setActionError(toUiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, [saved, storyId]);

  /** The action whose dialog (a note, a date) is open; choosing one clears the last error. */
  const setPending = useCallback((a: Action | null) => {
    setActionError(null);
    setPendingState(a);
  }, []);

  // Listened for in the capture phase and default-prevented, so the body's own Mod-Enter (a line
  // break) does not also run (ProseMirror skips events already handled) and the browser's "Save
  // page" never opens.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return;
      if (e.key.toLowerCase() === 's' && !e.shiftKey) {
        e.preventDefault();
        if (editableRef.current) void autosave.flush();
      } else if (e.key === 'Enter' && dataRef.current?.allowedActions.includes('submit') && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        e.stopPropagation();
        void run('submit');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [autosave, run, editableRef, dataRef]);

  return { run, reviewApproval, busy, setBusy, actionError, pending, setPending };
}
