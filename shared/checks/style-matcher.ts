// One matcher for a whole house-style list: every form to avoid, found as a whole word (or with
// a Korean particle joined to it: 북괴는), exactly as written, in one pass over the text. The
// forms are indexed by their first word, so each word of the text costs one map lookup however
// long the list (1,000 rules over a 10,000-word story stay in milliseconds, where a regular
// expression of 1,000 alternatives would try each at every position). The few forms that do not
// start with a letter or digit go into one small regular expression.

import type { HouseStyleRule } from '../domain.js';
import { isHangulSyllable, skipNonWord, skipWord, wordCharAt } from './chars.js';
import type { TextKind } from './types.js';

export interface StyleMatch {
  from: number;
  to: number;
  form: string;
  rule: HouseStyleRule;
}

interface Matcher {
  /** Forms by their first word, longest first. */
  byFirstWord: Map<string, { form: string; rule: HouseStyleRule }[]>;
  /**
   * The first words, as (first UTF-16 unit, length) numbers: most words of a text are ruled out
   * by this before any string is cut out of the text to look up.
   */
  firstWords: Set<number>;
  /**
   * Lengths of the forms that are one word (the ones a Korean particle can join: 북괴는,
   * AEGIS가), longest first: a word of the text is also looked up by its start of each length.
   */
  oneWordLengths: number[];
  /** Forms starting with punctuation, as one alternation (longest first), or null. */
  other: RegExp | null;
  otherRules: Map<string, HouseStyleRule>;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Escaped for a /u expression, outside a class (where "-" needs none, and "\\-" is an error). */
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A first word as a number: its first UTF-16 unit and its length (capped; longer ones share a number and are looked up). */
const wordNumber = (code: number, length: number): number => code * 64 + Math.min(length, 63);

/**
 * Whether a form may end at `to`: at the end of a word, or where a Korean particle joins it
 * (북괴는, 북괴가, AEGIS는: a Hangul syllable right after the form). The start is always at a word's start.
 */
function endsAt(text: string, to: number): boolean {
  const code = text.charCodeAt(to);
  return isHangulSyllable(code) || !wordCharAt(text, to);
}

/** Which texts a rule covers: "headlines" is the headline and the subheadlines. */
export function ruleCovers(rule: HouseStyleRule, kind: TextKind): boolean {
  return rule.where === 'everywhere' || rule.where === kind;
}

function build(rules: readonly HouseStyleRule[], kind: TextKind): Matcher {
  const byFirstWord = new Map<string, { form: string; rule: HouseStyleRule }[]>();
  const firstWords = new Set<number>();
  const lengths = new Set<number>();
  const otherRules = new Map<string, HouseStyleRule>();
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!ruleCovers(rule, kind)) continue;
    for (const form of rule.avoid) {
      // The first rule naming a form wins; a form equal to its preferred one would never settle.
      if (!form.trim() || form === rule.preferred || seen.has(form)) continue;
      seen.add(form);
      WORD.lastIndex = 0;
      const first = WORD.exec(form);
      if (first && first.index === 0) {
        let list = byFirstWord.get(first[0]);
        if (!list) byFirstWord.set(first[0], (list = []));
        list.push({ form, rule });
        firstWords.add(wordNumber(form.charCodeAt(0), first[0].length));
        if (first[0] === form) lengths.add(form.length);
      } else {
        otherRules.set(form, rule);
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);
  const others = [...otherRules.keys()].sort((a, b) => b.length - a.length);
  const other = others.length
    ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${others.map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}](?<![\\uac00-\\ud7a3]))`, 'gu')
    : null;
  return { byFirstWord, firstWords, oneWordLengths: [...lengths].sort((a, b) => b - a), other, otherRules };
}

// Built once per house-style list and kind. The list is found by identity (the settings the
// core keeps), else by content: a list posted to a worker arrives as a new copy every run.
const byIdentity = new WeakMap<readonly HouseStyleRule[], Map<TextKind, Matcher>>();
const byContent = new Map<string, Map<TextKind, Matcher>>();

function matcherFor(rules: readonly HouseStyleRule[], kind: TextKind): Matcher {
  let byKind = byIdentity.get(rules);
  if (!byKind) {
    const fingerprint = JSON.stringify(rules);
    byKind = byContent.get(fingerprint);
    if (!byKind) {
      byKind = new Map();
      // A few lists at most are in use at once (the desk's, and a test's or an edit in progress).
      if (byContent.size >= 4) byContent.delete(byContent.keys().next().value!);
      byContent.set(fingerprint, byKind);
    }
    byIdentity.set(rules, byKind);
  }
  let m = byKind.get(kind);
  if (!m) byKind.set(kind, (m = build(rules, kind)));
  return m;
}

/**
 * Every avoided form in the text, left to right, never overlapping (the longer form wins at a
 * place). A form starts at a word's start and ends at a word's end, or where a Korean particle
 * joins it (북괴는: the match is 북괴).
 */
export function styleMatches(rules: readonly HouseStyleRule[], kind: TextKind, text: string): StyleMatch[] {
  const m = matcherFor(rules, kind);
  if (m.byFirstWord.size === 0 && !m.other) return [];
  const found: StyleMatch[] = [];
  if (m.byFirstWord.size > 0) {
    const n = text.length;
    let i = 0;
    while (i < n) {
      // The next word: [start, end).
      const start = skipNonWord(text, i, n);
      if (start >= n) break;
      const end = skipWord(text, start, n);
      i = end;
      const match = formAt(m, text, start, end, text.charCodeAt(start));
      if (match) {
        found.push(match);
        // Past the form, and past the rest of a word a particle joined to it.
        i = skipWord(text, match.to, n);
      }
    }
  }
  if (m.other) {
    const re = m.other;
    const extra: StyleMatch[] = [];
    re.lastIndex = 0;
    for (let x = re.exec(text); x !== null; x = re.exec(text)) extra.push({ from: x.index, to: x.index + x[0].length, form: x[0], rule: m.otherRules.get(x[0])! });
    if (extra.length) {
      const all = [...found, ...extra].sort((a, b) => a.from - b.from || b.to - a.to);
      const kept: StyleMatch[] = [];
      for (const x of all) if (x.from >= (kept.at(-1)?.to ?? 0)) kept.push(x);
      return kept;
    }
  }
  return found;
}

/** The longest form starting with the word text[start, end), or with a start of it a particle follows. */
function formAt(m: Matcher, text: string, start: number, end: number, first: number): StyleMatch | null {
  if (m.firstWords.has(wordNumber(first, end - start))) {
    const candidates = m.byFirstWord.get(text.slice(start, end));
    if (candidates) {
      for (const { form, rule } of candidates) {
        const to = start + form.length;
        if (text.startsWith(form, start) && endsAt(text, to)) return { from: start, to, form, rule };
      }
    }
  }
  // 북괴는: a one-word form with a particle joined to it.
  for (const length of m.oneWordLengths) {
    const to = start + length;
    if (to >= end || !isHangulSyllable(text.charCodeAt(to)) || !m.firstWords.has(wordNumber(first, length))) continue;
    const candidates = m.byFirstWord.get(text.slice(start, to));
    const hit = candidates?.find((c) => c.form.length === length);
    if (hit) return { from: start, to, form: hit.form, rule: hit.rule };
  }
  return null;
}
