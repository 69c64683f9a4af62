// The newsroom layout: a sidebar of queues | the list | the editor (with its side panel); below
// laptop width the list and the side panel fold into toggles above the story (PaneToggles.tsx).
// Live updates: the core's change events bump a tick that refetches the visible lists.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { api } from '../api/client.js';
import { NewsroomButton } from '../newsroom/NewsroomButton.js';
import { OfflineCopyNotice } from '../newsroom/offline.js';
import { toUiError } from '../app/errors.js';
import { focusStoryWhenReady } from '../app/focusLanding.js';
import { ROLE_LABELS } from '../app/format.js';
import { screensFor, viewsFor } from '../app/route.js';
import { useApp, type View } from '../app/store.js';
import { useAdminRoute } from '../admin/adminRoute.js';
import { AllStories, DeskFilter, DeskQueue, MyStories, PhotoQueue, SearchResults } from '../queues/Queues.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { AsideSlot } from './asideSlot.js';
import { PaneBar, useFoldingPane } from './PaneToggles.js';
import { PANE_IDS, shownToggle, usePanes } from './panes.js';
import { ShortcutsButton } from './Shortcuts.js';

const StoryEditor = lazy(() => import('../editor/StoryEditor.js'));
const PhotoDesk = lazy(() => import('../photos/PhotoDesk.js').then((m) => ({ default: m.PhotoDesk })));
const AdminScreen = lazy(() => import('../admin/AdminScreen.js'));
const HouseStyleScreen = lazy(() => import('../admin/HouseStyleScreen.js'));
const PeopleListScreen = lazy(() => import('../admin/PeopleListScreen.js'));
const AccountScreen = lazy(() => import('../account/AccountScreen.js'));

const VIEW_TITLES: Record<View, string> = {
  mine: 'My stories',
  desk: 'Desk queue',
  photos: 'Needs photos',
  library: 'Photo library',
  all: 'All stories',
};

function Sidebar() {
  const me = useApp((s) => s.me);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const desks = useApp((s) => s.desks);
  const openStory = useApp((s) => s.openStory);
  const signedOut = useApp((s) => s.signedOut);
  const screen = useAdminRoute((s) => s.screen);
  const showScreen = useAdminRoute((s) => s.show);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;
  const roles = new Set(me.roles);
  const writer = roles.has('reporter') || roles.has('desk_editor');
  const views = viewsFor(me);
  const screens = screensFor(me);

  const newStory = async () => {
    setError(null);
    try {
      const desk = me.desks[0] ?? desks[0] ?? 'News';
      const { story } = await api.stories.create({ desk });
      focusStoryWhenReady(story.id);
      openStory(story.id, 'mine');
    } catch (e) {
      setError(toUiError(e).message);
    }
  };

  const signOut = async () => {
    try {
      await api.session.signOut({});
    } finally {
      signedOut();
    }
  };

  return (
    <nav className="sidebar" aria-label="Queues">
      <div className="brand">Newsdesk</div>
      {writer ? (
        <button type="button" className="primary new-story" onClick={() => void newStory()}>
          New story
        </button>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="nav-list">
        {views.map((v) => (
          <li key={v}>
            <button
              type="button"
              className="nav-item"
              aria-current={view === v && !screen ? 'page' : undefined}
              onClick={() => {
                setView(v);
                // With the list folded beside an open story, the queue chosen shows over it.
                if (shownToggle('list')) usePanes.getState().setOpen('list', true);
              }}
            >
              {VIEW_TITLES[v]}
            </button>
          </li>
        ))}
        {screens.includes('houseStyle') ? (
          <li className="nav-admin">
            <button type="button" className="nav-item" aria-current={screen === 'houseStyle' ? 'page' : undefined} onClick={() => showScreen('houseStyle')}>
              House style
            </button>
          </li>
        ) : null}
        {screens.includes('people') ? (
          <li>
            <button type="button" className="nav-item" aria-current={screen === 'people' ? 'page' : undefined} onClick={() => showScreen('people')}>
              People list
            </button>
          </li>
        ) : null}
        {screens.includes('settings') ? (
          <li>
            <button type="button" className="nav-item" aria-current={screen === 'settings' ? 'page' : undefined} onClick={() => showScreen('settings')}>
              Newsroom settings
            </button>
          </li>
        ) : null}
      </ul>
      <ShortcutsButton />
      <div className="whoami">
        <div className="whoami-name">{me.name}</div>
        <div className="whoami-roles">{me.roles.map((r) => ROLE_LABELS[r]).join(', ')}</div>
        <div className="whoami-actions">
          <button type="button" className="quiet" aria-current={screen === 'account' ? 'page' : undefined} onClick={() => showScreen('account')}>
            Your account
          </button>
          <NewsroomButton className="quiet" />
          <button type="button" className="quiet" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
    </nav>
  );
}

function SearchBox() {
  const query = useApp((s) => s.query);
  const setQuery = useApp((s) => s.setQuery);
  const [text, setText] = useState(query);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => setText(query), [query]);
  // Search as you type, a moment after typing stops.
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text, setQuery]);
  // Ctrl/Cmd+K anywhere, or "/" outside a text field, focuses search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        // A folded list opens first: the search box is in it.
        if (shownToggle('list')) flushSync(() => usePanes.getState().setOpen('list', true));
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form role="search" className="search" onSubmit={(e) => (e.preventDefault(), setQuery(text.trim()))}>
      <input
        ref={ref}
        type="search"
        aria-label="Search stories"
        placeholder="Search stories"
        aria-keyshortcuts="Control+K /"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
          }
        }}
      />
    </form>
  );
}

