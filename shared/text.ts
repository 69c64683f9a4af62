// Word counting for every language the newsroom writes in: Intl.Segmenter knows that Korean
// words are separated by spaces but Japanese and Chinese are not, which a regex split does not.

import { plainBody } from './body.js';
import { countSpacedWords } from './checks/chars.js';
import type { DocNode } from './domain.js';

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** Characters that join two word pieces into one word as a reader counts it ("senior-level", "Korea's"). */
const JOINERS = new Set(['-', '\u2010', '\u2011', "'", '\u2019']);

/**
 * Words in a text, the same count in the editor, the queue and the core. Spaced scripts
 * (English, Korean, …) are counted by countSpacedWords: runs of letters, digits and marks, with
 * pieces joined by a hyphen, apostrophe, point or comma counted once ("senior-level", "U.S.",
 * "10,000"), as /[\p{L}\p{N}\p{M}]+(?:['’‐‑.,-][\p{L}\p{N}\p{M}]+)*\/gu would count them, in one scan
 * of a character table (a tenth of the segmenter's cost, which matters on every save of a long
 * story). Text with Japanese, Chinese, Thai and similar (Han, Hiragana, Katakana, Thai, Lao,
 * Khmer, Myanmar) goes through Intl.Segmenter.
 */
export function countWords(text: string, locale = 'en'): number {
  // One scan with a table of character classes (this runs over the whole story on every save).
  const spaced = countSpacedWords(text);
  return spaced >= 0 ? spaced : countSegmentedWords(text, locale);
}

/**
 * Words in a story body: the one count the editor shows, the core stores and the queue lists.
 * An unknown language tag counts as English: it must not break a save.
 */
export function countBodyWords(body: DocNode, language: string): number {
  const text = plainBody(body);
  try {
    return countWords(text, language);
  } catch {
    return countWords(text, 'en');
  }
}

/** A locale the word segmenter accepts (a story's language may be any tag a person typed). */
export function segmenterLocale(language: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

/** Longest piece of one line given to Intl.Segmenter at once (its cost grows super-linearly past a few thousand). */
export const SEGMENT_CHUNK = 2000;

/** Sentence and clause marks of unspaced scripts after which no word continues. */
const CJK_BREAK = /[\u3001\u3002\uff01\uff0c\uff1f\u300d\u300f\uff09]/u;
const SPACE = /\s/;
const DIGIT_FIRST = /^\d/;
const DIGIT_LAST = /\d$/;

/**
 * The text's segments, line by line. V8's Intl.Segmenter (Node 20) slows down super-linearly on
 * one long string — a 10,000-word body took two seconds, one 100,000-character Japanese line
 * eight — while no word ever spans a line break, so segmenting each line gives the same segments
 * at a fraction of the cost. A line longer than SEGMENT_CHUNK is cut further where no word can
 * span either (see safeCut).
 */
export function* segments(text: string, locale = 'en'): Generator<{ segment: string; index: number; isWordLike: boolean }> {
  const segmenter = wordSegmenter(locale);
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    for (let from = start; from < end;) {
      const to = end - from > SEGMENT_CHUNK ? safeCut(text, from, from + SEGMENT_CHUNK) : end;
      for (const seg of segmenter.segment(text.slice(from, to))) {
        yield { segment: seg.segment, index: from + seg.index, isWordLike: seg.isWordLike === true };
      }
      from = to;
    }
    if (nl === -1) break;
    yield { segment: '\n', index: nl, isWordLike: false };
    start = nl + 1;
  }
}

/**
 * Where to cut text[from, limit) so that no word spans the cut: after a run of whitespace, else
 * after a CJK full stop or comma, looking back at most half a chunk; else (a pathological line
 * with neither) at the limit, never inside a surrogate pair.
 */
export function safeCut(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  for (let i = limit; i > floor; i -= 1) {
    if (SPACE.test(text[i - 1]!) && !SPACE.test(text[i] ?? '')) return i;
  }
  for (let i = limit; i > floor; i -= 1) if (CJK_BREAK.test(text[i - 1]!)) return i;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

function countSegmentedWords(text: string, locale: string): number {
  let n = 0;
  // The segmenter splits "senior-level" and "17일" in two; a newsroom counts each as one word,
  // so a word piece that touches the previous one (directly or through a joiner) continues it.
  // Scripts written without spaces (Japanese, Chinese) are left as the segmenter splits them.
  let prevEnd = -1;
  let prevWord = '';
  let joinerAt = -1;
  for (const seg of segments(text, locale)) {
    if (seg.isWordLike) {
      const touching = seg.index === prevEnd && (DIGIT_LAST.test(prevWord) || DIGIT_FIRST.test(seg.segment));
      const joined = joinerAt >= 0 && joinerAt === prevEnd && seg.index === prevEnd + 1;
      if (!touching && !joined) n += 1;
      prevEnd = seg.index + seg.segment.length;
      prevWord = seg.segment;
    } else {
      joinerAt = seg.segment.length === 1 && JOINERS.has(seg.segment) ? seg.index : -1;
    }
  }
  return n;
}

/** The words of a text in order, with their offsets (for word-level diffs and checks). */
export function words(text: string, locale = 'en'): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const seg of segments(text, locale)) if (seg.isWordLike) out.push({ word: seg.segment, index: seg.index });
  return out;
}

/** Minutes to read at a newsroom's usual 230 words a minute, to the nearest minute and never less than one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}

/** "1 word", "784 words". */
export function wordCountLabel(wordCount: number): string {
  return wordCount === 1 ? '1 word' : `${wordCount} words`;
}

/**
 * The editor's count of a story: "0 words" while it is empty (an empty story takes no time to
 * read), else the words and the minutes to read them, "784 words · 3 min read".
 */
export function wordsAndReadingTime(wordCount: number): string {
  return wordCount === 0 ? wordCountLabel(0) : `${wordCountLabel(wordCount)} · ${readingMinutes(wordCount)} min read`;
}

/**
 * Characters in a headline as the desk's limit counts them: code points of the trimmed text, so
 * a Korean syllable or an emoji is one, as a reader sees it (not UTF-16 units).
 */
export function headlineChars(headline: string): number {
  return [...headline.trim()].length;
}
