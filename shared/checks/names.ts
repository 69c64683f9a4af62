// Finding people's names in running text and telling when two spellings are probably one person.
// Tuned for the newsroom's commonest slip, a romanized Korean name spelled two ways ("Seo
// Min-jung" / "Seo Min-jeong", "Kim Ki-Yeong" / "Kim Ki-young", "Yoon Suk Yeol" / "Yoon
// Suk-yeol"), and for dropped or doubled letters in any name ("Funakoshi" / "Funakosi"),
// without pairing different people: "Kim Jong-un" / "Kim Jong-il", "Park Jong-soo" / "Park
// Jung-soo", "John Kerry" / "John Kelly".

import { skipLetters, skipNonWord, skipWord, upperAt, wordCharAt } from './chars.js';

export interface NameToken {
  word: string;
  from: number;
  to: number;
}

export interface NameMention {
  /** The name as written, e.g. "Seo Min-jung" (one to three capitalized words). */
  name: string;
  /** How many words. */
  size: number;
  /** A single word standing alone, not inside a run of capitalized words ("Funakosi said"). */
  alone: boolean;
  from: number;
  to: number;
}

// A capitalized word: "Seo", "Min-jung", "Ki-Yeong", "SEO", "McArthur"; not part of
// "Hwasong-18" or "x-Ray". As a regular expression:
//   (?<![\p{L}\p{M}\p{N}‐‑-])\p{Lu}[\p{L}\p{M}]+(?:[‐‑-][\p{L}\p{M}]+){0,3}(?![\p{L}\p{M}\p{N}]|[‐‑-][\p{L}\p{M}\p{N}])
// read here by a scan over the text with a table of character classes (see chars.ts): one
// pass, no match object per word. Hyphenated parts are capped at three so a pathological chain
// of hyphens stays linear.

/** Capitalized at the start of a sentence, never part of a name: they end a run of capitals. */
const NOT_NAMES = new Set(
  'The An In On At For From By To Of With But And Or So He She It They We You His Her Its Their Our This That These Those There According After Before When While If As Also Meanwhile However'.split(
    ' ',
  ),
);

const isHyphen = (code: number): boolean => code === 0x2d || code === 0x2010 || code === 0x2011;

/** The capitalized words of a text, in order. */
export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = skipNonWord(text, i, n);
    if (start >= n) break;
    // A word (and any hyphenated parts after it); a token can start only at its start.
    const end = token(text, start, n);
    if (end > 0) {
      const word = text.slice(start, end);
      if (!NOT_NAMES.has(word)) out.push({ word, from: start, to: end });
    }
    i = end > 0 ? end : skipWordAndHyphens(text, start, n);
  }
  return out;
}

/** Where the capitalized word starting at `start` ends, or 0 if none starts there. */
function token(text: string, start: number, n: number): number {
  if (start > 0 && isHyphen(text.charCodeAt(start - 1))) return 0;
  if (!upperAt(text, start)) return 0;
  const second = start + (text.charCodeAt(start) >= 0xd800 && text.charCodeAt(start) <= 0xdbff ? 2 : 1);
  let end = skipLetters(text, second, n);
  if (end === second) return 0;
  for (let parts = 0; parts < 3 && end < n && isHyphen(text.charCodeAt(end)); parts += 1) {
    const partEnd = skipLetters(text, end + 1, n);
    if (partEnd === end + 1) break;
    end = partEnd;
  }
  // Not followed by a letter or digit, or by a hyphen and one ("Hwasong-18").
  if (end < n && (wordCharAt(text, end) || (isHyphen(text.charCodeAt(end)) && wordCharAt(text, end + 1)))) return 0;
  return end;
}

/** Past a run of word characters and hyphens: no capitalized word starts inside it. */
function skipWordAndHyphens(text: string, i: number, n: number): number {
  for (;;) {
    i = skipWord(text, i, n);
    if (i >= n || !isHyphen(text.charCodeAt(i))) return i;
    i += 1;
  }
}

/**
 * Every run of one to three capitalized words separated by single spaces, at every start within
 * a longer run ("Affairs Seo Min-jeong" also gives "Seo Min-jeong"). Linear: at most three
 * mentions of each size per word.
 */
export function nameMentions(text: string): NameMention[] {
  const out: NameMention[] = [];
  forEachMention(text, (m) => out.push({ ...m }));
  return out;
}

