import { inWhere, placeIn } from './context.js';
import { contextAround, sourceSubject } from './keys.js';
import { unmatchedBrackets } from './balance.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

const PARTNER: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '\uff08': '\uff09',
  '\uff09': '\uff08',
  '\u300c': '\u300d',
  '\u300d': '\u300c',
  '\u300e': '\u300f',
  '\u300f': '\u300e',
  '\u3010': '\u3011',
  '\u3011': '\u3010',
};

// Brackets never run on past a paragraph: each paragraph, headline and caption is checked alone.
export const unbalancedBrackets: Check = {
  id: 'unbalanced-brackets',
  severity: 'warning',
  run: ({ sources }) => {
    const out: CheckResult[] = [];
    for (const src of sources) {
      for (const u of unmatchedBrackets(src.text, MAX_FINDINGS_PER_CHECK - out.length)) {
        out.push({
          subject: sourceSubject(src, contextAround(src.text, u.at, u.at + 1)),
          message:
            u.side === 'open'
              ? `An opening ${u.char} is never closed with ${PARTNER[u.char]}${inWhere(src)}`
              : `A closing ${u.char} has no opening ${PARTNER[u.char]}${inWhere(src)}`,
          places: [placeIn(src, u.at, u.at + 1)],
        });
      }
    }
    return out;
  },
};
