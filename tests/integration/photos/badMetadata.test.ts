// Bad metadata gets the best reading the MWG rules allow and a warning the photo editor sees,
// never a crash or a refusal: contradictory blocks, XMP cut short or too large, a wrong IIM
// character set, invalid UTF-16, a broken Extended XMP, a sidecar for another photo.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataSources, readPhotoMetadata, type MergeReport } from '../../../core/photos/metadata/merge.js';
import type { PhotoAsset } from '../../../shared/domain.js';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { pngWithXmp } from './hostileFiles.js';
import { b64, iimDataset, makeJpeg, UTF8_MARKER, withIim, withXmp } from './helpers.js';
import { AGENCY, DESK, encode, handXmp, jpegWithExtendedXmp, jpegWithXmpBytes, KOREAN } from './mwgCases.js';

let h: Harness;
let jpeg: Buffer;
const files = new Map<string, { data: Buffer; sidecar?: string }>();
let imported: Map<string, PhotoAsset>;

const read = (data: Buffer, sidecar?: string): MergeReport =>
  readPhotoMetadata(metadataSources(data), sidecar === undefined ? undefined : { name: 'photo.xmp', bytes: Buffer.from(sidecar), width: 64, height: 48 });

beforeAll(async () => {
  h = await makeHarness();
  jpeg = await makeJpeg(64, 48, { seed: 91 });
  const iimAgency = Buffer.concat([UTF8_MARKER(), iimDataset(2, 120, AGENCY.caption), iimDataset(2, 90, AGENCY.city)]);
  const latin1 = Buffer.from('Café crème in Zürich', 'latin1');
  const packet = handXmp(DESK);
  // A UTF-16 packet whose caption holds a lone high surrogate (0xD800), then the rest.
  const utf16 = encode(handXmp({ caption: 'Before\uD800After', city: 'Seoul' }), 'utf-16be');
  files.set('contradictory.jpg', { data: withXmp(withIim(jpeg, iimAgency), packet) });
  files.set('truncated-xmp.jpg', { data: withXmp(jpeg, packet.slice(0, packet.indexOf('<dc:rights>'))) });
  files.set('wrong-charset-utf8.jpg', { data: withIim(jpeg, Buffer.concat([UTF8_MARKER(), iimDataset(2, 120, latin1)])) });
  files.set('wrong-charset-latin1.jpg', {
    data: withIim(jpeg, Buffer.concat([iimDataset(1, 90, Buffer.from([0x1b, 0x2e, 0x41])), iimDataset(2, 120, KOREAN.caption)])),
  });
  files.set('invalid-utf16.jpg', { data: jpegWithXmpBytes(jpeg, utf16) });
  files.set('extended-missing-chunk.jpg', { data: jpegWithExtendedXmp(jpeg, { city: 'Seoul' }, { caption: 'x'.repeat(3000) }, 700, { dropChunk: 1 }) });
  files.set('other-photo.jpg', {
    data: withXmp(jpeg, handXmp(AGENCY)),
    sidecar: handXmp(DESK, '\n<exif:PixelXDimension>6000</exif:PixelXDimension><exif:PixelYDimension>4000</exif:PixelYDimension>'),
  });
  files.set('other-document.jpg', {
    data: withXmp(jpeg, handXmp(AGENCY, '\n<xmpMM:DocumentID>xmp.did:aaa</xmpMM:DocumentID>')),
    sidecar: handXmp(DESK, '\n<xmpMM:DocumentID>xmp.did:bbb</xmpMM:DocumentID>'),
  });
  // An XMP too large for Newsdesk's limit (PNG has no segment limit of its own), caption first.
  files.set('oversize-xmp.png', { data: await pngWithXmp(handXmp({ caption: 'Caption before the flood' }, `<dc:title>${'x'.repeat(400 * 1024)}</dc:title>`)) });

  // One import of every bad file, with the sidecars beside their photos, through the real core.
  const batch = [...files].flatMap(([name, f]) => [
    { name, data: b64(f.data) },
    ...(f.sidecar ? [{ name: name.replace(/\.jpg$/, '.xmp'), data: b64(Buffer.from(f.sidecar)) }] : []),
  ]);
  const { results } = await h.as('choi')('photos.import', { files: batch });
  imported = new Map(results.filter((r) => r.asset && !r.name.endsWith('.xmp')).map((r) => [r.name, r.asset!]));
}, 60_000);
afterAll(() => h.close());

