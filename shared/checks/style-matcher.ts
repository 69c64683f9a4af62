// One matcher for a whole house-style list: every form to avoid, found as a whole word, exactly
// as written, in one pass over the text. The forms are indexed by their first word, so each
// word of the text costs one map lookup however long the list (1,000 rules over a
// 10,000-word story stay in milliseconds, where a regular expression of 1,000 alternatives
// would try each at every position). The few forms that do not start with a letter or digit
// go into one small regular expression.

import type { HouseStyleRule } from '../domain.js';
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
  /** Forms starting with punctuation, as one alternation (longest first), or null. */
  other: RegExp | null;
  otherRules: Map<string, HouseStyleRule>;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
/** Escaped for a /u expression, outside a class (where "-" needs none, and "\\-" is an error). */
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Which texts a rule covers: "headlines" is the headline and the subheadlines. */
export function ruleCovers(rule: HouseStyleRule, kind: TextKind): boolean {
  return rule.where === 'everywhere' || rule.where === kind;
}

function build(rules: readonly HouseStyleRule[], kind: TextKind): Matcher {
  const byFirstWord = new Map<string, { form: string; rule: HouseStyleRule }[]>();
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
      } else {
        otherRules.set(form, rule);
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);
  const others = [...otherRules.keys()].sort((a, b) => b.length - a.length);
  const other = others.length
    ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${others.map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu')
    : null;
  return { byFirstWord, other, otherRules };
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

/** Every avoided form in the text, left to right, never overlapping (the longer form wins at a place). */
export function styleMatches(rules: readonly HouseStyleRule[], kind: TextKind, text: string): StyleMatch[] {
  const m = matcherFor(rules, kind);
  if (m.byFirstWord.size === 0 && !m.other) return [];
  const found: StyleMatch[] = [];
  if (m.byFirstWord.size > 0) {
    const re = new RegExp(WORD.source, 'gu');
    for (let w = re.exec(text); w !== null; w = re.exec(text)) {
      const candidates = m.byFirstWord.get(w[0]);
      if (!candidates) continue;
      for (const { form, rule } of candidates) {
        const to = w.index + form.length;
        if (text.startsWith(form, w.index) && !isWordChar(text[to])) {
          found.push({ from: w.index, to, form, rule });
          re.lastIndex = to;
          break;
        }
      }
    }
  }
  if (m.other) {
    const re = new RegExp(m.other.source, 'gu');
    const extra: StyleMatch[] = [];
    for (const x of text.matchAll(re)) extra.push({ from: x.index, to: x.index + x[0].length, form: x[0], rule: m.otherRules.get(x[0])! });
    if (extra.length) {
      const all = [...found, ...extra].sort((a, b) => a.from - b.from || b.to - a.to);
      const kept: StyleMatch[] = [];
      for (const x of all) if (x.from >= (kept.at(-1)?.to ?? 0)) kept.push(x);
      return kept;
    }
  }
  return found;
}
