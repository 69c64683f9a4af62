// The panes that fold away below laptop width: the story list ("Stories") and the story tools
// (the side panel). Whether one is folded is the stylesheet's call (styles.css, the shell); this
// holds only whether a person opened it, and says nothing while the pane is shown anyway.
import { create } from 'zustand';

export type Pane = 'list' | 'tools';

/** The element ids a toggle points at (aria-controls) and of the toggles themselves. */
export const PANE_IDS: Record<Pane, { pane: string; toggle: string }> = {
  list: { pane: 'story-list', toggle: 'story-list-toggle' },
  tools: { pane: 'story-tools', toggle: 'story-tools-toggle' },
};

interface PanesState {
  open: Record<Pane, boolean>;
  setOpen(pane: Pane, open: boolean): void;
  closeAll(): void;
}

export const usePanes = create<PanesState>((set) => ({
  open: { list: false, tools: false },
  setOpen: (pane, open) => set((s) => ({ open: { ...s.open, [pane]: open } })),
  closeAll: () => set({ open: { list: false, tools: false } }),
}));

/** The toggle of `pane` when it is on screen, that is, when the pane is folded at this width. */
export function shownToggle(pane: Pane): HTMLElement | null {
  const toggle = document.getElementById(PANE_IDS[pane].toggle);
  return toggle && toggle.getClientRects().length > 0 ? toggle : null;
}
