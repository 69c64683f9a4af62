import { countWords } from '../text.js';
import { firstWords } from './keys.js';
import { sentences } from './sentences.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

// A note, not a warning: long sentences are sometimes right, but past the desk's limit
// (settings.sentenceMaxWords) they are worth a second look.
export const longSentence: Check = {
  id: 'long-sentence',
  severity: 'info',
  run: ({ paragraphs, paragraphWords, settings, locale }) => {
    const max = settings.sentenceMaxWords;
    const out: CheckResult[] = [];
    // Over `max` words takes at least 2·max + 1 characters (a letter and a space each): shorter
    // paragraphs and sentences are not counted at all.
    const minChars = 2 * max + 1;
    for (let i = 0; i < paragraphs.length; i += 1) {
      const p = paragraphs[i]!;
      // No sentence has more words than its paragraph: most paragraphs are not split at all.
      if (p.text.length < minChars || (paragraphWords[i] ?? Infinity) <= max) continue;
      const all = sentences(p.text);
      for (const s of all) {
        if (s.to - s.from < minChars) continue;
        const text = p.text.slice(s.from, s.to);
        // A paragraph of one sentence has been counted already (a Japanese one costs a segmenter pass).
        const n = all.length === 1 ? (paragraphWords[i] ?? countWords(text, locale)) : countWords(text, locale);
        if (n <= max) continue;
        out.push({
          subject: firstWords(text),
          message: `A sentence of ${n} words (the desk's limit is ${max}); consider splitting it`,
          places: [{ field: 'body', range: { from: p.from + s.from, to: p.from + s.to } }],
        });
        if (out.length >= MAX_FINDINGS_PER_CHECK) return out;
      }
    }
    return out;
  },
};
