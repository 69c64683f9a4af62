import type { Check } from './types.js';

export const datelineMissing: Check = {
  id: 'dateline-missing',
  severity: 'warning',
  run: ({ story }) => (story.dateline.trim() ? [] : [{ subject: 'dateline', message: 'The story has no dateline (e.g. SEOUL)', places: [{ field: 'dateline' }] }]),
};
