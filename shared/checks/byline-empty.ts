import type { Check } from './types.js';

export const bylineEmpty: Check = {
  id: 'byline-empty',
  severity: 'blocking',
  run: ({ story }) => (story.byline.some((entry) => entry.name.trim()) ? [] : [{ subject: 'byline', message: 'The story has no byline', places: [{ field: 'byline' }] }]),
};
