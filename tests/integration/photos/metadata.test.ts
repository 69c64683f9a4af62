// Metadata read on import: the IPTC reference image field by field, the seed photos, IIM text in
// UTF-8 (with and without the 1:90 marker) and Latin-1, the MWG rule between IIM and XMP, and
// cleaning of hostile values.

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoAsset } from '../../../shared/domain.js';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { b64, fixture, iimDataset, makeJpeg, UTF8_MARKER, withIim, withXmp, xmpPacket } from './helpers.js';
import { readXmpProperties } from '../../../core/photos/metadata/xmp.js';

let h: Harness;
let importAs: (name: string, data: Buffer) => Promise<PhotoAsset>;

beforeAll(async () => {
  h = await makeHarness();
  importAs = async (name, data) => {
    const { results } = await h.as('choi')('photos.import', { files: [{ name, data: b64(data) }] });
    const r = results[0]!;
    if (!r.ok || !r.asset) throw new Error(`import of ${name} failed: ${r.error}`);
    return r.asset;
  };
});
afterAll(() => h.close());

describe('the IPTC reference image (Std 2017.1)', () => {
  it('maps every field to its reference value', async () => {
    const a = await importAs('IPTC-PhotometadataRef-Std2017.1.jpg', fixture('IPTC-PhotometadataRef-Std2017.1.jpg'));
    expect(a.caption).toBe('The description aka caption (ref2017.1)');
    expect(a.headline).toBe('The Headline (ref2017.1)');
    expect(a.credit).toBe('Credit Line (ref2017.1)');
    // XMP dc:creator is an ordered list of two; EXIF Artist and IIM By-line hold the first. EXIF
    // wins for the creator under the MWG rules (as `exiftool -use MWG` reads this file).
    expect(a.creator).toBe('Creator1 (ref2017.1)');
    expect(a.copyright).toBe('Copyright (Notice) 2017.1 IPTC - www.iptc.org  (ref2017.1)');
    expect(a.source).toBe('Source (ref2017.1)');
    expect(a.keywords).toEqual(['Keyword1ref2017.1', 'Keyword2ref2017.1', 'Keyword3ref2017.1']);
    expect(a.dateCreated).toBe('2017-07-13T17:01:00+00:00');
    expect(a.city).toBe('City (Core) (ref2017.1)');
    expect(a.country).toBe('Country (Core) (ref2017.1)');
    expect(a.instructions).toBe('An Instruction (ref2017.1)');
    expect(a.alt).toBe(''); // the 2017.1 reference predates Alt Text (Accessibility)
    expect(a.contentType).toBe('image/jpeg');
    expect([a.width, a.height]).toEqual([1000, 500]);
  });
});

describe('the seed photos', () => {
  it('carry the captions and credits the article printed', async () => {
    const seoul = await importAs('security-talks-seoul.jpg', fixture('security-talks-seoul.jpg'));
    expect(seoul.caption).toMatch(/^Seo Min-jung \(second from left\), Foreign Ministry director-general/);
    expect(seoul.caption).toMatch(/at the Foreign Ministry in Seoul on Monday\.$/);
    expect(seoul.credit).toBe('Yonhap');
    expect(seoul.city).toBe('Seoul');
    const navy = await importAs('bmd-exercise-east-sea.jpg', fixture('bmd-exercise-east-sea.jpg'));
    expect(navy.caption).toBe(
      'The navies of South Korea and the United States and Japan Maritime Self-Defense Force conducts a ballistic missile exercise -- which includes, detecting, tracking, and intercepting simulated targets -- in international waters of the East Sea on Monday.',
    );
    expect(navy.credit).toBe('Republic of Korea Navy');
    expect(navy.keywords).toEqual(['navy', 'missile defense']);
  });
});

describe('IIM character sets', () => {
  const korean = '윤석열 대통령이 14일 서울 용산 대통령실에서 발언하고 있다.';

  it('decodes UTF-8 declared by 1:90 (ESC % G)', async () => {
    const iim = Buffer.concat([UTF8_MARKER(), iimDataset(2, 120, korean), iimDataset(2, 110, '연합뉴스')]);
    const a = await importAs('korean-marked.jpg', withIim(await makeJpeg(64, 48, { seed: 11 }), iim));
    expect(a.caption).toBe(korean);
    expect(a.credit).toBe('연합뉴스');
  });

  it('decodes valid UTF-8 without the marker', async () => {
    const iim = iimDataset(2, 120, korean);
    const a = await importAs('korean-unmarked.jpg', withIim(await makeJpeg(64, 48, { seed: 12 }), iim));
    expect(a.caption).toBe(korean);
  });

  it('falls back to Latin-1 when the bytes are not UTF-8', async () => {
    const iim = Buffer.concat([iimDataset(2, 120, Buffer.from('Café in Zürich, façade', 'latin1')), iimDataset(2, 80, Buffer.from('José Muñoz', 'latin1'))]);
    const a = await importAs('latin1.jpg', withIim(await makeJpeg(64, 48, { seed: 13 }), iim));
    expect(a.caption).toBe('Café in Zürich, façade');
    expect(a.creator).toBe('José Muñoz');
  });

  it('reads date and time created into ISO 8601', async () => {
    const iim = Buffer.concat([iimDataset(2, 55, '20230417'), iimDataset(2, 60, '093000+0900')]);
    const a = await importAs('dated.jpg', withIim(await makeJpeg(64, 48, { seed: 14 }), iim));
    expect(a.dateCreated).toBe('2023-04-17T09:30:00+09:00');
  });
});

