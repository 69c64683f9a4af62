// A page shown in a sandboxed frame (Preview, a published version) gets its photos written into
// it. The frame has no origin of its own (sandbox without allow-same-origin, no scripts), so it can
// reach nothing of the app; but for the same reason the app's /media/ and /published/ files, which
// only the app's origin may load, refuse it, and a package's relative images/… would resolve
// against the app, not the package. So the renderer fetches each photo itself, on its own origin,
// and puts it in the page as a data: URL (the app's CSP, which the frame inherits, allows data:
// images). Only photos under the one folder of the app's origin the page's photos live in are
// fetched; any other image is left out.

/** Where a page's photos may come from. */
export interface ImageScope {
  /** The URL the page's relative links resolve against (for a package: its folder, ending in /). */
  base: string;
  /** The path on the app's origin every photo must be under, e.g. /media/ or /published/<story>/v2/. */
  under: string;
}

/** Fetches an image of the app's origin as a data: URL, or null when it is not an image or not there. */
export type ImageLoader = (url: string) => Promise<string | null>;

export interface FramedPage {
  html: string;
  /** Images left out: not of the app's own photos, or not loaded. */
  missing: number;
}

const originOf = (u: URL) => `${u.protocol}//${u.host}`;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute's text as the browser reads it (the entities a page's writer escaped). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The URL to fetch for an image's src, or null when the page may not have it: resolved against the
 * scope's base, of the base's own origin, and under the scope's folder once `..` is resolved.
 * The query and fragment are dropped: the app's files are named by their path alone.
 */
export function imageUrl(src: string, scope: ImageScope): string | null {
  let base: URL;
  let url: URL;
  try {
    base = new URL(scope.base);
    url = new URL(src.trim(), base);
  } catch {
    return null;
  }
  if (originOf(url) !== originOf(base) || !url.pathname.startsWith(scope.under)) return null;
  return `${originOf(url)}${url.pathname}`;
}

// A tag or an attribute, quoted values taken whole (so a ">" inside one ends nothing).
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

interface ImgTag {
  /** The tag without its src and srcset. */
  rest: string;
  src: string | null;
}

function parseImg(tag: string): ImgTag {
  const open = /^<img/i.exec(tag)?.[0] ?? '<img';
  const close = tag.endsWith('/>') ? '/>' : '>';
  const inner = tag.slice(open.length, tag.length - close.length);
  let src: string | null = null;
  const kept: string[] = [];
  for (const m of inner.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name === 'src') src ??= decodeAttribute(m[2] ?? m[3] ?? m[4] ?? '');
    else if (name !== 'srcset') kept.push(m[0]);
  }
  return { rest: `${open}${kept.map((a) => ` ${a}`).join('')}`, src };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page with each <img>'s photo inlined as a data: URL. An image outside the scope, or one the
 * loader cannot load, loses its src (its alt text shows) and counts as missing; srcset is dropped.
 * Each URL is fetched once however often the page shows it.
 */
export async function inlineImages(html: string, scope: ImageScope, load: ImageLoader): Promise<FramedPage> {
  const tags = [...html.matchAll(IMG_TAG)].map((m) => ({ at: m.index, text: m[0], img: parseImg(m[0]) }));
  const urls = [...new Set(tags.map((t) => (t.img.src === null ? null : imageUrl(t.img.src, scope))).filter((u): u is string => u !== null))];
  const loaded = new Map(await Promise.all(urls.map(async (u) => [u, await load(u).catch(() => null)] as const)));
  let out = '';
  let from = 0;
  let missing = 0;
  for (const t of tags) {
    const url = t.img.src === null ? null : imageUrl(t.img.src, scope);
    const data = url === null ? null : (loaded.get(url) ?? null);
    if (data === null && t.img.src !== null) missing += 1;
    out += html.slice(from, t.at) + t.img.rest + (data === null ? '' : ` src="${escapeAttribute(data)}"`) + '>';
    from = t.at + t.text.length;
  }
  return { html: out + html.slice(from), missing };
}
