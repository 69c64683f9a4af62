// "Show the desk's changes": asks the core what the desk changed since the story's writers last
// had it (stories.deskChanges decides which revision that is), offers it to those writers, and
// while they look, marks the changes in the body and keeps the text read-only, so nobody types
// into a page of marks. Asked again when the story moves or its text changes.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import type { DeskChanges, Story } from '../../../shared/domain.js';
import { api } from '../../api/client.js';
import { setDeskChangeMarks } from '../deskChangeMarks.js';

export interface DeskChangesState {
  /** The desk's changes, when the signed-in person is one of the story's writers and there are any. */
  changes: DeskChanges | null;
  shown: boolean;
  show(): void;
  hide(): void;
  /** Why the marks could not be shown, in words. */
  problem: string | null;
}

export function useDeskChanges({ story, editor, meId }: { story: Story | null; editor: Editor | null; meId: number | undefined }): DeskChangesState {
  const [changes, setChanges] = useState<DeskChanges | null>(null);
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const storyId = story?.id;
  // Asked when the story moves; and while there are changes to show, when its text changes too.
  // With none, the text changing is the writers' own typing: no need to ask on every autosave.
  const moment = story ? `${story.status}${changes ? `@${story.version}` : ''}` : null;

  useEffect(() => {
    if (storyId === undefined || moment === null) return;
    let cancelled = false;
    api.stories
      .deskChanges({ id: storyId })
      .then((r) => !cancelled && setChanges(r.changes))
      // Nothing to offer is the safe answer: the History panel still compares any two revisions.
      .catch(() => !cancelled && setChanges(null));
    return () => {
      cancelled = true;
    };
  }, [storyId, moment]);

  const offered = changes !== null && meId !== undefined && changes.writers.some((w) => w.staffId === meId) ? changes : null;
  const showing = shown && offered !== null;

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (!showing) {
      setDeskChangeMarks(editor, null);
      return;
    }
    if (!setDeskChangeMarks(editor, offered.body)) {
      setShown(false);
      setProblem('The text in the editor is not the text the desk left, so its changes cannot be marked on it. Compare revisions in the History panel instead.');
    }
  }, [editor, showing, offered]);

  const show = useCallback(() => {
    setProblem(null);
    setShown(true);
  }, []);
  const hide = useCallback(() => setShown(false), []);

  return { changes: offered, shown: showing, show, hide, problem };
}
