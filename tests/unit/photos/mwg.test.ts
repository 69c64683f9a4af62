// The MWG reconciliation and the XMP text decoding as pure functions: which block's value is
// current in each digest state, truncated IIM completed from XMP, MWG's "; " lists in EXIF
// Artist, and XMP packets in every encoding the spec allows.

import { describe, expect, it } from 'vitest';
import { mwgListToString, mwgStringToList } from '../../../core/photos/metadata/exif.js';
import { reconcile } from '../../../core/photos/metadata/mwg.js';
import { decodeXmpBytes, detectXmpEncoding } from '../../../core/photos/metadata/xmpText.js';

const iim = { caption: 'IIM caption', city: 'Busan', keywords: ['iim'] };
const xmp = { caption: 'XMP caption', city: 'Seoul', keywords: ['xmp'] };

describe('MWG reconciliation', () => {
  it('takes XMP when there is no IIM, or the digest is absent or current, and IIM when the digest is stale', () => {
    expect(reconcile({ exif: {}, iim: null, xmp, digest: 'absent' }).reading.caption).toBe('XMP caption');
    expect(reconcile({ exif: {}, iim, xmp, digest: 'absent' }).reading.caption).toBe('XMP caption');
    expect(reconcile({ exif: {}, iim, xmp, digest: 'match' }).reading.city).toBe('Seoul');
    expect(reconcile({ exif: {}, iim, xmp, digest: 'mismatch' }).reading).toMatchObject({ caption: 'IIM caption', city: 'Busan', keywords: ['iim'] });
  });

  it('falls back to IIM for a field XMP lacks, but not when a stale digest says IIM was emptied since', () => {
    expect(reconcile({ exif: {}, iim, xmp: {}, digest: 'match' }).reading.caption).toBe('IIM caption');
    expect(reconcile({ exif: {}, iim: {}, xmp, digest: 'mismatch' }).reading.caption).toBeUndefined();
  });

  it('puts EXIF first for description, creator and copyright, never for locations or keywords', () => {
    const r = reconcile({ exif: { caption: 'EXIF caption', creator: ['Kim'], copyright: '© EXIF' }, iim, xmp: { ...xmp, creator: ['Lee'] }, digest: 'absent' });
    expect(r.reading).toMatchObject({ caption: 'EXIF caption', creator: ['Kim'], copyright: '© EXIF', city: 'Seoul', keywords: ['xmp'] });
    expect(r.conflicts.map((c) => [c.field, c.took])).toEqual([
      ['caption', 'EXIF'],
      ['creator', 'EXIF'],
      ['keywords', 'XMP'],
      ['city', 'XMP'],
    ]);
    // Blank EXIF is no value.
    expect(reconcile({ exif: { caption: '   ' }, iim: null, xmp, digest: 'absent' }).reading.caption).toBe('XMP caption');
  });

  it('completes an IIM value cut at its dataset length from the XMP value it starts', () => {
    const full = 'Kim Min-jun of the Yonhap Photo Desk, Seoul';
    const cut = full.slice(0, 32);
    const r = reconcile({ exif: {}, iim: { creator: [cut] }, xmp: { creator: [full] }, digest: 'mismatch' });
    expect(r.reading.creator).toEqual([full]);
    expect(r.conflicts).toEqual([]);
    // A value that is not a cut of XMP's stays IIM's.
    expect(reconcile({ exif: {}, iim: { creator: ['Someone else entirely, 32 bytes!'] }, xmp: { creator: [full] }, digest: 'mismatch' }).reading.creator).toEqual([
      'Someone else entirely, 32 bytes!',
    ]);
  });

  it('takes EXIF DateTimeOriginal first, then XMP or IIM by the digest', () => {
    const dates = { iim: { dateCreated: '2024-03-01' }, xmp: { dateCreated: '2024-03-02T08:00:00+09:00' } };
    expect(reconcile({ exif: { dateCreated: '2024-03-03T10:20:30.45+09:00' }, ...dates, digest: 'absent' }).reading.dateCreated).toBe('2024-03-03T10:20:30.45+09:00');
    expect(reconcile({ exif: {}, ...dates, digest: 'match' }).reading.dateCreated).toBe('2024-03-02T08:00:00+09:00');
    expect(reconcile({ exif: {}, ...dates, digest: 'mismatch' }).reading.dateCreated).toBe('2024-03-01');
  });
});

describe('MWG lists in one EXIF string', () => {
  it('splits at "; " and honours quoted values with doubled quotes', () => {
    expect(mwgStringToList('Kim; Lee')).toEqual(['Kim', 'Lee']);
    expect(mwgStringToList('Kim;Lee')).toEqual(['Kim;Lee']);
    expect(mwgStringToList('"Park; Choi"; ""Quoted"" Name')).toEqual(['Park; Choi', '"Quoted" Name']);
  });
  it('round-trips through mwgListToString', () => {
    const list = ['김민준', 'Park; Choi', '"Quoted" Name'];
    expect(mwgStringToList(mwgListToString(list))).toEqual(list);
  });
});

describe('XMP text in every encoding', () => {
  const packet = "<x:xmpmeta xmlns:x='adobe:ns:meta/'>서울 😀</x:xmpmeta>";
  const utf32 = (le: boolean) => {
    const cps = [...packet].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
    return b;
  };
  const encodings = {
    'utf-8': Buffer.from(packet),
    'utf-16le': Buffer.from(packet, 'utf16le'),
    'utf-16be': Buffer.from(packet, 'utf16le').swap16(),
    'utf-32le': utf32(true),
    'utf-32be': utf32(false),
  } as const;

  it('tells each encoding by its zero bytes, and by a byte-order mark', () => {
    for (const [encoding, bytes] of Object.entries(encodings)) {
      expect(detectXmpEncoding(bytes).encoding).toBe(encoding);
      expect(decodeXmpBytes(bytes)).toEqual({ text: packet, encoding, warnings: [] });
    }
    expect(detectXmpEncoding(Buffer.from([0xfe, 0xff, 0, 0x3c]))).toEqual({ encoding: 'utf-16be', bom: 2 });
    expect(decodeXmpBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), encodings['utf-16le']])).text).toBe(packet);
  });

  it('shows invalid sequences as U+FFFD with a warning, never throwing', () => {
    const lone = Buffer.concat([Buffer.from('<a>', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('</a>', 'utf16le')]);
    const r = decodeXmpBytes(lone);
    expect(r.text).toBe('<a>\uFFFD</a>');
    expect(r.warnings[0]).toMatch(/not valid UTF-16/);
    const odd = decodeXmpBytes(Buffer.concat([encodings['utf-32be'], Buffer.from([0])]));
    expect(odd.text).toBe(packet);
    expect(odd.warnings[0]).toMatch(/not valid UTF-32/);
  });
});
