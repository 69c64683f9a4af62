// Word-level diff between two texts (revisions, conflicts, corrections). Texts are split into
// words, whitespace and punctuation by Intl.Segmenter, which also knows Korean and Japanese
// word boundaries; the tokens are compared with Myers' O((N+M)·D) algorithm in linear space
// (the middle-snake bisection), so two 1,500-word revisions diff in milliseconds.

import type { DiffPart } from './domain.js';
import { countWords, segmenterLocale, segments } from './text.js';

export type { DiffPart } from './domain.js';

type Kind = DiffPart['kind'];

/** The text as tokens: every word, run of whitespace and punctuation mark, in order; they join back to the text. */
export function diffTokens(text: string, locale = 'en'): string[] {
  const out: string[] = [];
  for (const seg of segments(text, locale)) out.push(seg.segment);
  return out;
}

/** The word diff of two texts; `language` is a story's (any tag a person typed: one the segmenter refuses diffs as English). */
export function diffWords(a: string, b: string, language = 'en'): DiffPart[] {
  return diffWordsWithin(a, b, segmenterLocale(language), Infinity)!;
}

/** Words inserted and deleted in a diff, as the editor counts words. */
export function diffWordCounts(parts: readonly DiffPart[], language = 'en'): { added: number; removed: number } {
  const locale = segmenterLocale(language);
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'insert') added += countWords(p.text, locale);
    else if (p.kind === 'delete') removed += countWords(p.text, locale);
  }
  return { added, removed };
}

/** Thrown inside the search when it has done more work than it was allowed. */
class OverBudget extends Error {}

/**
 * The word diff, or null when finding it would take more than `maxWork` steps of the search
 * (roughly the square of the number of differences): a caller on a hot path can then fall back
 * to something coarser instead of holding up everything else.
 */
export function diffWordsWithin(
  a: string,
  b: string,
  locale: string,
  maxWork: number,
  tokens: (text: string) => string[] = (t) => diffTokens(t, locale),
): DiffPart[] | null {
  if (a === b) return a ? [{ kind: 'equal', text: a }] : [];
  const ta = tokens(a);
  const tb = tokens(b);
  // Compare small integers, not strings, in the inner loops.
  const ids = new Map<string, number>();
  const idOf = (t: string): number => {
    let n = ids.get(t);
    if (n === undefined) {
      n = ids.size;
      ids.set(t, n);
    }
    return n;
  };
  const xa = Int32Array.from(ta, idOf);
  const xb = Int32Array.from(tb, idOf);
  if (Number.isFinite(maxWork) && surelyOverBudget(xa, xb, ids.size, maxWork)) return null;

  const ops: { kind: Kind; token: string }[] = [];
  const emit = (kind: Kind, tokens: string[], from: number, to: number): void => {
    for (let i = from; i < to; i += 1) ops.push({ kind, token: tokens[i]! });
  };

  const budget = { left: maxWork };
  const solve = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    // Common prefix and suffix cost nothing.
    let pre = 0;
    while (aLo + pre < aHi && bLo + pre < bHi && xa[aLo + pre] === xb[bLo + pre]) pre += 1;
    emit('equal', ta, aLo, aLo + pre);
    aLo += pre;
    bLo += pre;
    let suf = 0;
    while (aHi - suf > aLo && bHi - suf > bLo && xa[aHi - suf - 1] === xb[bHi - suf - 1]) suf += 1;
    const tail = aHi - suf;
    aHi -= suf;
    bHi -= suf;

    if (aLo === aHi) emit('insert', tb, bLo, bHi);
    else if (bLo === bHi) emit('delete', ta, aLo, aHi);
    else {
      const split = middle(xa, xb, aLo, aHi, bLo, bHi, budget);
      if (split) {
        solve(aLo, aLo + split[0], bLo, bLo + split[1]);
        solve(aLo + split[0], aHi, bLo + split[1], bHi);
      } else {
        emit('delete', ta, aLo, aHi);
        emit('insert', tb, bLo, bHi);
      }
    }
    emit('equal', ta, tail, tail + suf);
  };
  try {
    solve(0, xa.length, 0, xb.length);
  } catch (error) {
    if (error instanceof OverBudget) return null;
    throw error;
  }
  return tidy(ops);
}

/**
 * Whether the search is bound to exceed `maxWork` before it starts: the two texts share at most
 * as many tokens as their token counts have in common, so at least D = n + m − 2·common edits
 * separate them, and the first middle snake alone walks (D/2)² steps to find its split. A
 * rewrite of a whole story is refused in one pass over its tokens instead of after the budget's
 * worth of search.
 */
function surelyOverBudget(a: Int32Array, b: Int32Array, distinct: number, maxWork: number): boolean {
  const counts = new Int32Array(distinct);
  for (const t of a) counts[t] = counts[t]! + 1;
  let common = 0;
  for (const t of b) {
    const left = counts[t]!;
    if (left > 0) {
      counts[t] = left - 1;
      common += 1;
    }
  }
  const leastEdits = a.length + b.length - 2 * common;
  const steps = Math.floor((leastEdits - 1) / 2) + 1;
  return leastEdits > 0 && steps * steps > maxWork;
}

