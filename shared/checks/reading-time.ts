import { countWords, readingMinutes } from '../text.js';
import type { Check } from './types.js';

export const readingTime: Check = {
  id: 'reading-time',
  severity: 'info',
  run: ({ text, locale }) => {
    const n = countWords(text, locale);
    if (n === 0) return [];
    return [{ message: `${n} words, about ${readingMinutes(n)} min to read`, field: 'body' }];
  },
};
