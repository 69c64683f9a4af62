import { countWords } from '../text.js';
import { photoLabel } from './context.js';
import { excerpt, subject } from './keys.js';
import { sentences } from './sentences.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

/** A whole caption this long, or one of its sentences this long, is not repeated in the body by chance. */
const MIN_CAPTION_WORDS = 5;
const MIN_SENTENCE_WORDS = 8;

/** A text in lower case with whitespace runs as one space, and where each of its characters came from. */
interface Normal {
  text: string;
  /** Original offset of each character; null when nothing was collapsed (offsets are the same). */
  at: number[] | null;
}

const ODD_SPACE = /\s\s|[\t\n\r\u00a0]/;
const SPACE = /\s/;

function normal(text: string): Normal {
  // Lower case where that keeps every offset (it does for all but a few letters, such as İ).
  const lower = text.toLowerCase();
  if (lower.length === text.length) text = lower;
  if (!ODD_SPACE.test(text)) return { text, at: null };
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      if (chars.at(-1) === ' ') continue;
      chars.push(' ');
    } else {
      chars.push(c);
    }
    at.push(i);
  }
  return { text: chars.join(''), at };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const STOP = /[.!?\u3002]/;
const wordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** Where a range starting at `from` goes in a sorted list of disjoint ranges: the first index whose range starts at or after it. */
function insertionPoint(ranges: readonly { from: number }[], from: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.from < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A caption (or a long sentence of one) pasted into the body as well: the reader gets it twice.
// Whitespace and case may differ (a caption sentence quoted mid-sentence loses its capital);
// the words must not. The fix deletes the copy from the body.
export const captionInBody: Check = {
  id: 'caption-in-body',
  severity: 'warning',
  run: ({ photos, paragraphs, locale }) => {
    const out: CheckResult[] = [];
    let normalized: Normal[] | null = null;
    for (const photo of photos) {
      const caption = photo.caption;
      const candidates: { from: number; to: number; whole: boolean }[] = [];
      const trimmed = { from: caption.length - caption.trimStart().length, to: caption.trimEnd().length };
      if (countWords(caption, locale) >= MIN_CAPTION_WORDS) candidates.push({ ...trimmed, whole: true });
      for (const s of sentences(caption)) {
        if (countWords(caption.slice(s.from, s.to), locale) >= MIN_SENTENCE_WORDS) candidates.push({ ...s, whole: false });
      }
      if (candidates.length === 0) continue;
      const body = (normalized ??= paragraphs.map((p) => normal(p.text)));

      // Body ranges already reported for this photo, sorted and disjoint: a sentence of the
      // caption inside a copy of the whole caption is not reported again.
      const taken: { from: number; to: number }[] = [];
      const seen = new Set<string>();
      for (const cand of candidates) {
        // Without its final stop: "… on Monday." in the caption is "… on Monday," in a sentence of the body.
        let to = cand.to;
        while (to > cand.from && STOP.test(caption[to - 1]!)) to -= 1;
        const needle = normal(caption.slice(cand.from, to)).text;
        if (!needle || seen.has(needle)) continue;
        seen.add(needle);
        for (let pi = 0; pi < paragraphs.length; pi += 1) {
          const p = paragraphs[pi]!;
          const hay = body[pi]!;
          for (let i = hay.text.indexOf(needle); i !== -1;) {
            if (wordChar(hay.text[i - 1]) || wordChar(hay.text[i + needle.length])) {
              i = hay.text.indexOf(needle, i + 1);
              continue;
            }
            const from = p.from + (hay.at ? hay.at[i]! : i);
            const end = p.from + (hay.at ? hay.at[i + needle.length - 1]! + 1 : i + needle.length);
            // Copies of one needle never overlap (the search goes on past each); a copy of
            // another is found in the sorted list by binary search.
            const at = insertionPoint(taken, from);
            if ((at > 0 && taken[at - 1]!.to > from) || (at < taken.length && taken[at]!.from < end)) {
              i = hay.text.indexOf(needle, i + 1);
              continue;
            }
            taken.splice(at, 0, { from, to: end });
            // The deletion takes one space with it, so no double space is left behind.
            const local = { from: from - p.from, to: end - p.from };
            if (p.text[local.to] === ' ') local.to += 1;
            else if (p.text[local.from - 1] === ' ') local.from -= 1;
            const cut = { from: p.from + local.from, to: p.from + local.to };
            out.push({
              subject: `${photo.id}:${subject(needle)}`,
              message: cand.whole
                ? `The caption of photo "${photoLabel(photo)}" is repeated word for word in the body`
                : `A sentence of the caption of photo "${photoLabel(photo)}" is repeated word for word in the body: "${excerpt(caption.slice(cand.from, to))}"`,
              places: [
                { field: 'body', range: { from, to: end } },
                { field: 'caption', storyPhotoId: photo.id, range: { from: cand.from, to } },
              ],
              fixes: [
                {
                  label: 'Delete it from the body',
                  edits: [{ place: { field: 'body', range: cut }, find: p.text.slice(local.from, local.to), replace: '' }],
                },
              ],
            });
            if (out.length >= MAX_FINDINGS_PER_CHECK) return out;
            i = hay.text.indexOf(needle, i + needle.length);
          }
        }
      }
    }
    return out;
  },
};
