import { editIn, inWhere, placeIn } from './context.js';
import { contextAround, sourceSubject } from './keys.js';
import { doubledWords as scan } from './scan.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

export const doubledWords: Check = {
  id: 'doubled-word',
  severity: 'warning',
  run: ({ sources }) => {
    const out: CheckResult[] = [];
    for (const src of sources) {
      for (const d of scan(src.text, MAX_FINDINGS_PER_CHECK - out.length)) {
        out.push({
          subject: sourceSubject(src, contextAround(src.text, d.from, d.to)),
          message: `"${d.word}" is written twice${inWhere(src)}`,
          places: [placeIn(src, d.from, d.to)],
          fixes: [{ label: `Keep one \u201c${d.word}\u201d`, edits: [editIn(src, d.from, d.to, d.word)] }],
        });
      }
    }
    return out;
  },
};
