// The editor's live copy checks: runs the engine (in a worker, see checkRunner.ts) on the text as
// it stands, saved or not, whenever the editor asks (a moment after typing stops) and "Check as I
// type" is on; otherwise only when opened and on "Check now". Hands each result to the body's
// marks (with the document it was computed on, so they land on the right words however much was
// typed meanwhile) and to the caption marks, leaving out what a desk editor dismissed.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Dismissal, Finding, Story, StoryPhoto } from '../../shared/domain.js';
import { useCheckAsYouType } from './checkAsYouType.js';
import { CheckRunner } from './checkRunner.js';
import { useCheckSettings } from './checkSettings.js';
import { findingMarksKey, marksVersion, showActive, showFindings, type MarkAnchor, type MarkSource } from './findingMarks.js';
import { useEditorFindings } from './findingsStore.js';

export interface CheckSubject {
  story: Story;
  photos: StoryPhoto[];
}

/** The body ranges of the findings not dismissed, for the marks plugin. */
function markSources(open: Finding[]): MarkSource[] {
  return open.map((f) => ({
    key: f.key,
    severity: f.severity,
    message: f.message,
    ranges: f.places.flatMap((p, place) => (p.field === 'body' && p.range ? [{ ...p.range, place }] : [])),
  }));
}

/** The editor's document now, recorded with a check run so its answer can be mapped onto later text. */
export function anchorOf(editor: Editor | null): MarkAnchor | null {
  return editor && !editor.isDestroyed ? { doc: editor.state.doc, version: marksVersion(editor.state) } : null;
}

export function useLiveChecks(editorRef: RefObject<Editor | null>, dismissals: Dismissal[]) {
  const live = useCheckAsYouType((s) => s.on);
  const setLive = useCheckAsYouType((s) => s.set);
  const settings = useCheckSettings((s) => s.settings);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [outdated, setOutdated] = useState(false);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<MarkAnchor | null>(null);

  const runner = useRef<CheckRunner | null>(null);
  const liveRef = useRef(live);
  liveRef.current = live;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const ran = useRef(false);
  const activeRef = useRef(activeKey);
  activeRef.current = activeKey;

  useEffect(() => {
    const r = new CheckRunner();
    runner.current = r;
    void useCheckSettings.getState().load();
    return () => {
      r.dispose();
      runner.current = null;
      useEditorFindings.getState().set([], null);
    };
  }, []);

  /**
   * Checks `subject` when checks follow typing, when `force`d, or when nothing has been checked
   * yet; otherwise only notes that the findings no longer describe the text.
   */
  const check = useCallback((subject: CheckSubject, at: MarkAnchor | null, force = false) => {
    const r = runner.current;
    if (!r) return;
    if (!liveRef.current && !force && ran.current) {
      setOutdated(true);
      return;
    }
    ran.current = true;
    setChecking(true);
    void r.run({ ...subject, settings: settingsRef.current, people: useCheckSettings.getState().people }).then((outcome) => {
      if (!outcome) return; // a newer text is being checked
      setChecking(false);
      if ('error' in outcome) {
        setError(outcome.error);
        return;
      }
      setError(null);
      setOutdated(false);
      setFindings(outcome.findings);
      setAnchor(at);
    });
  }, []);

  // Findings or dismissals changed: redraw the body's marks and the captions' from the run's document.
  useEffect(() => {
    if (!findings) return;
    const dismissed = new Set(dismissals.map((d) => d.key));
    const open = findings.filter((f) => !dismissed.has(f.key));
    useEditorFindings.getState().set(open, activeRef.current);
    const e = editorRef.current;
    if (e && !e.isDestroyed && anchor) {
      afterComposition(e, () =>
        e.view.dispatch(e.state.tr.setMeta(findingMarksKey, showFindings(markSources(open), anchor, activeRef.current)).setMeta('addToHistory', false)),
      );
    }
  }, [findings, dismissals, anchor, editorRef]);

  // The finding last jumped to is drawn stronger, in the body and in captions.
  useEffect(() => {
    const store = useEditorFindings.getState();
    store.set(store.open, activeKey);
    const e = editorRef.current;
    if (e && !e.isDestroyed) afterComposition(e, () => e.view.dispatch(e.state.tr.setMeta(findingMarksKey, showActive(activeKey)).setMeta('addToHistory', false)));
  }, [activeKey, editorRef]);

  return { findings, error, checking, outdated, live, setLive, settings, activeKey, setActiveKey, check };
}

/**
 * Runs `redraw` now, or once the IME composition in progress ends. ProseMirror redraws the nodes
 * whose decorations change, and redrawing around a syllable still being composed can interrupt
 * some platforms' IMEs; the marks can wait for the syllable. Each redraw reads the editor's
 * state when it runs, so a late one still marks the current text.
 */
function afterComposition(editor: Editor, redraw: () => void): void {
  if (!editor.view.composing) return redraw();
  editor.view.dom.addEventListener(
    'compositionend',
    // After ProseMirror has read the composed text in its own compositionend handling.
    () => setTimeout(() => !editor.isDestroyed && redraw(), 0),
    { once: true },
  );
}

export type LiveChecks = ReturnType<typeof useLiveChecks>;
