// IPTC IIM (the "IPTC-NAA" record inside Photoshop's APP13 resource 0x0404), decoded by its own
// CodedCharacterSet. General-purpose readers often take IIM as Latin-1 whatever the file says,
// which garbles the UTF-8 captions Korean agencies send, so Newsdesk reads it here.

import { createHash } from 'node:crypto';
import { INPUT_LIMITS } from './limits.js';
import type { XmpFields } from './xmp.js';

export interface PhotoshopResources {
  /** Resource 0x0404: the IIM datasets. */
  iim: Buffer | null;
  /** Resource 0x0425: MD5 of the IIM block as the last MWG-aware writer saved it. */
  iimDigest: Buffer | null;
}

/**
 * Splits Photoshop image resource blocks ("8BIM", id, Pascal name, size, data — each padded to
 * even). An IIM block cut short (the joined APP13 segments stop at INPUT_LIMITS.photoshopBytes)
 * is read as far as it goes, without its digest, which was written for the whole block.
 */
export function readPhotoshopResources(input: Buffer): PhotoshopResources {
  const out: PhotoshopResources = { iim: null, iimDigest: null };
  const data = input.subarray(0, INPUT_LIMITS.photoshopBytes);
  let pos = 0;
  while (pos + 12 <= data.length) {
    if (data.toString('latin1', pos, pos + 4) !== '8BIM') break;
    const id = data.readUInt16BE(pos + 4);
    const nameLength = data[pos + 6]!;
    let p = pos + 6 + 1 + nameLength;
    if ((1 + nameLength) % 2 === 1) p += 1; // the Pascal name is padded to an even size
    if (p + 4 > data.length) break;
    const size = data.readUInt32BE(p);
    const start = p + 4;
    const end = start + size;
    if (end > data.length) {
      if (id === 0x0404 && !out.iim && start < data.length) return { iim: data.subarray(start), iimDigest: null };
      break;
    }
    if (id === 0x0404 && !out.iim) out.iim = data.subarray(start, end);
    if (id === 0x0425 && !out.iimDigest && size === 16) out.iimDigest = data.subarray(start, end);
    pos = end + (size % 2);
  }
  return out;
}

/** True when the digest was written for exactly this IIM block (MWG: IIM unchanged since XMP was synced). */
export function iimDigestMatches(iim: Buffer, digest: Buffer): boolean {
  return createHash('md5').update(iim).digest().equals(digest);
}

export interface IimRecord {
  /** Raw dataset values by "record:dataset", e.g. '2:120' — repeatable datasets keep their first INPUT_LIMITS.iimValuesPerDataset values. */
  raw: Map<string, Buffer[]>;
  /** Whether 1:90 declared UTF-8 (ESC % G). */
  declaredUtf8: boolean;
  declaredCharset: boolean;
}

export function parseIimDatasets(input: Buffer): IimRecord {
  const raw = new Map<string, Buffer[]>();
  const iim = input.subarray(0, INPUT_LIMITS.photoshopBytes);
  let pos = 0;
  while (pos + 5 <= iim.length) {
    if (iim[pos] !== 0x1c) break; // tag marker
    const record = iim[pos + 1]!;
    const dataset = iim[pos + 2]!;
    let length = iim.readUInt16BE(pos + 3);
    let start = pos + 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits say how many bytes hold the length.
      const lengthBytes = length & 0x7fff;
      if (lengthBytes > 4 || start + lengthBytes > iim.length) break;
      length = 0;
      for (let i = 0; i < lengthBytes; i++) length = length * 256 + iim[start + i]!;
      start += lengthBytes;
    }
    const end = start + length;
    if (end > iim.length) break;
    const key = `${record}:${dataset}`;
    const list = raw.get(key);
    const value = iim.subarray(start, end);
    if (!list) raw.set(key, [value]);
    else if (list.length < INPUT_LIMITS.iimValuesPerDataset) list.push(value);
    pos = end;
  }
  const charset = raw.get('1:90')?.[0];
  const declaredUtf8 = charset !== undefined && charset.equals(Buffer.from([0x1b, 0x25, 0x47]));
  return { raw, declaredUtf8, declaredCharset: charset !== undefined };
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(value: Buffer): string | null {
  try {
    return utf8Strict.decode(value);
  } catch {
    return null;
  }
}

