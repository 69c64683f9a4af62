import { photoLabel } from './context.js';
import { doubleSpaces as scan } from './scan.js';
import type { Check } from './types.js';

const collapse = (s: string): string => s.replace(/[ \u00a0]{2,}/g, ' ');

export const doubleSpaces: Check = {
  id: 'double-space',
  severity: 'warning',
  run: ({ text, story, photos }) => [
    ...scan(text).map((r) => ({
      message: 'Two spaces where one belongs',
      field: 'body',
      range: r,
      fix: { label: 'Use one space', replacement: ' ' },
    })),
    // Outside the body there is no range: the fix replaces the whole field.
    ...(scan(story.headline).length
      ? [{ message: 'The headline has two spaces where one belongs', field: 'headline', fix: { label: 'Use single spaces', replacement: collapse(story.headline) } }]
      : []),
    ...photos
      .filter((p) => scan(p.caption).length)
      .map((p) => ({
        message: `The caption of photo "${photoLabel(p)}" has two spaces where one belongs`,
        field: 'caption',
        storyPhotoId: p.id,
        fix: { label: 'Use single spaces', replacement: collapse(p.caption) },
      })),
  ],
};
