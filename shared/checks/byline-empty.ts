import type { Check } from './types.js';

export const bylineEmpty: Check = {
  id: 'byline-empty',
  severity: 'blocking',
  run: ({ story }) =>
    story.byline.some((entry) => entry.name.trim()) ? [] : [{ message: 'The story has no byline.', field: 'byline' }],
};