/**
 * Each mention nameMentions would list, handed to `visit` one by one in one object that is
 * reused (copy what is kept): a story's thousands of mentions cost no allocation of their own.
 */
export function forEachMention(text: string, visit: (m: Readonly<NameMention>) => void): void {
  const tokens = nameTokens(text);
  const joined = (a: NameToken, b: NameToken): boolean => b.from === a.to + 1 && (text[a.to] === ' ' || text[a.to] === '\u00a0');
  const m: NameMention = { name: '', size: 0, alone: false, from: 0, to: 0 };
  let runStart = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!prev || !joined(prev, t)) runStart = i;
    const alone = runStart === i && !(next && joined(t, next));
    // Every window ending at this word.
    for (let size = 1; size <= 3 && i - size + 1 >= runStart; size += 1) {
      const head = tokens[i - size + 1]!;
      m.name = size === 1 ? t.word : text.slice(head.from, t.to);
      m.size = size;
      m.alone = size === 1 && alone;
      m.from = head.from;
      m.to = t.to;
      visit(m);
    }
  }
}

const NOT_LETTERS = /[^\p{L}]/gu;
const WORD_GAP = /[ \u00a0]/;

/** Letters only, lower case, accents dropped: "Min-jung" → "minjung". */
export function letters(s: string): string {
  return s.normalize('NFD').replace(NOT_LETTERS, '').toLowerCase();
}

/**
 * A stricter key for one word standing alone ("Funakosi said"), and for the given names of
 * people who are not Korean ("Takehiro Funakoshi" / "Takehiro Funakosi"): only an h after a
 * consonant and doubled letters may differ ("Funakoshi" / "Funakosi", "Phillips" / "Philips"),
 * never a letter for another ("Kerry" / "Kelly", "Still" / "Steel").
 */
export function wordKey(s: string): string {
  return letters(s)
    .replace(/([^aeiouh])h/g, '$1')
    .replace(/(.)\1+/g, '$1');
}

/** All upper case ("SEO MIN-JUNG", "AEGIS"): a typographic style, not a spelling. */
const LOWER = /\p{Ll}/u;
export const shouted = (s: string): boolean => !LOWER.test(s);

// ── Romanized Korean syllables ──────────────────────────────────────────────
// A Korean given name is two or three syllables ("Min-jung", "Ki-Yeong", "Suk Yeol"), each
// romanized as its initial consonant, its vowel and its final consonant. Romanizations differ in
// how they spell one syllable: 정 is "jeong" (Revised Romanization) or "jung" / "chung" (older
// and popular spellings); 영 "yeong", "young" or "yung"; 은 "eun" or "un"; 기 "gi" or "ki". Two
// spellings are one syllable only when they can spell the same Hangul: "jong" (종) is never
// "jung" / "jeong" (정), "yong" (용) never "young" (영), "sang" (상) never "sung" (성).

/** Initial consonants, by the Hangul letter each may spell (plain and tense; g/k, d/t, b/p, j/ch, r/l, s/sh are one letter romanized two ways). */
// prettier-ignore
const INITIALS: Record<string, string> = {
  '': '', g: 'K', k: 'K', kk: 'KK', gg: 'KK', n: 'N', d: 'T', t: 'T', tt: 'TT', dd: 'TT', r: 'L', l: 'L', m: 'M',
  b: 'P', p: 'P', pp: 'PP', bb: 'PP', s: 'S', sh: 'S', ss: 'SS', j: 'J', ch: 'J', jj: 'JJ', tch: 'JJ', h: 'H',
};

/**
 * Vowel spellings and the Hangul vowels each may spell: "u" is 어 (jung = 정), 우 (Revised "u")
 * or 으 (Jong-un = 정은); "yu" and "you" are 여 (Hyun, Young) or 유 (Yu, You); "ee" is 이 or 의
 * (Hee = 희). "o" is only 오 and "yo" only 요.
 */
// prettier-ignore
const VOWELS: Record<string, readonly string[]> = {
  a: ['a'], ae: ['ae'], e: ['e'], ya: ['ya'], yae: ['yae'], ye: ['ye'],
  eo: ['eo'], u: ['eo', 'u', 'eu'], eu: ['eu'], o: ['o'], oo: ['u'], woo: ['u'],
  yeo: ['yeo'], you: ['yeo', 'yu'], yu: ['yeo', 'yu'], yoo: ['yu'], yo: ['yo'],
  wa: ['wa'], wae: ['wae'], oe: ['oe'], oi: ['oe'], we: ['we'], wo: ['wo'], weo: ['wo'], wi: ['wi'],
  ui: ['ui'], eui: ['ui'], ee: ['i', 'ui'], i: ['i'], yi: ['i'],
};

