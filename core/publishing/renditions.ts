// Renditions for a package: a large picture and a thumbnail per photo, JPEG, made with sharp
// from the original with its EXIF orientation applied, each carrying caption, credit, creator and
// copyright in XMP and in IPTC IIM with a current IPTC digest (so MWG readers take them as current).
// They are made in memory and written with the rest of the package, so one writer handles
// atomicity for every file.

import sharp from 'sharp';
import { withIimAndDigest } from '../photos/metadata/iimWriter.js';
import type { PackagePhoto } from './model.js';
import { renditionFile } from './model.js';
import type { MadeRendition } from './ninjs.js';
import type { PackageFile } from './writer.js';
import { buildXmp } from './xmp.js';

export const RENDITION_SIZES = [
  { name: 'large', box: 1600, quality: 84 },
  { name: 'thumbnail', box: 400, quality: 80 },
] as const;

export async function makeRenditions(photo: PackagePhoto, index: number): Promise<{ made: MadeRendition[]; files: PackageFile[] }> {
  const xmp = buildXmp({ caption: photo.caption, credit: photo.credit, creator: photo.creator, copyright: photo.copyright });
  // One decode per photo; each size is a clone of the oriented pipeline.
  const source = sharp(photo.originalPath, { failOn: 'error' }).rotate();
  const results = await Promise.all(
    RENDITION_SIZES.map(async (size) => {
      const file = renditionFile(index, size.name);
      const { data, info } = await source
        .clone()
        .resize({ width: size.box, height: size.box, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: size.quality, progressive: size.name === 'large' })
        .withXmp(xmp)
        .toBuffer({ resolveWithObject: true })
        .then(({ data, info }) => ({ data: withIimAndDigest(data, photo), info }));
      return {
        made: { name: size.name, file, width: info.width, height: info.height, bytes: data.length } satisfies MadeRendition,
        file: { name: `images/${file}`, data } satisfies PackageFile,
      };
    }),
  );
  return { made: results.map((r) => r.made), files: results.map((r) => r.file) };
}
