// The pure parts: slugs, escaping, the body renderer, bylines and captions.

import { describe, expect, test } from 'vitest';
import { packageSlug, isSafeSegment } from '../../../core/publishing/slug.js';
import { bodyToHtml } from '../../../core/publishing/bodyHtml.js';
import { bylineText, captionLine } from '../../../core/publishing/articleHtml.js';
import { buildXmp } from '../../../core/publishing/xmp.js';
import type { DocNode } from '../../../shared/domain.js';

describe('packageSlug', () => {
  test.each([
    ['KOR-JPN-SECURITY-TALKS', 'kor-jpn-security-talks'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\windows\\system32', 'windows-system32'],
    ['a/b/c', 'a-b-c'],
    ['/absolute/path', 'absolute-path'],
    ['CON', 'story-7'],
    ['nul', 'story-7'],
    ['com1', 'story-7'],
    ['.', 'story-7'],
    ['..', 'story-7'],
    ['', 'story-7'],
    ['   ', 'story-7'],
    ['북한-미사일', 'story-7'],
    ['Crème Brûlée à Paris', 'creme-brulee-a-paris'],
    ['Straße', 'strasse'],
    ['dots...and  spaces', 'dots-and-spaces'],
    ['x'.repeat(300), 'x'.repeat(80)],
    ['nul\u0000byte', 'nul-byte'],
  ])('%j -> %j', (input, expected) => {
    const out = packageSlug(input, 7);
    expect(out).toBe(expected);
    expect(isSafeSegment(out)).toBe(true);
  });
});

describe('bodyToHtml', () => {
  const doc: DocNode = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Plain <script>alert(1)</script> & "quotes"' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Section' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sub' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'both', marks: [{ type: 'italic' }, { type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'safe', marks: [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b=2' } }] },
          { type: 'text', text: 'evil', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
      { type: 'figure', attrs: { storyPhotoId: 5 } },
      { type: 'iframe', content: [{ type: 'text', text: 'never' }] },
      { type: 'paragraph' },
    ],
  };
  const html = bodyToHtml(doc, (id) => `<figure data-id="${id}"></figure>`);

  test('escapes text and keeps structure', () => {
    expect(html).toContain('<p>Plain &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>');
    expect(html).toContain('<h2>Section</h2>');
    expect(html).toContain('<h3>Sub</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<strong><em>both</em></strong>');
    expect(html).toContain('<br>');
    expect(html).toContain('<ul>\n<li><p>one</p></li>\n</ul>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<figure data-id="5"></figure>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('never');
    expect(html).not.toContain('<p></p>');
  });

  test('links: safe hrefs escaped, unsafe ones dropped (text kept)', () => {
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=2">safe</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('evil');
  });
});

describe('byline and caption', () => {
  test('one, two and three authors', () => {
    expect(bylineText([{ name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com' }])).toBe('By Ji Da-gyum (dagyumji@heraldcorp.com)');
    expect(
      bylineText([
        { name: 'A', email: 'a@x' },
        { name: 'B', email: 'b@x' },
      ]),
    ).toBe('By A (a@x) and B (b@x)');
    expect(
      bylineText([
        { name: 'A', email: 'a@x' },
        { name: 'B', email: '' },
        { name: 'C', email: 'c@x' },
      ]),
    ).toBe('By A (a@x), B and C (c@x)');
  });
  test('caption then space then (credit)', () => {
    expect(captionLine({ caption: 'Talks in Seoul.', credit: 'Yonhap' })).toBe('Talks in Seoul. (Yonhap)');
    expect(captionLine({ caption: 'No credit.', credit: '' })).toBe('No credit.');
  });
  test('XMP escapes markup', () => {
    const xmp = buildXmp({ caption: '<b>x</b> & y', credit: 'A "B"' });
    expect(xmp).toContain('&lt;b&gt;x&lt;/b&gt; &amp; y');
    expect(xmp).toContain('<photoshop:Credit>A &quot;B&quot;</photoshop:Credit>');
  });
});
