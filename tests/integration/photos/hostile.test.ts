// No file stalls the core: photos whose metadata is built to be expensive (100,000 IIM keywords,
// a huge XMP keyword bag, thousands of APP13 segments, a huge EXIF) import in well under a second,
// and while each imports another client's staff.list keeps being answered within 100 ms. Keywords
// keep their rules after the limits: the first 100 distinct ones, cleaned, in order.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METADATA_TIME_LIMIT_MS } from '../../../core/photos/metadata/reader.js';
import type { PhotoAsset } from '../../../shared/domain.js';
import {
  app13Segments,
  exifTiff,
  iimKeywordFlood,
  iimWithKeywords,
  jpegWithExif,
  keywordList,
  manyApp13,
  pngWithExif,
  pngWithXmp,
  withSegments,
  xmpKeywordBag,
} from './hostileFiles.js';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { makeJpeg, resource, withXmp, xmpPacket } from './helpers.js';
import { probeLatency } from './latencyProbe.js';

let h: Harness;
const importFile = (name: string, data: Buffer) => h.as('choi')('photos.import', { files: [{ name, data: new Uint8Array(data) }] });

beforeAll(async () => {
  h = await makeHarness();
  // The first import starts what every import uses; the timings below are of the files alone.
  expect((await importFile('warm-up.jpg', await makeJpeg(64, 48, { seed: 500 }))).results[0]!.ok).toBe(true);
});
afterAll(() => h.close());

interface HostileCase {
  name: string;
  make: () => Promise<Buffer>;
  check: (asset: PhotoAsset) => void;
}

const cases: HostileCase[] = [
  {
    name: 'a JPEG with 100,000 IIM keywords over 19 APP13 segments',
    make: () => iimKeywordFlood(100_000),
    check: (a) => {
      expect(a.caption).toBe('Keyword flood');
      expect(a.keywords).toEqual(keywordList(100));
    },
  },
  {
    name: 'a PNG whose XMP keyword bag holds 100,000 keywords (2.3 MB)',
    make: () => pngWithXmp(xmpKeywordBag(100_000)),
    check: (a) => {
      expect(a.caption).toBe('XMP flood');
      expect(a.keywords).toEqual(keywordList(100, 'xk'));
    },
  },
  {
    name: 'a JPEG whose XMP start tag is 60 KB of junk',
    make: async () =>
      withXmp(
        await makeJpeg(64, 48, { seed: 510 }),
        xmpPacket('<photoshop:Credit>Wire</photoshop:Credit>').replace("rdf:about=''", `rdf:about='' ${'a'.repeat(60_000)}`),
      ),
    check: (a) => expect(a.credit).toBe('Wire'),
  },
  {
    name: 'a JPEG whose 2 MB IIM block of keywords is spread over 2,000 APP13 segments',
    make: () => manyApp13(2000),
    check: (a) => {
      expect(a.caption).toBe('Keyword flood');
      expect(a.keywords).toEqual(keywordList(100));
    },
  },
  {
    name: 'a JPEG whose EXIF fills its 64 KB segment (3,000 entries, 2,000 artists)',
    make: () => jpegWithExif(exifTiff({ entries: 3000, creators: 2000 })),
    check: (a) => {
      expect(a.caption).toBe('Huge EXIF');
      expect(a.creator.startsWith('Name 0, Name 1, Name 2')).toBe(true);
      expect(a.creator.length).toBeLessThanOrEqual(300);
    },
  },
  {
    name: 'a PNG with a 2 MB EXIF (65,535 entries, 100,000 artists)',
    make: () => pngWithExif(exifTiff({ entries: 65_535, creators: 100_000 })),
    check: (a) => {
      expect(a.caption).toBe('Huge EXIF');
      expect(a.creator.startsWith('Name 0, Name 1, Name 2')).toBe(true);
    },
  },
];

describe('hostile metadata never stalls the core', () => {
  it.each(cases)(
    '$name imports in well under a second while staff.list answers within 100 ms',
    async ({ name, make, check }) => {
      const data = await make();
      const probed = await probeLatency(h.core, h.tokens.han, () => importFile(`${name}.img`, data));
      const r = probed.result.results[0]!;
      expect(r.ok, r.error).toBe(true);
      check(r.asset!);
      expect(probed.ms, 'import wall time (ms)').toBeLessThan(1000);
      expect(probed.latencies.length).toBeGreaterThan(0);
      expect(probed.maxLatencyMs, `slowest staff.list of ${probed.latencies.length} (ms)`).toBeLessThan(100);
    },
    60_000,
  );
});

describe('keywords after the caps', () => {
  it('keeps the first 100 unique keywords in order, cleaned, without blanks or repeats', async () => {
    const unique = keywordList(150, 'k');
    // Repeats, blanks and control characters among them; a repeat that only differs by them counts once.
    const noisy = unique.flatMap((k, i) => (i % 3 === 0 ? [k, ' ', k, `${k}\u0000`] : [k]));
    const iim = iimWithKeywords(noisy, 'Caption');
    const { results } = await importFile('noisy-keywords.jpg', withSegments(await makeJpeg(64, 48, { seed: 520 }), app13Segments(resource(0x0404, iim))));
    expect(results[0]!.asset!.keywords).toEqual(unique.slice(0, 100));
  });
});

describe('a PNG whose compressed XMP unpacks to 25 MB (a 2.6 MB file)', () => {
  it('is unpacked no further than the XMP limit (the image decoder never sees its text chunks): imported with a warning while the core keeps answering', async () => {
    const data = await pngWithXmp(xmpKeywordBag(1_000_000), { compressed: true });
    const probed = await probeLatency(h.core, h.tokens.han, () => importFile('inflating.png', data));
    const r = probed.result.results[0]!;
    expect(r.ok, r.error).toBe(true);
    expect(r.asset!.keywords).toEqual(keywordList(100, 'xk'));
    expect(r.asset!.metadataWarnings.join(' ')).toMatch(/larger than the 256 KB Newsdesk reads/);
    expect(probed.ms).toBeLessThan(METADATA_TIME_LIMIT_MS + 2000);
    expect(probed.maxLatencyMs, `slowest staff.list of ${probed.latencies.length} (ms)`).toBeLessThan(100);
  }, 60_000);
});
