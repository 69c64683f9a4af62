// Text scans shared by the checks that look at the body, the headlines and captions alike.
// Each is one pass over the text.

import { skipNonWord, skipWord, upperAt } from './chars.js';

/** Words a writer may legitimately repeat ("I had had enough", "he said that that was fine", "what it is is"). */
const REPEATABLE = new Set(['had', 'that', 'is']);

/** A hyphen or apostrophe joins a word to the next: "well-to-do do" is not a doubled word. */
const isJoiner = (c: string | undefined): boolean => c === '-' || c === "'" || c === '\u2019' || c === '\u2010' || c === '\u2011';
const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0';

/** "Sirhan", not "the" or "THE": an upper-case letter, then lower case. */
const LOWER = /\p{Ll}/u;
const NUMBER_FIRST = /^\p{N}/u;
const capitalized = (text: string, at: number, word: string): boolean => upperAt(text, at) && LOWER.test(word);

/**
 * "the the": the same word (any case) twice with only spaces between, as ranges over both words.
 * Not when both are capitalized: a name ("Sirhan Sirhan", "Bora Bora", "Walla Walla", "Duran
 * Duran"); "The the" at a sentence's start, and "THE THE" in capitals, are still slips. Words
 * are found by a character scan, and cut out of the text only when two neighbours have the same
 * length and first letter.
 */
export function doubledWords(text: string, limit = Infinity): { from: number; to: number; word: string }[] {
  const out: { from: number; to: number; word: string }[] = [];
  const n = text.length;
  // The previous word, as its range; -1 when there is none to compare with.
  let prevFrom = -1;
  let prevTo = -1;
  let i = 0;
  while (i < n && out.length < limit) {
    const from = skipNonWord(text, i, n);
    if (from >= n) break;
    const to = skipWord(text, from, n);
    i = to;
    if (prevFrom >= 0 && to - from === prevTo - prevFrom && sameStart(text, prevFrom, from) && onlyBlanks(text, prevTo, from)) {
      const prev = text.slice(prevFrom, prevTo);
      const word = text.slice(from, to);
      const lower = word.toLowerCase();
      if (
        (prev === word || prev.toLowerCase() === lower) &&
        !(capitalized(text, prevFrom, prev) && capitalized(text, from, word)) &&
        !isJoiner(text[prevFrom - 1]) &&
        !isJoiner(text[to]) &&
        !REPEATABLE.has(lower) &&
        !NUMBER_FIRST.test(word)
      ) {
        out.push({ from: prevFrom, to, word: prev });
        // "the the the" is one slip, then a word that starts afresh.
        prevFrom = -1;
        continue;
      }
    }
    prevFrom = from;
    prevTo = to;
  }
  return out;
}

/** Whether the words at a and b start with the same letter, in any case. */
function sameStart(text: string, a: number, b: number): boolean {
  const x = text.charCodeAt(a);
  const y = text.charCodeAt(b);
  if (x === y) return true;
  // ASCII: a letter and its other case differ by 0x20 only ("The" / "the"); anything else differs.
  if (x < 0x80 && y < 0x80) return (x | 0x20) === (y | 0x20) && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a;
  // Only letters with case differ here; compared as strings (ß, İ and the like lower to other lengths).
  return text[a]!.toLowerCase() === text[b]!.toLowerCase() || text[a]!.toUpperCase() === text[b]!.toUpperCase();
}

function onlyBlanks(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i += 1) if (!isBlank(text[i]!)) return false;
  return true;
}

/** Two or more spaces; one search object, reset by each call. */
const DOUBLE_SPACE = /[ \u00a0]{2,}/g;

/** Runs of two or more spaces inside a line. */
export function doubleSpaces(text: string, limit = Infinity): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  DOUBLE_SPACE.lastIndex = 0;
  // test(), not matchAll(): no copy of the expression and no match object per text.
  while (out.length < limit && DOUBLE_SPACE.test(text)) {
    const to = DOUBLE_SPACE.lastIndex;
    let from = to - 2;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\u00a0')) from -= 1;
    out.push({ from, to });
  }
  DOUBLE_SPACE.lastIndex = 0;
  return out;
}
