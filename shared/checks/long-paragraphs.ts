import { firstWords } from './keys.js';
import type { Check, CheckResult } from './types.js';

/** Wire style keeps paragraphs short; past this many words a paragraph is worth a second look. */
export const LONG_PARAGRAPH_WORDS = 70;

export const longParagraphs: Check = {
  id: 'long-paragraph',
  severity: 'info',
  run: ({ paragraphs, paragraphWords }) => {
    const out: CheckResult[] = [];
    paragraphs.forEach((p, i) => {
      const n = paragraphWords[i] ?? 0;
      if (n <= LONG_PARAGRAPH_WORDS) return;
      out.push({
        subject: firstWords(p.text),
        message: `A paragraph of ${n} words; consider splitting it`,
        places: [{ field: 'body', range: { from: p.from, to: p.from + p.text.length } }],
      });
    });
    return out;
  },
};
