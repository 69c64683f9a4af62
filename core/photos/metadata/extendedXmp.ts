// Extended XMP: when a JPEG's XMP exceeds one 64 KB segment, writers move the largest properties
// into a second packet split over several APP1 segments. The main packet names it by GUID (the
// MD5 of the whole extended packet, xmpNote:HasExtendedXMP); each chunk says where it goes.

import { createHash } from 'node:crypto';
import type { ExtendedXmpChunk } from './jpegSegments.js';
import { INPUT_LIMITS } from './limits.js';

export interface AssembledExtendedXmp {
  packet: Buffer | null;
  warnings: string[];
}

const INCOMPLETE =
  'Part of the extended XMP (the overflow of a large XMP block, over several JPEG segments) is missing or damaged, so fields stored there (often a long caption) were not read.';

/** Puts the chunks of the packet `guid` together, checking that they cover it and that its MD5 is the GUID. */
export function assembleExtendedXmp(chunks: readonly ExtendedXmpChunk[], guid: string | undefined): AssembledExtendedXmp {
  if (!guid) return { packet: null, warnings: [] };
  const mine = chunks.filter((c) => c.guid.toUpperCase() === guid.toUpperCase());
  if (mine.length === 0) return { packet: null, warnings: [INCOMPLETE] };
  const fullLength = mine[0]!.fullLength;
  if (fullLength > INPUT_LIMITS.extendedXmpBytes) {
    return {
      packet: null,
      warnings: [
        `The extended XMP is ${Math.round(fullLength / 1024)} KB, more than the ${INPUT_LIMITS.extendedXmpBytes / 1024} KB Newsdesk reads; fields stored there were not read.`,
      ],
    };
  }
  const packet = Buffer.alloc(fullLength);
  let covered = 0;
  for (const c of [...mine].sort((a, b) => a.offset - b.offset)) {
    if (c.fullLength !== fullLength || c.offset + c.data.length > fullLength) return { packet: null, warnings: [INCOMPLETE] };
    c.data.copy(packet, c.offset);
    covered += c.data.length;
  }
  if (covered !== fullLength) return { packet: null, warnings: [INCOMPLETE] };
  const md5 = createHash('md5').update(packet).digest('hex').toUpperCase();
  if (md5 !== guid.toUpperCase()) return { packet: null, warnings: [INCOMPLETE] };
  return { packet, warnings: [] };
}
