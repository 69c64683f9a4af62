// Where each file format keeps its metadata blocks, read from the file's own structure (never
// from decoded pixels): TIFF's IFD0 tags, PNG's chunks, WebP's RIFF chunks. JPEG has its own
// walker (jpegSegments.ts). Every reader stops at INPUT_LIMITS and returns what it found.

import { Unzlib } from 'fflate';
import { INPUT_LIMITS } from './limits.js';

export interface ContainerBlocks {
  /** A TIFF structure ("II*\0"/"MM\0*") holding IFD0 and the EXIF IFD. */
  exif: Buffer | null;
  xmp: Buffer | null;
  /** Photoshop image resource blocks (8BIM…), which may hold IIM and its digest. */
  photoshop: Buffer | null;
  /** IIM datasets stored bare (TIFF tag 33723), not inside Photoshop resources. */
  iim: Buffer | null;
  warnings: string[];
}

const empty = (): ContainerBlocks => ({ exif: null, xmp: null, photoshop: null, iim: null, warnings: [] });
const EXIF_PREFIX = 'Exif\0\0';

function withoutExifPrefix(b: Buffer): Buffer {
  return b.toString('latin1', 0, 6) === EXIF_PREFIX ? b.subarray(6) : b;
}

/** TIFF: the file is the EXIF structure; XMP (700), IPTC (33723) and Photoshop resources (34377) are IFD0 tags. */
export function tiffBlocks(file: Buffer): ContainerBlocks {
  const out = empty();
  out.exif = file;
  try {
    const le = file.toString('latin1', 0, 2) === 'II';
    const u16 = (o: number) => (le ? file.readUInt16LE(o) : file.readUInt16BE(o));
    const u32 = (o: number) => (le ? file.readUInt32LE(o) : file.readUInt32BE(o));
    const ifd = u32(4);
    if (ifd + 2 > file.length) return out;
    const count = Math.min(u16(ifd), INPUT_LIMITS.exifEntries);
    const SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 13: 4 };
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > file.length) break;
      const tag = u16(e);
      if (tag !== 700 && tag !== 33723 && tag !== 34377) continue;
      const bytes = (SIZE[u16(e + 2)] ?? 1) * u32(e + 4);
      const start = bytes <= 4 ? e + 8 : u32(e + 8);
      if (start + bytes > file.length) {
        out.warnings.push('A metadata block of this TIFF file points past its end; the file is damaged and that block was not read.');
        continue;
      }
      const value = file.subarray(start, start + bytes);
      if (tag === 700) out.xmp = value;
      else if (tag === 33723) out.iim = value;
      else out.photoshop = value;
    }
  } catch {
    // a damaged directory: keep what was found
  }
  return out;
}

const PNG_SIGNATURE_BYTES = 8;

/** PNG: XMP in the iTXt chunk "XML:com.adobe.xmp" (maybe compressed), EXIF in eXIf. */
export function pngBlocks(file: Buffer): ContainerBlocks {
  const out = empty();
  let pos = PNG_SIGNATURE_BYTES;
  while (pos + 8 <= file.length) {
    const length = file.readUInt32BE(pos);
    const type = file.toString('latin1', pos + 4, pos + 8);
    const start = pos + 8;
    const end = start + length;
    if (end > file.length || type === 'IEND') break;
    const data = file.subarray(start, end);
    if (type === 'eXIf' && !out.exif) out.exif = withoutExifPrefix(data);
    else if (type === 'iTXt' && !out.xmp && data.toString('latin1', 0, 18) === 'XML:com.adobe.xmp\0') {
      const compressed = data[18] === 1;
      // Skip the language tag and the translated keyword (two NUL-terminated strings).
      const langEnd = data.indexOf(0, 20);
      const keyEnd = langEnd === -1 ? -1 : data.indexOf(0, langEnd + 1);
      if (keyEnd !== -1) {
        const text = data.subarray(keyEnd + 1);
        if (!compressed) out.xmp = text;
        else {
          const inflated = inflatePrefix(text);
          if (inflated) out.xmp = inflated;
          else out.warnings.push('The compressed XMP block of this PNG is damaged; it was not read, so its caption, credit and keywords are missing.');
        }
      }
    }
    pos = end + 4; // CRC
  }
  return out;
}

/** WebP: RIFF chunks "EXIF" and "XMP " (each padded to even). */
export function webpBlocks(file: Buffer): ContainerBlocks {
  const out = empty();
  let pos = 12;
  while (pos + 8 <= file.length) {
    const type = file.toString('latin1', pos, pos + 4);
    const size = file.readUInt32LE(pos + 4);
    const start = pos + 8;
    const end = start + size;
    if (end > file.length) break;
    if (type === 'EXIF' && !out.exif) out.exif = withoutExifPrefix(file.subarray(start, end));
    else if (type === 'XMP ' && !out.xmp) out.xmp = file.subarray(start, end);
    pos = end + (size % 2);
  }
  return out;
}

/**
 * Unpacks zlib data no further than a little past the XMP limit (the XMP reader cuts there and
 * warns), a few KB of input at a time, so a small chunk that unpacks to gigabytes costs nothing.
 * Null when the data is damaged before anything was unpacked.
 */
function inflatePrefix(data: Buffer): Buffer | null {
  const limit = INPUT_LIMITS.xmpBytes + 1024;
  const parts: Uint8Array[] = [];
  let total = 0;
  const unzlib = new Unzlib((chunk) => {
    parts.push(chunk);
    total += chunk.length;
  });
  const STEP = 4096;
  try {
    for (let at = 0; at < data.length && total < limit; at += STEP) unzlib.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch {
    if (total === 0) return null;
  }
  return Buffer.concat(parts).subarray(0, limit);
}

/**
 * The PNG without its text chunks (tEXt, zTXt, iTXt), for the image decoder's header read: the
 * decoder unpacks every compressed text chunk, which a crafted file makes take seconds, and
 * Newsdesk reads the XMP among them itself (pngBlocks), no further than its limit.
 */
export function withoutPngTextChunks(file: Buffer): Buffer {
  const kept: Buffer[] = [file.subarray(0, PNG_SIGNATURE_BYTES)];
  let pos = PNG_SIGNATURE_BYTES;
  let dropped = false;
  while (pos + 12 <= file.length) {
    const end = pos + 12 + file.readUInt32BE(pos);
    if (end > file.length) break;
    const type = file.toString('latin1', pos + 4, pos + 8);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') dropped = true;
    else kept.push(file.subarray(pos, end));
    pos = end;
  }
  if (!dropped) return file;
  kept.push(file.subarray(pos)); // whatever follows (a damaged tail stays for the decoder to judge)
  return Buffer.concat(kept);
}

/** What the image decoder is given: the file, less what only the metadata readers need and the decoder would unpack in full. */
export function decoderInput(file: Buffer): Buffer {
  return file.length > 8 && file.readUInt32BE(0) === 0x89504e47 ? withoutPngTextChunks(file) : file;
}
