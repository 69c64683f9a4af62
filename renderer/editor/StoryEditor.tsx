// The story editor: fields, body, autosave, locks, conflicts, the workflow bar and the side
// panel (checks, comments, history, photos). Loaded lazily, with tiptap, when a story opens.
// Rule one: nothing typed is ever lost. Text stays in the editor on every failure, a copy sits
// in localStorage until the server has it, and a body that fails the schema is never edited.
import type { Editor } from '@tiptap/react';
import { lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { validateBody } from '../../shared/body.js';
import type { Result } from '../../shared/contract.js';
import { diffWords } from '../../shared/diff.js';
import type { Action, Dismissal, DocNode, RevisionSummary, Story } from '../../shared/domain.js';
import { countWords, readingMinutes } from '../../shared/text.js';
import { ACTION_LABELS, isLockLive } from '../../shared/workflow.js';
import { api } from '../api/client.js';
import { toUiError, type UiError } from '../app/errors.js';
import { shortTime } from '../app/format.js';
import { useApp } from '../app/store.js';
import { AsideSlot } from '../shell/asideSlot.js';
import { Dialog, NoteDialog } from '../ui/Dialog.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { StatusBadge } from '../ui/StatusBadge.js';
import { Autosave, type Field, type SaveState } from './autosave.js';
import { BodyEditor, replaceDoc } from './BodyEditor.js';
import { LeadPhoto } from './figure.js';
import { ChecksPanel } from './ChecksPanel.js';
import { useFindingActions, type PhotoFocus } from './checks/useFindingActions.js';
import { anchorOf, useLiveChecks } from './checks/useLiveChecks.js';
import { commentHighlightKey, type HighlightAnchor } from './commentHighlights.js';
import { CommentsPanel } from './CommentsPanel.js';
import { DiffView } from './DiffView.js';
import { useEditorPhotos } from './editorPhotos.js';
import { BylineField, SubheadlinesField } from './fields.js';
import { HistoryPanel } from './HistoryPanel.js';
import { clearLocalCopy, readLocalCopy, writeLocalCopy, type EditableFields, type LocalCopy } from './localCopy.js';
import { locateQuote, posOf, textIndex } from './offsets.js';
import { PreviewDialog } from './PreviewDialog.js';
import { rawText } from './rawText.js';
import { storyEventNeed } from './storyEvents.js';
import { ActionError, WorkflowBar } from './WorkflowBar.js';
import { countBodyWords } from './wordCount.js';

const StoryPhotosPanel = lazy(() => import('../photos/StoryPhotosPanel.js').then((m) => ({ default: m.StoryPhotosPanel })));

type Loaded = Result<'stories.get'>;
type LockState = 'pending' | 'held' | 'other' | 'none';
type Tab = 'checks' | 'comments' | 'history' | 'photos';

const ALL_FIELDS: Field[] = ['headline', 'subheadlines', 'slug', 'byline', 'dateline', 'desk', 'body'];
/** Before the story loads (and from a core that sends none): no dismissals. One array, so effects see no change. */
const NO_DISMISSALS: Dismissal[] = [];

const fieldsOf = (s: Story): EditableFields => ({
  headline: s.headline,
  subheadlines: [...s.subheadlines],
  slug: s.slug,
  byline: s.byline.map((b) => ({ ...b })),
  dateline: s.dateline,
  desk: s.desk,
});

const SAVE_TEXT: Record<SaveState['kind'], string> = {
  clean: '',
  dirty: 'Waiting to save…',
  saving: 'Saving…',
  saved: 'Saved',
  retrying: 'Not saved — retrying',
  conflict: 'Not saved — conflict',
  refused: 'Not saved',
};

function SaveIndicator({ state }: { state: SaveState }) {
  const text = SAVE_TEXT[state.kind];
  return (
    <span
      className={`save-state save-${state.kind}`}
      role="status"
      title={state.kind === 'retrying' ? `${state.message} (attempt ${state.attempt})` : state.kind === 'saved' ? `Saved at ${shortTime(state.at.toISOString())}` : undefined}
    >
      {text}
    </span>
  );
}

function Banner({ kind, children }: { kind: 'error' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'info' ? 'status' : 'alert'}>
      {children}
    </div>
  );
}

