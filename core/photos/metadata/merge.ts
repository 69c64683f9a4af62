// Puts IIM, XMP and EXIF together the way the Metadata Working Group's guidance says, then
// cleans every value (control characters out, lengths capped) so no file can break the library.

import { readExifFields, type ExifFields } from './exif.js';
import { iimDigestMatches, readIimFields, readPhotoshopResources, type IimFields } from './iim.js';
import { isJpeg, readJpegSegments } from './jpegSegments.js';
import { INPUT_LIMITS } from './limits.js';
import { readXmpFields, type XmpFields } from './xmp.js';
import type { PhotoMetadata } from '../../../shared/domain.js';

export type { PhotoMetadata };

/** Limits matching the contract's photo fields, so whatever was imported can be saved back unchanged. */
export const FIELD_LIMITS = {
  caption: 2000,
  headline: 500,
  credit: 300,
  creator: 300,
  copyright: 500,
  source: 300,
  city: 200,
  country: 200,
  instructions: 2000,
  alt: 1000,
  keyword: 100,
  keywords: 100,
} as const;

const MULTILINE = new Set(['caption', 'instructions', 'alt']);

/** Removes control characters (keeping newlines and tabs in multi-line fields), trims, caps the length. */
export function cleanText(value: string, max: number, multiline: boolean): string {
  let s = value.replace(/\r\n?/g, '\n');
  s = multiline ? s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '') : s.replace(/[\t\n]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  s = s.replace(/\uFEFF/g, '').trim();
  if (s.length > max) {
    s = s.slice(0, max);
    // never cut a surrogate pair in half
    if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    s = s.trimEnd();
  }
  return s;
}

type Fields = IimFields & XmpFields;

/** What cameras write into EXIF ImageDescription when nobody captioned the photo: never a caption. */
const CAMERA_DEFAULT_DESCRIPTION =
  /^(|OLYMPUS DIGITAL CAMERA|SONY DSC|KONICA MINOLTA DIGITAL CAMERA|SAMSUNG CAMERA PICTURES|DIGITAL CAMERA|DCIM|default|Exif_JPEG_PICTURE|LEAD Technologies Inc\.? V1\.01)$/i;
type Source = 'iim' | 'xmp';

export interface MetadataSources {
  exif: Buffer | null;
  xmp: Buffer | null;
  /** Photoshop image resource blocks (8BIM…). */
  photoshop: Buffer | null;
}

/** The metadata blocks sharp found in a file (any format; JPEG's are read from its segments instead). */
export interface SharpBlocks {
  exif?: Buffer;
  xmp?: Buffer;
  iptc?: Buffer;
}

/** The metadata blocks of a file: read from the JPEG headers, or from what sharp found in other formats. */
export function metadataSources(file: Buffer, sharpMeta?: SharpBlocks): MetadataSources {
  if (isJpeg(file)) return readJpegSegments(file);
  const exif = sharpMeta?.exif ?? null;
  let photoshop = sharpMeta?.iptc ?? null;
  if (photoshop && photoshop.toString('latin1', 0, 14) === 'Photoshop 3.0\0') photoshop = photoshop.subarray(14);
  return capSources({
    exif: exif && exif.toString('latin1', 0, 6) === 'Exif\0\0' ? exif.subarray(6) : exif,
    xmp: sharpMeta?.xmp ?? null,
    photoshop,
  });
}

/** Each block cut to what its reader will look at, before anything parses or copies it. */
function capSources(s: MetadataSources): MetadataSources {
  return {
    exif: s.exif && s.exif.subarray(0, INPUT_LIMITS.exifBytes),
    xmp: s.xmp && s.xmp.subarray(0, INPUT_LIMITS.xmpBytes),
    photoshop: s.photoshop && s.photoshop.subarray(0, INPUT_LIMITS.photoshopBytes),
  };
}

export interface MergeReport {
  metadata: PhotoMetadata;
  /** Which block won where IIM and XMP both had values (MWG rule). */
  preferred: Source;
  digest: 'match' | 'mismatch' | 'absent';
}

