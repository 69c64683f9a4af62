import type { Check } from './types.js';

const NOT_SPACE = /\S/;

export const bodyEmpty: Check = {
  id: 'body-empty',
  severity: 'blocking',
  // The body's text is blank when every paragraph is (they are joined by blank lines).
  run: ({ paragraphs }) =>
    paragraphs.some((p) => NOT_SPACE.test(p.text)) ? [] : [{ subject: 'body', message: 'The story has no body text', places: [{ field: 'body' }] }],
};
