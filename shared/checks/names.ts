// Finding people's names in running text and telling when two spellings are probably one person.
// Tuned for what a desk merging Yonhap, KCNA and the wires meets: a romanized Korean name spelled
// two ways ("Seo Min-jung" / "Seo Min-jeong", "Kim Ki-Yeong" / "Kim Ki-young", "Yoon Suk Yeol"
// / "Yoon Suk-yeol"), the North's romanization against the South's ("Ri Yong Ho" / "Lee
// Yong-ho", "Kim Yong Nam" / "Kim Young-nam"), Chinese, Russian and Japanese names in two
// systems, dropped or doubled letters ("Funakoshi" / "Funakosi") and one-letter slips ("Ban
// Ki-mon"), without pairing different people: "Kim Jong-un" / "Kim Jong-il", "Park Jong-soo" /
// "Park Jung-soo", "John Kerry" / "John Kelly".

import { letters, skipLetters, skipNonWord, skipWord, upperAt, wordCharAt } from './chars.js';
import type { HouseHit, PeopleIndex } from './people.js';
import { chineseKey, foldLongVowels, koreanFamily, northernFamily, russianKey } from './romanization.js';

export interface NameToken {
  word: string;
  from: number;
  to: number;
  /** A word that is usually no name (In, So, An): part of a name only inside a Korean one ("Lee Jung In", "So Se Pyong"). */
  stop?: true;
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

/**
 * Capitalized at the start of a sentence, seldom part of a name: they end a run of capitals,
 * except inside a Korean name, where In, An, So and To are syllables and family names.
 */
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
      out.push(NOT_NAMES.has(word) ? { word, from: start, to: end, stop: true } : { word, from: start, to: end });
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
  const joined = (a: NameToken, b: NameToken): boolean => b.from === a.to + 1 && (text[a.to] === ' ' || text[a.to] === '\u00a0');
  const tokens = namesWithStopWords(nameTokens(text), joined);
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

/**
 * The tokens of a text with each stop-word kept only where it is part of a Korean name: after a
 * Korean syllable it follows in a run ("Lee Jung In", "Mun Jae In"), or as a family name before
 * one ("So Se Pyong", "An Chol Su"); anywhere else ("In Seoul", "So many") it ends the run.
 */
function namesWithStopWords(tokens: NameToken[], joined: (a: NameToken, b: NameToken) => boolean): NameToken[] {
  if (!tokens.some((t) => t.stop)) return tokens;
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (!t.stop) {
      out.push(t);
      continue;
    }
    const prev = out.at(-1);
    const next = tokens[i + 1];
    // Two letters at most: "In", "An", "So", "To" are syllables; "The" could be read as one but never is.
    const syllable = t.word.length <= 2 && koreanSyllable(t.word) !== null;
    const inside = syllable && prev !== undefined && !prev.stop && joined(prev, t) && koreanWord(prev.word);
    const family = koreanFamily(t.word) !== null && next !== undefined && !next.stop && joined(t, next) && koreanWord(next.word);
    if (inside || (family && !(prev && joined(prev, t)))) out.push(t);
  }
  return out;
}

/** A romanized Korean syllable or given name standing as one word: "Jung", "Jae", "Min-jung". */
const koreanWord = (word: string): boolean => koreanSyllable(word) !== null || koreanGivenName(word) !== null;

const WORD_GAP = /[ \u00a0]/;

/**
 * A stricter key for one word standing alone ("Funakosi said"), and for the given names of
 * people who are not Korean ("Takehiro Funakoshi" / "Takehiro Funakosi"): only an h after a
 * consonant and doubled letters may differ ("Funakoshi" / "Funakosi", "Phillips" / "Philips"),
 * never a letter for another ("Kerry" / "Kelly", "Still" / "Steel"); and a Japanese long vowel
 * written any way ("Kohno" / "Kono" / "Kōno").
 */
