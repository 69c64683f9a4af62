// What a published package is made from: a snapshot of the story and its photos, read once so
// the HTML, the ninjs and the renditions all describe the same thing.

import type { DocNode, Id } from '../../shared/domain.js';

export interface PackagePhoto {
  storyPhotoId: Id;
  assetId: Id;
  placement: 'lead' | 'inline';
  order: number;
  caption: string;
  credit: string;
  alt: string;
  creator: string;
  copyright: string;
  hash: string;
  /** The original file on disk, made into renditions with orientation applied. */
  originalPath: string;
  /** A rendition the transports serve now (used by preview), e.g. /media/<hash>/display.jpg */
  previewUrl: string;
  /** Displayed pixel size of the original (after EXIF orientation). */
  width: number;
  height: number;
}

export interface PackageStory {
  id: Id;
  slug: string;
  headline: string;
  subheadlines: string[];
  byline: { name: string; email: string }[];
  dateline: string;
  language: string;
  body: DocNode;
  createdAt: string;
  correctionNote: string | null;
}

export interface PackageInput {
  story: PackageStory;
  /** Lead first, then inline photos in their order. */
  photos: PackagePhoto[];
}

export type RenditionName = 'large' | 'thumbnail';

/** File name of a photo's rendition inside the package's images/ folder. */
export function renditionFile(index: number, name: RenditionName): string {
  return `photo-${index + 1}-${name}.jpg`;
}