/**
 * The Hangul vowels that some one spelling joins, as one letter: spellings that may be one
 * syllable always share it, so it can key a lookup (the exact test is sameSyllable).
 */
const VOWEL_FAMILY: Record<string, string> = { eo: 'O', u: 'O', eu: 'O', yeo: 'Y', yu: 'Y', i: 'I', ui: 'I' };

/** Final consonants: k (g, ck: Duck-soo), n, ng, l, m, p (b), t. */
const FINALS: Record<string, string> = { '': '', k: 'K', g: 'K', ck: 'K', n: 'N', ng: 'NG', l: 'L', m: 'M', p: 'P', b: 'P', t: 'T' };

const byLength = (o: object): string =>
  Object.keys(o)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .join('|');
/** Initial, vowel, a silent h ("Suh", "Ahn"), final. */
const SYLLABLE = new RegExp(`^(${byLength(INITIALS)})?(${byLength(VOWELS)})h?(${byLength(FINALS)})?$`);

export interface Syllable {
  /** As written, in lower case: "jeong". */
  text: string;
  initial: string;
  vowels: readonly string[];
  final: string;
}

/** One romanized Korean syllable ("jeong", "Young", "suh"), or null if the word cannot be one. */
export function koreanSyllable(word: string): Syllable | null {
  const text = word.toLowerCase();
  const m = SYLLABLE.exec(text);
  if (!m) return null;
  return { text, initial: INITIALS[m[1] ?? '']!, vowels: VOWELS[m[2]!]!, final: FINALS[m[3] ?? '']! };
}

/** Whether two romanized syllables can spell the same Hangul syllable: "jung" / "jeong", "young" / "yeong", "gi" / "ki"; not "jong" / "jung". */
export function sameSyllable(a: Syllable, b: Syllable): boolean {
  return a.initial === b.initial && a.final === b.final && a.vowels.some((v) => b.vowels.includes(v));
}

/**
 * A Korean-shaped given name: two or three parts, split by hyphens or spaces, each a romanized
 * syllable ("Min-jung", "Ki-Yeong", "Suk Yeol"); null for anything else ("Funakoshi", "Kerry",
 * "Self-Defense", "Minjung": run together, its syllables are not told apart).
 */
export function koreanGivenName(rest: string): Syllable[] | null {
  const parts = rest.split(PART_GAP);
  if (parts.length < 2 || parts.length > 3) return null;
  const out: Syllable[] = [];
  for (const part of parts) {
    // McCune-Reischauer's breves spell 어 and 으 (Chŏng = Jeong, Ŭn = Eun): kept apart from o and u.
    const s = koreanSyllable(letters(part.toLowerCase().replace(/ŏ/g, 'eo').replace(/ŭ/g, 'eu')));
    if (!s) return null;
    out.push(s);
  }
  return out;
}

const PART_GAP = /[-\u2010\u2011 \u00a0]/;

/** Korean given names whose spellings differ in more syllables than this are different people ("Dae-jung" / "Tae-jong"). */
export const MAX_DIFFERING_SYLLABLES = 1;

/** Whether two Korean given names are one name spelled two ways: the same syllables, at most MAX_DIFFERING_SYLLABLES of them spelled differently. */
export function sameKoreanGivenName(a: readonly Syllable[], b: readonly Syllable[]): boolean {
  if (a.length !== b.length) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i]!.text === b[i]!.text) continue;
    differing += 1;
    if (differing > MAX_DIFFERING_SYLLABLES || !sameSyllable(a[i]!, b[i]!)) return false;
  }
  return true;
}

// ── Which spellings are one person ──────────────────────────────────────────

/** What is worked out once per spelling: the keys a same-person spelling shares, and a Korean given name's syllables. */
interface Spelling {
  /** Exact keys: two spellings sharing one are one person. */
  keys: string[];
  /** For a Korean given name: its lookup key (family name, syllable count, letters and vowel families) and syllables. */
  korean: { bucket: string; syllables: Syllable[] } | null;
}

