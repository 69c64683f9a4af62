// Walks a JPEG's marker segments up to the start of scan and hands back the ones that carry
// metadata (APP1 EXIF/XMP, APP13 Photoshop). Reads headers only, never the image data, and at
// most INPUT_LIMITS.jpegHeadBytes of them.

import { INPUT_LIMITS } from './limits.js';

export interface JpegMetadataSegments {
  /** The TIFF structure of the APP1 "Exif" segment (after the 6-byte header). */
  exif: Buffer | null;
  /** The XMP packet of the APP1 XMP segment. */
  xmp: Buffer | null;
  /** The Photoshop image resource blocks of every APP13 "Photoshop 3.0" segment, joined (at most INPUT_LIMITS.photoshopBytes). */
  photoshop: Buffer | null;
  /** The APP1 Extended XMP segments (a packet too large for one segment, split in chunks). */
  extendedXmp: ExtendedXmpChunk[];
}

/** One chunk of Extended XMP: which packet (the MD5 of the whole, as 32 hex digits), its size, where this chunk goes. */
export interface ExtendedXmpChunk {
  guid: string;
  fullLength: number;
  offset: number;
  data: Buffer;
}

const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const EXTENDED_XMP_HEADER = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const PHOTOSHOP_HEADER = Buffer.from('Photoshop 3.0\0', 'latin1');
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

export function isJpeg(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
}

export function readJpegSegments(file: Buffer): JpegMetadataSegments {
  const out: JpegMetadataSegments = { exif: null, xmp: null, photoshop: null, extendedXmp: [] };
  let extendedBytes = 0;
  if (!isJpeg(file)) return out;
  const buf = file.subarray(0, INPUT_LIMITS.jpegHeadBytes);
  const photoshopParts: Buffer[] = [];
  let photoshopBytes = 0;
  let pos = 2;
  while (pos + 4 <= buf.length) {
    if (buf[pos] !== 0xff) break; // not a marker: damaged header, stop quietly
    const marker = buf[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    // Markers without a length field.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image
    const length = buf.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > buf.length) break;
    const body = buf.subarray(pos + 4, pos + 2 + length);
    if (marker === 0xe1) {
      if (!out.exif && startsWith(body, EXIF_HEADER)) out.exif = body.subarray(EXIF_HEADER.length);
      else if (!out.xmp && startsWith(body, XMP_HEADER)) out.xmp = body.subarray(XMP_HEADER.length);
      else if (startsWith(body, EXTENDED_XMP_HEADER) && body.length >= EXTENDED_XMP_HEADER.length + 40 && extendedBytes < INPUT_LIMITS.extendedXmpBytes) {
        const at = EXTENDED_XMP_HEADER.length;
        const data = body.subarray(at + 40);
        extendedBytes += data.length;
        out.extendedXmp.push({ guid: body.toString('latin1', at, at + 32), fullLength: body.readUInt32BE(at + 32), offset: body.readUInt32BE(at + 36), data });
      }
    } else if (marker === 0xed && startsWith(body, PHOTOSHOP_HEADER) && photoshopBytes < INPUT_LIMITS.photoshopBytes) {
      // Beyond the limit the joined block is cut short: the readers keep what precedes the cut.
      const part = body.subarray(PHOTOSHOP_HEADER.length, PHOTOSHOP_HEADER.length + INPUT_LIMITS.photoshopBytes - photoshopBytes);
      photoshopParts.push(part);
      photoshopBytes += part.length;
    }
    pos += 2 + length;
  }
  if (photoshopParts.length > 0) out.photoshop = Buffer.concat(photoshopParts);
  return out;
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
