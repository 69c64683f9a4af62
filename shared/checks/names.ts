// Finding people's names in running text and telling when two spellings are probably one person.
// Tuned for the newsroom's commonest slip, a romanized Korean name spelled two ways ("Seo
// Min-jung" / "Seo Min-jeong", "Kim Ki-Yeong" / "Kim Ki-young", "Yoon Suk Yeol" / "Yoon
// Suk-yeol"), and for dropped or doubled letters in any name ("Funakoshi" / "Funakosi").

export interface NameToken {
  word: string;
  from: number;
  to: number;
}

export interface NameMention {
  /** The name as written, e.g. "Seo Min-jung" (one to three capitalized words). */
  name: string;
  /** The first word (for Korean names the family name, for Western ones the given name). */
  first: string;
  /** The rest as written, e.g. "Min-jung"; empty for a single word. */
  rest: string;
  /** How many words. */
  size: number;
  /** A single word standing alone, not inside a run of capitalized words ("Funakosi said"). */
  alone: boolean;
  from: number;
  to: number;
}

// A capitalized word: "Seo", "Min-jung", "Ki-Yeong", "SEO", "McArthur"; not part of
// "Hwasong-18" or "x-Ray". Hyphenated parts are capped at three so a pathological chain of
// hyphens stays linear, and no match starts after a hyphen.
const TOKEN = /(?<![\p{L}\p{M}\p{N}\-\u2010\u2011])\p{Lu}[\p{L}\p{M}]+(?:[-\u2010\u2011][\p{L}\p{M}]+){0,3}(?![\p{L}\p{M}\p{N}]|[-\u2010\u2011][\p{L}\p{M}\p{N}])/gu;

/** Capitalized at the start of a sentence, never part of a name: they end a run of capitals. */
const NOT_NAMES = new Set(
  'The An In On At For From By To Of With But And Or So He She It They We You His Her Its Their Our This That These Those There According After Before When While If As Also Meanwhile However'.split(
    ' ',
  ),
);

/** The capitalized words of a text, in order. */
export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  for (const m of text.matchAll(TOKEN)) if (!NOT_NAMES.has(m[0])) out.push({ word: m[0], from: m.index, to: m.index + m[0].length });
  return out;
}

/**
 * Every run of one to three capitalized words separated by single spaces, at every start within
 * a longer run ("Affairs Seo Min-jeong" also gives "Seo Min-jeong"). Linear: at most three
 * mentions of each size per word.
 */
export function nameMentions(text: string): NameMention[] {
  const tokens = nameTokens(text);
  const joined = (a: NameToken, b: NameToken): boolean => b.from === a.to + 1 && (text[a.to] === ' ' || text[a.to] === '\u00a0');
  const out: NameMention[] = [];
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
      const name = text.slice(head.from, t.to);
      out.push({ name, first: head.word, rest: name.slice(head.word.length + 1), size, alone: size === 1 && alone, from: head.from, to: t.to });
    }
  }
  return out;
}

/** Letters only, lower case, accents dropped: "Min-jung" → "minjung". */
export function letters(s: string): string {
  return s.normalize('NFD').replace(/[^\p{L}]/gu, '').toLowerCase();
}

// Vowels as a romanization spells them, mapped to one class each: 어 is written eo, u or o;
// 우 u or oo; 으 eu or u; 애/에 ae, e or ai; 이 i or ee. After a y (경: kyeong, kyoung, kyung)
// or a w (원: won, weon) the class keeps the glide.
const VOWEL_CLASS: Record<string, string> = {
  eo: 'O', o: 'O', u: 'O', oo: 'O', eu: 'O', ou: 'O',
  a: 'A',
  ae: 'E', e: 'E', ai: 'E', ay: 'E', ea: 'E', oe: 'E',
  i: 'I', ee: 'I', ui: 'I', ie: 'I', '': 'I',
};

function vowelClass(run: string): string {
  const glide = run[0] === 'y' || run[0] === 'w' ? run[0].toUpperCase() : '';
  const rest = glide ? run.slice(1) : run;
  const cls = VOWEL_CLASS[rest];
  return cls === undefined ? run : glide + cls;
}

/**
 * A romanization-blind spelling: names that differ only in hyphens, capitals, romanized vowels
 * (jung/jeong, yeong/young), voiced or unvoiced consonants (g/k, d/t, b/p, r/l, j/ch, s/sh),
 * a silent h (Suh/Seo) or doubled letters (Phillips/Philips) have the same skeleton.
 */
export function skeleton(s: string): string {
  return letters(s)
    .replace(/sh/g, 's')
    .replace(/ch/g, 'j')
    .replace(/([aeiou])h(?![aeiouwy])/g, '$1')
    .replace(/[yw]?[aeiou]+|[yw]/g, vowelClass)
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/r/g, 'l')
    .replace(/([a-z])\1+/g, '$1');
}

/**
 * A stricter key for one word standing alone ("Funakosi said"), where romanized vowels would
 * pair ordinary words ("Still" / "Steel"): only an h after a consonant and doubled letters may
 * differ ("Funakoshi" / "Funakosi", "Phillips" / "Philips").
 */
export function wordKey(s: string): string {
  return letters(s)
    .replace(/([^aeiouh])h/g, '$1')
    .replace(/(.)\1+/g, '$1');
}

/** All upper case ("SEO MIN-JUNG", "AEGIS"): a typographic style, not a spelling. */
export const shouted = (s: string): boolean => !/\p{Ll}/u.test(s);

// A story names the same few hundred people and places over and over: each name's key is worked out once.
const keys = new Map<string, string | null>();

/**
 * The key two mentions of one person share, or null if the mention is not compared:
 * several words by their first word (any case) and the skeleton of the rest; one word alone by
 * its wordKey, when five letters or longer.
 */
export function sameNameKey(m: NameMention): string | null {
  let key = keys.get(m.name);
  if (key !== undefined) return key;
  if (shouted(m.name)) key = null;
  else if (m.size > 1) key = `${m.first.toLowerCase()} ${skeleton(m.rest)}`;
  else key = letters(m.name).length < 5 ? null : `=${wordKey(m.name)}`;
  if (keys.size > 50_000) keys.clear();
  keys.set(m.name, key);
  return key;
}

/** Whether two mentions look like one name spelled two ways. */
export function looksLikeSameName(a: NameMention, b: NameMention): boolean {
  if (a.name === b.name || (a.size === 1) !== (b.size === 1)) return false;
  const ka = sameNameKey(a);
  return ka !== null && ka === sameNameKey(b);
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
