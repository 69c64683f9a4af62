// Tells what a file is from its first bytes, so a text file named .jpg or a GIF gets a clear
// answer before any decoder sees it.

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'tiff';

export const CONTENT_TYPES: Record<ImageKind, { type: string; ext: string }> = {
  jpeg: { type: 'image/jpeg', ext: 'jpg' },
  png: { type: 'image/png', ext: 'png' },
  webp: { type: 'image/webp', ext: 'webp' },
  tiff: { type: 'image/tiff', ext: 'tif' },
};

export type Sniffed = { ok: true; kind: ImageKind } | { ok: false; error: string };

const ACCEPTED = 'Newsdesk imports JPEG, PNG, WebP and TIFF photos.';

const startsWith = (buf: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Uint8Array, from: number, to: number) => String.fromCharCode(...buf.subarray(from, to));

export function sniffImage(buf: Uint8Array): Sniffed {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { ok: true, kind: 'jpeg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, kind: 'png' };
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return { ok: true, kind: 'webp' };
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return { ok: true, kind: 'tiff' };

  const other = otherFormat(buf);
  if (other) return { ok: false, error: `Unsupported format: this is ${other}. ${ACCEPTED}` };
  if (looksLikeText(buf)) return { ok: false, error: `Not an image: the file contains text. ${ACCEPTED}` };
  return { ok: false, error: `Not a recognised image file. ${ACCEPTED}` };
}

/**
 * Phone photos in HEIC are coded with HEVC, which the bundled image library (libvips in sharp)
 * cannot decode: it ships no HEVC decoder, for patent reasons. Said so the photo editor can act.
 */
const HEIC =
  'a HEIC photo (the iPhone’s and many Android phones’ format), which Newsdesk cannot decode. Export it as JPEG first (Photos on a Mac: File › Export; Windows Photos: Save as) or set the phone to take JPEG (iPhone: Settings › Camera › Formats › Most Compatible), then import the JPEG';

function otherFormat(buf: Uint8Array): string | null {
  const head = ascii(buf, 0, 12);
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('BM')) return 'a BMP image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive';
  if (head.startsWith('8BPS')) return 'a Photoshop document';
  if (ascii(buf, 4, 8) === 'ftyp') {
    const brand = ascii(buf, 8, 12);
    if (/^(heic|heix|hevc|heim|heis|hevm|hevs|mif1|msf1)$/.test(brand)) return HEIC;
    if (/^avi[fs]$/.test(brand)) return 'an AVIF image (export it as JPEG first)';
    return 'a video or ISO media file';
  }
  if (/^\s*<(\?xml|svg)/i.test(head)) return 'an SVG or XML file';
  return null;
}

function looksLikeText(buf: Uint8Array): boolean {
  const sample = buf.subarray(0, 1024);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
    return true;
  } catch {
    return false;
  }
}
