import type { Check } from './types.js';

// Counted in characters as a reader sees them (code points: a Korean syllable or an emoji is
// one), not UTF-16 units. The place marks the characters past the limit.
export const headlineLength: Check = {
  id: 'headline-too-long',
  severity: 'warning',
  run: ({ story, settings }) => {
    const max = settings.headlineMaxChars;
    const lead = story.headline.length - story.headline.trimStart().length;
    const chars = [...story.headline.trim()];
    if (chars.length <= max) return [];
    const from = lead + chars.slice(0, max).join('').length;
    return [
      {
        subject: 'headline',
        message: `The headline is ${chars.length} characters long; the desk's limit is ${max}`,
        places: [{ field: 'headline', range: { from, to: lead + chars.join('').length } }],
      },
    ];
  },
};
