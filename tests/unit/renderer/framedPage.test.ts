// A page for a sandboxed frame gets its photos as data: URLs: only images under the page's own
// folder of the app's origin are fetched (each once); anything else, or one that fails, is left
// out and counted, and the rest of the page is untouched.
import { describe, expect, it } from 'vitest';
import { decodeAttribute, imageUrl, inlineImages, type ImageScope } from '../../../renderer/editor/framedPage.js';

const APP = 'http://127.0.0.1:5178';
const preview: ImageScope = { base: `${APP}/`, under: '/media/' };
const version: ImageScope = { base: `${APP}/published/kor-jpn/v2/`, under: '/published/kor-jpn/v2/' };

/** A loader that answers a data: URL naming the file, and records what it was asked. */
function loader(fails: string[] = []) {
  const asked: string[] = [];
  const load = async (url: string) => {
    asked.push(url);
    if (fails.includes(url)) return null;
    return `data:image/jpeg;base64,${Buffer.from(url).toString('base64')}`;
  };
  return { asked, load };
}
const dataOf = (url: string) => `data:image/jpeg;base64,${Buffer.from(url).toString('base64')}`;

describe('imageUrl', () => {
  it('resolves against the base and keeps only the scope’s folder of the same origin', () => {
    expect(imageUrl('/media/abc/display.jpg', preview)).toBe(`${APP}/media/abc/display.jpg`);
    expect(imageUrl('images/photo-1-large.jpg', version)).toBe(`${APP}/published/kor-jpn/v2/images/photo-1-large.jpg`);
    expect(imageUrl('images/photo-1-large.jpg?x=1#y', version)).toBe(`${APP}/published/kor-jpn/v2/images/photo-1-large.jpg`);
    for (const [src, scope] of [
      ['images/x.jpg', preview],
      ['/api/session.current', preview],
      ['/media/../api/session.current', preview],
      ['/media/%2e%2e/api/session.current', preview],
      ['../v1/images/photo-1-large.jpg', version],
      ['/published/other/v1/images/a.jpg', version],
      ['https://evil.example/media/a.jpg', preview],
      ['//evil.example/media/a.jpg', preview],
      ['http://127.0.0.1:9999/media/a.jpg', preview],
      ['javascript:alert(1)', preview],
      ['data:image/png;base64,AAAA', preview],
    ] as const) {
      expect(imageUrl(src, scope), src).toBeNull();
    }
  });

  it('works on the desktop app’s own scheme', () => {
    expect(imageUrl('images/a.jpg', { base: 'newsdesk://app/published/s/v1/', under: '/published/s/v1/' })).toBe('newsdesk://app/published/s/v1/images/a.jpg');
    expect(imageUrl('https://app/published/s/v1/images/a.jpg', { base: 'newsdesk://app/published/s/v1/', under: '/published/s/v1/' })).toBeNull();
  });
});

describe('inlineImages', () => {
  it('puts each photo of the page in as a data: URL, fetching each once, and leaves the rest of the page as it was', async () => {
    const html = [
      '<h1>북한 &amp; 일본</h1>',
      '<figure class="lead"><img src="images/photo-1-large.jpg" alt="Officials &quot;at&quot; a table"></figure>',
      '<p>Text with <img> in words? No: &lt;img src="x"&gt; is text.</p>',
      '<figure class="inline"><IMG alt=\'b > c\' SRC=\'images/photo-2-large.jpg\' srcset="images/big.jpg 2x"/></figure>',
      '<img src="images/photo-1-large.jpg" alt="again">',
    ].join('\n');
    const { asked, load } = loader();
    const page = await inlineImages(html, version, load);
    const one = `${APP}/published/kor-jpn/v2/images/photo-1-large.jpg`;
    const two = `${APP}/published/kor-jpn/v2/images/photo-2-large.jpg`;
    expect(asked.sort()).toEqual([one, two]);
    expect(page.missing).toBe(0);
    expect(page.html).toBe(
      [
        '<h1>북한 &amp; 일본</h1>',
        `<figure class="lead"><img alt="Officials &quot;at&quot; a table" src="${dataOf(one)}"></figure>`,
        '<p>Text with <img> in words? No: &lt;img src="x"&gt; is text.</p>',
        `<figure class="inline"><IMG alt='b > c' src="${dataOf(two)}"></figure>`,
        `<img alt="again" src="${dataOf(one)}">`,
      ].join('\n'),
    );
  });

  it('leaves out an image from elsewhere or one that does not load, and counts it', async () => {
    const html =
      '<img src="/media/a/display.jpg" alt="a"><img src="https://evil.example/t.gif" alt="tracker"><img src="/api/session.current" alt="api"><img src="/media/gone/display.jpg" alt="gone">';
    const { asked, load } = loader([`${APP}/media/gone/display.jpg`]);
    const page = await inlineImages(html, preview, load);
    expect(asked.sort()).toEqual([`${APP}/media/a/display.jpg`, `${APP}/media/gone/display.jpg`]);
    expect(page.missing).toBe(3);
    expect(page.html).toBe(`<img alt="a" src="${dataOf(`${APP}/media/a/display.jpg`)}"><img alt="tracker"><img alt="api"><img alt="gone">`);
  });

  it('a loader that throws leaves that photo out, not the page', async () => {
    const page = await inlineImages('<p>x</p><img src="/media/a/display.jpg" alt="a">', preview, async () => {
      throw new Error('offline');
    });
    expect(page).toEqual({ html: '<p>x</p><img alt="a">', missing: 1 });
  });
});

describe('decodeAttribute', () => {
  it('reads the entities a page writer escapes', () => {
    expect(decodeAttribute('a&amp;b&quot;c&#39;d&#x41;&lt;&gt;&unknown;')).toBe('a&b"c\'dA<>&unknown;');
  });
});
