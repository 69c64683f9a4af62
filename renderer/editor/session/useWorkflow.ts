// The workflow actions (submit, approve, publish…): saved text first, then the core's answer,
// then a reload. Ctrl/Cmd+S saves now; Ctrl/Cmd+Enter submits when the core allows it.
import { useCallback, useEffect, useState, type RefObject } from 'react';
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
}

export function useWorkflow({ storyId, autosave, editableRef, dataRef, refresh, setNotice }: WorkflowDeps) {
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPendingState] = useState<Action | null>(null);

  const run = useCallback(
    async (action: Action, opts: { note?: string; publishAt?: string } = {}): Promise<boolean> => {
      setBusy(true);
      setActionError(null);
      try {
        if (editableRef.current && autosave.isDirty && !(await autosave.flush())) {
          setActionError({ code: 'UNKNOWN', message: `Your latest changes are not saved yet, so “${ACTION_LABELS[action]}” was not done.` });
          return false;
        }
        await api.stories.transition({ id: storyId, action, ...opts });
        await refresh(true);
        setNotice(null);
        return true;
      } catch (e) {
        setActionError(toUiError(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [autosave, storyId, refresh, editableRef, setNotice],
  );

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

  return { run, busy, setBusy, actionError, pending, setPending };
}
