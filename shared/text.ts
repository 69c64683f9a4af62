// Word counting for every language the newsroom writes in: Intl.Segmenter knows that Korean
// words are separated by spaces but Japanese and Chinese are not, which a regex split does not.

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

export function countWords(text: string, locale = 'en'): number {
  let n = 0;
  for (const seg of wordSegmenter(locale).segment(text)) if (seg.isWordLike) n += 1;
  return n;
}

/** The words of a text in order, with their offsets (for word-level diffs and checks). */
export function words(text: string, locale = 'en'): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const seg of wordSegmenter(locale).segment(text)) if (seg.isWordLike) out.push({ word: seg.segment, index: seg.index });
  return out;
}

/** Minutes to read at a newsroom's usual 230 words a minute, never less than one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}
