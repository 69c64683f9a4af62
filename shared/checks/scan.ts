// Text scans shared by the checks that look at the body, the headline and captions alike.

import { words } from '../text.js';

/** Words a writer may legitimately repeat ("I had had enough", "he said that that was fine"). */
const REPEATABLE = new Set(['had', 'that']);

/** "the the": the same word twice with only spaces between, as ranges over both words. */
export function doubledWords(text: string, locale: string): { from: number; to: number; word: string }[] {
  const out: { from: number; to: number; word: string }[] = [];
  const list = words(text, locale);
  for (let i = 1; i < list.length; i += 1) {
    const prev = list[i - 1]!;
    const cur = list[i]!;
    const between = text.slice(prev.index + prev.word.length, cur.index);
    if (!/^[ \t\u00a0]+$/.test(between)) continue;
    const lower = cur.word.toLocaleLowerCase(locale);
    if (lower !== prev.word.toLocaleLowerCase(locale) || REPEATABLE.has(lower) || /^\d/.test(lower)) continue;
    out.push({ from: prev.index, to: cur.index + cur.word.length, word: prev.word });
  }
  return out;
}

/** Runs of two or more spaces inside a line. */
export function doubleSpaces(text: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const m of text.matchAll(/[ \u00a0]{2,}/g)) out.push({ from: m.index, to: m.index + m[0].length });
  return out;
}
