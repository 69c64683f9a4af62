// Reads a photo's metadata blocks, puts IIM, XMP and EXIF together by the Metadata Working
// Group's rules (mwg.ts), then cleans every value (control characters out, lengths capped) so no
// file can break the library. What was odd about the blocks becomes warnings for the photo editor.

import { sniffImage } from '../sniff.js';
import { pngBlocks, tiffBlocks, webpBlocks } from './containers.js';
import { readExifFields, type ExifFields } from './exif.js';
import { assembleExtendedXmp } from './extendedXmp.js';
import { iimDigestMatches, readIimFields, readPhotoshopResources, type IimFields } from './iim.js';
import { isJpeg, readJpegSegments, type ExtendedXmpChunk } from './jpegSegments.js';
import { INPUT_LIMITS } from './limits.js';
import { reconcile, type DigestState, type MwgReading } from './mwg.js';
import { NS, readXmpFields, readXmpProperties, type XmpFields, type XmpProperties } from './xmp.js';
import { decodeXmpBytes, xmpLooksComplete } from './xmpText.js';
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

/** What cameras write into EXIF ImageDescription when nobody captioned the photo: never a caption. */
const CAMERA_DEFAULT_DESCRIPTION =
  /^(|OLYMPUS DIGITAL CAMERA|SONY DSC|KONICA MINOLTA DIGITAL CAMERA|SAMSUNG CAMERA PICTURES|DIGITAL CAMERA|DCIM|default|Exif_JPEG_PICTURE|LEAD Technologies Inc\.? V1\.01)$/i;

export interface MetadataSources {
  exif: Buffer | null;
  xmp: Buffer | null;
  /** Photoshop image resource blocks (8BIM…). */
  photoshop: Buffer | null;
  /** IIM stored bare (TIFF), not inside Photoshop resources. */
  iim?: Buffer | null;
  /** JPEG's Extended XMP chunks. */
  extendedXmp?: ExtendedXmpChunk[];
  /** Warnings from reading the file's structure. */
  warnings?: string[];
}

/** The metadata blocks of a file, each from where its format keeps them. */
export function metadataSources(file: Buffer): MetadataSources {
  if (isJpeg(file)) return readJpegSegments(file);
  const kind = sniffImage(file);
  if (!kind.ok) return { exif: null, xmp: null, photoshop: null };
  if (kind.kind === 'tiff') return tiffBlocks(file);
  if (kind.kind === 'png') return pngBlocks(file);
  if (kind.kind === 'webp') return webpBlocks(file);
  return { exif: null, xmp: null, photoshop: null };
}

/** Each block cut to what its reader will look at, before anything parses or copies it (XMP is cut, with a warning, where it is decoded). */
function capSources(s: MetadataSources): MetadataSources {
  return {
    ...s,
    exif: s.exif && s.exif.subarray(0, INPUT_LIMITS.exifBytes),
    photoshop: s.photoshop && s.photoshop.subarray(0, INPUT_LIMITS.photoshopBytes),
    iim: s.iim ? s.iim.subarray(0, INPUT_LIMITS.photoshopBytes) : null,
  };
}

/** An .xmp sidecar imported beside the photo, and the photo's pixel size to check it against. */
export interface SidecarInput {
  name: string;
  bytes: Buffer;
  /** The photo's stored pixel size (either orientation is accepted). */
  width: number;
  height: number;
}

export interface MergeReport {
  metadata: PhotoMetadata;
  /** Every MWG field as reconciled, lists as lists (state and sub-location are read but not stored). */
  reading: MwgReading;
  digest: DigestState;
  /** Sentences for the photo editor: what was odd about the file's metadata and what Newsdesk did. */
  warnings: string[];
}

const FIELD_NAMES: Record<keyof MwgReading, string> = {
  caption: 'caption',
  creator: 'creator',
  copyright: 'copyright',
  keywords: 'keywords',
  city: 'city',
  state: 'state',
  country: 'country',
  sublocation: 'sub-location',
  dateCreated: 'date created',
  headline: 'headline',
  credit: 'credit',
  source: 'source',
  instructions: 'instructions',
  alt: 'alt text',
};

/** At most this many warnings are kept for a photo (a hostile file could produce many). */
export const MAX_WARNINGS = 8;

interface XmpRead {
  props: XmpProperties | null;
  warnings: string[];
}

function readXmpBlock(bytes: Buffer | null, what: string): XmpRead {
  if (!bytes || bytes.length === 0) return { props: null, warnings: [] };
  const decoded = decodeXmpBytes(bytes);
  const warnings = decoded.warnings.map((w) => (what === 'XMP' ? w : w.replace('The XMP block', `The ${what}`)));
  if (!xmpLooksComplete(decoded.text) && decoded.warnings.length === 0) {
    warnings.push(
      `The ${what === 'XMP' ? 'XMP block' : what} ends before its XML closes (it was cut short); Newsdesk read what was there, so some fields may be missing.`,
    );
  }
  return { props: safe(() => readXmpProperties(decoded.text), new Map()), warnings };
}

const propText = (props: XmpProperties | null, ns: string, local: string): string | undefined => {
  const v = props?.get(`${ns}|${local}`);
  return typeof v === 'string' ? v.trim() : undefined;
};

