// Which full-width screen of the newsroom's own settings is showing, if any: the admin's
// "Newsroom settings" or the desk's "House style". Kept beside the app store rather than as one
// more View, so the queues' code is untouched: choosing a queue, opening a story or another
// person signing in closes it.
import { create } from 'zustand';
import { useApp } from '../app/store.js';

export type AdminScreenName = 'settings' | 'houseStyle';

interface AdminRoute {
  screen: AdminScreenName | null;
  show(screen?: AdminScreenName): void;
  hide(): void;
}

export const useAdminRoute = create<AdminRoute>((set) => ({
  screen: null,
  show: (screen = 'settings') => set({ screen }),
  hide: () => set({ screen: null }),
}));

useApp.subscribe((state, prev) => {
  const otherPerson = state.me?.id !== prev.me?.id;
  const elsewhere = state.view !== prev.view || (state.openStoryId !== prev.openStoryId && state.openStoryId !== null);
  if ((otherPerson || elsewhere) && useAdminRoute.getState().screen) useAdminRoute.getState().hide();
});