describe('bad metadata: the best reading and a warning', () => {
  it('every bad file is imported, with its warnings on the asset', () => {
    expect([...imported.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, asset] of imported) expect(asset.metadataWarnings.length, name).toBeGreaterThan(0);
  });

  it('contradictory IIM and XMP: XMP is current without a digest, and the disagreement is named', () => {
    const a = imported.get('contradictory.jpg')!;
    expect(a.caption).toBe(DESK.caption);
    expect(a.city).toBe(DESK.city);
    expect(a.metadataWarnings.join(' ')).toMatch(/disagree on: caption \(XMP used\), city \(XMP used\)/);
  });

  it('XMP cut short: what precedes the cut is read', () => {
    const a = imported.get('truncated-xmp.jpg')!;
    expect(a.caption).toBe(DESK.caption);
    expect(a.creator).toBe(DESK.creator.join(', '));
    expect(a.copyright).toBe('');
    expect(a.metadataWarnings.join(' ')).toMatch(/ends before its XML closes/);
  });

  it('XMP larger than the limit: its first part is read', () => {
    const a = imported.get('oversize-xmp.png')!;
    expect(a.caption).toBe('Caption before the flood');
    expect(a.metadataWarnings.join(' ')).toMatch(/larger than the 256 KB Newsdesk reads/);
  });

  it('a wrong CodedCharacterSet: the text as it really is, and a warning', () => {
    expect(imported.get('wrong-charset-utf8.jpg')!.caption).toBe('Café crème in Zürich');
    expect(imported.get('wrong-charset-utf8.jpg')!.metadataWarnings.join(' ')).toMatch(/says its text is UTF-8 but it is not/);
    expect(imported.get('wrong-charset-latin1.jpg')!.caption).toBe(KOREAN.caption);
    expect(imported.get('wrong-charset-latin1.jpg')!.metadataWarnings.join(' ')).toMatch(/declares a character set other than UTF-8/);
  });

  it('invalid UTF-16: the bad unit shows as U+FFFD and the rest is read', () => {
    const a = imported.get('invalid-utf16.jpg')!;
    expect(a.caption).toBe('Before\uFFFDAfter');
    expect(a.city).toBe('Seoul');
    expect(a.metadataWarnings.join(' ')).toMatch(/not valid UTF-16/);
  });

  it('an Extended XMP missing a chunk: the main packet is read, the extension is not', () => {
    const a = imported.get('extended-missing-chunk.jpg')!;
    expect(a.city).toBe('Seoul');
    expect(a.caption).toBe('');
    expect(a.metadataWarnings.join(' ')).toMatch(/extended XMP .* is missing or damaged/);
  });

  it('a sidecar for another photo (pixel size or document ID) is set aside and the photo’s own XMP read', () => {
    for (const name of ['other-photo.jpg', 'other-document.jpg']) {
      const a = imported.get(name)!;
      expect(a.caption, name).toBe(AGENCY.caption);
      expect(a.metadataWarnings.join(' '), name).toMatch(/sidecar .*\.xmp was not used/);
    }
    expect(imported.get('other-photo.jpg')!.metadataWarnings.join(' ')).toMatch(/6000 × 4000 picture and the photo is 64 × 48/);
  });

  it('clean files carry no warning; a sidecar that fits replaces the embedded XMP', () => {
    const clean = read(withXmp(jpeg, handXmp(AGENCY)));
    expect(clean.warnings).toEqual([]);
    const paired = read(withXmp(jpeg, handXmp(AGENCY)), handXmp(KOREAN));
    expect(paired.metadata.caption).toBe(KOREAN.caption);
    expect(paired.warnings).toEqual([]);
  });
});

describe('phone photos in HEIC', () => {
  it('are refused with what the photo editor can do, as the bundled decoder has no HEVC', async () => {
    const heic = Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    const { results } = await h.as('choi')('photos.import', { files: [{ name: 'IMG_1234.HEIC', data: b64(heic) }] });
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[0]!.error).toMatch(/HEIC photo .* which Newsdesk cannot decode\. Export it as JPEG first .* then import the JPEG/);
  });
});

describe('sidecars in an import', () => {
  it('pair by name with the photo in the same batch; one without its photo is refused with what to do', async () => {
    const photo = await makeJpeg(64, 48, { seed: 92 });
    const { results } = await h.as('choi')('photos.import', {
      files: [
        { name: 'IMG_0042.XMP', data: b64(Buffer.from(handXmp(KOREAN))) },
        { name: 'IMG_0042.jpg', data: b64(withXmp(photo, handXmp(AGENCY))) },
        { name: 'lonely.xmp', data: b64(Buffer.from(handXmp(DESK))) },
      ],
    });
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['IMG_0042.XMP', true],
      ['IMG_0042.jpg', true],
      ['lonely.xmp', false],
    ]);
    expect(results[1]!.asset!.caption).toBe(KOREAN.caption);
    expect(results[0]!.asset!.id).toBe(results[1]!.asset!.id);
    expect(results[2]!.error).toMatch(/no photo named lonely\.\* in the same import; import it together with its photo/);
  });
});
