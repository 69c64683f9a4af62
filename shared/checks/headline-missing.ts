import type { Check } from './types.js';

export const headlineMissing: Check = {
  id: 'headline-missing',
  severity: 'blocking',
  run: ({ story }) => (story.headline.trim() ? [] : [{ subject: 'headline', message: 'The story has no headline', places: [{ field: 'headline' }] }]),
};
