import { readingMinutes, wordCountLabel } from '../text.js';
import type { Check } from './types.js';

export const readingTime: Check = {
  id: 'reading-time',
  severity: 'info',
  // Counted paragraph by paragraph (see buildContext): the same total as countWords(text), as
  // paragraphs are joined by a blank line, which never joins two words.
  run: ({ paragraphWords }) => {
    const n = paragraphWords.reduce((a, b) => a + b, 0);
    if (n === 0) return [];
    return [{ subject: 'body', message: `${wordCountLabel(n)}, about ${readingMinutes(n)} min to read`, places: [{ field: 'body' }] }];
  },
};
