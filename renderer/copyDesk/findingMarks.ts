// Marks the body ranges of open copy-check findings with a wavy underline (ProseMirror
// decorations: never part of the saved document). Findings arrive by transaction meta together
// with the document they were computed on; the checks run in a worker while the person keeps
// typing, so the plugin remembers every step since then and maps the ranges onto the text as it
// is now. The same record turns a finding's offsets into live positions for jumps and fixes.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Mapping, type StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Severity, TextRange } from '../../shared/domain.js';
import { posOf, textIndex, type TextIndex } from '../editor/offsets.js';

/** One finding's body ranges, as offsets into bodyText() of the document it was computed on. */
export interface MarkSource {
  key: string;
  severity: Severity;
  message: string;
  /** `place` is the index in the finding's places (so a jump can find its mark). */
  ranges: (TextRange & { place: number })[];
}

/** Where a check run started: the document and how many steps the plugin had seen by then. */
export interface MarkAnchor {
  doc: PMNode;
  version: number;
}

type Meta = { kind: 'findings'; findings: MarkSource[]; anchor: MarkAnchor; active: string | null } | { kind: 'active'; key: string | null };

interface MarksState {
  decos: DecorationSet;
  /** Every step since the document the current findings were computed on (version `base`). */
  maps: readonly StepMap[];
  base: number;
  /** Steps seen since the editor started. */
  version: number;
  /** The text index of the document the current findings were computed on. */
  index: TextIndex | null;
  active: string | null;
}

interface MarkSpec {
  key: string;
  place: number;
  severity: Severity;
  message: string;
}

const MAX_REMEMBERED_STEPS = 20_000;

export const findingMarksKey = new PluginKey<MarksState>('findingMarks');

function decoration(from: number, to: number, spec: MarkSpec, active: string | null): Decoration {
  return Decoration.inline(
    from,
    to,
    {
      class: `finding-mark finding-mark-${spec.severity}${spec.key === active ? ' active' : ''}`,
      title: spec.message,
    },
    spec,
  );
}

function build(doc: PMNode, index: TextIndex, findings: MarkSource[], active: string | null): DecorationSet {
  const decos: Decoration[] = [];
  for (const f of findings) {
    for (const r of f.ranges) {
      const from = posOf(index, r.from);
      const to = posOf(index, r.to);
      if (from === null || to === null || to <= from) continue;
      decos.push(decoration(from, to, { key: f.key, place: r.place, severity: f.severity, message: f.message }, active));
    }
  }
  return DecorationSet.create(doc, decos);
}

/** The steps-seen counter to record with a check run's document (see MarkAnchor). */
export function marksVersion(state: EditorState): number {
  return findingMarksKey.getState(state)?.version ?? 0;
}

/**
 * Where a range of the current findings' text is in the document now, or null when its words
 * were deleted since. (The caller still compares the text: the words may have been retyped.)
 */
export function currentPositions(state: EditorState, range: TextRange): { from: number; to: number } | null {
  const s = findingMarksKey.getState(state);
  if (!s?.index) return null;
  const a = posOf(s.index, range.from);
  const b = posOf(s.index, range.to);
  if (a === null || b === null) return null;
  const mapping = new Mapping(s.maps);
  // Text typed at either edge stays outside the range.
  const from = mapping.mapResult(a, 1);
  const to = mapping.mapResult(b, -1);
  if (to.pos < from.pos || (a < b && from.pos === to.pos && (from.deleted || to.deleted))) return null;
  return { from: from.pos, to: to.pos };
}

/** The plugin itself (exported for tests, which run ProseMirror without a DOM). */
export function findingMarksPlugin(): Plugin<MarksState> {
  return new Plugin<MarksState>({
    key: findingMarksKey,
    state: {
      init: () => ({ decos: DecorationSet.empty, maps: [], base: 0, version: 0, index: null, active: null }),
      apply(tr, value) {
        let next = value;
        if (tr.docChanged) {
          const steps = tr.mapping.maps;
          const maps = next.maps.concat(steps);
          next = { ...next, decos: next.decos.map(tr.mapping, tr.doc), maps, version: next.version + steps.length };
          // Hours of typing with "Check as I type" off: stop remembering. The marks still follow
          // the text; a fix then finds its words moved, and the checks run again.
          if (maps.length > MAX_REMEMBERED_STEPS) next = { ...next, maps: [], base: next.version, index: null };
        }
        const meta = tr.getMeta(findingMarksKey) as Meta | undefined;
        if (!meta) return next;
        if (meta.kind === 'active') {
          if (meta.key === next.active) return next;
          const decos = next.decos.find().map((d) => decoration(d.from, d.to, d.spec as MarkSpec, meta.key));
          return { ...next, active: meta.key, decos: DecorationSet.create(tr.doc, decos) };
        }
        // Keep only the steps since the run's document; older ones will never be needed again
        // (answers come newest-last and older ones are dropped by the runner).
        const skip = meta.anchor.version - next.base;
        if (skip < 0) return next;
        const maps = next.maps.slice(skip);
        const index = textIndex(meta.anchor.doc);
        const decos = build(meta.anchor.doc, index, meta.findings, meta.active).map(new Mapping(maps), tr.doc);
        return { ...next, decos, maps, base: meta.anchor.version, index, active: meta.active };
      },
    },
    props: {
      decorations(state) {
        return findingMarksKey.getState(state)?.decos;
      },
    },
  });
}

export const FindingMarks = Extension.create({
  name: 'findingMarks',
  addProseMirrorPlugins() {
    return [findingMarksPlugin()];
  },
});

/** The meta a transaction carries to show a check run's findings. */
export const showFindings = (findings: MarkSource[], anchor: MarkAnchor, active: string | null): Meta => ({ kind: 'findings', findings, anchor, active });
/** The meta a transaction carries to change which finding is drawn stronger. */
export const showActive = (key: string | null): Meta => ({ kind: 'active', key });
