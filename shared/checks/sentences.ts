// Splitting a paragraph into sentences in one pass. Not Intl.Segmenter ('sentence'): V8's is
// super-linear on long strings and knows nothing of wire-copy abbreviations ("N. Korea",
// "U.S.", "Capt. Kim", "No. 1", "Jan. 5"). Each character is looked at a bounded number of times.

export interface SentenceRange {
  from: number;
  to: number;
}

/** Full stops of scripts without spaces: always the end of a sentence. */
const CJK_END = new Set(['\u3002', '\uff01', '\uff1f']);
/** Ends of a sentence in spaced scripts, when followed by a space and not by a lower-case word. */
const END = new Set(['.', '!', '?', '\u2026']);
/** What may follow the full stop inside the sentence: closing quotes and brackets. */
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '}', '\u300d', '\u300f', '\uff09', '\u00bb']);

/** Titles before a name: never the end of a sentence ("Capt. Kim Ki-Yeong"). */
const TITLES = new Set(
  'Mr Mrs Ms Messrs Dr Prof Gen Lt Col Capt Cmdr Adm Maj Sgt Cpl Pvt Rep Reps Sen Sens Gov Pres Rev Hon St Mt Ft Jr Sr Amb Supt Insp Det Gens'.split(' '),
);
/** Abbreviations that end a sentence only before a sentence-opening word ("Samsung Electronics Co. The…"). */
const TRAILING = new Set('Co Corp Inc Ltd Bros etc vs approx est Dept Univ'.split(' '));
/** Abbreviations before a number: "No. 1", "Jan. 5", "Vol. 3", "p. 12". */
const BEFORE_NUMBER = new Set('No Nos Vol Art Fig p pp Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '));
/** Words that open a sentence: after "U.S." or "a.m." they mean the full stop also ended one. */
const OPENERS = new Set(
  'The A An He She It They We I You But And Or So In On At This That These Those There His Her Its Their Our After Before When While If As According Meanwhile However Also Officials Some Many No'.split(
    ' ',
  ),
);

/** Where a sentence may end: a stop of either kind, or a hard line break (one search object, reset by each call: sentences() never calls itself). */
const CANDIDATES = /[.!?\u2026\n\u3002\uff01\uff1f]/g;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u00a0' || c === '\u3000';
// Expressions made once: a literal in a function makes a new object every time it runs.
const LETTER = /\p{L}/u;
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const INITIAL = /^\p{Lu}$/u;
const DIGIT_FIRST = /^\d/;
const NEXT_WORD = /^[\p{L}\p{N}]+/u;
const isLetter = (c: string): boolean => LETTER.test(c);

/** The sentences of a text as ranges, trimmed of surrounding whitespace; empty ones left out. */
export function sentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const n = text.length;
  let start = 0;
  const close = (end: number): void => {
    let from = start;
    let to = end;
    while (from < to && SPACE.test(text[from]!)) from += 1;
    while (to > from && SPACE.test(text[to - 1]!)) to -= 1;
    if (to > from) out.push({ from, to });
    start = end;
  };

  // Only the characters that can end a sentence are visited; the rest is skipped by the search.
  const candidates = CANDIDATES;
  candidates.lastIndex = 0;
  // test(), not exec(): every candidate is one character, found at lastIndex - 1, with no match object.
  while (candidates.test(text)) {
    const i = candidates.lastIndex - 1;
    const c = text[i]!;
    if (c === '\n') {
      // A hard line break ends whatever came before it.
      close(i);
      continue;
    }
    if (CJK_END.has(c)) {
      let k = i + 1;
      while (k < n && (CJK_END.has(text[k]!) || CLOSERS.has(text[k]!))) k += 1;
      close(k);
      candidates.lastIndex = k;
      continue;
    }
    // A run of stops ("?!", "..."), then closing quotes and brackets, then a space or the end.
    let j = i;
    while (j < n && END.has(text[j]!)) j += 1;
    let k = j;
    while (k < n && CLOSERS.has(text[k]!)) k += 1;
    candidates.lastIndex = j;
    if (k < n && !SPACE.test(text[k]!)) continue; // 3.5, U.S.A., "end.Next"
    let m = k;
    while (m < n && isSpace(text[m])) m += 1;
    const next = text[m];
    // "…,” he said" and "approx. five": a lower-case word goes on with the sentence.
    if (next !== undefined && LOWER.test(next)) continue;
    if (c === '.' && j - i === 1 && isAbbreviation(text, i, m)) continue;
    close(k);
    candidates.lastIndex = k;
  }
  close(n);
  return out;
}

/** Whether the full stop at `dot` ends an abbreviation rather than the sentence; `next` is where the following word starts. */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  let b = dot;
  // At most a dozen characters back: "U.S", "a.m", "Capt".
  while (b > 0 && dot - b < 12 && (isLetter(text[b - 1]!) || text[b - 1] === '.')) b -= 1;
  const word = text.slice(b, dot);
  if (word === '') return false;
  if (INITIAL.test(word)) return true; // an initial: "N. Korea", "John F. Kennedy"
  if (TITLES.has(word)) return true;
  const following = nextWord(text, next);
  if (BEFORE_NUMBER.has(word)) return DIGIT_FIRST.test(following);
  if (word.includes('.') || TRAILING.has(word)) return !OPENERS.has(following);
  return false;
}

/** The word starting at `at` (letters and digits), read from at most 20 characters. */
function nextWord(text: string, at: number): string {
  const m = NEXT_WORD.exec(text.slice(at, at + 20));
  return m ? m[0] : '';
}
