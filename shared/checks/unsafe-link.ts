import { isSafeHref } from '../body.js';
import { subject } from './keys.js';
import type { Check, CheckResult } from './types.js';

// The body schema already refuses such links; this catches any that slipped in some other way.
export const unsafeLink: Check = {
  id: 'unsafe-link',
  severity: 'blocking',
  run: ({ spans }) => {
    const out: CheckResult[] = [];
    for (const span of spans) {
      // Most text has no marks at all.
      if (span.marks.length === 0) continue;
      for (const m of span.marks) {
        if (m.type !== 'link' || isSafeHref(m.attrs?.href)) continue;
        out.push({
          subject: subject(span.text),
          message: `The link on "${span.text.slice(0, 40)}" points somewhere a published page must not link to (only http, https and mailto)`,
          places: [{ field: 'body', range: { from: span.from, to: span.from + span.text.length } }],
        });
      }
    }
    return out;
  },
};
