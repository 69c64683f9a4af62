import type { Check } from './types.js';

export const datelineMissing: Check = {
  id: 'dateline-missing',
  severity: 'warning',
  run: ({ story }) =>
    story.dateline.trim() ? [] : [{ message: 'The story has no dateline (e.g. SEOUL).', field: 'dateline' }],
};
