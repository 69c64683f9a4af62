// Text scans shared by the checks that look at the body, the headlines and captions alike.
// Each is one pass over the text.

/** Words a writer may legitimately repeat ("I had had enough", "he said that that was fine", "what it is is"). */
const REPEATABLE = new Set(['had', 'that', 'is']);

const WORD = /[\p{L}\p{M}\p{N}]+/u;
/** A hyphen or apostrophe joins a word to the next: "well-to-do do" is not a doubled word. */
const isJoiner = (c: string | undefined): boolean => c === '-' || c === "'" || c === '\u2019' || c === '\u2010' || c === '\u2011';
const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0';

/** "the the": the same word (any case) twice with only spaces between, as ranges over both words. */
export function doubledWords(text: string, limit = Infinity): { from: number; to: number; word: string }[] {
  const out: { from: number; to: number; word: string }[] = [];
  const re = new RegExp(WORD.source, 'gu');
  let prev: { from: number; to: number; word: string } | null = null;
  for (let m = re.exec(text); m !== null && out.length < limit; m = re.exec(text)) {
    const word = m[0];
    const cur = { from: m.index, to: m.index + word.length, word };
    if (
      prev &&
      prev.word.length === word.length &&
      (prev.word === word || prev.word.toLowerCase() === word.toLowerCase()) &&
      !isJoiner(text[prev.from - 1]) &&
      !isJoiner(text[cur.to]) &&
      !REPEATABLE.has(word.toLowerCase()) &&
      !/^\p{N}/u.test(word) &&
      onlyBlanks(text, prev.to, cur.from)
    ) {
      out.push({ from: prev.from, to: cur.to, word: prev.word });
      // "the the the" is one slip, then a word that starts afresh.
      prev = null;
      continue;
    }
    prev = cur;
  }
  return out;
}

function onlyBlanks(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i += 1) if (!isBlank(text[i]!)) return false;
  return true;
}

/** Runs of two or more spaces inside a line. */
export function doubleSpaces(text: string, limit = Infinity): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const m of text.matchAll(/[ \u00a0]{2,}/g)) {
    if (out.length >= limit) break;
    out.push({ from: m.index, to: m.index + m[0].length });
  }
  return out;
}