export function readPhotoMetadata(uncapped: MetadataSources): MergeReport {
  const sources = capSources(uncapped);
  let iim: IimFields = {};
  let digest: MergeReport['digest'] = 'absent';
  if (sources.photoshop) {
    const res = readPhotoshopResources(sources.photoshop);
    if (res.iim) {
      iim = readIimFields(res.iim);
      if (res.iimDigest) digest = iimDigestMatches(res.iim, res.iimDigest) ? 'match' : 'mismatch';
    }
  }
  const xmp: XmpFields = sources.xmp ? safe(() => readXmpFields(sources.xmp!.toString('utf8')), {}) : {};
  const exif: ExifFields = sources.exif ? readExifFields(sources.exif) : {};
  if (exif.caption && CAMERA_DEFAULT_DESCRIPTION.test(exif.caption.trim())) delete exif.caption;

  // MWG: a digest that no longer matches means a non-MWG tool edited IIM after XMP was written,
  // so IIM is newer; otherwise (matching or absent digest) XMP is the reference where present.
  const preferred: Source = digest === 'mismatch' ? 'iim' : 'xmp';
  const [first, second]: [Fields, Fields] = preferred === 'xmp' ? [xmp, iim] : [iim, xmp];

  const pick = <K extends keyof Fields>(key: K): Fields[K] | undefined => {
    const a = first[key];
    if (a !== undefined && !isBlank(a)) return a;
    const b = second[key];
    if (b !== undefined && !isBlank(b)) return b;
    return undefined;
  };
  const textField = (key: Exclude<keyof PhotoMetadata, 'keywords' | 'dateCreated' | 'creator'>, fallback?: string): string => {
    const value = (pick(key as keyof Fields) as string | undefined) ?? fallback ?? '';
    return cleanText(value, FIELD_LIMITS[key], MULTILINE.has(key));
  };
  const creators = pick('creator') ?? exif.creator ?? [];
  const keywords = cleanKeywords(pick('keywords') ?? []);
  const date = pick('dateCreated') ?? exif.dateCreated;

  return {
    preferred,
    digest,
    metadata: {
      caption: textField('caption', exif.caption),
      headline: textField('headline'),
      credit: textField('credit'),
      creator: cleanText(joinCapped(creators, FIELD_LIMITS.creator), FIELD_LIMITS.creator, false),
      copyright: textField('copyright', exif.copyright),
      source: textField('source'),
      keywords,
      dateCreated: date ? normaliseDate(date) : null,
      city: textField('city'),
      country: textField('country'),
      instructions: textField('instructions'),
      alt: textField('alt'),
    },
  };
}

/**
 * The first FIELD_LIMITS.keywords distinct keywords, cleaned, in order. Linear (a Set, never a
 * search of the list per keyword) and looking at no more than INPUT_LIMITS.listItems of them.
 */
export function cleanKeywords(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const k of raw.slice(0, INPUT_LIMITS.listItems)) {
    const clean = cleanText(k, FIELD_LIMITS.keyword, false);
    if (clean !== '') seen.add(clean);
    if (seen.size === FIELD_LIMITS.keywords) break;
  }
  return [...seen];
}

/** The non-blank names joined with commas, stopping once the text is longer than `max`. */
function joinCapped(names: readonly string[], max: number): string {
  let out = '';
  for (const name of names.slice(0, INPUT_LIMITS.listItems)) {
    const n = name.trim();
    if (n === '') continue;
    out = out === '' ? n : `${out}, ${n}`;
    if (out.length > max) break;
  }
  return out;
}

function isBlank(v: string | string[]): boolean {
  return Array.isArray(v) ? v.every((s) => s.trim() === '') : v.trim() === '';
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** Keeps a date only when it looks like ISO 8601 (XMP's and our IIM/EXIF conversions); EXIF-style colons are fixed. */
export function normaliseDate(value: string): string | null {
  const s = cleanText(value, 40, false).replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3');
  return /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(s) ? s.replace(' ', 'T') : null;
}
