import { photoLabel } from './context.js';
import type { Check } from './types.js';

// A photo never runs without a caption: approve and publish wait for it.
export const photoCaptionMissing: Check = {
  id: 'photo-caption-missing',
  severity: 'blocking',
  run: ({ photos }) =>
    photos
      .filter((p) => !p.caption.trim())
      .map((p) => ({
        subject: String(p.id),
        message: `Photo "${photoLabel(p)}" has no caption`,
        places: [{ field: 'caption', storyPhotoId: p.id }],
      })),
};
