// Test helpers for the photo desk: generated images (JPEGs with hand-built IPTC IIM, EXIF
// orientation, broken files). The core these tests drive is tests/support/coreHarness.ts.

import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/photos');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** A small noisy JPEG of the given size (noise so the bytes, and the hash, differ per seed). */
export async function makeJpeg(width: number, height: number, opts: { orientation?: number; seed?: number } = {}): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  let x = (opts.seed ?? 1) * 2654435761;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = (i % channels === 0 ? (i / channels) % width : 128) ^ (x >>> 27);
  }
  let img = sharp(raw, { raw: { width, height, channels } }).jpeg({ quality: 80 });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toBuffer();
}

/** One IIM dataset: 0x1C, record, dataset, length, bytes. */
export function iimDataset(record: number, dataset: number, value: Buffer | string): Buffer {
  const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const head = Buffer.from([0x1c, record, dataset, (data.length >> 8) & 0xff, data.length & 0xff]);
  return Buffer.concat([head, data]);
}

export const UTF8_MARKER = () => iimDataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]));

/** One Photoshop image resource block: "8BIM", id, empty Pascal name, size, data (padded to even). */
export function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4 + 2 + 2 + 4);
  head.write('8BIM', 0, 'latin1');
  head.writeUInt16BE(id, 4);
  head.writeUInt16BE(0, 6); // empty Pascal name, padded to even
  head.writeUInt32BE(data.length, 8);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
}

/** Inserts an APP13 Photoshop segment holding the IIM block (and, if asked, an MWG digest) after SOI. */
export function withIim(jpeg: Buffer, iim: Buffer, digest?: 'match' | 'stale'): Buffer {
  const parts = [resource(0x0404, iim)];
  if (digest) {
    const md5 = createHash('md5')
      .update(digest === 'match' ? iim : Buffer.concat([iim, Buffer.from('x')]))
      .digest();
    parts.push(resource(0x0425, md5));
  }
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), ...parts]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffed, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

/** Inserts an APP1 XMP segment after SOI. */
export function withXmp(jpeg: Buffer, xmp: string): Buffer {
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

export function xmpPacket(props: string): string {
  return `<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'
  xmlns:Iptc4xmpCore='http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/'>
${props}
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>`;
}

export const b64 = (buf: Buffer) => buf.toString('base64');