function Tabs({ tab, setTab, counts }: { tab: Tab; setTab(t: Tab): void; counts: Partial<Record<Tab, number>> }) {
  const tabs: [Tab, string][] = [
    ['checks', 'Checks'],
    ['comments', 'Comments'],
    ['history', 'History'],
    ['photos', 'Photos'],
  ];
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  return (
    <div className="tabs" role="tablist" aria-label="Story tools">
      {tabs.map(([t, label], i) => (
        <button
          key={t}
          ref={(el) => {
            refs.current[t] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={tab === t}
          aria-controls={`tabpanel-${t}`}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => setTab(t)}
          onKeyDown={(e) => {
            const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!d) return;
            e.preventDefault();
            const next = tabs[(i + d + tabs.length) % tabs.length]![0];
            setTab(next);
            refs.current[next]?.focus();
          }}
        >
          {label}
          {counts[t] ? <span className="tab-count"> {counts[t]}</span> : null}
        </button>
      ))}
    </div>
  );
}

export default function StoryEditor({ storyId }: { storyId: number }) {
  const me = useApp((s) => s.me);
  const staff = useApp((s) => s.staff);
  const desks = useApp((s) => s.desks);
  const openStory = useApp((s) => s.openStory);
  const aside = useContext(AsideSlot);
  const setPhotos = useEditorPhotos((s) => s.set);

  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFieldsState] = useState<EditableFields | null>(null);
  const [bodyProblems, setBodyProblems] = useState<string[]>([]);
  const [lock, setLockState] = useState<LockState>('pending');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'clean' });
  const [conflict, setConflict] = useState<Story | null>(null);
  const [comparing, setComparing] = useState(false);
  const [offer, setOffer] = useState<LocalCopy | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Action | null>(null);
  const [dialog, setDialog] = useState<'preview' | 'forceUnlock' | null>(null);
  const [forceError, setForceError] = useState<UiError | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [words, setWords] = useState(0);
  const [tab, setTab] = useState<Tab>('checks');
  // A jump from the checks panel to a photo's caption, credit or alt text (on the Photos tab).
  const [photoFocus, setPhotoFocus] = useState<PhotoFocus | null>(null);
  const [activeComment, setActiveComment] = useState<number | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  // The body the tiptap editor starts from; later text arrives by replaceDoc, never by a new editor.
  const [initialBody, setInitialBody] = useState<DocNode | null>(null);

  // Refs mirror state for the callbacks autosave and events call later.
  const fieldsRef = useRef<EditableFields | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const lockRef = useRef<LockState>('pending');
  const dataRef = useRef<Loaded | null>(null);
  const composing = useRef(false);
  const activity = useRef(0);
  const autosaveRef = useRef<Autosave | null>(null);
  // The newest story version announced by change events, and refresh() for callbacks made before it exists.
  const announced = useRef(0);
  const refreshRef = useRef<((applyText: boolean) => Promise<unknown>) | null>(null);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const analyzeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const analyzeIdle = useRef<number | null>(null);

  const setFields = (f: EditableFields) => {
    fieldsRef.current = f;
    setFieldsState(f);
  };
  const setLock = (l: LockState) => {
    lockRef.current = l;
    setLockState(l);
  };
  const setLoaded = useCallback(
    (d: Loaded) => {
      dataRef.current = d;
      setData(d);
      setPhotos(d.photos);
    },
    [setPhotos],
  );

  const language = data?.story.language || 'en';
  const editable = !!data && data.canEdit && lock === 'held' && bodyProblems.length === 0;
  const editableRef = useRef(editable);
  editableRef.current = editable;

  // Copy checks run here, live, on the unsaved text, in a worker (the core runs the same engine
  // on submit, approve and publish, and keeps the desk's dismissals).
  const checks = useLiveChecks(editorRef, data?.dismissals ?? NO_DISMISSALS);
  const runChecksOn = checks.check;

  // ── word count and live checks ────────────────────────────────────────────
  // Both read the editor's JSON, the very thing a save sends: words as the core counts them
  // (so the queue row agrees) and the copy checks on the local, unsaved story (sent to the
  // worker with the document it came from, so its marks land on the right words later).
  // `force`: check even with "Check as I type" off (Check now, a fix, new settings).
  const analyzeNow = useCallback(
    (force = false) => {
      const d = dataRef.current;
      const f = fieldsRef.current;
      if (!d || !f) return;
      const e = editorRef.current;
      const live = e && !e.isDestroyed ? e : null;
      // A body that fails the schema has no editor: count and check the stored body.
      const body = live ? (live.getJSON() as DocNode) : d.story.body;
      const language = d.story.language || 'en';
      setWords(countBodyWords(body, language));
      runChecksOn({ story: { ...d.story, ...f, body }, photos: d.photos }, anchorOf(live), force);
    },
    [runChecksOn],
  );
  const checkNow = useCallback(() => analyzeNow(true), [analyzeNow]);
  // A moment after typing stops, in idle time: a 10,000-word body must not cost a keystroke's frame.
  const analyzeSoon = useCallback(() => {
    if (analyzeTimer.current) clearTimeout(analyzeTimer.current);
    if (analyzeIdle.current !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(analyzeIdle.current);
    analyzeIdle.current = null;
    analyzeTimer.current = setTimeout(() => {
      analyzeTimer.current = null;
      if (typeof requestIdleCallback === 'function') {
        analyzeIdle.current = requestIdleCallback(
          () => {
            analyzeIdle.current = null;
            analyzeNow();
          },
          { timeout: 500 },
        );
      } else analyzeNow();
    }, 300);
  }, [analyzeNow]);
  // Photo captions and credits are checked too: re-check when the story's photos change.
  const photos = data?.photos;
  useEffect(() => {
    if (photos) analyzeSoon();
  }, [photos, analyzeSoon]);
  useEffect(
    () => () => {
      if (analyzeTimer.current) clearTimeout(analyzeTimer.current);
      if (analyzeIdle.current !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(analyzeIdle.current);
    },
    [],
  );
  // New limits or house style (loaded, or saved by the desk): the findings change with them.
  const checkSettings = checks.settings;
  useEffect(() => {
    checkNow();
  }, [checkSettings, checkNow]);
  // "Check as I type" turned back on: catch up with what was typed meanwhile.
  const checkLive = checks.live;
  useEffect(() => {
    if (checkLive) analyzeSoon();
  }, [checkLive, analyzeSoon]);

  // ── local copy ────────────────────────────────────────────────────────────
  const backupNow = useCallback(() => {
    if (backupTimer.current) clearTimeout(backupTimer.current);
    backupTimer.current = null;
    const a = autosaveRef.current;
    const f = fieldsRef.current;
    const e = editorRef.current;
    if (!a || !f || !e || !a.isDirty) return;
    writeLocalCopy({ storyId, baseVersion: a.version, savedAt: new Date().toISOString(), fields: f, body: e.getJSON() as DocNode });
  }, [storyId]);
  // At most every 2 s while typing, in idle time: serializing a 10,000-word body must not cost a keystroke's frame.
  const backupSoon = useCallback(() => {
    if (backupTimer.current) return;
    backupTimer.current = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => backupNow(), { timeout: 1000 });
      else backupNow();
    }, 2000);
  }, [backupNow]);

  // ── saving ────────────────────────────────────────────────────────────────
  const autosave = useMemo(() => {
    const a = new Autosave(0, {
      save: async (baseVersion, dirty) => {
        const f = fieldsRef.current;
        const e = editorRef.current;
        if (!f) throw new Error('Nothing loaded.');
        const changes: Parameters<typeof api.stories.save>[0]['changes'] = {};
        if (dirty.has('headline')) changes.headline = f.headline;
        if (dirty.has('subheadlines')) changes.subheadlines = f.subheadlines.filter((s) => s.trim() !== '');
        if (dirty.has('slug')) changes.slug = f.slug;
        if (dirty.has('byline')) changes.byline = f.byline.map((b) => ({ staffId: b.staffId }));
        if (dirty.has('dateline')) changes.dateline = f.dateline;
        if (dirty.has('desk')) changes.desk = f.desk;
        if (dirty.has('body') && e) changes.body = e.getJSON() as DocNode;
        const { story } = await api.stories.save({ id: storyId, baseVersion, changes });
        return story;
      },
      onState: setSaveState,
      onSaved: (story) => {
        const d = dataRef.current;
        if (d) setLoaded({ ...d, story });
        setSavedVersion(story.version);
        const a = autosaveRef.current;
        // The core reconciles the body's figures with the story's photos, and merges a save made
        // while a photo editor placed, moved or removed one. Show its body when nothing newer was
        // typed into the body meanwhile (otherwise the next save reconciles again); the diff keeps
        // the cursor. Kept out of undo history: it is the photo editor's change, not the writer's.
        const e = editorRef.current;
        let figuresChanged = false;
        if (a && !a.dirtyFields.has('body') && e && !e.isDestroyed && !e.view.composing && validateBody(story.body).length === 0) {
          figuresChanged = replaceDoc(e, story.body, { history: false });
          if (figuresChanged) analyzeSoon();
        }
        // A newer version was announced while this save was in flight (or the body names a photo
        // this window has not loaded): fetch it, so the figure and its caption show.
        if (announced.current > story.version || figuresChanged) setTimeout(() => void refreshRef.current?.(true).catch(() => undefined), 0);
        if (!a?.isDirty) clearLocalCopy(storyId);
      },
      isComposing: () => composing.current || !!editorRef.current?.view.composing,
    });
    autosaveRef.current = a;
    return a;
    // analyzeSoon is stable (its own deps are stable); listed so the linter agrees.
  }, [storyId, setLoaded, analyzeSoon]);

  const touch = useCallback(
    (field: Field) => {
      if (!editableRef.current) return;
      activity.current = Date.now();
      autosave.touch(field);
      backupSoon();
    },
    [autosave, backupSoon],
  );

  const changeField = <K extends keyof EditableFields>(key: K, value: EditableFields[K]) => {
    const f = fieldsRef.current;
    if (!f) return;
    setFields({ ...f, [key]: value });
    touch(key as Field);
    analyzeSoon();
  };

  /** A fix's new headline, subheadlines or dateline: shown, marked unsaved, checked again. */
  const setFieldValues = useCallback(
    (changes: Partial<EditableFields>, touched: Field[]) => {
      const f = fieldsRef.current;
      if (!f) return;
      const next = { ...f, ...changes };
      fieldsRef.current = next;
      setFieldsState(next);
      for (const field of touched) touch(field);
    },
    [touch],
  );

  /** Shows the server's text in the editor (only when nothing local is waiting to save). */
  const applyStory = useCallback(
    (story: Story, history: boolean) => {
      setFields(fieldsOf(story));
      const problems = validateBody(story.body);
      setBodyProblems(problems);
      const e = editorRef.current;
      if (e && problems.length === 0) replaceDoc(e, story.body, { history });
      else if (!e) setInitialBody(story.body);
      autosave.reset(story.version);
      setSavedVersion(story.version);
      analyzeSoon();
    },
    [autosave, analyzeSoon],
  );

  // ── locks ─────────────────────────────────────────────────────────────────
  const acquire = useCallback(async () => {
    try {
      const { story } = await api.stories.lock({ id: storyId });
      const d = dataRef.current;
      if (d) setLoaded({ ...d, story });
      setLock('held');
    } catch (e) {
      const err = toUiError(e);
      // Someone else holds it: show who, read-only.
      try {
        const d = await api.stories.get({ id: storyId });
        setLoaded(d);
      } catch {
        // keep what we have
      }
      setLock(err.code === 'LOCKED' ? 'other' : 'none');
      if (err.code !== 'LOCKED') setNotice(err.message);
    }
  }, [storyId, setLoaded]);

  /** After any reload: take the lock when we may edit, else show who holds it. */
  const syncLock = useCallback(
    (d: Loaded) => {
      const now = new Date().toISOString();
      const heldByOther = isLockLive(d.story.lock, now) && d.story.lock.staffId !== me?.id;
      if (d.canEdit && !heldByOther) {
        if (lockRef.current !== 'held') void acquire();
      } else {
        setLock(heldByOther ? 'other' : 'none');
      }
    },
    [acquire, me?.id],
  );

  /** Reloads the story; the text only replaces the editor's when nothing local is unsaved. */
  const refresh = useCallback(
    async (applyText: boolean) => {
      const d = await api.stories.get({ id: storyId });
      setLoaded(d);
      const a = autosaveRef.current;
      if (applyText && a && d.story.version !== a.version && !a.isDirty && a.state.kind !== 'saving') applyStory(d.story, false);
      syncLock(d);
      return d;
    },
    [storyId, setLoaded, applyStory, syncLock],
  );
  refreshRef.current = refresh;

  const clearPhotoFocus = useCallback(() => setPhotoFocus(null), []);
  const showPhotos = useCallback((focus: PhotoFocus) => {
    setTab('photos');
    setPhotoFocus(focus);
  }, []);
  const findingActions = useFindingActions({
    storyId,
    editorRef,
    fieldsRef,
    dataRef,
    data,
    editable,
    autosave,
    setFieldValues,
    setLoaded,
    refresh,
    checkNow,
    setActiveKey: checks.setActiveKey,
    showPhotos,
  });

  // ── first load ────────────────────────────────────────────────────────────
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const d = await api.stories.get({ id: storyId });
        if (cancelled) return;
        setLoaded(d);
        setFields(fieldsOf(d.story));
        setInitialBody(d.story.body);
        const problems = validateBody(d.story.body);
        setBodyProblems(problems);
        // A broken body gets no editor; count its raw text instead.
        if (problems.length) setWords(countWords(rawText(d.story.body), d.story.language || 'en'));
        analyzeSoon();
        autosave.version = d.story.version;
        setSavedVersion(d.story.version);
        const local = readLocalCopy(storyId);
        if (local) setOffer(local);
        syncLock(d);
      } catch (e) {
        if (!cancelled) setLoadError(toUiError(e).message);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storyId]);

  // A local copy left from before: restore it at once when it was based on this very version,
  // otherwise ask (saving it then is "keep mine" over the newer version).
  const restoreLocal = useCallback(
    (copy: LocalCopy) => {
      const e = editorRef.current;
      if (!e) return;
      setFields(copy.fields);
      if (validateBody(copy.body).length === 0) replaceDoc(e, copy.body, { history: true });
      setOffer(null);
      autosave.touchAll(ALL_FIELDS);
      void autosave.resume(dataRef.current?.story.version);
      analyzeSoon();
    },
    [autosave, analyzeSoon],
  );
  useEffect(() => {
    if (!offer || !editable || !editor || !data) return;
    if (offer.baseVersion === data.story.version) {
      restoreLocal(offer);
      setNotice(`Restored your unsaved changes from ${shortTime(offer.savedAt)}.`);
    }
  }, [offer, editable, editor, data, restoreLocal]);

  // ── conflicts ─────────────────────────────────────────────────────────────
  useEffect(() => {
    if (saveState.kind !== 'conflict') return;
    let cancelled = false;
    api.stories
      .get({ id: storyId })
      .then((d) => {
        if (cancelled) return;
        setLoaded(d);
        setConflict(d.story);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [saveState.kind, storyId, setLoaded]);

  const keepMine = async () => {
    if (!conflict) return;
    setComparing(false);
    const base = conflict.version;
    setConflict(null);
    autosave.touchAll(ALL_FIELDS);
    await autosave.resume(base);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setComparing(false);
    applyStory(conflict, true);
    clearLocalCopy(storyId);
    setConflict(null);
  };

  // ── live updates from other windows ───────────────────────────────────────
  // A recount needs nothing (the findings here are the editor's own); a dismissal or restore
  // needs the story's dismissals only; new house style arrives as settings.changed (Shell).
  const refreshDismissals = useCallback(async () => {
    const { dismissals } = await api.stories.get({ id: storyId });
    const d = dataRef.current;
    if (d) setLoaded({ ...d, dismissals });
  }, [storyId, setLoaded]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dismissalsTimer: ReturnType<typeof setTimeout> | null = null;
    const off = api.onEvent((event) => {
      if (event.type === 'story.changed' && event.storyId === storyId) announced.current = Math.max(announced.current, event.version);
      const need = storyEventNeed(event, storyId, {
        version: autosave.version,
        status: dataRef.current?.story.status,
        saving: autosave.saving,
        me: me?.id,
        takingLock: lockRef.current === 'held' || lockRef.current === 'pending',
      });
      if (need === 'nothing') return;
      if (need === 'dismissals') {
        if (dismissalsTimer) clearTimeout(dismissalsTimer);
        dismissalsTimer = setTimeout(() => void refreshDismissals().catch(() => undefined), 200);
        return;
      }
      if (event.type === 'lock.changed' && lockRef.current === 'held' && event.lock && event.lock.staffId !== me?.id) {
        // Someone force-unlocked and took over: stop editing, keep the text.
        setLock('other');
        backupNow();
        setNotice(`${event.lock.name} took over this story. Your unsaved changes are kept on this computer.`);
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(true).catch(() => undefined), 200);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      if (dismissalsTimer) clearTimeout(dismissalsTimer);
    };
  }, [storyId, autosave, refresh, refreshDismissals, backupNow, me?.id]);

  // ── keep the lock while working; let it go when leaving ───────────────────
  useEffect(() => {
    let lastRenew = Date.now();
    const t = setInterval(() => {
      if (lockRef.current === 'held' && activity.current > lastRenew) {
        lastRenew = Date.now();
        api.stories.lock({ id: storyId }).catch(() => undefined);
      }
    }, 60_000);
    const onHide = () => backupNow();
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(t);
      window.removeEventListener('pagehide', onHide);
      backupNow();
      const a = autosave;
      const held = lockRef.current === 'held';
      void a.flush().finally(() => {
        a.dispose();
        if (held) api.stories.unlock({ id: storyId }).catch(() => undefined);
      });
    };
  }, [storyId, autosave, backupNow]);

  // ── workflow ──────────────────────────────────────────────────────────────
  const run = useCallback(
    async (action: Action, opts: { note?: string; publishAt?: string } = {}): Promise<boolean> => {
      setBusy(true);
      setActionError(null);
      try {
        if (editableRef.current && autosave.isDirty && !(await autosave.flush())) {
          setActionError({ code: 'UNKNOWN', message: `Your latest changes are not saved yet, so “${ACTION_LABELS[action]}” was not done.` });
          return false;
        }
        await api.stories.transition({ id: storyId, action, ...opts });
        await refresh(true);
        setNotice(null);
        return true;
      } catch (e) {
        setActionError(toUiError(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [autosave, storyId, refresh],
  );

  // Ctrl/Cmd+S saves now; Ctrl/Cmd+Enter submits when the core allows it. Listened for in the
  // capture phase and default-prevented, so the body's own Mod-Enter (a line break) does not also
  // run (ProseMirror skips events already handled) and the browser's "Save page" never opens.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return;
      if (e.key.toLowerCase() === 's' && !e.shiftKey) {
        e.preventDefault();
        if (editableRef.current) void autosave.flush();
      } else if (e.key === 'Enter' && dataRef.current?.allowedActions.includes('submit') && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        e.stopPropagation();
        void run('submit');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [autosave, run]);

  // ── comments highlighted in the body ─────────────────────────────────────
  const comments = data?.comments;
  useEffect(() => {
    if (!editor || !comments) return;
    const anchors: HighlightAnchor[] = comments
      .filter((c) => c.anchor && !c.resolved && c.parentId === null)
      .map((c) => ({ id: c.id, ...c.anchor!, active: c.id === activeComment }));
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, anchors).setMeta('addToHistory', false));
  }, [editor, comments, activeComment]);

  const selectRange = (range: { from: number; to: number }, quote?: string) => {
    const e = editorRef.current;
    if (!e) return;
    const index = textIndex(e.state.doc);
    const at = quote ? locateQuote(index.text, { ...range, quote }) : range;
    if (!at) return;
    const from = posOf(index, at.from);
    const to = posOf(index, at.to);
    if (from === null || to === null) return;
    e.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
  };

  const onEditorReady = useCallback(
    (e: Editor | null) => {
      editorRef.current = e;
      setEditor(e);
      // Checked once the editor exists whatever "Check as I type" says: the body's marks need a run on its document.
      if (e) analyzeNow(true);
    },
    [analyzeNow],
  );
  const onBodyChange = useCallback(() => {
    touch('body');
    analyzeSoon();
  }, [touch, analyzeSoon]);

  const restoreRevision = async (r: RevisionSummary) => {
    if (autosave.isDirty && !(await autosave.flush())) throw new Error('Save or resolve your changes before restoring.');
    const { story } = await api.stories.restore({ id: storyId, revisionId: r.id, baseVersion: autosave.version });
    applyStory(story, true);
    await refresh(false);
  };

  // ── render ────────────────────────────────────────────────────────────────
  if (loadError) {
    return (
      <div className="editor">
        <Banner kind="error">Could not open the story: {loadError}</Banner>
      </div>
    );
  }
  if (!data || !fields) return <p className="loading">Opening the story…</p>;

  const { story } = data;
  const readOnly = !editable;
  const liveLock = isLockLive(story.lock, new Date().toISOString()) ? story.lock : null;
  const isDesk = !!me?.roles.includes('desk_editor');
  const openComments = data.comments.filter((c) => !c.resolved && c.parentId === null).length;
  const dismissedKeys = new Set((data.dismissals ?? NO_DISMISSALS).map((d) => d.key));
  // As the desk queue counts them: blocking and warnings not dismissed (notes are not counted).
  const openFindings = checks.findings?.filter((f) => f.severity !== 'info' && !dismissedKeys.has(f.key)).length ?? 0;

  const side = (
    <>
      <Tabs tab={tab} setTab={setTab} counts={{ checks: openFindings, comments: openComments, photos: data.photos.length }} />
      <div className="tabpanel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {tab === 'checks' ? (
          <ChecksPanel
            findings={checks.findings}
            dismissals={data.dismissals ?? NO_DISMISSALS}
            error={checks.error}
            outdated={checks.outdated}
            checking={checks.checking}
            live={checks.live}
            setLive={checks.setLive}
            checkNow={checkNow}
            activeKey={checks.activeKey}
            notice={findingActions.notice}
            canRestore={data.canDismissFindings}
            restore={findingActions.restore}
            actions={findingActions.actions}
          />
        ) : tab === 'comments' ? (
          <CommentsPanel
            storyId={storyId}
            comments={data.comments}
            editor={editor}
            activeId={activeComment}
            onActivate={(id) => {
              setActiveComment(id);
              const c = data.comments.find((x) => x.id === id);
              if (c?.anchor) selectRange(c.anchor, c.anchor.quote);
            }}
            onChanged={() => void refresh(false)}
          />
        ) : tab === 'history' ? (
          <HistoryPanel storyId={storyId} version={savedVersion} canRestore={editable} onRestore={restoreRevision} />
        ) : (
          <ErrorBoundary what="the story's photos">
            <Suspense fallback={<p className="muted">Loading photos…</p>}>
              <StoryPhotosPanel
                storyId={storyId}
                photos={data.photos}
                canEditPhotos={data.canEditPhotos}
                focus={photoFocus}
                onFocused={clearPhotoFocus}
                onChanged={() => void refresh(true)}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </>
  );

  return (
    <div
      className="editor"
      lang={language}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => (composing.current = false)}
    >
      <header className="editor-top">
        <div className="editor-status">
          <StatusBadge status={story.status} />
          <span className="muted">
            v{story.version} · {words} words · {readingMinutes(words)} min read
          </span>
          {editable ? <SaveIndicator state={saveState} /> : null}
          {readOnly && lock !== 'other' && lock !== 'pending' ? <span className="readonly-tag">Read only</span> : null}
        </div>
        <div className="editor-top-actions">
          <button type="button" onClick={() => setDialog('preview')}>
            Preview
          </button>
          <button type="button" className="quiet" onClick={() => openStory(null)}>
            Close story
          </button>
        </div>
      </header>

      <WorkflowBar
        actions={data.allowedActions}
        run={run}
        pending={pending}
        setPending={(a) => {
          setActionError(null);
          setPending(a);
        }}
        busy={busy}
        error={pending ? actionError : null}
      />

      <div className="banners">
        {actionError && !pending ? <ActionError error={actionError} /> : null}
        {lock === 'other' && liveLock ? (
          <Banner kind="warning">
            <strong>Locked by {liveLock.name}</strong> since {shortTime(liveLock.acquiredAt)}. You can read it but not change the text.
            {isDesk ? (
              <button type="button" onClick={() => (setForceError(null), setDialog('forceUnlock'))}>
                Force unlock
              </button>
            ) : null}
          </Banner>
        ) : null}
        {lock !== 'other' && !liveLock && isDesk && story.status === 'editing' && story.claimedBy !== null && story.claimedBy !== me?.id ? (
          <Banner kind="warning">
            <strong>Claimed by {staff.find((p) => p.id === story.claimedBy)?.name ?? 'another desk editor'}</strong>, who is not working on it now. You can read it but not change the text.
            <button type="button" onClick={() => (setForceError(null), setDialog('forceUnlock'))}>
              Take over
            </button>
          </Banner>
        ) : null}
        {story.sendBackNote && story.status === 'draft' ? (
          <div className="desk-note-banner" role="note">
            <strong>Returned by the desk:</strong> {story.sendBackNote}
          </div>
        ) : null}
        {story.correctionNote && story.status !== 'published' ? (
          <div className="desk-note-banner" role="note">
            <strong>Correction:</strong> {story.correctionNote}
          </div>
        ) : null}
        {saveState.kind === 'conflict' ? (
          <Banner kind="error">
            <p>
              <strong>Your changes are not saved.</strong> Someone saved a newer version of this story
              {conflict ? ` (v${conflict.version})` : ''} while you were editing. Your text is still here.
            </p>
            <div className="row-actions">
              <button type="button" disabled={!conflict} onClick={() => setComparing(true)}>
                Compare
              </button>
              <button type="button" className="primary" disabled={!conflict} onClick={() => void keepMine()}>
                Keep mine
              </button>
              <button type="button" disabled={!conflict} onClick={takeTheirs}>
                Take theirs
              </button>
            </div>
          </Banner>
        ) : null}
        {saveState.kind === 'refused' ? (
          <Banner kind="error">
            <p>
              <strong>Your changes are not saved:</strong> {saveState.error.message} Your text is still here and kept on this computer.
            </p>
            <button
              type="button"
              onClick={() => {
                if (saveState.error.code === 'LOCKED' || saveState.error.code === 'FORBIDDEN') void refresh(false).then(() => autosave.resume());
                else void autosave.resume();
              }}
            >
              Try again
            </button>
          </Banner>
        ) : null}
        {saveState.kind === 'retrying' ? (
          <Banner kind="warning">
            Cannot save right now ({saveState.message}). Retrying; your text is safe in the editor and on this computer.
          </Banner>
        ) : null}
        {offer && !(editable && offer.baseVersion === story.version) ? (
          <Banner kind="warning">
            <p>You have unsaved changes to this story from {shortTime(offer.savedAt)}.</p>
            <div className="row-actions">
              {editable ? (
                <button type="button" className="primary" onClick={() => restoreLocal(offer)}>
                  Restore my changes
                </button>
              ) : null}
              <button
                type="button"
                onClick={() => {
                  clearLocalCopy(storyId);
                  setOffer(null);
                }}
              >
                Discard them
              </button>
            </div>
          </Banner>
        ) : null}
        {notice ? (
          <Banner kind="info">
            {notice}{' '}
            <button type="button" className="quiet" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </Banner>
        ) : null}
      </div>

      <div className="editor-scroll">
        <form className="story-fields" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="f-headline">Headline</label>
            <input
              id="f-headline"
              className="headline-input"
              value={fields.headline}
              readOnly={readOnly}
              maxLength={500}
              onChange={(e) => changeField('headline', e.target.value)}
            />
          </div>
          <SubheadlinesField value={fields.subheadlines} readOnly={readOnly} onChange={(v) => changeField('subheadlines', v)} />
          <div className="field-row">
            <div className="field">
              <label htmlFor="f-slug">Slug</label>
              <input id="f-slug" value={fields.slug} readOnly={readOnly} maxLength={200} onChange={(e) => changeField('slug', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="f-dateline">Dateline</label>
              <input id="f-dateline" value={fields.dateline} readOnly={readOnly} maxLength={200} onChange={(e) => changeField('dateline', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="f-desk">Desk</label>
              <select id="f-desk" value={fields.desk} disabled={readOnly} onChange={(e) => changeField('desk', e.target.value)}>
                {[...new Set([fields.desk, ...desks])].map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <BylineField value={fields.byline} staff={staff} readOnly={readOnly} onChange={(v) => changeField('byline', v)} />
        </form>

        {bodyProblems.length ? (
          <section className="body-invalid" aria-label="Story body (cannot be edited)">
            <Banner kind="error">
              <p>
                <strong>This story's body does not match the story format, so it is shown read-only as plain text.</strong> Nothing has been changed.
              </p>
              <ul>
                {bodyProblems.slice(0, 5).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Banner>
            <pre className="raw-body">{rawText(story.body)}</pre>
          </section>
        ) : (
          <>
            <LeadPhoto />
            <BodyEditor
              initial={initialBody ?? story.body}
              editable={editable}
              lang={language}
              onReady={onEditorReady}
              onChange={onBodyChange}
              onNotice={setNotice}
            />
          </>
        )}
      </div>

      {aside ? createPortal(side, aside) : null}

      {dialog === 'preview' ? <PreviewDialog storyId={storyId} onClose={() => setDialog(null)} /> : null}
      {dialog === 'forceUnlock' ? (
        <NoteDialog
          title={liveLock ? 'Force unlock' : 'Take over'}
          message={liveLock ? `${liveLock.name} may lose unsaved work. Say why you are taking the story over.` : 'Say why you are taking the story over from the desk editor who claimed it.'}
          confirmLabel={liveLock ? 'Force unlock' : 'Take over'}
          needNote
          danger
          busy={busy}
          error={forceError ? <ActionError error={forceError} /> : null}
          onClose={() => setDialog(null)}
          onConfirm={(note) => {
            setBusy(true);
            api.stories
              .unlock({ id: storyId, note })
              .then(async () => {
                setDialog(null);
                setLock('none');
                await refresh(true);
              })
              .catch((e: unknown) => setForceError(toUiError(e)))
              .finally(() => setBusy(false));
          }}
        />
      ) : null}
      {comparing && conflict ? (
        <Dialog wide title="Compare: their version and yours" onClose={() => setComparing(false)}>
          <p className="muted">Deleted words are in the saved version (v{conflict.version}) only; inserted words are yours only.</p>
          <h2 className="panel-heading">Headline</h2>
          <DiffView parts={diffWords(conflict.headline, fields.headline, language)} label="Headline changes" />
          <h2 className="panel-heading">Body</h2>
          <DiffView
            parts={diffWords(rawText(conflict.body), editor ? rawText(editor.getJSON() as DocNode) : '', language)}
            label="Body changes"
          />
          <div className="dialog-actions">
            <button type="button" onClick={takeTheirs}>
              Take theirs
            </button>
            <button type="button" className="primary" onClick={() => void keepMine()}>
              Keep mine
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
