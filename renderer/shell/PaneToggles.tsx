// Below laptop width, with a story open, the story list and the story tools fold away and a bar
// above the story holds their toggles ("Stories", "Story tools"). A folded pane, once opened,
// takes the focus; Escape closes it and gives the focus back to its toggle; a click outside
// closes one that lies over the story (not one that sits beside it).
import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { PANE_IDS, shownToggle, usePanes, type Pane } from './panes.js';

function PaneIcon({ side }: { side: 'left' | 'right' }) {
  return (
    <svg className="pane-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
      <rect x={side === 'left' ? 2 : 10} y="3" width="4" height="10" fill="currentColor" opacity="0.45" />
    </svg>
  );
}

function PaneToggle({ pane, children }: { pane: Pane; children: ReactNode }) {
  const open = usePanes((s) => s.open[pane]);
  const setOpen = usePanes((s) => s.setOpen);
  return (
    <button
      type="button"
      id={PANE_IDS[pane].toggle}
      className={`pane-toggle pane-toggle-${pane}`}
      aria-expanded={open}
      aria-controls={PANE_IDS[pane].pane}
      onClick={() => setOpen(pane, !open)}
    >
      <PaneIcon side={pane === 'list' ? 'left' : 'right'} />
      {children}
    </button>
  );
}

/** The bar above an open story with the two toggles (hidden by the stylesheet at laptop width and up). */
export function PaneBar() {
  return (
    <div className="pane-bar">
      <PaneToggle pane="list">Stories</PaneToggle>
      <PaneToggle pane="tools">Story tools</PaneToggle>
    </div>
  );
}

/**
 * Makes the element at `ref` behave as a folding pane. `focusTarget` picks what takes the focus
 * when it opens.
 */
export function useFoldingPane(pane: Pane, ref: RefObject<HTMLElement | null>, focusTarget: (el: HTMLElement) => HTMLElement | null) {
  const open = usePanes((s) => s.open[pane]);
  const setOpen = usePanes((s) => s.setOpen);
  const pick = useRef(focusTarget);
  pick.current = focusTarget;

  // Opened: the focus goes in. Closed (by Escape, the toggle, choosing a story) while the focus was
  // inside: it goes back to the toggle instead of falling to the page. A layout effect, so the
  // focus is still where it was before the pane disappears.
  const wasOpen = useRef(open);
  useLayoutEffect(() => {
    const el = ref.current;
    if (open && !wasOpen.current && el && shownToggle(pane)) pick.current(el)?.focus();
    if (!open && wasOpen.current && el?.contains(document.activeElement)) shownToggle(pane)?.focus();
    wasOpen.current = open;
  }, [open, pane, ref]);

  useEffect(() => {
    if (!open) return;
    // On the document, after React's handlers: a field's own Escape (clearing the search, cancelling
    // a form) has been handled and prevented by then. (The side panel's content is a portal, so its
    // React events never pass the <aside> itself.)
    const onKeyDown = (e: KeyboardEvent) => {
      const el = ref.current;
      const target = e.target as Element;
      if (e.key !== 'Escape' || e.defaultPrevented || !el?.contains(target) || target.closest('dialog') || !shownToggle(pane)) return;
      e.preventDefault();
      setOpen(pane, false);
    };
    const onPointerDown = (e: PointerEvent) => {
      const el = ref.current;
      const target = e.target as Node;
      if (!el || el.contains(target) || document.getElementById(PANE_IDS[pane].toggle)?.contains(target)) return;
      // Beside the story (docked, or not folded at all): a click on the story leaves it open.
      if (getComputedStyle(el).position === 'static' || !shownToggle(pane)) return;
      setOpen(pane, false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [open, pane, ref, setOpen]);
}
