// Autosave wired to the open story: what a save sends (only the fields changed), and what a save
// brings back (the new version, and the body as the core reconciled it with the story's photos).
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { validateBody } from '../../../shared/body.js';
import type { DocNode } from '../../../shared/domain.js';
import { api } from '../../api/client.js';
import { Autosave, type SaveState } from '../autosave.js';
import { replaceDoc } from '../BodyEditor.js';
import { clearLocalCopy } from '../localCopy.js';
import type { StoryText } from './useStoryText.js';

export interface AutosaveDeps {
  storyId: number;
  text: Pick<StoryText, 'dataRef' | 'fieldsRef' | 'editorRef' | 'setLoaded' | 'setSavedVersion'>;
  analyzeSoon(): void;
  /** refresh() for callbacks made before it exists. */
  refreshRef: RefObject<((applyText: boolean) => Promise<unknown>) | null>;
}

export function useStoryAutosave({ storyId, text, analyzeSoon, refreshRef }: AutosaveDeps) {
  const { dataRef, fieldsRef, editorRef, setLoaded, setSavedVersion } = text;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'clean' });
  const autosaveRef = useRef<Autosave | null>(null);
  const composing = useRef(false);
  // The newest story version announced by change events.
  const announced = useRef(0);

  const autosave = useMemo(() => {
    const a = new Autosave(0, {
      save: async (baseVersion, dirty) => {
        const f = fieldsRef.current;
        const e = editorRef.current;
        if (!f) throw new Error('Nothing loaded.');
        const changes: Parameters<typeof api.stories.save>[0]['changes'] = {};
        if (dirty.has('headline')) changes.headline = f.headline;
        if (dirty.has('subheadlines')) changes.subheadlines = f.subheadlines.filter((s) => s.trim() !== '');
        if (dirty.has('slug')) changes.slug = f.slug;
        if (dirty.has('byline')) changes.byline = f.byline.map((b) => ({ staffId: b.staffId }));
        if (dirty.has('dateline')) changes.dateline = f.dateline;
        if (dirty.has('desk')) changes.desk = f.desk;
        if (dirty.has('body') && e) changes.body = e.getJSON() as DocNode;
        const { story } = await api.stories.save({ id: storyId, baseVersion, changes });
        return story;
      },
      onState: setSaveState,
      onSaved: (story) => {
        const d = dataRef.current;
        if (d) setLoaded({ ...d, story });
        setSavedVersion(story.version);
        const a = autosaveRef.current;
        // The core reconciles the body's figures with the story's photos, and merges a save made
        // while a photo editor placed, moved or removed one. Show its body when nothing newer was
        // typed into the body meanwhile (otherwise the next save reconciles again); the diff keeps
        // the cursor. Kept out of undo history: it is the photo editor's change, not the writer's.
        const e = editorRef.current;
        let figuresChanged = false;
        if (a && !a.dirtyFields.has('body') && e && !e.isDestroyed && !e.view.composing && validateBody(story.body).length === 0) {
          figuresChanged = replaceDoc(e, story.body, { history: false });
          if (figuresChanged) analyzeSoon();
        }
        // A newer version was announced while this save was in flight (or the body names a photo
        // this window has not loaded): fetch it, so the figure and its caption show.
        if (announced.current > story.version || figuresChanged) setTimeout(() => void refreshRef.current?.(true).catch(() => undefined), 0);
        if (!a?.isDirty) clearLocalCopy(storyId);
      },
      isComposing: () => composing.current || !!editorRef.current?.view.composing,
    });
    autosaveRef.current = a;
    return a;
    // The refs and analyzeSoon are stable (its own deps are stable); listed so the linter agrees.
  }, [storyId, setLoaded, analyzeSoon, dataRef, fieldsRef, editorRef, setSavedVersion, refreshRef]);

  /** An IME composition opened or closed in the editor: never save half a syllable. */
  const setComposing = useCallback((on: boolean) => {
    composing.current = on;
  }, []);

  return { autosave, autosaveRef, saveState, announced, setComposing };
}
