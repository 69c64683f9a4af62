// Slugs: the short label a desk files a story under (KOR-JPN-SECURITY-TALKS). The core stores what
// slugify makes of what a person typed; the editor proposes one from the headline until a person
// writes their own. A slug is ASCII letters, digits and single hyphens, so it reads the same in
// every system a story travels to; accented Latin letters and Korean are transliterated rather
// than dropped, so a Korean headline still gives a slug a desk can read.

/** The longest slug the core keeps. */
export const SLUG_MAX = 80;

const VALID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** True when `slug` is a slug the core stores as it is (slugify leaves it unchanged). */
export function isValidSlug(slug: string): boolean {
  return slug.length <= SLUG_MAX && VALID.test(slug);
}

/** A few Latin letters NFKD does not take apart into ASCII. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  ı: 'i',
};

/** Latin letters in ASCII where they have a form there (é → e, ß → ss); every other character is kept. */
export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (ch) => LETTERS[ch] ?? ch);
}

// Revised Romanization of Korean, letter by letter: a syllable is its initial, vowel and final in
// the order of the Unicode Hangul block (code = 0xAC00 + (initial × 21 + vowel) × 28 + final).
// The sound changes between syllables that full romanization applies are left out: a slug must
// be predictable from the spelling, not perfect.
// prettier-ignore
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
// prettier-ignore
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
// prettier-ignore
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** Hangul syllables in Latin letters (북한 → bukhan); everything else as it is. */
export function romanizeHangul(text: string): string {
  return text.replace(/[\uac00-\ud7a3]/g, (ch) => {
    const code = ch.charCodeAt(0) - 0xac00;
    return INITIALS[Math.floor(code / 588)]! + VOWELS[Math.floor((code % 588) / 28)]! + FINALS[code % 28]!;
  });
}

/**
 * The slug the core stores for what a person typed: Korean and accented Latin letters
 * transliterated, apostrophes dropped (Korea's → Koreas), every other run of characters that
 * are not ASCII letters or digits one hyphen; whole words up to SLUG_MAX characters. The case is
 * kept, since desks write sluglines in capitals. '' when nothing usable is left (Japanese or
 * Chinese alone, say): the core then keeps the slug it had.
 */
export function slugify(text: string): string {
  const words = foldLatin(romanizeHangul(text))
    .replace(/['\u2019]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    // A first word longer than a slug is cut; after that a slug ends on a whole word.
    if (next.length > SLUG_MAX) return slug || word.slice(0, SLUG_MAX);
    slug = next;
  }
  return slug;
}

/** The slug proposed for a headline: slugify in lower case ('' when the headline gives none). */
export function proposeSlug(headline: string): string {
  return slugify(headline).toLowerCase();
}

/** The slug the core gives a story whose headline gives none. */
export function defaultSlug(storyId: number): string {
  return `story-${storyId}`;
}

/**
 * Whether the slug is still the one proposed from the headline, so a new headline may replace
 * it: empty, the core's default, or exactly the proposal for the headline. Any other slug was
 * written by a person and stays.
 */
export function slugFollowsHeadline(slug: string, headline: string, storyId: number): boolean {
  return slug === '' || slug === defaultSlug(storyId) || slug === proposeSlug(headline);
}

/** The slug a story's new headline proposes (the core's default when the headline gives none). */
export function slugForHeadline(headline: string, storyId: number): string {
  return proposeSlug(headline) || defaultSlug(storyId);
}
