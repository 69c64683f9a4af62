// Text search on PostgreSQL: the terms db/ftsQuery.ts makes of what a person typed, as a
// to_tsquery input, and the clauses that match it against the search vectors of migration 001
// (configuration newsdesk_search: lower case, accents off, no stemming). Each word goes in
// quoted, so nothing typed is ever read as query syntax.

import type { FtsTerm } from '../ftsQuery.js';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A quoted lexeme for to_tsquery: quotes doubled, backslashes escaped. */
const quoted = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The to_tsquery('newsdesk_search', …) input for the terms: every term must match, a term of several
 * words as a phrase (<->), a prefix term's last word as a prefix (:*). Null when no term holds a
 * word. The database lower-cases the words and takes their accents off itself, the same way it
 * indexed the text.
 */
export function tsQuery(terms: readonly FtsTerm[]): string | null {
  const parts: string[] = [];
  for (const { term, prefix } of terms) {
    // Only letters, digits and marks reach the query, whatever the terms were built from.
    const words = term.normalize('NFC').match(WORD);
    if (!words) continue;
    const last = words.length - 1;
    parts.push(words.map((w, i) => `${quoted(w)}${prefix && i === last ? ':*' : ''}`).join(' <-> '));
  }
  return parts.length === 0 ? null : parts.join(' & ');
}

/** A story search in the two parts newsdesk_story_hits() takes (migration 002), each to_tsquery input text or null. */
export interface StoryQuery {
  /** Whole words, phrases and longer prefixes, matched against the stories' search vectors. */
  words: string | null;
  /** Words typed so far of one to three letters (or digits), each looked up among the starts of the stories' words. */
  starts: string | null;
}

/** A start of a word the index keeps (migration 002's newsdesk_word_starts): one to three letters, or one to three digits. */
const SHORT_START = /^(?:(?:\p{L}\p{M}*){1,3}|\p{N}{1,3})$/u;

/** The story search of the terms, or null when no term holds a word. */
export function storyQuery(terms: readonly FtsTerm[]): StoryQuery | null {
  const short = terms.filter((t) => t.prefix && SHORT_START.test(t.term.normalize('NFC')));
  const words = tsQuery(terms.filter((t) => !short.includes(t)));
  const starts = short.length === 0 ? null : short.map((t) => quoted(t.term.normalize('NFC'))).join(' & ');
  return words === null && starts === null ? null : { words, starts };
}

/** The ids (column story_id, alias h) of the stories matching a StoryQuery given as its two parameters, words then starts. */
export const STORY_HITS = `SELECT h.story_id FROM newsdesk_story_hits(to_tsquery('newsdesk_search', ?), to_tsquery('newsdesk_search', ?)) h`;

/** Matches a photo library asset (aliased `a`) against tsQuery()'s text, given as the one parameter. */
export const PHOTO_MATCH = `a.search_vector @@ to_tsquery('newsdesk_search', ?)`;
