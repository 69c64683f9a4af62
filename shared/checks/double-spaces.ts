import { editIn, inWhere, placeIn } from './context.js';
import { contextAround, sourceSubject } from './keys.js';
import { doubleSpaces as scan } from './scan.js';
import { MAX_FINDINGS_PER_CHECK, type Check, type CheckResult } from './types.js';

export const doubleSpaces: Check = {
  id: 'double-space',
  severity: 'warning',
  run: ({ sources }) => {
    const out: CheckResult[] = [];
    for (const src of sources) {
      for (const r of scan(src.text, MAX_FINDINGS_PER_CHECK - out.length)) {
        out.push({
          subject: sourceSubject(src, contextAround(src.text, r.from, r.to)),
          message: `Two spaces where one belongs${inWhere(src)}`,
          places: [placeIn(src, r.from, r.to)],
          fixes: [{ label: 'Use one space', edits: [editIn(src, r.from, r.to, ' ')] }],
        });
      }
    }
    return out;
  },
};
