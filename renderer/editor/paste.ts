// Pasted HTML (Word, Google Docs, web pages) reduced before the editor's schema parses it:
// nothing executable, no event handlers, no styles, no images or embeds, no unsafe links.
// Bold and italic that Word and Docs express as styles become <strong>/<em> first so they survive.
import { isSafeHref } from '../../shared/body.js';

const DROP = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'svg',
  'math',
  'canvas',
  'map',
  'area',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'template',
  'noscript',
  'portal',
  'dialog',
]);

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function wrapChildren(el: Element, tag: 'strong' | 'em'): void {
  const wrapper = el.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

export function sanitizePastedHtml(html: string): string {
  // DOMParser documents are inert: scripts never run and images never load while we clean.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(tag) || (tag.includes(':') && tag !== 'o:p')) {
      el.remove();
      continue;
    }
    const style = el.getAttribute('style') ?? '';
    const bold = /font-weight\s*:\s*(bold|bolder|[6-9]00)/i.test(style);
    const italic = /font-style\s*:\s*italic/i.test(style);
    const href = tag === 'a' ? el.getAttribute('href') : null;
    const photoId = tag === 'figure' ? el.getAttribute('data-story-photo-id') : null;
    const start = tag === 'ol' ? el.getAttribute('start') : null;
    for (const attr of Array.from(el.attributes)) el.removeAttribute(attr.name);
    if (href !== null && isSafeHref(href.trim())) el.setAttribute('href', href.trim());
    if (photoId !== null) el.setAttribute('data-story-photo-id', photoId);
    if (start !== null && /^\d{1,6}$/.test(start)) el.setAttribute('start', start);
    if (tag === 'a' && !el.hasAttribute('href')) {
      unwrap(el);
      continue;
    }
    // Google Docs wraps a whole paste in <b style="font-weight:normal">.
    if (tag === 'b' && /font-weight\s*:\s*(normal|[1-4]00)/i.test(style)) {
      unwrap(el);
      continue;
    }
    if (tag === 'span' || tag === 'font') {
      if (bold) wrapChildren(el, 'strong');
      if (italic) wrapChildren(el, 'em');
    }
  }
  return body.innerHTML;
}
