// The pure helpers of the photo desk: figure nodes in the body, code replacements, the caption
// line, FTS query building, IIM decoding rules and cleaning.

import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../../db/ftsQuery.js';
import { figureIds, insertFigure, removeFigures, reorderFigures } from '../../../core/photos/figures.js';
import { decodeIimText, iimDate } from '../../../core/photos/metadata/iim.js';
import { cleanText, normaliseDate } from '../../../core/photos/metadata/merge.js';
import { sniffImage } from '../../../core/photos/sniff.js';
import { docFromParagraphs } from '../../../shared/body.js';

describe('figures', () => {
  const doc = docFromParagraphs(['a', 'b', 'c']);
  it('inserts before a block, clamps, and appends by default', () => {
    expect(insertFigure(doc, 7, 1).content!.map((n) => n.type)).toEqual(['paragraph', 'figure', 'paragraph', 'paragraph']);
    expect(insertFigure(doc, 7, 99).content!.at(-1)).toEqual({ type: 'figure', attrs: { storyPhotoId: 7 } });
    expect(insertFigure(doc, 7).content).toHaveLength(4);
    expect(doc.content).toHaveLength(3); // never mutates
  });
  it('removes a photo’s figures and keeps the doc valid', () => {
    const withTwo = insertFigure(insertFigure(doc, 7, 0), 8, 2);
    expect(figureIds(removeFigures(withTwo, 7))).toEqual([8]);
    expect(removeFigures(insertFigure({ type: 'doc', content: [] }, 5), 5).content).toEqual([{ type: 'paragraph' }]);
  });
  it('reorders photos across the existing figure slots', () => {
    const d = insertFigure(insertFigure(doc, 1, 0), 2, 3); // [fig1, a, b, fig2, c]
    const r = reorderFigures(d, [2, 1]);
    expect(figureIds(r)).toEqual([2, 1]);
    expect(r.content!.map((n) => n.type)).toEqual(d.content!.map((n) => n.type));
    expect(figureIds(reorderFigures(d, [99, 1, 2]))).toEqual([1, 2]);
  });
});

// renderer/ belongs to the DOM project (tsconfig.web.json), so this Node test loads the pure module at run time.
interface Codes {
  expandCodes(value: string, caret: number, codes: { code: string; text: string }[]): { value: string; caret: number };
  captionLine(caption: string, credit: string): string;
}
const codesModule = '../../../renderer/photos/codes.js';
const { captionLine, expandCodes } = (await import(/* @vite-ignore */ codesModule)) as Codes;

describe('code replacements', () => {
  const codes = [
    { code: '=yna=', text: 'Yonhap' },
    { code: '=rokn=', text: 'Republic of Korea Navy' },
  ];
  it('expands as you type and moves the caret past the expansion', () => {
    expect(expandCodes('Photo by =yna=', 14, codes)).toEqual({ value: 'Photo by Yonhap', caret: 15 });
    expect(expandCodes('=yna= and =rokn=', 16, codes)).toEqual({ value: 'Yonhap and Republic of Korea Navy', caret: 33 });
    expect(expandCodes('=yna', 4, codes)).toEqual({ value: '=yna', caret: 4 });
  });
  it('keeps the caret when the code is after it', () => {
    expect(expandCodes('ab =yna=', 1, codes)).toEqual({ value: 'ab Yonhap', caret: 1 });
  });
  it('prints caption and credit like the seed article', () => {
    expect(captionLine('… in Seoul on Monday.', 'Yonhap')).toBe('… in Seoul on Monday. (Yonhap)');
    expect(captionLine('Caption', ' ')).toBe('Caption');
  });
});

describe('photo search query', () => {
  it('quotes every word, prefixes the last and Hangul words', () => {
    expect(ftsQuery('Foreign Minis')).toBe('"Foreign" AND "Minis"*');
    expect(ftsQuery('북한 missile')).toBe('"북한"* AND "missile"*');
    // NEAR(x) is one term whose words stand together; the index drops the brackets as it does in captions.
    expect(ftsQuery('say "hi" NEAR(x)')).toBe('"say" AND "hi" AND "NEAR x"*');
    expect(ftsQuery('  " * ')).toBeNull();
  });
});

describe('IIM text and dates', () => {
  const korean = Buffer.from('서울', 'utf8');
  it('follows the declared or detected character set', () => {
    expect(decodeIimText(korean, { declaredUtf8: true, declaredCharset: true })).toBe('서울');
    expect(decodeIimText(korean, { declaredUtf8: false, declaredCharset: false })).toBe('서울');
    expect(decodeIimText(Buffer.from([0x43, 0x61, 0x66, 0xe9]), { declaredUtf8: false, declaredCharset: false })).toBe('Café');
  });
  it('converts IIM dates', () => {
    expect(iimDate('20170713', '170100+0000')).toBe('2017-07-13T17:01:00+00:00');
    expect(iimDate('20170713', undefined)).toBe('2017-07-13');
    expect(iimDate('2017-7-1', undefined)).toBeNull();
    expect(normaliseDate('2017:07:13 17:01:00')).toBe('2017-07-13T17:01:00');
    expect(normaliseDate('yesterday')).toBeNull();
  });
  it('cleans control characters and caps length without splitting a surrogate pair', () => {
    expect(cleanText('a\u0000b\tc\nd', 100, false)).toBe('ab c d');
    expect(cleanText('a\u0000b\tc\r\nd', 100, true)).toBe('ab\tc\nd');
    expect(cleanText('ab😀', 3, false)).toBe('ab');
  });
});

describe('sniffing', () => {
  it('names what a file is', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, kind: 'jpeg' });
    expect(sniffImage(Buffer.from('%PDF-1.7'))).toMatchObject({ ok: false, error: expect.stringContaining('PDF') });
    expect(sniffImage(Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('HEIC'),
    });
    expect(sniffImage(Buffer.from([1, 2, 3, 0, 5]))).toMatchObject({ ok: false, error: expect.stringContaining('Not a recognised') });
  });
});
