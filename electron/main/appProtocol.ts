// The app's own origin, newsdesk://app/: the built renderer, photo renditions under /media/ and
// published packages under /published/, each answered with a strict CSP. Loading from a custom
// protocol instead of file:// gives the page a real origin, response headers and no access to
// the rest of the disk. Which file a path names and the headers it carries are the same as the
// HTTP bridge's (server/staticFiles.ts).

import { promises as fs } from 'node:fs';
import { NOTHING_CSP } from '../../shared/csp.js';
import { fileHeaders, resolveAppPath } from '../../server/staticFiles.js';

export const APP_SCHEME = 'newsdesk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string, devOrigin: string | null = null): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devOrigin !== null && (url === devOrigin || url.startsWith(`${devOrigin}/`));
}

/** Answers one request of the app protocol (registered with protocol.handle in main.ts). */
export async function answerAppRequest(requestUrl: string, roots: { rendererDir: string; dataDir: string }): Promise<Response> {
  const url = new URL(requestUrl);
  const served = url.host === 'app' ? await resolveAppPath(url.pathname, roots) : null;
  if (!served) {
    const headers = {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': NOTHING_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    return new Response('Not found', { status: 404, headers });
  }
  const body = await fs.readFile(served.file);
  return new Response(new Uint8Array(body), { status: 200, headers: fileHeaders(served) });
}
