// The open story as the core sent it and as it stands in the editor: the loaded story, its
// editable fields, what is wrong with its body, the version last saved and the tiptap editor.
// Refs mirror the state for the callbacks autosave and change events call later.
import type { Editor } from '@tiptap/react';
import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../shared/contract.js';
import type { Dismissal, DocNode, Story } from '../../../shared/domain.js';
import type { Field } from '../autosave.js';
import { useEditorPhotos } from '../editorPhotos.js';
import type { EditableFields } from '../localCopy.js';

export type Loaded = Result<'stories.get'>;

export const ALL_FIELDS: Field[] = ['headline', 'subheadlines', 'slug', 'byline', 'dateline', 'desk', 'body'];
/** Before the story loads (and from a core that sends none): no dismissals. One array, so effects see no change. */
export const NO_DISMISSALS: Dismissal[] = [];

export const fieldsOf = (s: Story): EditableFields => ({
  headline: s.headline,
  subheadlines: [...s.subheadlines],
  slug: s.slug,
  byline: s.byline.map((b) => ({ ...b })),
  dateline: s.dateline,
  desk: s.desk,
});

export function useStoryText() {
  const setPhotos = useEditorPhotos((s) => s.set);
  const [data, setData] = useState<Loaded | null>(null);
  const [fields, setFieldsState] = useState<EditableFields | null>(null);
  const [bodyProblems, setBodyProblems] = useState<string[]>([]);
  const [savedVersion, setSavedVersion] = useState(0);
  // The body the tiptap editor starts from; later text arrives by replaceDoc, never by a new editor.
  const [initialBody, setInitialBody] = useState<DocNode | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);

  const dataRef = useRef<Loaded | null>(null);
  const fieldsRef = useRef<EditableFields | null>(null);
  const editorRef = useRef<Editor | null>(null);

  const setFields = useCallback((f: EditableFields) => {
    fieldsRef.current = f;
    setFieldsState(f);
  }, []);
  const setLoaded = useCallback(
    (d: Loaded) => {
      dataRef.current = d;
      setData(d);
      setPhotos(d.photos);
    },
    [setPhotos],
  );

  return {
    data,
    dataRef,
    setLoaded,
    fields,
    fieldsRef,
    setFields,
    bodyProblems,
    setBodyProblems,
    savedVersion,
    setSavedVersion,
    initialBody,
    setInitialBody,
    editor,
    editorRef,
    setEditor,
  };
}

export type StoryText = ReturnType<typeof useStoryText>;
