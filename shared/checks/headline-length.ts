import { headlineChars } from '../text.js';
import type { Check } from './types.js';

// Counted as headlineChars counts (the editor shows the same count beside the headline). The
// place marks the characters past the limit.
export const headlineLength: Check = {
  id: 'headline-too-long',
  severity: 'warning',
  run: ({ story, settings }) => {
    const max = settings.headlineMaxChars;
    const lead = story.headline.length - story.headline.trimStart().length;
    const count = headlineChars(story.headline);
    if (count <= max) return [];
    const chars = [...story.headline.trim()];
    const from = lead + chars.slice(0, max).join('').length;
    return [
      {
        subject: 'headline',
        message: `The headline is ${count} characters long; the desk's limit is ${max}`,
        places: [{ field: 'headline', range: { from, to: lead + chars.join('').length } }],
      },
    ];
  },
};
