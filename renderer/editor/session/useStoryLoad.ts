// Loading: the story when it opens, and every reload after (a change event, an action, a photo).
// A reload's text replaces the editor's only when nothing local is unsaved.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { validateBody } from '../../../shared/body.js';
import type { Story } from '../../../shared/domain.js';
import { countWords } from '../../../shared/text.js';
import { api } from '../../api/client.js';
import { toUiError } from '../../app/errors.js';
import type { Autosave } from '../autosave.js';
import { readLocalCopy, type LocalCopy } from '../localCopy.js';
import { rawText } from '../rawText.js';
import { fieldsOf, type Loaded, type StoryText } from './useStoryText.js';

export interface LoadDeps {
  storyId: number;
  text: Pick<StoryText, 'setLoaded' | 'setFields' | 'setInitialBody' | 'setBodyProblems' | 'setSavedVersion'>;
  autosave: Autosave;
  autosaveRef: RefObject<Autosave | null>;
  refreshRef: RefObject<((applyText: boolean) => Promise<unknown>) | null>;
  applyStory(story: Story, history: boolean): void;
  syncLock(d: Loaded): void;
  setWords(words: number): void;
  analyzeSoon(): void;
  setOffer(copy: LocalCopy): void;
}

export function useStoryLoad({ storyId, text, autosave, autosaveRef, refreshRef, applyStory, syncLock, setWords, analyzeSoon, setOffer }: LoadDeps) {
  const { setLoaded, setFields, setInitialBody, setBodyProblems, setSavedVersion } = text;
  const [loadError, setLoadError] = useState<string | null>(null);

  /** Reloads the story; the text only replaces the editor's when nothing local is unsaved. */
  const refresh = useCallback(
    async (applyText: boolean) => {
      const d = await api.stories.get({ id: storyId });
      setLoaded(d);
      const a = autosaveRef.current;
      if (applyText && a && d.story.version !== a.version && !a.isDirty && a.state.kind !== 'saving') applyStory(d.story, false);
      syncLock(d);
      return d;
    },
    [storyId, setLoaded, applyStory, syncLock, autosaveRef],
  );
  refreshRef.current = refresh;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const d = await api.stories.get({ id: storyId });
        if (cancelled) return;
        setLoaded(d);
        setFields(fieldsOf(d.story));
        setInitialBody(d.story.body);
        const problems = validateBody(d.story.body);
        setBodyProblems(problems);
        // A broken body gets no editor; count its raw text instead.
        if (problems.length) setWords(countWords(rawText(d.story.body), d.story.language || 'en'));
        analyzeSoon();
        autosave.version = d.story.version;
        setSavedVersion(d.story.version);
        const local = readLocalCopy(storyId);
        if (local) setOffer(local);
        syncLock(d);
      } catch (e) {
        if (!cancelled) setLoadError(toUiError(e).message);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storyId]);

  return { loadError, refresh };
}
