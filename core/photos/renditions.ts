// Decodes a photo once per rendition with sharp (libvips, off the event loop on libuv's thread
// pool): the display JPEG from the original — EXIF orientation applied, JPEG shrink-on-load
// letting libjpeg decode at a fraction of full size — and the thumbnail from the display copy.

import sharp from 'sharp';

export const DISPLAY_EDGE = 2048;
export const THUMB_EDGE = 400;
/** sharp's own default (0x3FFF²): enough for any camera, far short of a decompression bomb. */
export const MAX_INPUT_PIXELS = 268_402_689;

export interface Rendition {
  data: Buffer;
  width: number;
  height: number;
}

export interface Probe {
  format: string;
  /** As displayed, after EXIF orientation. */
  width: number;
  height: number;
  exif?: Buffer;
  xmp?: Buffer;
  iptc?: Buffer;
}

export class PhotoError extends Error {}

/** Reads the header only: format, pixel size and metadata blocks. */
export async function probe(bytes: Buffer): Promise<Probe> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch (error) {
    throw new PhotoError(describeSharpError(error));
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w <= 0 || h <= 0) throw new PhotoError('The image has no pixel size; the file is damaged.');
  if (w * h > MAX_INPUT_PIXELS) {
    throw new PhotoError(
      `The image declares ${w.toLocaleString('en')} × ${h.toLocaleString('en')} pixels (${Math.round((w * h) / 1e6).toLocaleString('en')} megapixels), ` +
        `more than the ${Math.round(MAX_INPUT_PIXELS / 1e6)}-megapixel limit; it was refused so it cannot exhaust memory.`,
    );
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  const out: Probe = { format: meta.format ?? 'unknown', width: rotated ? h : w, height: rotated ? w : h };
  if (meta.exif) out.exif = meta.exif;
  if (meta.xmp) out.xmp = meta.xmp;
  if (meta.iptc) out.iptc = meta.iptc;
  return out;
}

export async function makeRenditions(bytes: Buffer): Promise<{ display: Rendition; thumb: Rendition }> {
  try {
    // The display copy straight from the original (JPEG shrink-on-load decodes at half size);
    // the thumbnail from the small display JPEG. No full-size raw pixels ever reach JavaScript,
    // which keeps external memory — and the garbage collector's pauses — small.
    const display = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true })
      .rotate()
      .resize({ width: DISPLAY_EDGE, height: DISPLAY_EDGE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: 82, optimiseCoding: false })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(display.data, { failOn: 'error' })
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    return {
      display: { data: display.data, width: display.info.width, height: display.info.height },
      thumb: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
    };
  } catch (error) {
    throw new PhotoError(describeSharpError(error));
  }
}

/** libvips' messages, in words a photo editor can act on. */
export function describeSharpError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/premature end|truncated|unexpected end|not enough data|short read|end of file/i.test(message)) {
    return 'The file is incomplete: the image data ends early (it may have been cut off while copying).';
  }
  if (/pixel limit/i.test(message)) return 'The image is larger than the pixel limit; it was refused so it cannot exhaust memory.';
  if (/unsupported image format/i.test(message)) return 'Not a recognised image file. Newsdesk imports JPEG, PNG, WebP and TIFF photos.';
  return `The image could not be decoded: ${message.split('\n')[0]!.slice(0, 200)}`;
}
