// The Metadata Working Group's reconciliation (Guidelines for Handling Image Metadata 2.0): which
// of EXIF, IPTC IIM and XMP holds a field's current value. Pure: blocks in, one reading out.
//
// - Description, creator and copyright: EXIF (ImageDescription, Artist, Copyright) when it holds
//   more than blanks, since a non-MWG tool that edits EXIF leaves the others stale.
// - Otherwise XMP and IIM by the IPTC digest (Photoshop resource 0x0425, the MD5 of the IIM block
//   as the last MWG-aware writer left it): without IIM, XMP; with IIM, XMP when it has the field
//   and the digest is absent or still matches; else IIM, which a non-MWG tool changed since
//   (even to nothing). An IIM value cut at its dataset's length is completed from XMP when XMP
//   starts with it.
// - Date created: EXIF DateTimeOriginal with its sub-seconds and offset, then XMP or IIM as above.
// - Locations (city, state, country, sub-location) and keywords have no EXIF counterpart.

import type { ExifFields } from './exif.js';
import type { IimFields } from './iim.js';
import type { XmpFields } from './xmp.js';

export type DigestState = 'match' | 'mismatch' | 'absent';

/** The reconciled values (lists as lists, the date as written, ISO-like). */
export interface MwgReading {
  caption?: string;
  creator?: string[];
  copyright?: string;
  keywords?: string[];
  city?: string;
  state?: string;
  country?: string;
  sublocation?: string;
  dateCreated?: string;
  headline?: string;
  credit?: string;
  source?: string;
  instructions?: string;
  alt?: string;
}

export interface MwgBlocks {
  exif: ExifFields;
  /** Null when the file has no IIM block at all. */
  iim: IimFields | null;
  /** Null when the file has no XMP. */
  xmp: XmpFields | null;
  digest: DigestState;
}

/** IIM dataset lengths (bytes) a writer may have cut a longer XMP value to. */
const IIM_LIMIT = { caption: 2000, creator: 32, copyright: 128, keywords: 64, city: 32, state: 32, country: 64, sublocation: 32 } as const;

type Text = 'caption' | 'copyright' | 'city' | 'state' | 'country' | 'sublocation' | 'headline' | 'credit' | 'source' | 'instructions';
type List = 'creator' | 'keywords';

const blank = (v: string | undefined) => v === undefined || /^ *$/.test(v);

/** IIM's value, or XMP's where IIM holds exactly the first `limit` bytes of it. */
function recoverTruncated(iim: string | undefined, xmp: string | undefined, limit: number | undefined): string | undefined {
  if (iim === undefined || xmp === undefined || limit === undefined) return iim;
  const a = Buffer.from(iim, 'utf8');
  const b = Buffer.from(xmp, 'utf8');
  return a.length === limit && b.length > limit && b.subarray(0, limit).equals(a) ? xmp : iim;
}

export type Block = 'EXIF' | 'IPTC' | 'XMP';

export interface Reconciled {
  reading: MwgReading;
  /** Fields where two blocks held different values, and the block whose value was taken. */
  conflicts: { field: keyof MwgReading; took: Block; between: Block[] }[];
}

export function reconcile({ exif, iim, xmp, digest }: MwgBlocks): Reconciled {
  const reading: MwgReading = {};
  const conflicts: Reconciled['conflicts'] = [];
  /** Whether XMP's value (if any) is current: no IIM, or XMP has it and the digest does not say IIM changed. */
  const xmpWins = (has: boolean) => iim === null || (has && digest !== 'mismatch');

  /** `values` in the order EXIF, IPTC, XMP. */
  const note = (field: keyof MwgReading, took: Block, values: (string | undefined)[]) => {
    const present = (['EXIF', 'IPTC', 'XMP'] as const).map((block, i) => ({ block, v: values[i] })).filter((p): p is { block: Block; v: string } => !blank(p.v));
    if (new Set(present.map((p) => p.v.trim())).size > 1) conflicts.push({ field, took, between: present.map((p) => p.block) });
  };

  const text = (field: Text, exifValue?: string) => {
    const x = xmp?.[field];
    const i = iim?.[field];
    let value: string | undefined;
    let took: Block;
    if (!blank(exifValue)) [value, took] = [exifValue, 'EXIF'];
    else if (xmpWins(x !== undefined)) [value, took] = [x, 'XMP'];
    else [value, took] = [recoverTruncated(i, x, IIM_LIMIT[field as keyof typeof IIM_LIMIT]), 'IPTC'];
    if (value !== undefined) reading[field] = value;
    const truncatedSame = i !== undefined && x !== undefined && recoverTruncated(i, x, IIM_LIMIT[field as keyof typeof IIM_LIMIT]) === x;
    note(field, took, [exifValue, truncatedSame ? undefined : i, x]);
  };

  const list = (field: List, exifValue?: string[]) => {
    const x = xmp?.[field];
    const i = iim?.[field];
    let value: string[] | undefined;
    let took: Block;
    const exifText = exifValue?.join('; ');
    if (exifValue && !blank(exifText)) [value, took] = [exifValue, 'EXIF'];
    else if (xmpWins(x !== undefined)) [value, took] = [x, 'XMP'];
    else {
      const limit = IIM_LIMIT[field];
      value = i?.map((v, n) => recoverTruncated(v, x?.[n], limit) ?? v);
      took = 'IPTC';
    }
    if (value !== undefined) reading[field] = value;
    const recovered = i?.map((v, n) => recoverTruncated(v, x?.[n], IIM_LIMIT[field]) ?? v);
    note(field, took, [exifText, recovered?.join('; '), x?.join('; ')]);
  };

  text('caption', exif.caption);
  list('creator', exif.creator);
  text('copyright', exif.copyright);
  list('keywords');
  for (const f of ['city', 'state', 'country', 'sublocation', 'headline', 'credit', 'source', 'instructions'] as const) text(f);
  if (xmp?.alt !== undefined) reading.alt = xmp.alt;

  // The date: EXIF's when it has one, then XMP or IIM by the digest.
  const x = xmp?.dateCreated;
  const i = iim?.dateCreated;
  let date: string | undefined;
  let took: Block;
  if (exif.dateCreated) [date, took] = [exif.dateCreated, 'EXIF'];
  else if (xmpWins(x !== undefined)) [date, took] = [x, 'XMP'];
  else [date, took] = [i, 'IPTC'];
  if (date !== undefined) reading.dateCreated = date;
  // Blocks differ in precision (IIM has no sub-seconds): compare to the second.
  note(
    'dateCreated',
    took,
    [exif.dateCreated, i, x].map((d) => d?.replace(/:/g, '-').slice(0, 19)),
  );
  return { reading, conflicts };
}
