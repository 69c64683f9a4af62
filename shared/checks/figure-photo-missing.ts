import type { Check } from './types.js';

// A figure whose photo was detached would print an empty frame. Figures have no text, so the
// place is the body as a whole.
export const figurePhotoMissing: Check = {
  id: 'figure-photo-missing',
  severity: 'warning',
  run: ({ figureIds, photos }) => {
    const attached = new Set(photos.map((p) => p.id));
    return figureIds
      .filter((id) => !attached.has(id))
      .map((id) => ({
        subject: String(id),
        message: `The body places photo #${id}, which is no longer attached to the story`,
        places: [{ field: 'body' }],
      }));
  },
};
