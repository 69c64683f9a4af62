// App-wide state: who is signed in, the staff and desks, where the person is (the queue or
// settings screen showing, the story open, the search text and desk filter) and a tick that change
// events bump so visible lists refetch. A session that ends while the app is open (sessionEnded)
// keeps the address, so signing in again returns to the same place. Where the person is comes from the address (route.ts): the
// setters below write the address, and the address alone sets those fields, on every change,
// Back and Forward included.
import { create } from 'zustand';
import type { Staff } from '../../shared/domain.js';
import { cancelLanding, focusStoryWhenReady, landOnQueue } from './focusLanding.js';
import { formatRoute, homeView, isQueue, isScreen, parseRoute, resolveRoute, type AdminScreenName, type Route, type ScreenName, type View } from './route.js';

export type { AdminScreenName, ScreenName, View };

export interface AppState {
  me: Staff | null;
  staff: Staff[];
  desks: string[];
  /** The queue showing, or the last one shown while a settings screen is open. */
  view: View;
  /** The settings or account screen showing instead of the queues, if any. */
  screen: ScreenName | null;
  deskFilter: string;
  query: string;
  openStoryId: number | null;
  /** Bumped by the core's change events; lists refetch when it moves. */
  tick: number;
  /** The session ended while the app was open (not signed out here): the sign-in screen says so. */
  ended: boolean;
  /** Signed in (or the session restored): shows what the address says, as this person may see it. */
  signedIn(me: Staff, staff: Staff[], desks: string[]): void;
  /** The staff list changed elsewhere (an admin added or renamed someone). */
  staffChanged(staff: Staff[], desks: string[]): void;
  /** Signed out: the address is cleared, so the next person to sign in starts at their own home. */
  signedOut(): void;
  /**
   * The core no longer knows this session (it expired, was ended elsewhere, the person was
   * deactivated): back to sign-in with the address kept, so signing in returns to the same place.
   */
  sessionEnded(): void;
  setView(view: View): void;
  setDeskFilter(desk: string): void;
  setQuery(query: string): void;
  /** Opens a story (null closes it) beside the queue showing, or beside `queue`. */
  openStory(id: number | null, queue?: View): void;
  showScreen(screen: ScreenName): void;
  bump(): void;
}

/** Where the person is now, as a route. */
function currentRoute(s: AppState): Route {
  return { place: s.screen ?? s.view, storyId: s.openStoryId, query: s.query, desk: s.deskFilter };
}

/** Shows what the address says (after a change, Back, Forward, or signing in). */
function showLocation(): void {
  const { me, view } = useApp.getState();
  if (!me) return;
  const route = resolveRoute(parseRoute(location.hash), me);
  // Say in the address what is shown: `#/` is the home queue by name, a queue the person does not have is home.
  const canonical = formatRoute(route);
  if (canonical !== location.hash) history.replaceState(history.state, '', canonical);
  useApp.setState({
    view: isQueue(route.place) || route.place === 'library' ? route.place : view,
    screen: isScreen(route.place) ? route.place : null,
    openStoryId: route.storyId,
    query: route.query,
    deskFilter: route.desk,
  });
}

/**
 * Goes to `route`: a new history entry for a move Back should undo (another queue, a story opened
 * or closed), or in place of this one for a refinement (search text as it is typed, the desk filter).
 */
function go(route: Route, how: 'push' | 'replace'): void {
  const next = formatRoute(route);
  if (next === location.hash) return;
  cancelLanding();
  if (how === 'push') history.pushState(null, '', next);
  else history.replaceState(history.state, '', next);
  showLocation();
}

/** Follows the address as Back, Forward or a typed address change it; returns the way to stop. */
export function followLocation(): () => void {
  window.addEventListener('popstate', showLocation);
  window.addEventListener('hashchange', showLocation);
  return () => {
    window.removeEventListener('popstate', showLocation);
    window.removeEventListener('hashchange', showLocation);
  };
}

export const useApp = create<AppState>((set, get) => ({
  me: null,
  staff: [],
  desks: [],
  view: 'all',
  screen: null,
  deskFilter: '',
  query: '',
  openStoryId: null,
  tick: 0,
  ended: false,
  signedIn: (me, staff, desks) => {
    set({ me, staff, desks, view: homeView(me), ended: false });
    showLocation();
    // The keyboard starts on the story the address names, else on the queue.
    const { openStoryId, screen, view } = get();
    if (openStoryId !== null) focusStoryWhenReady(openStoryId);
    else if (!screen && isQueue(view)) landOnQueue();
  },
  staffChanged: (staff, desks) => {
    set((s) => ({ staff, desks, me: s.me ? (staff.find((p) => p.id === s.me?.id) ?? s.me) : null }));
    // Their own roles may have changed: a screen they no longer have gives way to home.
    showLocation();
  },
  signedOut: () => {
    cancelLanding();
    history.replaceState(history.state, '', location.pathname + location.search);
    set({ me: null, screen: null, openStoryId: null, query: '', deskFilter: '', ended: false });
  },
  sessionEnded: () => {
    if (!get().me) return;
    cancelLanding();
    // The open story closes with the shell: its editor keeps what was typed on this computer
    // (localCopy.ts) and offers it back when the story opens again after signing in.
    set({ me: null, ended: true });
  },
  setView: (view) => {
    const s = get();
    go({ ...currentRoute(s), place: view, storyId: isQueue(view) ? s.openStoryId : null, query: '' }, 'push');
  },
  setDeskFilter: (desk) => go({ ...currentRoute(get()), desk }, 'replace'),
  setQuery: (query) => go({ ...currentRoute(get()), query }, 'replace'),
  openStory: (id, queue) => {
    const s = get();
    const here = s.screen ?? s.view;
    const place = queue ?? (isQueue(here) ? here : s.me ? homeView(s.me) : null);
    go({ ...currentRoute(s), place, storyId: id }, 'push');
  },
  showScreen: (screen) => go({ ...currentRoute(get()), place: screen, storyId: null, query: '' }, 'push'),
  bump: () => set((s) => ({ tick: s.tick + 1 })),
}));