/** What went wrong decoding: the block said UTF-8 but was not, or said another set and was UTF-8. */
export type IimCharsetProblem = 'declared-utf8-invalid' | 'declared-other-was-utf8';

/**
 * The text of one dataset, by the block's CodedCharacterSet (1:90). Declared UTF-8 is read as
 * UTF-8 unless the bytes are not UTF-8 (then Latin-1, the other set in use). Undeclared or
 * declared otherwise, bytes that are valid UTF-8 with non-ASCII characters are read as UTF-8
 * (what Korean agencies send; in Latin-1 they would be mojibake), anything else as Latin-1.
 * `problem` is told when the declaration was wrong.
 */
export function decodeIimText(value: Buffer, record: Pick<IimRecord, 'declaredUtf8' | 'declaredCharset'>, problem?: (p: IimCharsetProblem) => void): string {
  const utf8 = strictUtf8(value);
  if (record.declaredUtf8) {
    if (utf8 !== null) return utf8;
    problem?.('declared-utf8-invalid');
    return value.toString('latin1');
  }
  const ascii = value.every((b) => b < 0x80);
  if (utf8 !== null && !ascii) {
    if (record.declaredCharset) problem?.('declared-other-was-utf8');
    return utf8;
  }
  return value.toString('latin1');
}

/** IIM has no alt-text dataset; otherwise it carries what XMP does. */
export type IimFields = Omit<XmpFields, 'alt'>;

const SINGLE: Record<string, keyof IimFields> = {
  '2:120': 'caption',
  '2:105': 'headline',
  '2:110': 'credit',
  '2:116': 'copyright',
  '2:115': 'source',
  '2:90': 'city',
  '2:95': 'state',
  '2:92': 'sublocation',
  '2:101': 'country',
  '2:40': 'instructions',
};

export interface IimRead {
  fields: IimFields;
  warnings: string[];
}

const CHARSET_WARNING: Record<IimCharsetProblem, string> = {
  'declared-utf8-invalid':
    'The IPTC (IIM) block says its text is UTF-8 but it is not; Newsdesk read it as Latin-1. Check accented or Korean letters in the caption and credit.',
  'declared-other-was-utf8':
    'The IPTC (IIM) block declares a character set other than UTF-8 but its text is UTF-8; Newsdesk read it as UTF-8. Check accented or Korean letters in the caption and credit.',
};

/** The IIM datasets Newsdesk maps, decoded, with a warning when the declared character set was wrong. */
export function readIimFields(iim: Buffer): IimRead {
  const rec = parseIimDatasets(iim);
  const problems = new Set<IimCharsetProblem>();
  const note = (p: IimCharsetProblem) => problems.add(p);
  const text = (key: string): string[] => (rec.raw.get(key) ?? []).map((v) => decodeIimText(v, rec, note));
  const out: IimFields = {};
  for (const [key, field] of Object.entries(SINGLE)) {
    const value = text(key)[0];
    if (value !== undefined) (out as Record<string, unknown>)[field] = value;
  }
  const keywords = text('2:25');
  if (keywords.length > 0) out.keywords = keywords;
  const byline = text('2:80');
  if (byline.length > 0) out.creator = byline;
  const date = text('2:55')[0];
  if (date) {
    const iso = iimDate(date, text('2:60')[0]);
    if (iso) out.dateCreated = iso;
  }
  return { fields: out, warnings: [...problems].map((p) => CHARSET_WARNING[p]) };
}

/** IIM date CCYYMMDD and time HHMMSS±HHMM → ISO 8601 (date only when the time is absent). */
export function iimDate(date: string, time: string | undefined): string | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  if (!d) return null;
  const day = `${d[1]}-${d[2]}-${d[3]}`;
  const t = time ? /^(\d{2})(\d{2})(\d{2})(?:([+-]\d{2})(\d{2}))?$/.exec(time.trim()) : null;
  if (!t) return day;
  return `${day}T${t[1]}:${t[2]}:${t[3]}${t[4] ? `${t[4]}:${t[5]}` : ''}`;
}
