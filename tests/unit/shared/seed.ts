// The seed article (tests/fixtures/seed-article/story.json) as the Story and StoryPhotos the
// copy checks see: the body from its paragraphs, the inline photo as a figure where it was printed.

import { docFromParagraphs } from '../../../shared/body.js';
import type { DocNode, PhotoAsset, Story, StoryPhoto } from '../../../shared/domain.js';
import { loadSeedArticle, type SeedArticle } from '../../support/seedArticle.js';

export type SeedJson = SeedArticle;

export const seedJson = (): SeedJson => loadSeedArticle();

const NOW = '2023-04-17T03:00:00.000Z';

function asset(id: number, file: string, caption: string, credit: string): PhotoAsset {
  const name = file.split('/').at(-1) ?? file;
  return {
    id,
    hash: `hash${id}`,
    originalName: name,
    contentType: 'image/jpeg',
    width: 1200,
    height: 800,
    bytes: 200_000,
    caption,
    headline: '',
    credit,
    creator: '',
    copyright: '',
    source: '',
    keywords: [],
    dateCreated: null,
    city: '',
    country: '',
    instructions: '',
    alt: '',
    importedAt: NOW,
    importedBy: 3,
    thumbUrl: `/media/hash${id}/thumb.jpg`,
    displayUrl: `/media/hash${id}/display.jpg`,
    usedIn: 1,
    metadataWarnings: [],
  };
}

/** The seed story and its two photos, alt text filled in as a photo editor would. */
export function seedStory(): { story: Story; photos: StoryPhoto[] } {
  const seed = seedJson();
  const photos: StoryPhoto[] = seed.photos.map((p, i) => ({
    id: 10 + i,
    storyId: 1,
    assetId: 100 + i,
    placement: p.placement,
    order: i,
    caption: p.caption,
    credit: p.credit,
    alt: p.caption.split(' -- ')[0] ?? p.caption,
    asset: asset(100 + i, p.file, p.caption, p.credit),
  }));
  const body = docFromParagraphs(seed.body_paragraphs);
  const content = body.content as DocNode[];
  // Inline photos sit before their paragraph, as printed; inserted from the last so indexes hold.
  photos
    .map((photo, i) => ({ photo, before: seed.photos[i]?.before_paragraph }))
    .filter((x): x is { photo: StoryPhoto; before: number } => x.photo.placement === 'inline' && x.before !== undefined)
    .sort((a, b) => b.before - a.before)
    .forEach(({ photo, before }) => content.splice(before, 0, { type: 'figure', attrs: { storyPhotoId: photo.id } }));

  const story: Story = {
    id: 1,
    slug: seed.slug,
    desk: seed.desk,
    headline: seed.headline,
    subheadlines: seed.subheadlines,
    byline: [{ staffId: 1, name: seed.byline.name, email: seed.byline.email }],
    dateline: seed.dateline,
    body,
    language: seed.language,
    status: 'editing',
    version: 7,
    lock: null,
    createdBy: 1,
    claimedBy: 2,
    sendBackNote: null,
    correctionNote: null,
    publishAt: null,
    scheduledBy: null,
    publishedVersions: 0,
    wordCount: 0,
    createdAt: NOW,
    updatedAt: NOW,
  };
  return { story, photos };
}
