// A published rendition carries what the story printed: ExifTool's MWG reading of it gives back
// the photo's caption, creator and copyright, its credit is in XMP and IIM alike, and the IPTC
// digest is current, even when the original's own blocks were stale and contradictory.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataSources, readPhotoMetadata } from '../../../core/photos/metadata/merge.js';
import { makeRenditions } from '../../../core/publishing/renditions.js';
import type { PackagePhoto } from '../../../core/publishing/model.js';
import { makeJpeg } from './helpers.js';

let dir: string;
let read: Record<string, unknown>[];
let ownReading: ReturnType<typeof readPhotoMetadata>[];

const printed = {
  // Korean is three bytes a character: 900 characters overflow IIM's 2,000-byte caption.
  caption: `${'서울에서 열린 회담에 앞서 악수하는 양국 대표. '.repeat(36)}사진 설명 끝`,
  credit: 'Yonhap',
  creator: 'Kim Min-jun, Lee Seo-yeon',
  copyright: '© 2024 Yonhap News Agency',
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-writeback-'));
  // The original holds stale, contradictory blocks the desk has since corrected.
  const original = path.join(dir, 'original.jpg');
  fs.writeFileSync(original, await makeJpeg(320, 240, { seed: 77 }));
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-EXIF:ImageDescription=Old agency caption',
    '-EXIF:Artist=Someone Else',
    '-IPTC:CodedCharacterSet=UTF8',
    '-IPTC:Caption-Abstract=Old IIM caption',
    '-IPTC:Credit=Old credit',
    '-XMP-dc:Description=Old XMP caption',
    '-Photoshop:IPTCDigest=0123456789abcdef0123456789abcdef',
    original,
  ]);
  const photo: PackagePhoto = {
    storyPhotoId: 1,
    assetId: 1,
    placement: 'lead',
    order: 0,
    alt: 'Two officials',
    hash: 'h',
    originalPath: original,
    previewUrl: '/media/h/display.jpg',
    width: 320,
    height: 240,
    ...printed,
  };
  const { files } = await makeRenditions(photo, 0);
  const paths = files.map((f) => {
    const p = path.join(dir, path.basename(f.name));
    fs.writeFileSync(p, f.data);
    return p;
  });
  const tags = [
    '-MWG:Description',
    '-MWG:Creator',
    '-MWG:Copyright',
    '-XMP-photoshop:Credit',
    '-IPTC:Credit',
    '-IPTC:Caption-Abstract',
    '-Photoshop:IPTCDigest',
    '-File:CurrentIPTCDigest',
    '-EXIF:all',
  ];
  read = JSON.parse(execFileSync('exiftool', ['-j', '-n', '-G1', '-use', 'MWG', ...tags, ...paths], { encoding: 'utf8' })) as Record<string, unknown>[];
  ownReading = files.map((f) => readPhotoMetadata(metadataSources(Buffer.from(f.data))));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('published renditions', () => {
  it('read back under the MWG rules as the story printed them, in every size', () => {
    expect(read.length).toBe(2);
    for (const r of read) {
      expect(r['MWG:Description']).toBe(printed.caption);
      expect(r['MWG:Creator']).toBe(printed.creator);
      expect(r['MWG:Copyright']).toBe(printed.copyright);
      expect(r['XMP-photoshop:Credit']).toBe(printed.credit);
      expect(r['IPTC:Credit']).toBe(printed.credit);
    }
  });

  it('carry IIM with a current digest, the caption cut at a whole character where IIM runs out of room', () => {
    for (const r of read) {
      expect(r['Photoshop:IPTCDigest']).toBe(r['File:CurrentIPTCDigest']);
      const iimCaption = String(r['IPTC:Caption-Abstract']);
      expect(Buffer.byteLength(iimCaption)).toBeLessThanOrEqual(2000);
      expect(printed.caption.startsWith(iimCaption)).toBe(true);
      expect(Object.keys(r).some((k) => k.startsWith('IFD0:') || k.startsWith('ExifIFD:'))).toBe(false);
    }
  });

  it('read back the same in Newsdesk, with nothing to warn about', () => {
    for (const own of ownReading) {
      expect(own.metadata).toMatchObject({ caption: printed.caption, credit: printed.credit, creator: printed.creator, copyright: printed.copyright });
      expect(own.digest).toBe('match');
      expect(own.warnings).toEqual([]);
    }
  });
});
