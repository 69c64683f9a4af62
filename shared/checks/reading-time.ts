import { countWords, readingMinutes } from '../text.js';
import type { Check } from './types.js';

export const readingTime: Check = {
  id: 'reading-time',
  severity: 'info',
  // Counted paragraph by paragraph: the same total as countWords(text) (paragraphs are joined by a
  // blank line, which never joins two words), but V8's Intl.Segmenter is super-linear on one long
  // string (a 10,000-word body: ~2 s whole, ~10 ms by paragraph).
  run: ({ paragraphs, locale }) => {
    let n = 0;
    for (const p of paragraphs) n += countWords(p.text, locale);
    if (n === 0) return [];
    return [{ message: `${n} words, about ${readingMinutes(n)} min to read`, field: 'body' }];
  },
};
