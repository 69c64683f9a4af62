import { countWords } from '../text.js';
import { excerpt, subject } from './keys.js';
import type { Check, CheckResult } from './types.js';

/** Shorter paragraphs ("Read more.", a one-line quote) may repeat on purpose. */
const MIN_WORDS = 5;
/** Whitespace that normalizing would change: any but a single space between words, or at either end. */
const ODD_SPACE = /[^\S ]| {2}|^ | $/;
const SPACES = /\s+/g;

// A paragraph pasted twice: the second copy (whitespace aside) is flagged, with a fix deleting it.
export const paragraphRepeated: Check = {
  id: 'paragraph-repeated',
  severity: 'warning',
  run: ({ paragraphs, paragraphWords, locale }) => {
    const firstAt = new Map<string, number>();
    const out: CheckResult[] = [];
    paragraphs.forEach((p, i) => {
      if ((paragraphWords[i] ?? countWords(p.text, locale)) < MIN_WORDS) return;
      // Whitespace aside; most paragraphs have none to set aside and are used as they are.
      const normal = ODD_SPACE.test(p.text) ? p.text.replace(SPACES, ' ').trim() : p.text;
      const first = firstAt.get(normal);
      if (first === undefined) {
        firstAt.set(normal, i);
        return;
      }
      const range = { from: p.from, to: p.from + p.text.length };
      out.push({
        subject: subject(normal),
        message: `Paragraph ${i + 1} repeats paragraph ${first + 1} word for word: "${excerpt(normal)}"`,
        places: [{ field: 'body', range }],
        fixes: [{ label: 'Delete the repeated paragraph', edits: [{ place: { field: 'body', range }, find: p.text, replace: '' }] }],
      });
    });
    return out;
  },
};
