import { photoLabel } from './context.js';
import type { Check } from './types.js';

export const photoAltMissing: Check = {
  id: 'photo-alt-missing',
  severity: 'warning',
  run: ({ photos }) =>
    photos
      .filter((p) => !p.alt.trim())
      .map((p) => ({
        subject: String(p.id),
        message: `Photo "${photoLabel(p)}" has no alt text for readers who cannot see it`,
        places: [{ field: 'alt', storyPhotoId: p.id }],
      })),
};
