// Character classes the text scans ask of every character, answered from a table instead of a
// regular expression per character or a match object per word: the checks run on every pause in
// typing, and a story's worth of small allocations shows up as garbage-collection pauses.

/** Bits per UTF-16 unit, worked out the first time a unit is asked about. */
const KNOWN = 0x80;
const WORD = 1; // [\p{L}\p{M}\p{N}]
const LETTER = 2; // [\p{L}\p{M}]
const UPPER = 4; // \p{Lu}
const UNSPACED = 8; // a script written without spaces between words (see text.ts)

const table = new Uint8Array(0x10000);
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const LETTER_RE = /^[\p{L}\p{M}]$/u;
const UPPER_RE = /^\p{Lu}$/u;
const UNSPACED_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

function classify(c: string): number {
  return KNOWN | (WORD_RE.test(c) ? WORD : 0) | (LETTER_RE.test(c) ? LETTER : 0) | (UPPER_RE.test(c) ? UPPER : 0) | (UNSPACED_RE.test(c) ? UNSPACED : 0);
}
for (let code = 0; code < 0x80; code += 1) table[code] = classify(String.fromCharCode(code));

/** The class bits of the character at `i` (0 past either end); an astral character's are the same on both its halves. */
function bitsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return table[code]!;
  if (!(code < 0x10000)) return 0;
  if (code >= 0xd800 && code <= 0xdfff) {
    const cp = text.codePointAt(code <= 0xdbff ? i : i - 1);
    return cp !== undefined && cp > 0xffff ? classify(String.fromCodePoint(cp)) : 0;
  }
  let bits = table[code]!;
  if (bits === 0) table[code] = bits = classify(String.fromCharCode(code));
  return bits;
}

/** Whether the character at `i` is a letter, mark or digit ([\p{L}\p{M}\p{N}]), astral ones (𝐀, 𠀀) included. */
export function wordCharAt(text: string, i: number): boolean {
  return (bitsAt(text, i) & WORD) !== 0;
}

/** Whether the character at `i` is a letter or mark ([\p{L}\p{M}]). */
export function letterAt(text: string, i: number): boolean {
  return (bitsAt(text, i) & LETTER) !== 0;
}

/** Whether the character at `i` is an upper-case letter (\p{Lu}). */
export function upperAt(text: string, i: number): boolean {
  return (bitsAt(text, i) & UPPER) !== 0;
}

/** The first word character at or after `i` (n when none is left), in one loop. */
export function skipNonWord(text: string, i: number, n: number): number {
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 0x80 ? (table[code]! & WORD) !== 0 : wordCharAt(text, i)) return i;
    i += 1;
  }
  return n;
}

/** The end of the run of word characters at `i`. */
export function skipWord(text: string, i: number, n: number): number {
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!(code < 0x80 ? (table[code]! & WORD) !== 0 : wordCharAt(text, i))) return i;
    i += 1;
  }
  return n;
}

/** The end of the run of letters and marks at `i`. */
export function skipLetters(text: string, i: number, n: number): number {
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!(code < 0x80 ? (table[code]! & LETTER) !== 0 : letterAt(text, i))) return i;
    i += 1;
  }
  return n;
}

/** A Hangul syllable (가–힣): what a Korean particle is written in. */
export const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;

/** What joins two word pieces into one counted word: "senior-level", "Korea's", "U.S.", "3.5", "10,000". */
const isWordJoiner = (code: number): boolean => code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0x2e || code === 0x2c;

/**
 * Words in a text of spaced scripts, counted as /[\p{L}\p{N}\p{M}]+(?:['’‐‑.,-][\p{L}\p{N}\p{M}]+)*\/gu
 * would (runs of letters, digits and marks, one joiner between two runs joining them), in one
 * scan; -1 as soon as a character of a script written without spaces (Japanese, Chinese, Thai…)
 * is met, which needs Intl.Segmenter instead.
 */
export function countSpacedWords(text: string): number {
  const n = text.length;
  let count = 0;
  // Where the last run of word characters ended, or -2 when there was none.
  let lastEnd = -2;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const bits = code < 0x80 ? table[code]! : bitsAt(text, i);
    if ((bits & UNSPACED) !== 0) return -1;
    if ((bits & WORD) === 0) {
      i += 1;
      continue;
    }
    // A run starts here; it continues the last one when one joiner stands between them.
    if (!(lastEnd === i - 1 && isWordJoiner(text.charCodeAt(i - 1)))) count += 1;
    i += 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      const b = c < 0x80 ? table[c]! : bitsAt(text, i);
      if ((b & UNSPACED) !== 0) return -1;
      if ((b & WORD) === 0) break;
      i += 1;
    }
    lastEnd = i;
  }
  return count;
}

const NOT_LETTERS = /[^\p{L}]/gu;

/** Letters only, lower case, accents dropped: "Min-jung" → "minjung". */
export function letters(s: string): string {
  return s.normalize('NFD').replace(NOT_LETTERS, '').toLowerCase();
}
