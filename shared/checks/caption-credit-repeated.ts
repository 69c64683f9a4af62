import { photoLabel } from './context.js';
import type { Check } from './types.js';

// The credit is printed after the caption from its own field; typed into the caption as well it prints twice.
export const captionCreditRepeated: Check = {
  id: 'caption-credit-repeated',
  severity: 'warning',
  run: ({ photos }) =>
    photos.flatMap((p) => {
      const credit = p.credit.trim();
      const caption = p.caption.trimEnd();
      const suffix = `(${credit})`;
      if (!credit || !caption.toLowerCase().endsWith(suffix.toLowerCase())) return [];
      // The edit takes the credit and the spaces before it, and leaves anything after the caption's end alone.
      const to = caption.length;
      const from = caption.slice(0, to - suffix.length).trimEnd().length;
      const place = { field: 'caption' as const, storyPhotoId: p.id, range: { from: to - suffix.length, to } };
      return [
        {
          subject: String(p.id),
          message: `Photo "${photoLabel(p)}": the caption ends with the credit "${suffix}", which is printed after it anyway`,
          places: [place],
          fixes: [
            {
              label: `Remove \u201c${suffix}\u201d from the caption`,
              edits: [{ place: { ...place, range: { from, to } }, find: p.caption.slice(from, to), replace: '' }],
            },
          ],
        },
      ];
    }),
};
