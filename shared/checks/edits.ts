// Applying a finding's fix. A fix is a list of edits, each naming the text it expects at its
// range; if any text has changed since the checks ran the fix is stale and nothing is applied.

import { bodyText } from '../body.js';
import type { FindingFix, FindingPlace, FixEdit, Id, Story, StoryPhoto, TextRange } from '../domain.js';

/** One replacement in one text, as applyTextEdits takes it: a plain edit, or a FixEdit (range in `place`). */
export type TextEdit = { range: TextRange; find: string; replace: string } | FixEdit;

const rangeOf = (e: TextEdit): TextRange => ('range' in e ? e.range : e.place.range);

/**
 * The text with every edit applied, or null when any edit is stale (its `find` is not what the
 * text holds at its range, or the range is outside the text) or two edits overlap. Edits may
 * come in any order; they are applied from the last to the first so earlier offsets hold.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string | null {
  const sorted = [...edits].sort((a, b) => rangeOf(a).from - rangeOf(b).from || rangeOf(a).to - rangeOf(b).to);
  for (let i = 0; i < sorted.length; i += 1) {
    const e = sorted[i]!;
    const { from, to } = rangeOf(e);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > text.length) return null;
    if (text.slice(from, to) !== e.find) return null;
    if (i > 0) {
      const prev = rangeOf(sorted[i - 1]!);
      // Touching is fine; overlapping, or two insertions at one point (which goes first?), is not.
      if (from < prev.to || (from === prev.from && from === to && prev.from === prev.to)) return null;
    }
  }
  const out: string[] = [];
  let at = text.length;
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const e = sorted[i]!;
    const { from, to } = rangeOf(e);
    out.push(text.slice(to, at), e.replace);
    at = from;
  }
  out.push(text.slice(0, at));
  return out.reverse().join('');
}

/** The text a place points into, as a string key: "body", "headline", "subheadlines/0", "caption/12". */
export function targetKey(place: FindingPlace): string {
  if (place.field === 'subheadlines') return `subheadlines/${place.index ?? 0}`;
  if (place.storyPhotoId !== undefined) return `${place.field}/${place.storyPhotoId}`;
  return place.field;
}

/** A fix's edits grouped by the text they change (body, headline, one subheadline, one photo's caption…), in first-seen order. */
export function editTargets(fix: FindingFix): { target: FindingPlace; edits: FixEdit[] }[] {
  const groups = new Map<string, { target: FindingPlace; edits: FixEdit[] }>();
  for (const edit of fix.edits) {
    const key = targetKey(edit.place);
    let group = groups.get(key);
    if (!group) {
      const { range: _range, ...target } = edit.place;
      group = { target, edits: [] };
      groups.set(key, group);
    }
    group.edits.push(edit);
  }
  return [...groups.values()];
}

/** What a fix changes, worked out against the story as it is now. */
export interface FixPlan {
  /** The new headline, if the fix changes it. */
  headline?: string;
  /** The new dateline, if the fix changes it. */
  dateline?: string;
  /** All subheadlines, if the fix changes any. */
  subheadlines?: string[];
  /** Photos whose caption, credit or alt the fix changes, with the new values. */
  photos: { storyPhotoId: Id; caption?: string; credit?: string; alt?: string }[];
  /** The body edits, checked against bodyText(story.body) but left to the editor to apply (ProseMirror). */
  bodyEdits: FixEdit[];
}

/**
 * Checks a fix against the story as it is now and works out its plain-text changes; null if any
 * edit is stale (the story changed under it) or points at a text that is not there. The body is
 * only checked: its edits go through the editor, so marks and figures are kept.
 */
export function planFix(input: { story: Story; photos: readonly StoryPhoto[] }, fix: FindingFix): FixPlan | null {
  const plan: FixPlan = { photos: [], bodyEdits: [] };
  let subheadlines: string[] | null = null;
  for (const { target, edits } of editTargets(fix)) {
    if (target.field === 'body') {
      if (applyTextEdits(bodyText(input.story.body), edits) === null) return null;
      plan.bodyEdits = edits;
    } else if (target.field === 'headline') {
      const next = applyTextEdits(input.story.headline, edits);
      if (next === null) return null;
      plan.headline = next;
    } else if (target.field === 'dateline') {
      const next = applyTextEdits(input.story.dateline, edits);
      if (next === null) return null;
      plan.dateline = next;
    } else if (target.field === 'subheadlines') {
      subheadlines ??= [...input.story.subheadlines];
      const i = target.index ?? 0;
      const current = subheadlines[i];
      const next = current === undefined ? null : applyTextEdits(current, edits);
      if (next === null) return null;
      subheadlines[i] = next;
    } else if (target.field === 'caption' || target.field === 'credit' || target.field === 'alt') {
      const photo = input.photos.find((p) => p.id === target.storyPhotoId);
      if (!photo) return null;
      const next = applyTextEdits(photo[target.field], edits);
      if (next === null) return null;
      let entry = plan.photos.find((p) => p.storyPhotoId === photo.id);
      if (!entry) {
        entry = { storyPhotoId: photo.id };
        plan.photos.push(entry);
      }
      entry[target.field] = next;
    } else {
      // A byline is a list of staff, not text a fix can edit.
      return null;
    }
  }
  if (subheadlines) plan.subheadlines = subheadlines;
  return plan;
}
