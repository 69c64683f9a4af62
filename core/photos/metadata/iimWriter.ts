// Writes a rendition's caption, credit, creator and copyright into IPTC IIM as well as XMP, the
// way the Metadata Working Group asks of a writer: IIM in UTF-8 (declared by CodedCharacterSet),
// each value cut to its dataset's length at a whole character (a reader completes it from XMP),
// and the IPTC digest (Photoshop resource 0x0425) set to the MD5 of this IIM block, so an
// MWG reader knows the IIM and the XMP beside it were written together.

import { createHash } from 'node:crypto';

export interface IimValues {
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
}

/** IIM's dataset lengths in bytes (record 2). */
const DATASETS = [
  { key: 'caption', dataset: 120, max: 2000 },
  { key: 'creator', dataset: 80, max: 32 },
  { key: 'credit', dataset: 110, max: 32 },
  { key: 'copyright', dataset: 116, max: 128 },
] as const;

/** The first `max` bytes of the text's UTF-8, never cutting a character. */
function utf8Prefix(text: string, max: number): Buffer {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

function dataset(record: number, id: number, value: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, id, (value.length >> 8) & 0xff, value.length & 0xff]);
  return Buffer.concat([head, value]);
}

function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.write('8BIM', 0, 'latin1');
  head.writeUInt16BE(id, 4);
  head.writeUInt16BE(0, 6); // empty Pascal name, padded
  head.writeUInt32BE(data.length, 8);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** The IIM block for these values: CodedCharacterSet UTF-8, record version, then the non-empty values. */
export function buildIim(values: IimValues): Buffer {
  const parts = [dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])), dataset(2, 0, Buffer.from([0, 4]))];
  for (const { key, dataset: id, max } of DATASETS) {
    const text = values[key].trim();
    if (text !== '') parts.push(dataset(2, id, utf8Prefix(text, max)));
  }
  return Buffer.concat(parts);
}

/**
 * The JPEG with an APP13 "Photoshop 3.0" segment holding the IIM block and its digest, placed
 * after the JFIF/EXIF/XMP segments at its head (any APP13 already there is replaced).
 */
export function withIimAndDigest(jpeg: Buffer, values: IimValues): Buffer {
  const iim = buildIim(values);
  const digest = createHash('md5').update(iim).digest();
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource(0x0404, iim), resource(0x0425, digest)]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffed, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  // Walk the leading APPn segments: keep them, drop an old APP13, insert ours after the last.
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff && jpeg[pos + 1]! >= 0xe0 && jpeg[pos + 1]! <= 0xef) {
    const end = pos + 2 + jpeg.readUInt16BE(pos + 2);
    if (jpeg[pos + 1] !== 0xed) kept.push(jpeg.subarray(pos, end));
    pos = end;
  }
  return Buffer.concat([...kept, segment, body, jpeg.subarray(pos)]);
}
