// The one FTS5 query builder for text search (stories and the photo library): whatever a person
// typed becomes quoted terms joined by AND, so no input is ever parsed as FTS or SQL syntax.

export interface FtsTerm {
  term: string;
  /** Matched as a prefix: the last word (search as you type) and every Korean word, because particles attach to the word (북한 finds 북한의). */
  prefix: boolean;
}

const HANGUL = /\p{Script=Hangul}/u;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MAX_TERMS = 16;

/**
 * The terms of what a person typed, split at spaces. Words joined by punctuation stay one term
 * whose words must stand together (Jong-un, Yonhap/AP), held as the words with single spaces:
 * the index's tokenizer drops the punctuation anyway. Quotes, operators and other symbols fall
 * away; at most 16 terms.
 */
export function searchTerms(text: string): FtsTerm[] {
  const terms: string[] = [];
  for (const chunk of text.normalize('NFC').split(/\s+/u)) {
    const words = chunk.match(WORD);
    if (words) terms.push(words.join(' '));
    if (terms.length === MAX_TERMS) break;
  }
  return ftsTerms(terms);
}

/** What a person typed as a safe FTS5 expression, or null when it holds no word. */
export function ftsQuery(text: string): string | null {
  return ftsExpression(searchTerms(text));
}

/** The words as the query's terms, each with whether it matches as a prefix. */
export function ftsTerms(words: readonly string[]): FtsTerm[] {
  return words.map((term, i) => ({ term, prefix: i === words.length - 1 || HANGUL.test(term) }));
}

/** The FTS5 expression: every term a quoted string ("" doubled), all must match; null when there is none. */
export function ftsExpression(terms: readonly FtsTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map(({ term, prefix }) => `"${term.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(' AND ');
}

/** The terms back out of ftsExpression()'s text (for an engine that matches the terms its own way). */
export function ftsExpressionTerms(expression: string): FtsTerm[] {
  return [...expression.matchAll(/"((?:[^"]|"")*)"(\*?)/g)].map((m) => ({ term: m[1]!.replace(/""/g, '"'), prefix: m[2] === '*' }));
}
