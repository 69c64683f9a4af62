// Newsdesk's metadata reading against ExifTool's MWG reading (`exiftool -use MWG`), field by
// field, on images ExifTool wrote in every combination that matters (mwgCases.ts). The images are
// made once in a temporary folder; ExifTool runs once to write them all and once per set of read
// options to read them back.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithExiftool, generateMwgCases, readWithExiftool, type ExiftoolReading, type GeneratedCase } from './mwgCases.js';

let dir: string;
let cases: GeneratedCase[];
let truth: Map<string, ExiftoolReading>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-mwg-'));
  cases = await generateMwgCases(dir);
  truth = readWithExiftool(cases);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('photo metadata as ExifTool reads it by the MWG rules', () => {
  it('agrees field by field on every generated case, except where a difference is chosen and explained', () => {
    const result = compareWithExiftool(cases, truth);
    console.log(
      `[mwg oracle] ${result.cases} cases, ${result.fieldsCompared} fields compared with exiftool -use MWG: ${result.agree} agree, ${result.explained.length} differ as explained`,
    );
    expect(result.disagreements).toEqual([]);
    // Every explained difference is still real (an explanation must not outlive its cause).
    expect(result.explained.length).toBe(cases.reduce((n, c) => n + (c.differs?.fields.length ?? 0), 0));
  });

  it('covers each block alone, agreeing, disagreeing with and without a current digest, lists, encodings, sidecars and formats', () => {
    const names = cases.map((c) => c.name);
    for (const want of [
      'iim-only',
      'xmp-only',
      'exif-only',
      'all-agree',
      'no-digest',
      'digest-current',
      'digest-stale',
      'list-vs-joined',
      'utf-16be',
      'utf-16le',
      'utf-32be',
      'utf-32le',
      'extended-xmp',
      'sidecar',
      'korean',
      'latin1',
      'tiff',
      'png',
      'webp',
    ]) {
      expect(
        names.some((n) => n.includes(want)),
        want,
      ).toBe(true);
    }
    // The generated files really hold what they stand for: ExifTool read a value in most fields.
    const filled = cases.map((c) => Object.keys(truth.get(c.name) ?? {}).length);
    expect(filled.filter((n) => n > 0).length).toBe(cases.length);
  });
});
