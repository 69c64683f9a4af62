// Turning a finding's fix into changes: the body's edits as ONE ProseMirror transaction (so one
// Undo takes the whole fix back), the headline, subheadline and dateline edits as new field
// values, and the photos' caption, credit and alt edits as one update per photo. Every edit names
// the text it expects to replace; when any of them finds other text, the fix is stale and nothing
// at all is changed.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { applyTextEdits } from '../../shared/checks/index.js';
import type { FindingFix, FixEdit, Id, StoryPhoto } from '../../shared/domain.js';
import type { EditableFields } from '../editor/localCopy.js';
import { currentPositions } from './findingMarks.js';

export const STALE = 'stale' as const;

const TEXT_FIELDS = new Set(['headline', 'subheadlines', 'dateline']);
const PHOTO_FIELDS = new Set(['caption', 'credit', 'alt']);

/** What a fix touches, so the panel can say why it cannot be applied. */
export function fixScope(fix: FindingFix): { text: boolean; photos: boolean; unsupported: boolean } {
  const fields = fix.edits.map((e) => e.place.field);
  return {
    text: fields.some((f) => f === 'body' || TEXT_FIELDS.has(f)),
    photos: fields.some((f) => PHOTO_FIELDS.has(f)),
    // A byline is a list of staff, not text: no fix can edit it here.
    unsupported: fields.some((f) => f !== 'body' && !TEXT_FIELDS.has(f) && !PHOTO_FIELDS.has(f)),
  };
}

/** Text between two positions, counted as bodyText() counts it (blank line between blocks, a hard break as a newline). */
const textAt = (doc: PMNode, from: number, to: number) => doc.textBetween(from, to, '\n\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''));

/**
 * The whole text blocks a deletion covers, when it covers nothing else (a repeated paragraph
 * removed): deleting their text would leave empty paragraphs behind, so the blocks go instead.
 */
function wholeBlocks(doc: PMNode, from: number, to: number): { from: number; to: number }[] | null {
  const blocks: { from: number; to: number }[] = [];
  let partial = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const start = pos + 1;
    const end = start + node.content.size;
    if (from <= start && to >= end && node.content.size > 0) blocks.push({ from: pos, to: pos + node.nodeSize });
    else if (Math.max(from, start) < Math.min(to, end)) partial = true;
    return false;
  });
  return blocks.length && !partial ? blocks : null;
}

/** The body edits of a fix as one transaction, applied right to left; STALE if any text has changed. */
export function bodyFixTransaction(state: EditorState, edits: FixEdit[]): Transaction | typeof STALE {
  const located: { from: number; to: number; replace: string }[] = [];
  for (const edit of edits) {
    const at = currentPositions(state, edit.place.range);
    if (!at || textAt(state.doc, at.from, at.to) !== edit.find) return STALE;
    located.push({ ...at, replace: edit.replace });
  }
  located.sort((a, b) => b.from - a.from);
  const tr = state.tr;
  for (const edit of located) {
    const from = tr.mapping.map(edit.from, 1);
    const to = tr.mapping.map(edit.to, -1);
    if (edit.replace === '') {
      const blocks = wholeBlocks(tr.doc, from, to);
      if (blocks) for (const b of [...blocks].reverse()) tr.deleteRange(b.from, b.to);
      else tr.delete(from, to);
    } else {
      tr.insertText(edit.replace, from, to);
    }
  }
  return tr.scrollIntoView();
}

/** The new headline, subheadlines and dateline after a fix's edits to them; STALE if they changed. */
export function fieldFix(fields: EditableFields, edits: FixEdit[]): Partial<EditableFields> | typeof STALE {
  const out: Partial<EditableFields> = {};
  const headline = edits.filter((e) => e.place.field === 'headline');
  if (headline.length) {
    const next = applyTextEdits(fields.headline, headline);
    if (next === null) return STALE;
    out.headline = next;
  }
  const dateline = edits.filter((e) => e.place.field === 'dateline');
  if (dateline.length) {
    const next = applyTextEdits(fields.dateline, dateline);
    if (next === null) return STALE;
    out.dateline = next;
  }
  const subs = edits.filter((e) => e.place.field === 'subheadlines');
  if (subs.length) {
    const list = [...fields.subheadlines];
    for (const index of new Set(subs.map((e) => e.place.index ?? 0))) {
      const current = list[index];
      const next =
        current === undefined
          ? null
          : applyTextEdits(
              current,
              subs.filter((e) => (e.place.index ?? 0) === index),
            );
      if (next === null) return STALE;
      list[index] = next;
    }
    out.subheadlines = list;
  }
  return out;
}

export interface PhotoChange {
  id: Id;
  changes: { caption?: string; credit?: string; alt?: string };
}

/** One placement update per photo a fix edits; STALE if a caption, credit or alt changed. */
export function photoFix(photos: StoryPhoto[], edits: FixEdit[]): PhotoChange[] | typeof STALE {
  const byPhoto = new Map<Id, PhotoChange>();
  for (const field of ['caption', 'credit', 'alt'] as const) {
    const ofField = edits.filter((e) => e.place.field === field);
    for (const id of new Set(ofField.map((e) => e.place.storyPhotoId))) {
      const photo = photos.find((p) => p.id === id);
      if (!photo) return STALE;
      const next = applyTextEdits(
        photo[field],
        ofField.filter((e) => e.place.storyPhotoId === id),
      );
      if (next === null) return STALE;
      const change = byPhoto.get(photo.id) ?? { id: photo.id, changes: {} };
      change.changes[field] = next;
      byPhoto.set(photo.id, change);
    }
  }
  return [...byPhoto.values()];
}
