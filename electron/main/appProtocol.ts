// The app's own origin, newsdesk://app/: the built renderer, photo renditions under /media/ and
// published packages under /published/, each answered with a strict CSP. Loading from a custom
// protocol instead of file:// gives the page a real origin, response headers and no access to
// the rest of the disk.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../server/server.js';
import { contentTypeOf, resolveInside } from '../../server/staticFiles.js';

export const APP_SCHEME = 'newsdesk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

const PUBLISHED_CSP = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; sandbox";

export function isAppUrl(url: string, devOrigin: string | null = null): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devOrigin !== null && (url === devOrigin || url.startsWith(`${devOrigin}/`));
}

function headers(contentType: string, csp: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
}

/** Answers one request of the app protocol (registered with protocol.handle in main.ts). */
export async function answerAppRequest(requestUrl: string, roots: { rendererDir: string; dataDir: string }): Promise<Response> {
  const url = new URL(requestUrl);
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8', "default-src 'none'") });
  if (url.host !== 'app') return notFound();
  const pathname = url.pathname;
  let root: string;
  let rest: string;
  let csp = CONTENT_SECURITY_POLICY;
  if (pathname.startsWith('/media/')) {
    root = path.join(roots.dataDir, 'media');
    rest = pathname.slice('/media/'.length);
  } else if (pathname.startsWith('/published/')) {
    root = path.join(roots.dataDir, 'published');
    rest = pathname.slice('/published/'.length);
    csp = PUBLISHED_CSP;
  } else {
    root = roots.rendererDir;
    rest = pathname === '/' ? 'index.html' : pathname.slice(1);
  }
  let file = await resolveInside(root, rest);
  // Client-side routes (no extension) get the app.
  if (!file && root === roots.rendererDir && !(pathname.split('/').pop() ?? '').includes('.')) file = await resolveInside(root, 'index.html');
  if (!file) return notFound();
  const body = await fs.readFile(file);
  return new Response(new Uint8Array(body), { status: 200, headers: headers(contentTypeOf(file), csp) });
}
