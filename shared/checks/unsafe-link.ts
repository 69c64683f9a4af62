import { isSafeHref } from '../body.js';
import { subject } from './keys.js';
import type { Check } from './types.js';

// The body schema already refuses such links; this catches any that slipped in some other way.
export const unsafeLink: Check = {
  id: 'unsafe-link',
  severity: 'blocking',
  run: ({ spans }) =>
    spans.flatMap((span) =>
      span.marks
        .filter((m) => m.type === 'link' && !isSafeHref(m.attrs?.href))
        .map(() => ({
          subject: subject(span.text),
          message: `The link on "${span.text.slice(0, 40)}" points somewhere a published page must not link to (only http, https and mailto)`,
          places: [{ field: 'body' as const, range: { from: span.from, to: span.from + span.text.length } }],
        })),
    ),
};