export function wordKey(s: string): string {
  return foldLongVowels(letters(s))
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

/**
 * Initial consonants, by the Hangul letter each may spell (plain and tense; g/k, d/t, b/p, j/ch,
 * r/l, s/sh are one letter romanized two ways; th, ph and kh are how the North writes the
 * aspirated t, p and k: "Thaek", "Phyo").
 */
// prettier-ignore
const INITIALS: Record<string, string> = {
  '': '', g: 'K', k: 'K', kh: 'K', kk: 'KK', gg: 'KK', n: 'N', d: 'T', t: 'T', th: 'T', tt: 'TT', dd: 'TT', r: 'L', l: 'L', m: 'M',
  b: 'P', p: 'P', ph: 'P', pp: 'PP', bb: 'PP', s: 'S', sh: 'S', ss: 'SS', j: 'J', ch: 'J', jj: 'JJ', tch: 'JJ', h: 'H',
};

/**
 * Vowel spellings and the Hangul vowels each may spell: "u" is 어 (jung = 정), 우 (Revised "u")
 * or 으 (Jong-un = 정은); "yu" and "you" are 여 (Hyun, Young) or 유 (Yu, You); "ee" is 이 or 의
 * (Hee = 희). "o" is only 오 and "yo" only 요, except in the North's spellings (northernVowels).
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
 * The North writes McCune–Reischauer without its breves: ŏ loses its mark, so "o" is 오 or 어
 * (Kim Yong Nam = 김영남, Choe Son Hui = 최선희) and "yo" 요 or 여 (Kim Yo Jong = 김여정).
 */
const NORTHERN_VOWELS: Record<string, readonly string[]> = { o: ['o', 'eo'], yo: ['yo', 'yeo'] };

/**
 * The Hangul vowels that some one spelling joins, as one letter: spellings that may be one
 * syllable always share it, so it can key a lookup (the exact test is sameSyllable).
 */
const VOWEL_FAMILY: Record<string, string> = { eo: 'O', u: 'O', eu: 'O', o: 'O', yeo: 'Y', yu: 'Y', yo: 'Y', i: 'I', ui: 'I' };

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

/**
 * One romanized Korean syllable ("jeong", "Young", "suh"), or null if the word cannot be one.
 * `northern`: read as the North writes (o may be 어). "wh" is read as "hw" (Kyung-wha = 경화).
 */
export function koreanSyllable(word: string, northern = false): Syllable | null {
  const text = word.toLowerCase();
  const m = SYLLABLE.exec(text.startsWith('wh') ? `hw${text.slice(2)}` : text);
  if (!m) return null;
  const vowel = m[2]!;
  return { text, initial: INITIALS[m[1] ?? '']!, vowels: (northern && NORTHERN_VOWELS[vowel]) || VOWELS[vowel]!, final: FINALS[m[3] ?? '']! };
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
export function koreanGivenName(rest: string, northern = false): Syllable[] | null {
  const parts = rest.split(PART_GAP);
  if (parts.length < 2 || parts.length > 3) return null;
  const out: Syllable[] = [];
  for (const part of parts) {
    // McCune-Reischauer's breves spell 어 and 으 (Chŏng = Jeong, Ŭn = Eun): kept apart from o and u.
    const s = koreanSyllable(letters(part.toLowerCase().replace(/ŏ/g, 'eo').replace(/ŭ/g, 'eu')), northern);
    if (!s) return null;
    out.push(s);
  }
  return out;
}

const PART_GAP = /[-\u2010\u2011 \u00a0]/;

/**
 * Whether two Korean given names are one name spelled two ways: the same number of syllables, each
 * pair spelled alike or able to spell the same Hangul ("Seok-yeol" / "Suk Youl": 석열 both).
 */
export function sameKoreanGivenName(a: readonly Syllable[], b: readonly Syllable[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i]!.text !== b[i]!.text && !sameSyllable(a[i]!, b[i]!)) return false;
  return true;
}

// ── Which spellings are one person ──────────────────────────────────────────

/** What is worked out once per spelling: the keys a same-person spelling shares, and a Korean given name's syllables. */
interface Spelling {
  /** Exact keys: two spellings sharing one are one person. */
  keys: string[];
  /** For a Korean given name: its lookup key (family name, syllable count, letters and vowel families) and syllables. */
  korean: { bucket: string; syllables: Syllable[] } | null;
  /** A Chinese name's key for pinyin and Wade–Giles alike; `marked` when it cannot be a Korean name. */
  chinese: { key: string; marked: boolean } | null;
  /** For one-letter slips (names of two or three words): each word, and the name without it (filed under). */
  slips: { word: string; key: string }[] | null;
  /** How the people list is looked up (letters: the list's spellingKey). */
  listKey: string;
}

// A story names the same few hundred people and places over and over: each spelling is worked out once.
const spellings = new Map<string, Spelling | null>();

/**
 * How a mention is compared, or null if it is not (a name in capitals; one word of fewer than
 * five letters). Several words: the first word in any case, then the rest with only hyphens,
 * spaces and case aside ("Seo Minjung" / "Seo Min-jung", "Yoon Suk Yeol" / "Yoon Suk-yeol");
 * a Korean given name by its syllables under its family name's every spelling (Ri = Lee), read
 * the North's way when the name is written so (syllables apart, "Yong Nam", or a family name only
 * the North uses, "Pak"); a Chinese name by its pinyin / Wade–Giles key; a Russian given name by
 * its transliteration key; any other by wordKey. One word alone: by its wordKey.
 */
function spellingOf(m: Readonly<NameMention>): Spelling | null {
  let s = spellings.get(m.name);
  if (s !== undefined) return s;
  if (shouted(m.name)) s = null;
  else if (m.size === 1) s = letters(m.name).length < 5 ? null : { keys: [`=${wordKey(m.name)}`], korean: null, chinese: null, slips: null, listKey: letters(m.name) };
  else {
    // The first word (a Korean family name, a Western given name) and the rest ("Min-jung").
    const space = m.name.search(WORD_GAP);
    const written = m.name.slice(0, space);
    const first = written.toLowerCase();
    const rest = m.name.slice(space + 1);
    const northern = northernFamily(first) || WORD_GAP.test(rest);
    const syllables = koreanGivenName(rest, northern);
    const keys = [`${first} ${letters(rest)}`];
    let korean: Spelling['korean'] = null;
    if (syllables) {
      const family = koreanFamily(first) ?? first;
      korean = { bucket: `${family} ${syllables.map((x) => `${x.initial}${VOWEL_FAMILY[x.vowels[0]!] ?? x.vowels[0]}${x.final}`).join('-')}`, syllables };
    } else {
      keys.push(`${first} ~${wordKey(rest)}`);
      if (m.size === 2) {
        const russian = russianKey(first, letters(rest));
        if (russian) keys.push(russian);
      }
    }
    s = { keys, korean, chinese: chineseKey(first, letters(rest)), slips: slipKeys(m.name.split(WORD_GAP), korean !== null), listKey: letters(m.name) };
  }
  if (spellings.size > 50_000) spellings.clear();
  spellings.set(m.name, s);
  return s;
}

/** Korean given names compared pairwise per lookup key: at most this many different spellings each (a hostile text stays linear). */
const MAX_KOREAN_COMPARED = 32;
/** Words compared for one-letter slips per lookup key (the other words of the name). */
const MAX_SLIP_COMPARED = 24;

/** A group of spellings, and what the people list says of them. */
export interface NameGroup {
  spellings: string[];
  /** A person on the list some spelling in the group is (the first found). */
  house: HouseHit | null;
  /** The aliases on the list the group's spellings are. */
  aliases: HouseHit[];
}

/**
 * Groups the spellings of a text's names that look like one person's. Add every mention, then
 * take the groups: near-linear (hash lookups and a union-find; Korean given names are compared
 * pairwise only within a lookup key, and at most MAX_KOREAN_COMPARED of them). Spellings one
 * letter apart that no rule makes one person ("Ban Ki-moon" / "Ban Ki-mon") are kept apart, as slips.
 */
export class NameGroups {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];
  private readonly parent: number[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly buckets = new Map<string, { letters: Set<string>; members: { id: number; syllables: Syllable[] }[] }>();
  private readonly chineseMarked = new Map<string, number>();
  private readonly chineseAny = new Map<string, number>();
  private readonly slipBuckets = new Map<string, { id: number; word: string; korean: boolean }[]>();
  private readonly slipPairs: [number, number][] = [];
  private readonly hits = new Map<number, HouseHit>();
  private readonly people: PeopleIndex | null;

  /** `people`: the people list's index (peopleIndex), to pair its aliases and say which spelling the house prefers. */
  constructor(people?: PeopleIndex) {
    this.people = people && people.size > 0 ? people : null;
  }

  /** Adds a mention's spelling; false if names like it are not compared. */
  add(m: Readonly<NameMention>): boolean {
    if (this.index.has(m.name)) return true;
    const s = spellingOf(m);
    if (!s) return false;
    const hit = this.people?.get(s.listKey);
    const id = this.names.length;
    this.index.set(m.name, id);
    this.names.push(m.name);
    this.parent.push(id);
    if (hit) {
      this.hits.set(id, hit);
      this.join(id, `@${hit.person.id}`);
    }
    for (const key of s.keys) this.join(id, key);
    if (s.chinese) {
      // A certainly Chinese spelling pairs with any; one that could be Korean only with a certainly Chinese one.
      const { key, marked } = s.chinese;
      const other = this.chineseMarked.get(key) ?? (marked ? this.chineseAny.get(key) : undefined);
      if (other !== undefined) this.union(id, other);
      if (marked && !this.chineseMarked.has(key)) this.chineseMarked.set(key, id);
      if (!this.chineseAny.has(key)) this.chineseAny.set(key, id);
    }
    if (s.korean) {
      let bucket = this.buckets.get(s.korean.bucket);
      if (!bucket) this.buckets.set(s.korean.bucket, (bucket = { letters: new Set(), members: [] }));
      const spelled = `${m.name.slice(0, m.name.search(WORD_GAP)).toLowerCase()} ${s.korean.syllables.map((x) => x.text).join('')}`;
      // Spellings differing only in case, hyphens or spaces are joined by their key already.
      if (!bucket.letters.has(spelled) && bucket.members.length < MAX_KOREAN_COMPARED) {
        bucket.letters.add(spelled);
        for (const other of bucket.members) if (sameKoreanGivenName(s.korean.syllables, other.syllables)) this.union(id, other.id);
        bucket.members.push({ id, syllables: s.korean.syllables });
      }
    }
    if (s.slips) this.addSlipCandidate(id, s.slips, s.korean !== null);
    return true;
  }

  /** Every group of two or more spellings, each in the order they were added. */
  groups(): string[][] {
    return this.nameGroups()
      .filter((g) => g.spellings.length > 1)
      .map((g) => g.spellings);
  }

  /**
   * Every group of two or more spellings, and every spelling alone that the people list names
   * as an alias (the house spells it otherwise), with what the list says of them.
   */
  nameGroups(): NameGroup[] {
    const byRoot = new Map<number, NameGroup>();
    this.names.forEach((name, id) => {
      const root = this.find(id);
      let g = byRoot.get(root);
      if (!g) byRoot.set(root, (g = { spellings: [], house: null, aliases: [] }));
      g.spellings.push(name);
      const hit = this.hits.get(id);
      if (hit) {
        g.house ??= hit;
        if (hit.alias && hit.person === g.house.person) g.aliases.push(hit);
      }
    });
    return [...byRoot.values()].filter((g) => g.spellings.length > 1 || g.aliases.length > 0);
  }

  /** Spellings one letter apart that are not grouped as one person: [slip, other], in the order added. */
  slips(): [string, string][] {
    const out: [string, string][] = [];
    const seen = new Set<string>();
    for (const [a, b] of this.slipPairs) {
      const ra = this.find(a);
      const rb = this.find(b);
      if (ra === rb) continue;
      const key = ra < rb ? `${ra} ${rb}` : `${rb} ${ra}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([this.names[a]!, this.names[b]!]);
    }
    return out;
  }

  /** Compares each word of a name with the words filed under the rest of the name (slipKeys): one letter apart (oneLetterSlip) is a possible slip. */
  private addSlipCandidate(id: number, slips: readonly { word: string; key: string }[], korean: boolean): void {
    for (const { word, key } of slips) {
      let bucket = this.slipBuckets.get(key);
      if (!bucket) this.slipBuckets.set(key, (bucket = []));
      if (bucket.length >= MAX_SLIP_COMPARED) continue;
      for (const other of bucket) if (oneLetterSlip(word, other.word, korean && other.korean)) this.slipPairs.push([id, other.id]);
      bucket.push({ id, word, korean });
    }
  }

  private join(id: number, key: string): void {
    const other = this.byKey.get(key);
    if (other === undefined) this.byKey.set(key, id);
    else this.union(id, other);
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

/**
 * Where a name of two or three words is filed for slips: by each of its words left out. A name's
 * first word is filed only in a Korean name, as its family name ("Moon" / "Mon"): "Defense
 * Ministry" / "Defence Ministry" is a spelling the house style settles, not a person's slip.
 */
function slipKeys(words: string[], koreanName: boolean): { word: string; key: string }[] | null {
  if (words.length < 2 || words.length > 3) return null;
  const out: { word: string; key: string }[] = [];
  for (let i = koreanName ? 0 : 1; i < words.length; i += 1) out.push({ word: words[i]!, key: `${i}|${words.filter((_, j) => j !== i).join(' ')}` });
  return out;
}

/**
 * Whether two words of otherwise identical names are one letter apart as a slip: in a Korean name
 * only a letter doubled or dropped in a syllable ("Ki-moon" / "Ki-mon", "Moon" / "Mon"), since one
 * letter for another is another syllable and often another person ("Jong-soo" / "Jung-soo"); in
 * any other name one letter added, dropped or changed ("Blinken" / "Blinkin"), never at the end,
 * where it is an inflection or another name ("Korea" / "Korean", "Lippert" / "Lipper").
 */
export function oneLetterSlip(a: string, b: string, korean: boolean): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y || Math.abs(x.length - y.length) > 1) return false;
  if (korean || (koreanWord(x) && koreanWord(y))) {
    const pa = x.split(PART_GAP);
    const pb = y.split(PART_GAP);
    if (pa.length !== pb.length) return false;
    let differing = 0;
    for (let i = 0; i < pa.length; i += 1) {
      if (pa[i] === pb[i]) continue;
      differing += 1;
      if (pa[i]!.replace(/(.)\1+/g, '$1') !== pb[i]!.replace(/(.)\1+/g, '$1')) return false;
    }
    return differing === 1;
  }
  if (Math.min(x.length, y.length) < 4) return false;
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head += 1;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail += 1;
  return tail >= 1 && head + tail >= Math.max(x.length, y.length) - 1;
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
