import { photoLabel } from './context.js';
import type { Check } from './types.js';

// Running a photo without its credit breaks the agency's terms: approve and publish wait for it.
export const photoCreditMissing: Check = {
  id: 'photo-credit-missing',
  severity: 'blocking',
  run: ({ photos }) =>
    photos
      .filter((p) => !p.credit.trim())
      .map((p) => ({
        subject: String(p.id),
        message: `Photo "${photoLabel(p)}" has no credit`,
        places: [{ field: 'credit', storyPhotoId: p.id }],
      })),
};
