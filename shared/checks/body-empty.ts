import type { Check } from './types.js';

export const bodyEmpty: Check = {
  id: 'body-empty',
  severity: 'blocking',
  run: ({ text }) => (text.trim() ? [] : [{ subject: 'body', message: 'The story has no body text', places: [{ field: 'body' }] }]),
};