describe('IIM and XMP together (MWG)', () => {
  const iim = Buffer.concat([UTF8_MARKER(), iimDataset(2, 120, 'IIM caption'), iimDataset(2, 110, 'IIM credit')]);
  const xmp = xmpPacket(`<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>XMP caption</rdf:li></rdf:Alt></dc:description>
    <photoshop:Credit>XMP credit</photoshop:Credit>`);

  it('prefers XMP when there is no IIM digest, falling back to IIM per field', async () => {
    const iimWithCity = Buffer.concat([iim, iimDataset(2, 90, 'Busan')]);
    const a = await importAs('no-digest.jpg', withXmp(withIim(await makeJpeg(64, 48, { seed: 21 }), iimWithCity), xmp));
    expect(a.caption).toBe('XMP caption');
    expect(a.credit).toBe('XMP credit');
    expect(a.city).toBe('Busan');
  });

  it('prefers XMP when the digest matches the IIM block', async () => {
    const a = await importAs('digest-match.jpg', withXmp(withIim(await makeJpeg(64, 48, { seed: 22 }), iim, 'match'), xmp));
    expect(a.caption).toBe('XMP caption');
  });

  it('prefers IIM when the digest no longer matches (IIM edited after XMP)', async () => {
    const a = await importAs('digest-stale.jpg', withXmp(withIim(await makeJpeg(64, 48, { seed: 23 }), iim, 'stale'), xmp));
    expect(a.caption).toBe('IIM caption');
    expect(a.credit).toBe('IIM credit');
  });

  it('reads alt text, keywords, creators and attribute-form properties from XMP', async () => {
    const packet =
      xmpPacket(`<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang='ko'>한국어</rdf:li><rdf:li xml:lang='x-default'>Two officials shake hands</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
      <dc:subject><rdf:Bag><rdf:li>talks</rdf:li><rdf:li>Seoul &amp; Tokyo</rdf:li></rdf:Bag></dc:subject>
      <dc:creator><rdf:Seq><rdf:li>Kim A</rdf:li><rdf:li>Lee B</rdf:li></rdf:Seq></dc:creator>`).replace(
        "rdf:about=''",
        "rdf:about='' photoshop:City='Incheon' photoshop:Source=\"AP &lt;wire&gt;\"",
      );
    const a = await importAs('xmp-rich.jpg', withXmp(await makeJpeg(64, 48, { seed: 24 }), packet));
    expect(a.alt).toBe('Two officials shake hands');
    expect(a.keywords).toEqual(['talks', 'Seoul & Tokyo']);
    expect(a.creator).toBe('Kim A, Lee B');
    expect(a.city).toBe('Incheon');
    expect(a.source).toBe('AP <wire>');
  });

  it('survives a malformed XMP packet', () => {
    expect(() => readXmpProperties('<x:xmpmeta><rdf:RDF><rdf:Description <<< "unterminated')).not.toThrow();
    expect(readXmpProperties('not xml at all').size).toBe(0);
  });
});

describe('EXIF fallback', () => {
  it('uses EXIF description, artist and copyright when IIM and XMP are silent, but not camera defaults', async () => {
    const jpeg = await sharp(await makeJpeg(64, 48, { seed: 41 }))
      .withExif({ IFD0: { ImageDescription: 'Fishing boats at Jumunjin port', Artist: 'Kim Photog', Copyright: 'Copyright Kim Photog 2024' } })
      .jpeg()
      .toBuffer();
    const a = await importAs('exif-only.jpg', jpeg);
    expect([a.caption, a.creator, a.copyright]).toEqual(['Fishing boats at Jumunjin port', 'Kim Photog', 'Copyright Kim Photog 2024']);
    const camera = await sharp(await makeJpeg(64, 48, { seed: 42 }))
      .withExif({ IFD0: { ImageDescription: 'SONY DSC' } })
      .jpeg()
      .toBuffer();
    expect((await importAs('camera-default.jpg', camera)).caption).toBe('');
  });
});

describe('hostile metadata is cleaned', () => {
  it('removes control characters and caps over-long fields', async () => {
    const long = 'A'.repeat(40_000);
    const iim = Buffer.concat([
      UTF8_MARKER(),
      iimDataset(2, 120, 'Line one\u0000\u0007\r\nline two\u001b'),
      iimDataset(2, 110, 'Credit\twith\ttabs\nand newline'),
      // an extended-length dataset (over 32 KB), as IIM allows
      Buffer.concat([Buffer.from([0x1c, 2, 105, 0x80, 0x04]), Buffer.from([0, 0, 0x9c, 0x40]), Buffer.from(long)]),
    ]);
    const a = await importAs('hostile.jpg', withIim(await makeJpeg(64, 48, { seed: 31 }), iim));
    expect(a.caption).toBe('Line one\nline two');
    expect(a.credit).toBe('Credit with tabs and newline');
    expect(a.headline.length).toBe(500);
    // Whatever was imported can be saved back through the API unchanged.
    await expect(h.as('choi')('photos.update', { ids: [a.id], changes: { headline: a.headline, caption: a.caption, credit: a.credit } })).resolves.toBeTruthy();
  });

  it('imports a photo whose IIM block is cut short', async () => {
    const iim = Buffer.concat([iimDataset(2, 120, 'Good caption'), Buffer.from([0x1c, 2, 110, 0x7f, 0xff, 0x41])]);
    const a = await importAs('short-iim.jpg', withIim(await makeJpeg(64, 48, { seed: 32 }), iim));
    expect(a.caption).toBe('Good caption');
    expect(a.credit).toBe('');
  });
});
