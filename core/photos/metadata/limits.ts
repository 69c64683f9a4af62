// How much of a file's metadata Newsdesk reads at most. Far above what cameras, agencies and
// photo editors write; far below what a crafted file needs to hold a reader for long. Every reader
// is linear in what it is given, and these bound what it is given — checked before any parsing.

const KiB = 1024;
const MiB = 1024 * KiB;

export const INPUT_LIMITS = {
  /** Bytes from the start of a JPEG searched for metadata segments (they all precede the image data). */
  jpegHeadBytes: 4 * MiB,
  /** Photoshop resources (APP13) joined over all segments; an IIM block with a long caption is a few KB. */
  photoshopBytes: 1 * MiB,
  /** Values kept per IIM dataset: only keywords (2:25) and bylines (2:80) repeat. */
  iimValuesPerDataset: 1000,
  /** An XMP packet: four times what a JPEG can hold (64 KB); PNG, TIFF and WebP have no limit of their own. */
  xmpBytes: 256 * KiB,
  /** Extended XMP (JPEG's packets beyond one segment) put together: about sixteen segments' worth. */
  extendedXmpBytes: 1 * MiB,
  /** XML elements built from one XMP packet (a full IPTC Core and Extension packet has a few hundred). */
  xmpElements: 20_000,
  /** Nesting depth of XMP elements (real packets nest about six deep). */
  xmpDepth: 64,
  /** An EXIF (TIFF) block. */
  exifBytes: 1 * MiB,
  /** Entries read per EXIF directory. */
  exifEntries: 1000,
  /** Bytes of one EXIF text value decoded (the longest field kept is 2,000 characters). */
  exifTextBytes: 64 * KiB,
  /** Items of one list (keywords, creators) looked at, before cleaning and de-duplication. */
  listItems: 1000,
} as const;
