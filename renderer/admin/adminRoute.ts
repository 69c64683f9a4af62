// Which full-width screen of the newsroom's own settings is showing, if any: the admin's
// "Newsroom settings" (`#/settings`) or the desk's "House style" (`#/house-style`). Part of the
// address like the queues (app/route.ts), so choosing a queue or opening a story leaves it and
// Back returns to it.
import { useApp } from '../app/store.js';
import type { AdminScreenName, ScreenName } from '../app/route.js';

export type { AdminScreenName };

interface AdminRoute {
  screen: ScreenName | null;
  show(screen?: ScreenName): void;
}

const show = (screen: ScreenName = 'settings') => useApp.getState().showScreen(screen);

/** The settings screen showing and the way to open one, picked with `select` like a store hook. */
export function useAdminRoute<T>(select: (route: AdminRoute) => T): T {
  return useApp((s) => select({ screen: s.screen, show }));
}