/**
 * Myers' middle snake: walks the edit graph from both ends at once and returns the point (relative
 * to aLo, bLo) where the two shortest paths meet, or null when the ranges share nothing.
 */
function middle(a: Int32Array, b: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number, budget: { left: number }): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const off = maxD + 1;
  const size = 2 * maxD + 3;
  const fwd = new Int32Array(size).fill(-1);
  const bwd = new Int32Array(size).fill(-1);
  fwd[off + 1] = 0;
  bwd[off + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths meet on a forward step, with an even one on a backward step.
  const odd = (delta & 1) !== 0;
  let fStart = 0;
  let fEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  for (let d = 0; d < maxD; d += 1) {
    budget.left -= 2 * d + 1;
    if (budget.left < 0) throw new OverBudget();
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      const i = off + k;
      let x = k === -d || (k !== d && fwd[i - 1]! < fwd[i + 1]!) ? fwd[i + 1]! : fwd[i - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x += 1;
        y += 1;
      }
      fwd[i] = x;
      if (x > n) fEnd += 2;
      else if (y > m) fStart += 2;
      else if (odd) {
        const j = off + delta - k;
        if (j >= 0 && j < size && bwd[j]! !== -1 && x >= n - bwd[j]!) return [x, y];
      }
    }
    for (let k = -d + bStart; k <= d - bEnd; k += 2) {
      const j = off + k;
      let x = k === -d || (k !== d && bwd[j - 1]! < bwd[j + 1]!) ? bwd[j + 1]! : bwd[j - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aHi - x - 1] === b[bHi - y - 1]) {
        x += 1;
        y += 1;
      }
      bwd[j] = x;
      if (x > n) bEnd += 2;
      else if (y > m) bStart += 2;
      else if (!odd) {
        const i = off + delta - k;
        if (i >= 0 && i < size && fwd[i]! !== -1) {
          const fx = fwd[i]!;
          const fy = fx - (i - off);
          if (fx >= n - x) return [fx, fy];
        }
      }
    }
  }
  return null;
}

/**
 * Joins tokens into parts a reader can follow: neighbours of one kind merge; within a change,
 * what went comes before what came; a lone space between two changes joins the change, so
 * "quick brown" → "slow red" reads as one replacement, not two.
 */
function tidy(ops: { kind: Kind; token: string }[]): DiffPart[] {
  // Group into equal runs and change runs.
  const runs: ({ kind: 'equal'; text: string } | { kind: 'change'; del: string; ins: string })[] = [];
  for (const op of ops) {
    const last = runs.at(-1);
    if (op.kind === 'equal') {
      if (last?.kind === 'equal') last.text += op.token;
      else runs.push({ kind: 'equal', text: op.token });
    } else {
      let change = last?.kind === 'change' ? last : undefined;
      if (!change) {
        change = { kind: 'change', del: '', ins: '' };
        runs.push(change);
      }
      if (op.kind === 'delete') change.del += op.token;
      else change.ins += op.token;
    }
  }
  // Absorb whitespace-only equal runs sitting between two changes.
  const merged: typeof runs = [];
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    const prev = merged.at(-1);
    const next = runs[i + 1];
    if (run.kind === 'equal' && prev?.kind === 'change' && next?.kind === 'change' && /^\s+$/u.test(run.text)) {
      prev.del += run.text + next.del;
      prev.ins += run.text + next.ins;
      i += 1;
    } else if (run.kind === 'change' && prev?.kind === 'change') {
      prev.del += run.del;
      prev.ins += run.ins;
    } else merged.push(run.kind === 'change' ? { ...run } : run);
  }
  const parts: DiffPart[] = [];
  const equal = (text: string): void => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === 'equal') last.text += text;
    else parts.push({ kind: 'equal', text });
  };
  for (const run of merged) {
    if (run.kind === 'equal') equal(run.text);
    else {
      // Space both sides of a replacement share at its edges is unchanged text: "a missile " →
      // "two missiles " replaces the words, not the space after them.
      const lead = run.del && run.ins ? sharedSpace(run.del, run.ins, 'start') : '';
      const trail = run.del && run.ins ? sharedSpace(run.del.slice(lead.length), run.ins.slice(lead.length), 'end') : '';
      equal(lead);
      const del = run.del.slice(lead.length, run.del.length - trail.length);
      const ins = run.ins.slice(lead.length, run.ins.length - trail.length);
      if (del) parts.push({ kind: 'delete', text: del });
      if (ins) parts.push({ kind: 'insert', text: ins });
      equal(trail);
    }
  }
  return parts;
}

/** The whitespace both texts start (or end) with, short of the whole of either. */
function sharedSpace(a: string, b: string, side: 'start' | 'end'): string {
  const at = (t: string, i: number) => (side === 'start' ? t[i] : t[t.length - 1 - i]);
  let n = 0;
  while (n < a.length - 1 && n < b.length - 1 && at(a, n) === at(b, n) && /\s/u.test(at(a, n)!)) n += 1;
  return side === 'start' ? a.slice(0, n) : a.slice(a.length - n);
}
