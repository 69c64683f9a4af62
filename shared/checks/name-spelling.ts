import type { Finding } from '../domain.js';
import { photoLabel } from './context.js';
import { looksLikeSameName, nameMentions, type NameMention } from './names.js';
import type { Check } from './types.js';

interface Place {
  where: string;
  field: string;
  storyPhotoId?: number;
  /** Set for mentions in the body: the range in the body text. */
  range?: { from: number; to: number };
}

// The same person's name spelled two ways across headline, captions and body. The desk decides
// which spelling is right, so there is no automatic fix.
export const nameSpelling: Check = {
  id: 'name-spelling',
  severity: 'warning',
  run: ({ story, photos, text }) => {
    const mentions: { mention: NameMention; place: Place }[] = [];
    const add = (source: string, place: (m: NameMention) => Place): void => {
      for (const mention of nameMentions(source)) mentions.push({ mention, place: place(mention) });
    };
    add(story.headline, () => ({ where: 'headline', field: 'headline' }));
    story.subheadlines.forEach((s) => add(s, () => ({ where: 'subheadline', field: 'subheadlines' })));
    photos.forEach((p) =>
      add(p.caption, () => ({ where: `caption of photo "${photoLabel(p)}"`, field: 'caption', storyPhotoId: p.id })),
    );
    add(text, (m) => ({ where: 'body', field: 'body', range: { from: m.from, to: m.to } }));

    // First place each spelling appears.
    const firstSeen = new Map<string, { mention: NameMention; place: Place }>();
    for (const entry of mentions) if (!firstSeen.has(entry.mention.name)) firstSeen.set(entry.mention.name, entry);
    const spellings = [...firstSeen.values()];

    const out: Omit<Finding, 'id' | 'severity'>[] = [];
    for (let i = 0; i < spellings.length; i += 1) {
      for (let j = i + 1; j < spellings.length; j += 1) {
        const a = spellings[i]!;
        const b = spellings[j]!;
        if (!looksLikeSameName(a.mention, b.mention)) continue;
        const body = [a, b].find((e) => e.place.range);
        const photo = [a, b].find((e) => e.place.storyPhotoId !== undefined);
        const finding: Omit<Finding, 'id' | 'severity'> = {
          message: `Name spelled two ways: "${a.mention.name}" (${a.place.where}) and "${b.mention.name}" (${b.place.where}). Check which is right.`,
          field: (body ?? a).place.field,
        };
        if (body?.place.range) finding.range = body.place.range;
        if (photo?.place.storyPhotoId !== undefined) finding.storyPhotoId = photo.place.storyPhotoId;
        out.push(finding);
      }
    }
    return out;
  },
};