/** Why a sidecar seems to describe another photo (its document ID or pixel size differ), or null. */
function sidecarMismatch(sidecar: XmpProperties, embedded: XmpProperties | null, input: SidecarInput): string | null {
  const id = (p: XmpProperties | null) => propText(p, NS.xmpMM, 'DocumentID') ?? propText(p, NS.xmpMM, 'OriginalDocumentID');
  const own = id(sidecar);
  const photo = id(embedded);
  if (own && photo && own !== photo) return 'its document ID is not the photo’s';
  const w = Number(propText(sidecar, NS.exif, 'PixelXDimension') ?? propText(sidecar, NS.tiff, 'ImageWidth'));
  const h = Number(propText(sidecar, NS.exif, 'PixelYDimension') ?? propText(sidecar, NS.tiff, 'ImageLength'));
  if (w > 0 && h > 0 && !((w === input.width && h === input.height) || (w === input.height && h === input.width))) {
    return `it describes a ${w} × ${h} picture and the photo is ${input.width} × ${input.height}`;
  }
  return null;
}

export function readPhotoMetadata(uncapped: MetadataSources, sidecar?: SidecarInput): MergeReport {
  const sources = capSources(uncapped);
  const warnings: string[] = [...(sources.warnings ?? [])];
  let iim: IimFields | null = null;
  let digest: DigestState = 'absent';
  const res = sources.photoshop ? readPhotoshopResources(sources.photoshop) : null;
  const iimBlock = sources.iim ?? res?.iim ?? null;
  if (iimBlock) {
    const read = readIimFields(iimBlock);
    iim = read.fields;
    warnings.push(...read.warnings);
    if (res?.iimDigest) digest = iimDigestMatches(iimBlock, res.iimDigest) ? 'match' : 'mismatch';
  }

  // XMP: the embedded packet and its extension, unless a sidecar for this photo replaces them.
  const embedded = readXmpBlock(sources.xmp, 'XMP');
  let xmpProps = embedded.props;
  let xmpWarnings = embedded.warnings;
  if (xmpProps) {
    const guid = propText(xmpProps, NS.xmpNote, 'HasExtendedXMP');
    const extended = assembleExtendedXmp(sources.extendedXmp ?? [], guid);
    xmpWarnings.push(...extended.warnings);
    if (extended.packet) {
      const more = readXmpBlock(extended.packet, 'extended XMP');
      xmpWarnings.push(...more.warnings);
      for (const [k, v] of more.props ?? []) if (!xmpProps.has(k)) xmpProps.set(k, v);
    }
  }
  if (sidecar) {
    const side = readXmpBlock(sidecar.bytes, `sidecar ${sidecar.name}`);
    const why = side.props ? (side.props.size === 0 ? 'it holds no XMP properties' : sidecarMismatch(side.props, embedded.props, sidecar)) : 'it is empty';
    if (why) warnings.push(`The sidecar ${sidecar.name} was not used: ${why}, so it seems to belong to another photo. The photo’s own metadata was read instead.`);
    else {
      // The sidecar is the photo's XMP (MWG): it replaces what the file embeds.
      xmpProps = side.props;
      xmpWarnings = side.warnings;
    }
  }
  warnings.push(...xmpWarnings);
  const xmp: XmpFields | null = xmpProps ? readXmpFields(xmpProps) : null;

  const exif: ExifFields = sources.exif ? readExifFields(sources.exif) : {};
  if (exif.caption && CAMERA_DEFAULT_DESCRIPTION.test(exif.caption.trim())) delete exif.caption;

  const { reading, conflicts } = reconcile({ exif, iim, xmp, digest });
  if (conflicts.length > 0) {
    const list = conflicts.map((c) => `${FIELD_NAMES[c.field]} (${c.took} used)`).join(', ');
    const involved = new Set(conflicts.flatMap((c) => c.between));
    const blocks = (['EXIF', 'IPTC', 'XMP'] as const).filter((b) => involved.has(b)).map((b) => (b === 'IPTC' ? 'IPTC (IIM)' : b));
    const named = blocks.length > 2 ? `${blocks.slice(0, -1).join(', ')} and ${blocks.at(-1)}` : blocks.join(' and ');
    warnings.push(
      `The photo’s ${named} blocks disagree on: ${list}. Newsdesk used the value the Metadata Working Group rules make current${digest === 'mismatch' ? ' (the IPTC block was changed after the XMP, by a tool that left the IPTC digest stale)' : ''}; check these fields against the agency’s.`,
    );
  }

  const textField = (key: Exclude<keyof PhotoMetadata, 'keywords' | 'dateCreated' | 'creator'>): string =>
    cleanText(reading[key] ?? '', FIELD_LIMITS[key], MULTILINE.has(key));
  const date = reading.dateCreated;
  return {
    reading,
    digest,
    warnings: [...new Set(warnings)].slice(0, MAX_WARNINGS),
    metadata: {
      caption: textField('caption'),
      headline: textField('headline'),
      credit: textField('credit'),
      creator: cleanText(joinCapped(reading.creator ?? [], FIELD_LIMITS.creator), FIELD_LIMITS.creator, false),
      copyright: textField('copyright'),
      source: textField('source'),
      keywords: cleanKeywords(reading.keywords ?? []),
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
