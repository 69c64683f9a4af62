// Whether the admin screen ("Newsroom settings") is showing. Kept beside the app store rather
// than as one more View, so the queues' code is untouched: choosing a queue, opening a story or
// another person signing in closes it.
import { create } from 'zustand';
import { useApp } from '../app/store.js';

interface AdminRoute {
  open: boolean;
  show(): void;
  hide(): void;
}

export const useAdminRoute = create<AdminRoute>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

useApp.subscribe((state, prev) => {
  const otherPerson = state.me?.id !== prev.me?.id;
  const elsewhere = state.view !== prev.view || (state.openStoryId !== prev.openStoryId && state.openStoryId !== null);
  if ((otherPerson || elsewhere) && useAdminRoute.getState().open) useAdminRoute.getState().hide();
});
