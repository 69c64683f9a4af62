// Where the person is, as the address says: the queue or screen showing, the story open and the
// search, e.g. `#/desk/story/123?q=harbour`. The address is the source of truth (store.ts shows
// what it says), so Back returns to the queue a story was opened from, a reload reopens the story
// and a story's link can be handed to a colleague.
//
// Hash routes rather than paths: the renderer is built with relative asset paths (one build for the
// desktop's newsdesk://app/index.html and the HTTP bridge), so a path such as /desk/story/123
// would look for its scripts under /desk/story/assets/ and find nothing on either. A hash never
// reaches the server or the app protocol, never collides with /api/, /media/ or /published/, is
// not a navigation the desktop shell refuses, and reloads as the same page everywhere.
import type { Role, Staff } from '../../shared/domain.js';

/** The queues (and the photo library, which takes the whole width). */
export type View = 'mine' | 'desk' | 'photos' | 'library' | 'all';
/** The newsroom's own settings screens. */
export type AdminScreenName = 'settings' | 'houseStyle' | 'people';
/** The screens that take the place of the queues: the settings, and the person's own account. */
export type ScreenName = AdminScreenName | 'account';
export type Place = View | ScreenName;
/** The places that show a list of stories with the editor beside it. */
export type Queue = Exclude<View, 'library'>;

export interface Route {
  /** The queue or screen; null: the person's home queue. */
  place: Place | null;
  /** The story open beside a queue. */
  storyId: number | null;
  /** The search text ('' when not searching). */
  query: string;
  /** The desk the queues are filtered to ('' for all desks). */
  desk: string;
}

export const HOME: Route = { place: null, storyId: null, query: '', desk: '' };

const SLUGS: Record<Place, string> = {
  mine: 'mine',
  desk: 'desk',
  photos: 'photos',
  library: 'library',
  all: 'all',
  settings: 'settings',
  houseStyle: 'house-style',
  people: 'people',
  account: 'account',
};
const PLACE_OF = new Map(Object.entries(SLUGS).map(([place, slug]) => [slug, place as Place]));

const QUEUES: ReadonlySet<Place> = new Set<Queue>(['mine', 'desk', 'photos', 'all']);

export const isQueue = (place: Place | null): place is Queue => place !== null && QUEUES.has(place);

const SCREENS: ReadonlySet<Place> = new Set<ScreenName>(['settings', 'houseStyle', 'people', 'account']);

export const isScreen = (place: Place | null): place is ScreenName => place !== null && SCREENS.has(place);

function storyIdOf(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The route a location hash names. Paths: `#/`, `#/<place>`, `#/story/<id>`, `#/<queue>/story/<id>`,
 * each with `?q=` and `?desk=`. Anything else is the home queue: a mistyped address still opens the app.
 */
export function parseRoute(hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const at = text.indexOf('?');
  const path = at < 0 ? text : text.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : text.slice(at + 1));
  const query = (params.get('q') ?? '').trim();
  const desk = params.get('desk') ?? '';
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return HOME;
  }
  const [first, second, third] = segments;
  const place = first === undefined ? null : (PLACE_OF.get(first) ?? null);
  if (segments.length === 0) return { ...HOME, query, desk };
  if (segments.length === 1 && place) return { place, storyId: null, query, desk };
  if (segments.length === 2 && first === 'story') {
    const storyId = storyIdOf(second);
    if (storyId !== null) return { place: null, storyId, query, desk };
  }
  if (segments.length === 3 && isQueue(place) && second === 'story') {
    const storyId = storyIdOf(third);
    if (storyId !== null) return { place, storyId, query, desk };
  }
  return HOME;
}

/** The location hash of a route (parseRoute reads it back to the same route). */
export function formatRoute(route: Route): string {
  const story = route.storyId !== null && (route.place === null || isQueue(route.place)) ? `story/${route.storyId}` : '';
  const path = [route.place ? SLUGS[route.place] : '', story].filter(Boolean).join('/');
  const params = new URLSearchParams();
  if (route.query) params.set('q', route.query);
  if (route.desk) params.set('desk', route.desk);
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

const has = (me: Staff, role: Role) => me.roles.includes(role);

/** The queues a person has, in the sidebar's order: the desk's queue, their own stories, the photo desk's, everything. */
export function viewsFor(me: Staff): View[] {
  const writer = has(me, 'reporter') || has(me, 'desk_editor');
  return [
    ...(has(me, 'desk_editor') ? (['desk'] as const) : []),
    ...(writer ? (['mine'] as const) : []),
    ...(has(me, 'photo_editor') ? (['photos', 'library'] as const) : []),
    'all',
  ];
}

/** The settings screens a person may open: the house style for the desk and admins, the newsroom's settings for admins. */
export function screensFor(me: Staff): AdminScreenName[] {
  return [...(has(me, 'desk_editor') || has(me, 'admin') ? (['houseStyle', 'people'] as const) : []), ...(has(me, 'admin') ? (['settings'] as const) : [])];
}

/** Home depends on the roles held: the desk's queue first, then a reporter's own stories, then the photo queue. */
export function homeView(me: Staff): View {
  if (has(me, 'desk_editor')) return 'desk';
  if (has(me, 'reporter')) return 'mine';
  if (has(me, 'photo_editor')) return 'photos';
  return 'all';
}

/**
 * The route as this person sees it: home in place of no place or a place they do not have (a link
 * from a colleague with other roles, an address kept from before signing out). A story stays open:
 * whether they may see it is the core's to say when it loads.
 */
export function resolveRoute(route: Route, me: Staff): Route & { place: Place } {
  const { place } = route;
  // Everyone has their own account screen.
  const allowed: Place[] = [...viewsFor(me), ...screensFor(me), 'account'];
  return place !== null && allowed.includes(place) ? { ...route, place } : { ...route, place: homeView(me) };
}

/**
 * The full address of a story to hand to a colleague: this page's address with the story's route,
 * and no queue (theirs may differ; they land on it beside their own home queue).
 */
export function storyLink(storyId: number, pageAddress: string): string {
  return new URL(formatRoute({ ...HOME, storyId }), pageAddress).href;
}
