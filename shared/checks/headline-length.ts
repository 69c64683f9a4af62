import type { Check } from './types.js';

export const HEADLINE_MAX = 100;

export const headlineLength: Check = {
  id: 'headline-too-long',
  severity: 'warning',
  run: ({ story }) => {
    const length = [...story.headline.trim()].length;
    return length > HEADLINE_MAX
      ? [{ message: `The headline is ${length} characters long; keep it to ${HEADLINE_MAX}.`, field: 'headline' }]
      : [];
  },
};
