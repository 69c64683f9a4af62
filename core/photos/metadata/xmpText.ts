// XMP packets may be stored in UTF-8, UTF-16 or UTF-32, in either byte order (XMP spec part 3).
// The encoding is told by a byte-order mark, else by where the zero bytes of the packet's first
// '<' fall. Invalid sequences become U+FFFD and a warning, never a throw.

import { INPUT_LIMITS } from './limits.js';

export type XmpEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DecodedXmp {
  text: string;
  encoding: XmpEncoding;
  /** Sentences for the photo editor: what was wrong with the bytes. */
  warnings: string[];
}

/** The packet's encoding and the length of its byte-order mark (0 when there is none). */
export function detectXmpEncoding(b: Uint8Array): { encoding: XmpEncoding; bom: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', bom: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', bom: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  // No mark: the first character of a packet is ASCII ('<' or white space).
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return { encoding: 'utf-32be', bom: 0 };
  if (b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', bom: 0 };
  if (b[0] === 0 && b[1] !== 0) return { encoding: 'utf-16be', bom: 0 };
  if (b[0] !== 0 && b[1] === 0) return { encoding: 'utf-16le', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

const LABEL: Record<XmpEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', 'utf-32le': 'UTF-32', 'utf-32be': 'UTF-32' };

function decodeUtf32(b: Uint8Array, le: boolean): { text: string; bad: boolean } {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength - (b.byteLength % 4));
  const parts: string[] = [];
  let bad = b.byteLength % 4 !== 0;
  for (let i = 0; i + 4 <= view.byteLength; i += 4) {
    const cp = view.getUint32(i, le);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      bad = true;
      parts.push('\uFFFD');
    } else parts.push(String.fromCodePoint(cp));
  }
  return { text: parts.join(''), bad };
}

/**
 * The packet as text. At most INPUT_LIMITS.xmpBytes bytes are decoded (a larger packet is cut,
 * with a warning), the cut falling on a whole character of the encoding.
 */
export function decodeXmpBytes(input: Uint8Array): DecodedXmp {
  const warnings: string[] = [];
  const { encoding, bom } = detectXmpEncoding(input);
  const unit = encoding.startsWith('utf-32') ? 4 : encoding.startsWith('utf-16') ? 2 : 1;
  let bytes = input.subarray(bom);
  if (bytes.length > INPUT_LIMITS.xmpBytes) {
    warnings.push(`The XMP block is larger than the ${INPUT_LIMITS.xmpBytes / 1024} KB Newsdesk reads; only its first part was read, so some fields may be missing.`);
    bytes = bytes.subarray(0, INPUT_LIMITS.xmpBytes - (INPUT_LIMITS.xmpBytes % unit));
  }
  let text: string;
  let bad = false;
  if (unit === 4) ({ text, bad } = decodeUtf32(bytes, encoding === 'utf-32le'));
  else {
    if (bytes.length % unit !== 0) bad = true;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, bytes.length - (bytes.length % unit)));
    } catch {
      bad = true;
      text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    }
  }
  if (bad && warnings.length === 0) {
    warnings.push(`The XMP block is not valid ${LABEL[encoding]}: the unreadable characters show as "\uFFFD"; check the caption and credit against the original.`);
  }
  return { text, encoding, warnings };
}

/** True when the packet's XML closes (a packet cut short by a bad writer or a damaged file does not). */
export function xmpLooksComplete(text: string): boolean {
  return /<\/(?:[A-Za-z_][\w.-]*:)?RDF\s*>/.test(text);
}
