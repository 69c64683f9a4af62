// The one FTS5 query builder for text search (stories and the photo library): whatever a person
// typed becomes quoted words joined by AND, so no input is ever parsed as FTS or SQL syntax.

export interface FtsTerm {
  term: string;
  /** Matched as a prefix: the last word (search as you type) and every Korean word, because particles attach to the word (북한 finds 북한의). */
  prefix: boolean;
}

const HANGUL = /\p{Script=Hangul}/u;

/** The words as the query's terms, each with whether it matches as a prefix. */
export function ftsTerms(words: readonly string[]): FtsTerm[] {
  return words.map((term, i) => ({ term, prefix: i === words.length - 1 || HANGUL.test(term) }));
}

/** The FTS5 expression: every term a quoted string ("" doubled), all must match; null when there is none. */
export function ftsExpression(terms: readonly FtsTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map(({ term, prefix }) => `"${term.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(' AND ');
}
