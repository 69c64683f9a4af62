// A save refused because someone saved a newer version meanwhile: fetch theirs, then let the
// person compare, keep theirs, or save theirs over with their own ("keep mine").
import { useEffect, useState } from 'react';
import type { Story } from '../../../shared/domain.js';
import { api } from '../../api/client.js';
import type { Autosave, SaveState } from '../autosave.js';
import { clearLocalCopy } from '../localCopy.js';
import { ALL_FIELDS, type StoryText } from './useStoryText.js';

export interface ConflictDeps {
  storyId: number;
  saveKind: SaveState['kind'];
  setLoaded: StoryText['setLoaded'];
  autosave: Autosave;
  applyStory(story: Story, history: boolean): void;
}

export function useConflict({ storyId, saveKind, setLoaded, autosave, applyStory }: ConflictDeps) {
  const [conflict, setConflict] = useState<Story | null>(null);
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    if (saveKind !== 'conflict') return;
    let cancelled = false;
    api.stories
      .get({ id: storyId })
      .then((d) => {
        if (cancelled) return;
        setLoaded(d);
        setConflict(d.story);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [saveKind, storyId, setLoaded]);

  const keepMine = async () => {
    if (!conflict) return;
    setComparing(false);
    const base = conflict.version;
    setConflict(null);
    autosave.touchAll(ALL_FIELDS);
    await autosave.resume(base);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setComparing(false);
    applyStory(conflict, true);
    clearLocalCopy(storyId);
    setConflict(null);
  };

  return { conflict, comparing, setComparing, keepMine, takeTheirs };
}
