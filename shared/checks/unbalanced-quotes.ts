import { inWhere, placeIn } from './context.js';
import { contextAround, sourceSubject } from './keys.js';
import { opensWithQuote, unmatchedQuotes } from './balance.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

const CLOSING: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u2018': '\u2019' };

// Checked paragraph by paragraph. Wire style lets a quotation run on: a paragraph that ends
// inside a quote, followed by one that opens with a quotation mark, leaves it open on purpose.
export const unbalancedQuotes: Check = {
  id: 'unbalanced-quotes',
  severity: 'warning',
  run: ({ sources }) => {
    const out: CheckResult[] = [];
    sources.forEach((src, i) => {
      const next = sources[i + 1];
      const runsOn = src.field === 'body' && next?.field === 'body' && opensWithQuote(next.text);
      for (const u of unmatchedQuotes(src.text, { limit: MAX_FINDINGS_PER_CHECK - out.length, runsOn })) {
        out.push({
          subject: sourceSubject(src, contextAround(src.text, u.at, u.at + 1)),
          message:
            u.side === 'open'
              ? `An opening ${u.char} is never closed with ${CLOSING[u.char] ?? u.char}${inWhere(src)}`
              : `A closing ${u.char} has no opening quotation mark${inWhere(src)}`,
          places: [placeIn(src, u.at, u.at + 1)],
        });
      }
    });
    return out;
  },
};
