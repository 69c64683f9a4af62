// Who wrote which words of a story's text. Every save is compared with the text before it by the
// word diff (shared/diff.ts): words it inserted belong to the person saving, the rest keep their
// writer. Four eyes reads each person's share of the current text, so fixing a few words never
// makes a desk editor an author, while rewriting most of a story does.

import { diffTokens, diffWordsWithin } from './diff.js';
import type { Id, TextShare } from './domain.js';
import { segmenterLocale, segments } from './text.js';

/** [staffId, count]: a run of characters (in `runs`) or a writer's number of words (in `words`). */
export type Tally = [Id, number];

export interface TextAuthorship {
  /** Who wrote each character of the text, as runs from its start; neighbouring runs have different writers. */
  runs: Tally[];
  /** Each writer's words in the text, for everyone with at least one. */
  words: Tally[];
}

/**
 * The word diff costs the length of the changed stretch times the number of differences, and the
 * core answers one call at a time, so it runs only where both are modest: a stretch (before and
 * after together, in characters) up to WORD_DIFF_LIMIT, and a search of at most REWRITE_WORK
 * steps (a few milliseconds; a copy edit needs far fewer, a rewrite of a long story far more).
 * Anything larger is a rewrite: its lines are matched whole, so unchanged lines keep their
 * writers and new ones are the saver's.
 */
export const WORD_DIFF_LIMIT = 60_000;
export const REWRITE_WORK = 300_000;

/** Scripts written without spaces between words, which only the segmenter can split. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const SPACED_WORDS = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const SPACED_TOKENS = /\s+|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * Tokens for matching the old text to the new: only where a writer's words line up, so text
 * written with spaces (Latin, Hangul) is split by a regular expression, several times faster than
 * the word segmenter, which splits the rest.
 */
function alignmentTokens(text: string, locale: string): string[] {
  return UNSPACED.test(text) ? diffTokens(text, locale) : (text.match(SPACED_TOKENS) ?? []);
}

/** Adds runs, joining a run to the last one when the writer is the same. */
function pushRun(runs: Tally[], writer: Id, length: number): void {
  if (length <= 0) return;
  const last = runs.at(-1);
  if (last && last[0] === writer) last[1] += length;
  else runs.push([writer, length]);
}

/** The runs covering text[from, to). */
function sliceRuns(runs: readonly Tally[], from: number, to: number, out: Tally[]): void {
  let at = 0;
  for (const [writer, length] of runs) {
    const end = at + length;
    if (end > from && at < to) pushRun(out, writer, Math.min(end, to) - Math.max(at, from));
    if (end >= to) break;
    at = end;
  }
}

/** Walks the writers of increasing offsets in one pass over the runs. */
function ownerCursor(runs: readonly Tally[]): (offset: number) => Id | undefined {
  let index = 0;
  let end = runs[0]?.[1] ?? 0;
  return (offset) => {
    while (index < runs.length && offset >= end) {
      index += 1;
      end += runs[index]?.[1] ?? 0;
    }
    return runs[index]?.[0];
  };
}

/** Adds `sign` for each word of text[from, to), credited to its writer in `runs` (offsets in the whole text). */
function tallyWords(text: string, from: number, to: number, runs: readonly Tally[], locale: string, sign: 1 | -1, words: Map<Id, number>): void {
  const owner = ownerCursor(runs);
  const credit = (index: number) => {
    const writer = owner(from + index);
    if (writer !== undefined) words.set(writer, (words.get(writer) ?? 0) + sign);
  };
  const part = text.slice(from, to);
  if (UNSPACED.test(part)) {
    for (const seg of segments(part, locale)) if (seg.isWordLike) credit(seg.index);
  } else {
    // Shares only need words as a reader counts them between spaces; the segmenter is much slower.
    for (const m of part.matchAll(SPACED_WORDS)) credit(m.index);
  }
}

