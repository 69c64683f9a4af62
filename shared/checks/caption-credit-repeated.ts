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
      return [
        {
          message: `Photo "${photoLabel(p)}": the caption ends with the credit "${suffix}", which is printed after it anyway`,
          storyPhotoId: p.id,
          field: 'caption',
          fix: { label: `Remove "${suffix}" from the caption`, replacement: caption.slice(0, -suffix.length).trimEnd() },
        },
      ];
    }),
};
