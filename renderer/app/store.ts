// App-wide state: who is signed in, the staff and desks, which queue is showing, which story is
// open, the search text, and a tick that change events bump so visible lists refetch.
import { create } from 'zustand';
import type { Role, Staff } from '../../shared/domain.js';

export type View = 'mine' | 'desk' | 'photos' | 'library' | 'all';

export interface AppState {
  me: Staff | null;
  staff: Staff[];
  desks: string[];
  view: View;
  deskFilter: string;
  query: string;
  openStoryId: number | null;
  /** Bumped by the core's change events; lists refetch when it moves. */
  tick: number;
  signedIn(me: Staff, staff: Staff[], desks: string[]): void;
  /** The staff list changed elsewhere (an admin added or renamed someone). */
  staffChanged(staff: Staff[], desks: string[]): void;
  signedOut(): void;
  setView(view: View): void;
  setDeskFilter(desk: string): void;
  setQuery(query: string): void;
  openStory(id: number | null): void;
  bump(): void;
}

const has = (me: Staff, role: Role) => me.roles.includes(role);

/** Home depends on the roles held: the desk's queue first, then a reporter's own stories, then the photo queue. */
export function homeView(me: Staff): View {
  if (has(me, 'desk_editor')) return 'desk';
  if (has(me, 'reporter')) return 'mine';
  if (has(me, 'photo_editor')) return 'photos';
  return 'all';
}

export const useApp = create<AppState>((set) => ({
  me: null,
  staff: [],
  desks: [],
  view: 'all',
  deskFilter: '',
  query: '',
  openStoryId: null,
  tick: 0,
  signedIn: (me, staff, desks) => set({ me, staff, desks, view: homeView(me), openStoryId: null, query: '', deskFilter: '' }),
  staffChanged: (staff, desks) => set((s) => ({ staff, desks, me: s.me ? (staff.find((p) => p.id === s.me?.id) ?? s.me) : null })),
  signedOut: () => set({ me: null, openStoryId: null, query: '' }),
  setView: (view) => set({ view, query: '' }),
  setDeskFilter: (deskFilter) => set({ deskFilter }),
  setQuery: (query) => set({ query }),
  openStory: (openStoryId) => set({ openStoryId }),
  bump: () => set((s) => ({ tick: s.tick + 1 })),
}));
