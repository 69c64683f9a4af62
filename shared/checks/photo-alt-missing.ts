import { photoLabel } from './context.js';
import type { Check } from './types.js';

export const photoAltMissing: Check = {
  id: 'photo-alt-missing',
  severity: 'warning',
  run: ({ photos }) =>
    photos
      .filter((p) => !p.alt.trim())
      .map((p) => ({
        message: `Photo "${photoLabel(p)}" has no alt text for readers who cannot see it`,
        storyPhotoId: p.id,
        field: 'alt',
      })),
};