function ListPane() {
  const view = useApp((s) => s.view);
  const query = useApp((s) => s.query);
  const me = useApp((s) => s.me);
  const showDeskFilter = view === 'desk' || view === 'photos' || view === 'all' || !!query;
  const ref = useRef<HTMLElement>(null);
  useFoldingPane('list', ref, (el) => el.querySelector<HTMLElement>('[aria-current="true"]') ?? el.querySelector('input'));
  return (
    <section ref={ref} id={PANE_IDS.list.pane} className="list-pane" aria-labelledby="list-title">
      <div className="list-header">
        <h1 id="list-title">{query ? 'Search' : VIEW_TITLES[view]}</h1>
        <SearchBox />
        {showDeskFilter && me ? <DeskFilter /> : null}
      </div>
      <div className="list-scroll">
        <OfflineCopyNotice className="offline-copy offline-copy-list" />
        {query ? (
          <SearchResults query={query} />
        ) : view === 'mine' ? (
          <MyStories />
        ) : view === 'desk' ? (
          <DeskQueue />
        ) : view === 'photos' ? (
          <PhotoQueue />
        ) : (
          <AllStories />
        )}
      </div>
    </section>
  );
}

/** A screen that takes the whole width beside the sidebar (the photo library, the settings), loaded lazily. */
function FullScreen({ name, what, children }: { name: string; what: string; children: ReactNode }) {
  return (
    <div className={`shell shell-${name}`}>
      <Sidebar />
      <main className={`${name}-main`}>
        <ErrorBoundary what={what}>
          <Suspense fallback={<p className="loading">Loading {what}…</p>}>{children}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

export function Shell() {
  const view = useApp((s) => s.view);
  const openStoryId = useApp((s) => s.openStoryId);
  const bump = useApp((s) => s.bump);
  const [aside, setAside] = useState<HTMLElement | null>(null);
  const asideRef = useRef<HTMLElement | null>(null);
  const asideSlot = useCallback((el: HTMLElement | null) => {
    asideRef.current = el;
    setAside(el);
  }, []);
  useFoldingPane('tools', asideRef, (el) => el.querySelector('[role="tab"][aria-selected="true"]'));
  const panesOpen = usePanes((s) => s.open);
  const closePanes = usePanes((s) => s.closeAll);
  const screen = useAdminRoute((s) => s.screen);
  const isAdmin = useApp((s) => !!s.me?.roles.includes('admin'));
  const isDesk = useApp((s) => !!s.me?.roles.includes('desk_editor'));

  // Change events from any window or browser: refetch the visible queues (coalesced). A resync
  // (events were missed and cannot be sent again) refetches everything this listens for.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.onEvent((event) => {
      if (event.type === 'photo.imported') return;
      if (event.type === 'settings.changed' || event.type === 'resync') {
        // Another window changed the house style or the limits: check with them from now on
        // (loaded lazily, like the editor that uses them).
        void import('../copyDesk/checkSettings.js').then((m) => m.useCheckSettings.getState().load());
        if (event.type === 'settings.changed') return;
      }
      if (event.type === 'staff.changed' || event.type === 'resync') {
        api.staff
          .list({})
          .then((r) => useApp.getState().staffChanged(r.staff, r.desks))
          .catch(() => undefined);
      }
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        bump();
      }, 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [bump]);

  // Another story (or none): the folded panes close, so the story opened gets the width.
  useEffect(() => closePanes(), [openStoryId, closePanes]);

  if (screen === 'settings' && isAdmin) {
    return (
      <FullScreen name="admin" what="the newsroom settings">
        <AdminScreen />
      </FullScreen>
    );
  }
  if (screen === 'account') {
    return (
      <FullScreen name="admin" what="your account">
        <AccountScreen />
      </FullScreen>
    );
  }
  if (screen === 'houseStyle' && (isAdmin || isDesk)) {
    return (
      <FullScreen name="admin" what="the house style">
        <HouseStyleScreen />
      </FullScreen>
    );
  }
  if (screen === 'people' && (isAdmin || isDesk)) {
    return (
      <FullScreen name="admin" what="the people list">
        <PeopleListScreen />
      </FullScreen>
    );
  }

  if (view === 'library') {
    return (
      <FullScreen name="library" what="the photo library">
        <PhotoDesk />
      </FullScreen>
    );
  }

  return (
    <AsideSlot.Provider value={aside}>
      <div className={['shell', openStoryId ? 'shell-open' : '', panesOpen.list ? 'list-open' : '', panesOpen.tools ? 'tools-open' : ''].filter(Boolean).join(' ')}>
        <Sidebar />
        <main className="main">
          <ListPane />
          <div className="editor-pane">
            {openStoryId ? <PaneBar /> : null}
            {openStoryId ? (
              <ErrorBoundary key={openStoryId} what="the story editor">
                <Suspense fallback={<p className="loading">Loading the editor…</p>}>
                  <StoryEditor storyId={openStoryId} />
                </Suspense>
              </ErrorBoundary>
            ) : (
              <div className="editor-empty">
                <p>Select a story to open it.</p>
              </div>
            )}
          </div>
        </main>
        {openStoryId ? <aside ref={asideSlot} id={PANE_IDS.tools.pane} className="side-panel" aria-label="Story tools" /> : null}
      </div>
    </AsideSlot.Provider>
  );
}
