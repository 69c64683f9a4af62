// Hostile photos made of real bytes: metadata blocks far beyond anything a camera or an agency
// writes, built to catch readers that are quadratic or unbounded. Shared by the tests and the bench.

import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { iimDataset, makeJpeg, resource, UTF8_MARKER, xmpPacket } from './helpers.js';

/** The largest body a JPEG marker segment can hold (its length field counts itself). */
const MAX_SEGMENT_BODY = 0xffff - 2;
const PHOTOSHOP_HEADER = Buffer.from('Photoshop 3.0\0', 'latin1');
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

function segment(marker: number, body: Buffer): Buffer {
  if (body.length > MAX_SEGMENT_BODY) throw new Error(`a JPEG segment holds at most ${MAX_SEGMENT_BODY} bytes, not ${body.length}`);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** The JPEG with the segments inserted right after SOI. */
export function withSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** Photoshop resource blocks spread over as many APP13 segments as they need (a reader joins them back). */
export function app13Segments(resources: Buffer, chunk = MAX_SEGMENT_BODY - PHOTOSHOP_HEADER.length): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < resources.length; at += chunk) {
    out.push(segment(0xed, Buffer.concat([PHOTOSHOP_HEADER, resources.subarray(at, at + chunk)])));
  }
  return out;
}

/** `count` distinct keywords kw0, kw1, … */
export const keywordList = (count: number, prefix = 'kw'): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** An IIM block (UTF-8 declared) with a caption and one 2:25 dataset per keyword. */
export function iimWithKeywords(keywords: string[], caption = 'Keyword flood'): Buffer {
  return Buffer.concat([UTF8_MARKER(), iimDataset(2, 120, caption), ...keywords.map((k) => iimDataset(2, 25, k))]);
}

/** A small JPEG whose IIM block, spread over APP13 segments, holds `count` distinct keywords (100,000 ≈ 1.2 MB). */
export async function iimKeywordFlood(count = 100_000, seed = 501): Promise<Buffer> {
  const iim = iimWithKeywords(keywordList(count));
  return withSegments(await makeJpeg(64, 48, { seed }), app13Segments(resource(0x0404, iim)));
}

/** A small JPEG whose IIM block of about 2 MB of keywords is spread over some 2,000 APP13 segments of 1 KB. */
export async function manyApp13(segments = 2000, bytesEach = 1024, seed = 502): Promise<Buffer> {
  const chunk = bytesEach - 4 - PHOTOSHOP_HEADER.length;
  const block = resource(0x0404, iimWithKeywords(keywordList(Math.floor((segments * chunk) / 12))));
  return withSegments(await makeJpeg(64, 48, { seed }), app13Segments(block, chunk));
}

/** An XMP packet whose dc:subject bag holds `count` distinct keywords. */
export function xmpKeywordBag(count: number, prefix = 'xk'): string {
  const items = keywordList(count, prefix)
    .map((k) => `<rdf:li>${k}</rdf:li>`)
    .join('');
  return xmpPacket(
    `<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>XMP flood</rdf:li></rdf:Alt></dc:description><dc:subject><rdf:Bag>${items}</rdf:Bag></dc:subject>`,
  );
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A small PNG with extra chunks inserted right after IHDR (where eXIf and iTXt may stand). */
async function pngWith(chunks: Buffer[], seed: number): Promise<Buffer> {
  const png = await sharp(await makeJpeg(64, 48, { seed }))
    .png()
    .toBuffer();
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

/**
 * A PNG carrying the XMP packet in an iTXt chunk (PNG has no 64 KB segment limit); compressed,
 * a few hundred kilobytes of file unpack to many megabytes of XMP.
 */
export function pngWithXmp(xmp: string, opts: { compressed?: boolean; seed?: number } = {}): Promise<Buffer> {
  const text = Buffer.from(xmp, 'utf8');
  const head = Buffer.from(`XML:com.adobe.xmp\0${opts.compressed ? '\x01' : '\0'}\0\0\0`, 'latin1');
  return pngWith([pngChunk('iTXt', Buffer.concat([head, opts.compressed ? deflateSync(text, { level: 9 }) : text]))], opts.seed ?? 503);
}

/**
 * A little-endian TIFF structure with an IFD0 of `entries` entries: ImageDescription and Artist
 * first, then filler SHORT tags; the Artist holds `creators` names separated by MWG's "; ".
 */
export function exifTiff(opts: { entries: number; creators: number; caption?: string }): Buffer {
  const description = Buffer.from(`${opts.caption ?? 'Huge EXIF'}\0`, 'latin1');
  const artist = Buffer.from(`${keywordList(opts.creators, 'Name ').join('; ')}\0`, 'latin1');
  const count = Math.max(2, Math.min(opts.entries, 0xffff));
  const ifdBytes = 2 + count * 12 + 4;
  const dataAt = 8 + ifdBytes;
  const tiff = Buffer.alloc(dataAt + description.length + artist.length);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(count, 8);
  const entry = (i: number, tag: number, type: number, n: number, value: number) => {
    const e = 10 + i * 12;
    tiff.writeUInt16LE(tag, e);
    tiff.writeUInt16LE(type, e + 2);
    tiff.writeUInt32LE(n, e + 4);
    tiff.writeUInt32LE(value, e + 8);
  };
  entry(0, 0x010e, 2, description.length, dataAt);
  entry(1, 0x013b, 2, artist.length, dataAt + description.length);
  for (let i = 2; i < count; i++) entry(i, 0xc000 + (i % 0x3000), 3, 1, i & 0xffff);
  description.copy(tiff, dataAt);
  artist.copy(tiff, dataAt + description.length);
  return tiff;
}

/** A JPEG whose APP1 EXIF segment is filled to the 64 KB limit by `exifTiff`. */
export async function jpegWithExif(tiff: Buffer, seed = 504): Promise<Buffer> {
  return withSegments(await makeJpeg(64, 48, { seed }), [segment(0xe1, Buffer.concat([EXIF_HEADER, tiff]))]);
}

/** A PNG carrying the TIFF structure in an eXIf chunk (no size limit but the file's). */
export function pngWithExif(tiff: Buffer, seed = 505): Promise<Buffer> {
  return pngWith([pngChunk('eXIf', tiff)], seed);
}
