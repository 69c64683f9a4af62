import { countWords } from '../text.js';
import type { Check } from './types.js';

/** Wire style keeps paragraphs short; past this many words a paragraph is worth a second look. */
export const LONG_PARAGRAPH_WORDS = 70;

export const longParagraphs: Check = {
  id: 'long-paragraph',
  severity: 'info',
  run: ({ paragraphs, locale }) =>
    paragraphs.flatMap((p) => {
      const n = countWords(p.text, locale);
      return n > LONG_PARAGRAPH_WORDS
        ? [{ message: `A paragraph of ${n} words; consider splitting it`, field: 'body', range: { from: p.from, to: p.from + p.text.length } }]
        : [];
    }),
};
