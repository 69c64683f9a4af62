// The metadata readers stay linear on hostile input and read no further than their limits: XMP
// shapes that made the old tokenizer backtrack or copy its namespace scope per element, and the
// size caps on IIM, EXIF and the joined APP13 segments.

import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readExifFields } from '../../../core/photos/metadata/exif.js';
import { parseIimDatasets, readPhotoshopResources } from '../../../core/photos/metadata/iim.js';
import { readJpegSegments } from '../../../core/photos/metadata/jpegSegments.js';
import { INPUT_LIMITS } from '../../../core/photos/metadata/limits.js';
import { readXmpFields } from '../../../core/photos/metadata/xmp.js';
import { resource, xmpPacket } from './helpers.js';
import { app13Segments, exifTiff, iimWithKeywords, keywordList, withSegments } from './hostileFiles.js';

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
};

const SUBJECT = '<dc:subject><rdf:Bag><rdf:li>kept</rdf:li></rdf:Bag></dc:subject>';

describe('the XMP reader on hostile packets', () => {
  const shapes: [string, string][] = [
    // A regular expression looking for name="value" backtracked over this for seconds.
    ['a start tag of 60 KB of junk', xmpPacket(SUBJECT).replace("rdf:about=''", `rdf:about='' ${'a'.repeat(60_000)}`)],
    // Each element copied every namespace declared above it.
    [
      '3,000 namespaces over 10,000 elements',
      xmpPacket(`${SUBJECT}${'<x:y xmlns:q="urn:q"/>'.repeat(10_000)}`).replace(
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'>",
        `<x:xmpmeta xmlns:x='adobe:ns:meta/' ${keywordList(3000, 'xmlns:n')
          .map((n, i) => `${n}='urn:${i}'`)
          .join(' ')}>`,
      ),
    ],
    ['100,000 nested elements', xmpPacket(`${SUBJECT}${'<a>'.repeat(100_000)}`)],
    ['250,000 empty elements', xmpPacket(`${SUBJECT}${'<a/>'.repeat(250_000)}`)],
  ];

  it.each(shapes)('reads %s quickly and still finds what precedes it', (_name, packet) => {
    const { value, ms } = timed(() => readXmpFields(packet));
    expect(value.keywords).toEqual(['kept']);
    expect(ms).toBeLessThan(250);
  });
});

describe('size limits', () => {
  it('joins APP13 segments up to the limit and reads the IIM block cut there', () => {
    const iim = iimWithKeywords(keywordList(200_000)); // about 2.3 MB
    const jpeg = withSegments(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), app13Segments(resource(0x0404, iim)));
    const { photoshop } = readJpegSegments(jpeg);
    expect(photoshop!.length).toBe(INPUT_LIMITS.photoshopBytes);
    const { iim: block, iimDigest } = readPhotoshopResources(photoshop!);
    expect(block!.length).toBe(INPUT_LIMITS.photoshopBytes - 12);
    expect(iimDigest).toBeNull();
    const { raw } = parseIimDatasets(block!);
    expect(raw.get('2:25')!.map(String)).toEqual(keywordList(INPUT_LIMITS.iimValuesPerDataset));
  });

  it('reads a huge EXIF block no further than its limit, and its text values no longer than theirs', () => {
    const tiff = exifTiff({ entries: 65_535, creators: 1_000_000, caption: 'x'.repeat(300_000) });
    const { value, ms } = timed(() => readExifFields(tiff));
    expect(value.caption).toBe('x'.repeat(INPUT_LIMITS.exifTextBytes));
    // The artist list starts past the first megabyte: out of reach.
    expect(value.creator).toBeUndefined();
    expect(ms).toBeLessThan(250);
  });
});