function toTallies(words: Map<Id, number>): Tally[] {
  return [...words].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Each writer's words, counted afresh over the whole text. */
export function countWordsByWriter(text: string, runs: readonly Tally[], language: string): Tally[] {
  const words = new Map<Id, number>();
  tallyWords(text, 0, text.length, runs, segmenterLocale(language), 1, words);
  return toTallies(words);
}

/** The whole text written by one person (a new story, or one whose writers were not yet tracked). */
export function singleWriter(text: string, writer: Id, language: string): TextAuthorship {
  const runs: Tally[] = [];
  pushRun(runs, writer, text.length);
  return { runs, words: countWordsByWriter(text, runs, language) };
}

/** Whether the runs describe exactly this text (a write elsewhere, or none recorded yet, makes them not). */
function covers(runs: readonly Tally[], text: string): boolean {
  return runs.reduce((sum, [, n]) => sum + n, 0) === text.length;
}

/**
 * Window runs by matching whole lines (each changed line of `after` that stands unchanged in
 * `before` keeps its writers, every other line is the writer's): for rewrites too large to diff word by word.
 */
function lineRuns(before: string, beforeRuns: readonly Tally[], from: number, after: string, writer: Id, out: Tally[]): void {
  const unused = new Map<string, number[]>();
  let at = 0;
  for (const line of before.split('\n')) {
    const starts = unused.get(line) ?? [];
    starts.push(at);
    unused.set(line, starts);
    at += line.length + 1;
  }
  after.split('\n').forEach((line, i) => {
    if (i > 0) pushRun(out, writer, 1);
    const start = unused.get(line)?.shift();
    if (start === undefined) pushRun(out, writer, line.length);
    else sliceRuns(beforeRuns, from + start, from + start + line.length, out);
  });
}

/**
 * The authorship of `after`, saved by `writer` over `before`. Only the lines that changed are
 * compared and counted again, so a save's cost follows its edit, not the story's length. When
 * `before.authorship` does not describe `before.text` (never recorded), that text is taken as
 * written by `before.writer` (the story's creator).
 */
export function attributeSave(before: { text: string; authorship: TextAuthorship | null; writer: Id }, after: string, writer: Id, language: string): TextAuthorship {
  const old = before.text;
  const known = before.authorship && covers(before.authorship.runs, old) ? before.authorship : singleWriter(old, before.writer, language);
  if (old === after) return known;
  const locale = segmenterLocale(language);
  // The changed stretch, widened to whole lines: no word spans a line break, so the words inside
  // are the words the whole text has there.
  let prefix = 0;
  const shorter = Math.min(old.length, after.length);
  while (prefix < shorter && old.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  const from = prefix === 0 ? 0 : old.lastIndexOf('\n', prefix - 1) + 1;
  const lineEnd = old.indexOf('\n', old.length - suffix);
  const toOld = lineEnd === -1 ? old.length : lineEnd;
  const toNew = toOld - old.length + after.length;
  const oldPart = old.slice(from, toOld);
  const newPart = after.slice(from, toNew);

  const runs: Tally[] = [];
  sliceRuns(known.runs, 0, from, runs);
  const parts = oldPart.length + newPart.length <= WORD_DIFF_LIMIT ? diffWordsWithin(oldPart, newPart, locale, REWRITE_WORK, (t) => alignmentTokens(t, locale)) : null;
  if (parts) {
    let at = from;
    for (const part of parts) {
      if (part.kind === 'equal') sliceRuns(known.runs, at, at + part.text.length, runs);
      if (part.kind !== 'insert') at += part.text.length;
      else pushRun(runs, writer, part.text.length);
    }
  } else {
    lineRuns(oldPart, known.runs, from, newPart, writer, runs);
  }
  sliceRuns(known.runs, toOld, old.length, runs);

  const words = new Map<Id, number>(known.words);
  tallyWords(old, from, toOld, known.runs, locale, -1, words);
  tallyWords(after, from, toNew, runs, locale, 1, words);
  return { runs, words: toTallies(words) };
}

/** Each writer's share of the text, largest first. */
export function textShares(words: readonly Tally[]): TextShare[] {
  const total = words.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return [];
  return words.map(([staffId, n]) => ({ staffId, words: n, percent: Math.round((n * 100) / total) }));
}
