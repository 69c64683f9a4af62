// Quotation marks and brackets that open without closing or close without opening, in one pass
// with a stack per kind. Curly and straight double quotes pair with each other; a curly single
// ’ is also the apostrophe (don’t, Koreans’), so it only ever closes and is never flagged; between
// two Latin letters it is taken for an apostrophe, before Hangul (‘핵무력’을) it closes.

export interface Unmatched {
  at: number;
  char: string;
  /** An opening mark never closed, or a closing mark never opened. */
  side: 'open' | 'close';
}

/** Bracket pairs: the opening mark of each closing one (by UTF-16 code). */
const OPEN_OF = new Map<number, number>([
  [0x29, 0x28], // ( )
  [0x5d, 0x5b], // [ ]
  [0x7d, 0x7b], // { }
  [0xff09, 0xff08], // （ ）
  [0x300d, 0x300c], // 「 」
  [0x300f, 0x300e], // 『 』
  [0x3011, 0x3010], // 【 】
]);
const OPENING = new Set(OPEN_OF.values());
const ANY_BRACKET = /[()[\]{}\uff08\uff09\u300c-\u300f\u3010\u3011]/;
const ANY_QUOTE = /["\u201c\u201d\u2018\u2019]/;

/** Whitespace (or the text's edge), compared rather than matched: it is asked of many characters. */
const isSpace = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\u3000' || c === '\u2009' || c === '\u202f';
/** A Latin letter, accented or not (é, ő, ł): the letters an apostrophe joins. */
const isLatinLetter = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Whether the ’ at `i` is an apostrophe: between two Latin letters (don’t), or after a non-letter before a digit (the ’90s). */
function isApostrophe(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  if (isLatinLetter(before) && isLatinLetter(after)) return true;
  return isDigit(after) && !isLatinLetter(before) && !isDigit(before);
}

/** "a", "12", "iv" before ")" in a list; ":" or ";-" in a smiley. */
const LIST_MARK = /^[\p{L}\p{N}]{1,3}$/u;
const SMILEY = /^[:;]-?$/;
const NUMBER = /\p{N}/u;
const listMarkOrSmiley = (word: string): boolean => LIST_MARK.test(word) || SMILEY.test(word);

/** The word of at most three characters just before `at`, or '' if it is longer. */
function shortWordBefore(text: string, at: number): string {
  let b = at;
  while (b > 0 && at - b <= 3 && !isSpace(text[b - 1])) b -= 1;
  return b === 0 || isSpace(text[b - 1]) ? text.slice(b, at) : '';
}

/**
 * The first `limit` positions of several ascending lists, in order: a merge, so a page of
 * 50,000 unclosed brackets costs no sort when only the first few hundred are reported.
 */
function firstInOrder(lists: number[][], limit: number): number[] {
  let total = 0;
  let kinds = 0;
  let only: number[] = [];
  for (const l of lists) {
    if (l.length === 0) continue;
    total += l.length;
    kinds += 1;
    only = l;
  }
  // Nearly every text: nothing unmatched, or one kind only (each list is ascending already).
  if (kinds <= 1) return only.slice(0, limit);
  if (total <= limit) return Array.from(Float64Array.from(lists.flat()).sort());
  const heads = lists.map(() => 0);
  const out: number[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let k = 0; k < lists.length; k += 1) {
      if (heads[k]! < lists[k]!.length && (best < 0 || lists[k]![heads[k]!]! < lists[best]![heads[best]!]!)) best = k;
    }
    if (best < 0) break;
    out.push(lists[best]![heads[best]!]!);
    heads[best] = heads[best]! + 1;
  }
  return out;
}

/** Unmatched brackets, the first `limit` in text order. */
export function unmatchedBrackets(text: string, limit = Infinity): Unmatched[] {
  // Most texts have no bracket at all: one native search, nothing allocated.
  if (!ANY_BRACKET.test(text)) return [];
  const stacks = new Map<number, number[]>();
  const stray: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Most characters are neither: ruled out by range before any lookup.
    if (
      code < 0x3000
        ? code !== 0x28 && code !== 0x29 && code !== 0x5b && code !== 0x5d && code !== 0x7b && code !== 0x7d
        : code > 0x3011 && code !== 0xff08 && code !== 0xff09
    ) {
      continue;
    }
    if (OPENING.has(code)) {
      let stack = stacks.get(code);
      if (!stack) stacks.set(code, (stack = []));
      stack.push(i);
      continue;
    }
    const open = OPEN_OF.get(code);
    if (open === undefined) continue;
    const stack = stacks.get(open);
    if (stack && stack.length > 0) stack.pop();
    // "a)" and "1)" in a list, ":)" in a quote, are not brackets.
    else if (!(code === 0x29 && listMarkOrSmiley(shortWordBefore(text, i)))) stray.push(i);
  }
  return firstInOrder([stray, ...stacks.values()], limit).map((at) => {
    const char = text[at]!;
    return { at, char, side: OPEN_OF.has(text.charCodeAt(at)) ? 'close' : 'open' };
  });
}

/**
 * Unmatched quotation marks, the first `limit` in text order. With `runsOn` the last double
 * quote left open is not reported: the paragraph after opens with a quotation mark, wire
 * style's sign that the quotation carries on.
 */
export function unmatchedQuotes(text: string, opts: { limit?: number; runsOn?: boolean } = {}): Unmatched[] {
  if (!ANY_QUOTE.test(text)) return [];
  const doubles: number[] = [];
  const singles: number[] = [];
  const stray: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x201c) {
      doubles.push(i);
    } else if (code === 0x201d) {
      if (doubles.length > 0) doubles.pop();
      else stray.push(i);
    } else if (code === 0x22) {
      const before = text[i - 1];
      // 5'11": an inch mark, not a quotation mark.
      if (doubles.length === 0 && before !== undefined && NUMBER.test(before)) continue;
      // A straight quote closes an open quote after a word or before a space; else it opens one.
      if (doubles.length > 0 && (!isSpace(before) || isSpace(text[i + 1]))) doubles.pop();
      else doubles.push(i);
    } else if (code === 0x2018) {
      singles.push(i);
    } else if (code === 0x2019) {
      // An apostrophe between two Latin letters (don’t, Korea’s) or before a year (the ’90s);
      // elsewhere it may close a ‘, also before a Korean particle (‘핵무력’을).
      if (singles.length > 0 && !isApostrophe(text, i)) singles.pop();
    }
  }
  if (opts.runsOn) doubles.pop();
  return firstInOrder([stray, doubles, singles], opts.limit ?? Infinity).map((at) => ({
    at,
    char: text[at]!,
    side: text.charCodeAt(at) === 0x201d ? 'close' : 'open',
  }));
}

/** Whether a paragraph opens with a quotation mark: wire style's sign that a quote runs on from the one before. */
export function opensWithQuote(text: string): boolean {
  return /^\s*["\u201c\u2018]/.test(text);
}
