// Newsdesk's metadata reading against ExifTool's MWG reading (`exiftool -use MWG`), field by
// field, on images ExifTool wrote in every combination that matters (mwgCases.ts). The images are
// made once in a temporary folder; ExifTool runs once to write them all and once per set of read
// options to read them back.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataSources, readPhotoMetadata } from '../../../core/photos/metadata/merge.js';
import { generateMwgCases, isoFromExiftool, MWG_FIELDS, readWithExiftool, type ExiftoolReading, type GeneratedCase, type MwgField } from './mwgCases.js';

let dir: string;
let cases: GeneratedCase[];
let truth: Map<string, ExiftoolReading>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-mwg-'));
  cases = await generateMwgCases(dir);
  truth = readWithExiftool(cases);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function newsdeskReading(c: GeneratedCase): ExiftoolReading {
  const bytes = fs.readFileSync(c.file);
  const sidecar = c.sidecarFile ? { name: path.basename(c.sidecarFile), bytes: fs.readFileSync(c.sidecarFile), width: 48, height: 32 } : undefined;
  const { reading } = readPhotoMetadata(metadataSources(bytes), sidecar);
  const out: ExiftoolReading = {};
  for (const f of MWG_FIELDS) {
    const v = reading[f];
    if (v === undefined) continue;
    // ExifTool gives a one-item list as its item.
    out[f] = Array.isArray(v) ? (v.length === 1 ? v[0]! : v) : v;
  }
  return out;
}

const normal = (f: MwgField, v: string | string[] | undefined) => (f === 'dateCreated' && typeof v === 'string' ? isoFromExiftool(v) : v);

describe('photo metadata as ExifTool reads it by the MWG rules', () => {
  it('agrees field by field on every generated case, except where a difference is chosen and explained', () => {
    const disagreements: string[] = [];
    let compared = 0;
    let agree = 0;
    let explained = 0;
    for (const c of cases) {
      const ours = newsdeskReading(c);
      const theirs = truth.get(c.name) ?? {};
      for (const f of MWG_FIELDS) {
        compared++;
        const same = JSON.stringify(normal(f, ours[f])) === JSON.stringify(normal(f, theirs[f]));
        if (same) agree++;
        else if (c.differs?.fields.includes(f)) explained++;
        else disagreements.push(`${c.name} ${f}: Newsdesk ${JSON.stringify(ours[f])}, ExifTool ${JSON.stringify(theirs[f])}`);
      }
    }
    console.log(`[mwg oracle] ${cases.length} cases, ${compared} fields compared with exiftool -use MWG: ${agree} agree, ${explained} differ as explained`);
    expect(disagreements).toEqual([]);
    // Every explained difference is still real (an explanation must not outlive its cause).
    expect(explained).toBe(cases.reduce((n, c) => n + (c.differs?.fields.length ?? 0), 0));
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