// A story names the same few hundred people and places over and over: each spelling is worked out once.
const spellings = new Map<string, Spelling | null>();

/**
 * How a mention is compared, or null if it is not (a name in capitals; one word of fewer than
 * five letters). Several words: the first word in any case, then the rest with only hyphens,
 * spaces and case aside ("Seo Minjung" / "Seo Min-jung", "Yoon Suk Yeol" / "Yoon Suk-yeol");
 * a Korean given name by its syllables; any other by wordKey. One word alone: by its wordKey.
 */
function spellingOf(m: Readonly<NameMention>): Spelling | null {
  let s = spellings.get(m.name);
  if (s !== undefined) return s;
  if (shouted(m.name)) s = null;
  else if (m.size === 1) s = letters(m.name).length < 5 ? null : { keys: [`=${wordKey(m.name)}`], korean: null };
  else {
    // The first word (a Korean family name, a Western given name) and the rest ("Min-jung").
    const space = m.name.search(WORD_GAP);
    const first = m.name.slice(0, space).toLowerCase();
    const rest = m.name.slice(space + 1);
    const syllables = koreanGivenName(rest);
    const keys = [`${first} ${letters(rest)}`];
    if (syllables) {
      const bucket = `${first} ${syllables.map((x) => `${x.initial}${VOWEL_FAMILY[x.vowels[0]!] ?? x.vowels[0]}${x.final}`).join('-')}`;
      s = { keys, korean: { bucket, syllables } };
    } else {
      keys.push(`${first} ~${wordKey(rest)}`);
      s = { keys, korean: null };
    }
  }
  if (spellings.size > 50_000) spellings.clear();
  spellings.set(m.name, s);
  return s;
}

/** Korean given names compared pairwise per lookup key: at most this many different spellings each (a hostile text stays linear). */
const MAX_KOREAN_COMPARED = 32;

/**
 * Groups the spellings of a text's names that look like one person's. Add every mention, then
 * take the groups: near-linear (hash lookups and a union-find; Korean given names are compared
 * pairwise only within a lookup key, and at most MAX_KOREAN_COMPARED of them).
 */
export class NameGroups {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];
  private readonly parent: number[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly buckets = new Map<string, { letters: Set<string>; members: { id: number; syllables: Syllable[] }[] }>();

  /** Adds a mention's spelling; false if names like it are not compared. */
  add(m: Readonly<NameMention>): boolean {
    if (this.index.has(m.name)) return true;
    const s = spellingOf(m);
    if (!s) return false;
    const id = this.names.length;
    this.index.set(m.name, id);
    this.names.push(m.name);
    this.parent.push(id);
    for (const key of s.keys) {
      const other = this.byKey.get(key);
      if (other === undefined) this.byKey.set(key, id);
      else this.union(id, other);
    }
    if (s.korean) {
      let bucket = this.buckets.get(s.korean.bucket);
      if (!bucket) this.buckets.set(s.korean.bucket, (bucket = { letters: new Set(), members: [] }));
      const spelled = s.korean.syllables.map((x) => x.text).join('');
      // Spellings differing only in case, hyphens or spaces are joined by their key already.
      if (!bucket.letters.has(spelled) && bucket.members.length < MAX_KOREAN_COMPARED) {
        bucket.letters.add(spelled);
        for (const other of bucket.members) if (sameKoreanGivenName(s.korean.syllables, other.syllables)) this.union(id, other.id);
        bucket.members.push({ id, syllables: s.korean.syllables });
      }
    }
    return true;
  }

  /** Every group of two or more spellings, each in the order they were added. */
  groups(): string[][] {
    const byRoot = new Map<number, string[]>();
    this.names.forEach((name, id) => {
      const root = this.find(id);
      let g = byRoot.get(root);
      if (!g) byRoot.set(root, (g = []));
      g.push(name);
    });
    return [...byRoot.values()].filter((g) => g.length > 1);
  }

  private find(id: number): number {
    let root = id;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression: every later find on this path is one step.
    for (let at = id; this.parent[at] !== root;) {
      const next = this.parent[at]!;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Whether two mentions look like one name spelled two ways (as the check groups them). */
export function looksLikeSameName(a: NameMention, b: NameMention): boolean {
  if (a.name === b.name) return false;
  const groups = new NameGroups();
  return groups.add(a) && groups.add(b) && groups.groups().length === 1;
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
