// Changes to the text: the person's own (a field, the body, a fix), which are marked unsaved,
// kept on this computer and checked again; and the server's text put into the editor when
// nothing local is waiting to save.
import type { Editor } from '@tiptap/react';
import { useCallback, type RefObject } from 'react';
import { validateBody } from '../../../shared/body.js';
import type { Story } from '../../../shared/domain.js';
import type { Autosave, Field } from '../autosave.js';
import { replaceDoc } from '../BodyEditor.js';
import type { EditableFields } from '../localCopy.js';
import { fieldsOf, type StoryText } from './useStoryText.js';

export interface EditDeps {
  text: Pick<StoryText, 'fieldsRef' | 'setFields' | 'setBodyProblems' | 'editorRef' | 'setEditor' | 'setInitialBody' | 'setSavedVersion'>;
  autosave: Autosave;
  editableRef: RefObject<boolean>;
  activity: RefObject<number>;
  backupSoon(): void;
  analyzeNow(force?: boolean): void;
  analyzeSoon(): void;
}

export function useStoryEdits({ text, autosave, editableRef, activity, backupSoon, analyzeNow, analyzeSoon }: EditDeps) {
  const { fieldsRef, setFields, setBodyProblems, editorRef, setEditor, setInitialBody, setSavedVersion } = text;

  const touch = useCallback(
    (field: Field) => {
      if (!editableRef.current) return;
      activity.current = Date.now();
      autosave.touch(field);
      backupSoon();
    },
    [autosave, backupSoon, editableRef, activity],
  );

  const changeField = <K extends keyof EditableFields>(key: K, value: EditableFields[K]) => {
    const f = fieldsRef.current;
    if (!f) return;
    setFields({ ...f, [key]: value });
    touch(key as Field);
    analyzeSoon();
  };

  /** A fix's new headline, subheadlines or dateline: shown, marked unsaved, checked again. */
  const setFieldValues = useCallback(
    (changes: Partial<EditableFields>, touched: Field[]) => {
      const f = fieldsRef.current;
      if (!f) return;
      setFields({ ...f, ...changes });
      for (const field of touched) touch(field);
    },
    [touch, fieldsRef, setFields],
  );

  /** Shows the server's text in the editor (only when nothing local is waiting to save). */
  const applyStory = useCallback(
    (story: Story, history: boolean) => {
      setFields(fieldsOf(story));
      const problems = validateBody(story.body);
      setBodyProblems(problems);
      const e = editorRef.current;
      if (e && problems.length === 0) replaceDoc(e, story.body, { history });
      else if (!e) setInitialBody(story.body);
      autosave.reset(story.version);
      setSavedVersion(story.version);
      analyzeSoon();
    },
    [autosave, analyzeSoon, setFields, setBodyProblems, editorRef, setInitialBody, setSavedVersion],
  );

  const onEditorReady = useCallback(
    (e: Editor | null) => {
      editorRef.current = e;
      setEditor(e);
      // Checked once the editor exists whatever "Check as I type" says: the body's marks need a run on its document.
      if (e) analyzeNow(true);
    },
    [analyzeNow, editorRef, setEditor],
  );
  const onBodyChange = useCallback(() => {
    touch('body');
    analyzeSoon();
  }, [touch, analyzeSoon]);

  return { changeField, setFieldValues, applyStory, onEditorReady, onBodyChange };
}
