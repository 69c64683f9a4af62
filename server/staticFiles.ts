// The files both transports serve on the app's origin (the HTTP bridge and the desktop's app
// protocol): which folder a URL path maps to (/media/, /published/, else the built renderer), the
// file inside it, refusing anything that would leave it (.., encoded slashes, NUL, dotfiles,
// symlinks pointing out), its content type and the headers every copy of it carries.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_CSP, PUBLISHED_CSP } from '../shared/csp.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.zip': 'application/zip',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute file under `root` that `urlPath` (already stripped of its mount prefix, still
 * percent-encoded) names, or null when it is not a plain readable file inside root.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;
  const rootAbs = path.resolve(root);
  const candidate = path.resolve(rootAbs, ...segments);
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + path.sep)) return null;
  try {
    const [realRoot, real] = await Promise.all([fs.realpath(rootAbs), fs.realpath(candidate)]);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
    const stat = await fs.stat(real);
    return stat.isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Photo renditions, published packages, or the renderer (its files and its client-side routes). */
export type AppRoute = 'media' | 'published' | 'app';

export interface ServedFile {
  route: AppRoute;
  /** The absolute file, inside its route's folder. */
  file: string;
  /** The renderer's index.html, the entry page: answered for '/' and every client-side route. */
  entry: boolean;
}

/** Where each route's files live. rendererDir null: the app itself is not served (API-only bridge). */
export interface AppRoots {
  dataDir: string;
  rendererDir: string | null;
}

const MOUNTS: readonly { prefix: string; route: Exclude<AppRoute, 'app'>; folder: string }[] = [
  { prefix: '/media/', route: 'media', folder: 'media' },
  { prefix: '/published/', route: 'published', folder: 'published' },
];

/** The file a URL pathname of the app's origin (still percent-encoded) names, or null when there is none to serve. */
export async function resolveAppPath(pathname: string, roots: AppRoots): Promise<ServedFile | null> {
  for (const { prefix, route, folder } of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const file = await resolveInside(path.join(roots.dataDir, folder), pathname.slice(prefix.length));
    return file ? { route, file, entry: false } : null;
  }
  if (!roots.rendererDir) return null;
  const rest = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = await resolveInside(roots.rendererDir, rest);
  if (file) return { route: 'app', file, entry: rest === 'index.html' };
  // Client-side routes (no file extension) get the app; missing assets stay missing.
  const last = pathname.split('/').pop() ?? '';
  if (last.includes('.') || pathname.includes('..')) return null;
  const entry = await resolveInside(roots.rendererDir, 'index.html');
  return entry ? { route: 'app', file: entry, entry: true } : null;
}

/** A photo rendition opened on its own is an image: the app's policy is strict enough for it. */
const CSP_OF: Record<AppRoute, string> = { media: APP_CSP, published: PUBLISHED_CSP, app: APP_CSP };

/** The headers both transports send with a served file; a transport adds only its own (caching, CORP). */
export function fileHeaders(served: ServedFile): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(served.file),
    'Content-Security-Policy': CSP_OF[served.route],
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
