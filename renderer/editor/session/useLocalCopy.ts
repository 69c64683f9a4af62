// The copy of unsaved changes kept on this computer until the server has them: written at most
// every 2 s while typing (and at once on leaving), offered back when the story opens again.
// A copy based on this very version is restored at once; an older one is offered, and saving
// it then is "keep mine" over the newer version.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { validateBody } from '../../../shared/body.js';
import type { DocNode } from '../../../shared/domain.js';
import { shortTime } from '../../app/format.js';
import type { Autosave } from '../autosave.js';
import { replaceDoc } from '../BodyEditor.js';
import { clearLocalCopy, writeLocalCopy, type LocalCopy } from '../localCopy.js';
import { ALL_FIELDS, type StoryText } from './useStoryText.js';

export interface LocalCopyDeps {
  storyId: number;
  text: Pick<StoryText, 'data' | 'dataRef' | 'fieldsRef' | 'setFields' | 'editor' | 'editorRef'>;
  autosave: Autosave;
  autosaveRef: RefObject<Autosave | null>;
  editable: boolean;
  analyzeSoon(): void;
  setNotice(notice: string | null): void;
}

export function useLocalCopy({ storyId, text, autosave, autosaveRef, editable, analyzeSoon, setNotice }: LocalCopyDeps) {
  const { data, dataRef, fieldsRef, setFields, editor, editorRef } = text;
  const [offer, setOffer] = useState<LocalCopy | null>(null);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const backupNow = useCallback(() => {
    if (backupTimer.current) clearTimeout(backupTimer.current);
    backupTimer.current = null;
    const a = autosaveRef.current;
    const f = fieldsRef.current;
    const e = editorRef.current;
    if (!a || !f || !e || !a.isDirty) return;
    writeLocalCopy({ storyId, baseVersion: a.version, savedAt: new Date().toISOString(), fields: f, body: e.getJSON() as DocNode });
  }, [storyId, autosaveRef, fieldsRef, editorRef]);
  // At most every 2 s while typing, in idle time: serializing a 10,000-word body must not cost a keystroke's frame.
  const backupSoon = useCallback(() => {
    if (backupTimer.current) return;
    backupTimer.current = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => backupNow(), { timeout: 1000 });
      else backupNow();
    }, 2000);
  }, [backupNow]);

  const restoreLocal = useCallback(
    (copy: LocalCopy) => {
      const e = editorRef.current;
      if (!e) return;
      setFields(copy.fields);
      if (validateBody(copy.body).length === 0) replaceDoc(e, copy.body, { history: true });
      setOffer(null);
      autosave.touchAll(ALL_FIELDS);
      void autosave.resume(dataRef.current?.story.version);
      analyzeSoon();
    },
    [autosave, analyzeSoon, editorRef, setFields, dataRef],
  );
  useEffect(() => {
    if (!offer || !editable || !editor || !data) return;
    if (offer.baseVersion === data.story.version) {
      restoreLocal(offer);
      setNotice(`Restored your unsaved changes from ${shortTime(offer.savedAt)}.`);
    }
  }, [offer, editable, editor, data, restoreLocal, setNotice]);

  const discardLocal = useCallback(() => {
    clearLocalCopy(storyId);
    setOffer(null);
  }, [storyId]);

  return { offer, setOffer, backupNow, backupSoon, restoreLocal, discardLocal };
}
