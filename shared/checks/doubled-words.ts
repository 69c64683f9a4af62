import { photoLabel } from './context.js';
import { doubledWords as scan } from './scan.js';
import type { Check } from './types.js';

export const doubledWords: Check = {
  id: 'doubled-word',
  severity: 'warning',
  run: ({ text, story, photos, locale }) => [
    ...scan(text, locale).map((d) => ({
      message: `"${d.word}" is written twice`,
      field: 'body',
      range: { from: d.from, to: d.to },
      fix: { label: `Keep one "${d.word}"`, replacement: d.word },
    })),
    ...scan(story.headline, locale).map((d) => ({
      message: `"${d.word}" is written twice in the headline`,
      field: 'headline',
    })),
    ...photos.flatMap((p) =>
      scan(p.caption, locale).map((d) => ({
        message: `"${d.word}" is written twice in the caption of photo "${photoLabel(p)}"`,
        field: 'caption',
        storyPhotoId: p.id,
      })),
    ),
  ],
};
