// The few EXIF (TIFF IFD0 / Exif IFD) text tags Newsdesk maps: ImageDescription, Artist,
// Copyright and DateTimeOriginal. A damaged structure yields what was readable, never a throw;
// a huge one is read no further than INPUT_LIMITS allows.

import { INPUT_LIMITS } from './limits.js';

export interface ExifFields {
  caption?: string;
  creator?: string[];
  copyright?: string;
  dateCreated?: string;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function asciiValue(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  const b = end === -1 ? bytes : bytes.subarray(0, end);
  try {
    return utf8Strict.decode(b); // EXIF says ASCII; cameras and tools write UTF-8 in practice
  } catch {
    return b.toString('latin1');
  }
}

/**
 * EXIF Artist is one string; MWG stores a list in it as values joined by "; ", a value that
 * holds "; " or starts with a quote being quoted with its quotes doubled.
 */
export function mwgStringToList(s: string): string[] {
  const out: string[] = [];
  let inQuotes = false;
  for (const raw of s.split('; ', INPUT_LIMITS.listItems)) {
    let part = raw;
    const continued = inQuotes;
    if (!inQuotes && part.startsWith('"')) {
      inQuotes = true;
      part = part.slice(1);
    }
    if (inQuotes) {
      const closing = /((?:^|[^"])(?:"")*)"$/.exec(part);
      if (closing) {
        inQuotes = false;
        part = part.slice(0, closing.index) + closing[1];
      }
      part = part.replace(/""/g, '"');
    }
    if (continued && out.length > 0) out[out.length - 1] += `; ${part}`;
    else out.push(part);
  }
  return out.map((a) => a.trim()).filter(Boolean);
}

/** The MWG list as one EXIF string (the inverse of mwgStringToList). */
export function mwgListToString(list: readonly string[]): string {
  return list.map((v) => (v.startsWith('"') || v.includes('; ') ? `"${v.replace(/"/g, '""')}"` : v)).join('; ');
}

/** `block` starts at the TIFF header ("II*\0" or "MM\0*"), i.e. after JPEG's "Exif\0\0". */
export function readExifFields(block: Buffer): ExifFields {
  const out: ExifFields = {};
  const tiff = block.subarray(0, INPUT_LIMITS.exifBytes);
  try {
    if (tiff.length < 8) return out;
    const order = tiff.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') return out;
    const le = order === 'II';
    const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
    const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
    const readIfd = (offset: number): Map<number, Buffer | number> => {
      const tags = new Map<number, Buffer | number>();
      if (offset < 8 || offset + 2 > tiff.length) return tags;
      const count = Math.min(u16(offset), INPUT_LIMITS.exifEntries);
      for (let i = 0; i < count; i++) {
        const e = offset + 2 + i * 12;
        if (e + 12 > tiff.length) break;
        const tag = u16(e);
        const type = u16(e + 2);
        const n = u32(e + 4);
        if (type === 2) {
          const start = n <= 4 ? e + 8 : u32(e + 8);
          // Only a value's first exifTextBytes are read (text ends at its NUL anyway), cut where a character starts.
          let take = Math.min(n, INPUT_LIMITS.exifTextBytes);
          if (start + take > tiff.length) continue;
          if (take < n) while (take > 0 && (tiff[start + take]! & 0xc0) === 0x80) take--;
          tags.set(tag, tiff.subarray(start, start + take));
        } else if (type === 4 || type === 13) tags.set(tag, u32(e + 8));
      }
      return tags;
    };
    const ifd0 = readIfd(u32(4));
    const text = (tags: Map<number, Buffer | number>, tag: number): string | undefined => {
      const v = tags.get(tag);
      if (!Buffer.isBuffer(v)) return undefined;
      const s = asciiValue(v).trim();
      return s === '' ? undefined : s;
    };
    const description = text(ifd0, 0x010e);
    if (description) out.caption = description;
    const artist = text(ifd0, 0x013b);
    if (artist) out.creator = mwgStringToList(artist);
    const copyright = text(ifd0, 0x8298);
    if (copyright) out.copyright = copyright;
    const exifPointer = ifd0.get(0x8769);
    if (typeof exifPointer === 'number') {
      const exifIfd = readIfd(exifPointer);
      const original = text(exifIfd, 0x9003);
      const m = original ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(original) : null;
      if (m) {
        const offset = text(exifIfd, 0x9011);
        const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
        const subSeconds = /^\d+/.exec(text(exifIfd, 0x9291) ?? '')?.[0];
        out.dateCreated = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${subSeconds ? `.${subSeconds}` : ''}${zone}`;
      }
    }
  } catch {
    // a damaged EXIF block: keep whatever was read
  }
  return out;
}
