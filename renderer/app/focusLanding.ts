// Where the focus goes when a place opens, so the keyboard starts where the work is:
// - after signing in, on the first story of the home queue, or on "New story" when the queue is
//   empty (the search field for someone who writes no stories). Decided once every section of the
//   queue has loaded, so it is the first row of the list rather than the first to arrive.
// - on opening a story from its row (or landing on a story's link), into the story once it is
//   ready: the headline when the text may be edited, else the body.
// Neither takes the focus from where the person has put it in the meantime.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/** Nothing has the focus, or still the element that had it when the move was asked for. */
function untouched(from: Element | null): boolean {
  const now = document.activeElement;
  return !now || now === document.body || now === from;
}

let landing = false;
let loading = 0;

function land(): void {
  if (!landing || loading > 0) return;
  landing = false;
  if (!untouched(null)) return;
  const target =
    document.querySelector<HTMLElement>('.list-pane .story-row-button') ??
    document.querySelector<HTMLElement>('.sidebar .new-story') ??
    document.querySelector<HTMLElement>('.list-pane input[type="search"]');
  target?.focus();
}

/** Signed in on a queue: the focus lands on it once it has loaded. */
export function landOnQueue(): void {
  landing = true;
}

/** The person went somewhere else first: nothing lands. */
export function cancelLanding(): void {
  landing = false;
}

/** A queue's section starts loading; the function returned says its rows are on the screen (once). */
export function queueLoading(): () => void {
  loading += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    loading -= 1;
    // A frame later, and only if nothing started loading meanwhile (a section re-mounting, as
    // React's strict mode does on purpose, counts again at once).
    if (landing && loading === 0) requestAnimationFrame(land);
  };
}

interface StoryFocus {
  storyId: number;
  from: Element | null;
}

const useStoryFocus = create<{ request: StoryFocus | null }>(() => ({ request: null }));

/** The focus moves into this story once it is ready, unless the person moves it first. */
export function focusStoryWhenReady(storyId: number): void {
  useStoryFocus.setState({ request: { storyId, from: document.activeElement } });
}

/**
 * For the story editor: once `ready` (loaded, and whether its text is editable settled), moves the
 * focus to `target()` if this story asked for it.
 */
export function useFocusOnOpen(storyId: number, ready: boolean, target: () => HTMLElement | null | undefined): void {
  const request = useStoryFocus((s) => s.request);
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => {
    if (!ready || request?.storyId !== storyId) return;
    useStoryFocus.setState({ request: null });
    if (untouched(request.from)) targetRef.current()?.focus();
  }, [request, storyId, ready]);
}
