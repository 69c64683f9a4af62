// Both transports serve the same files with the same Content-Security-Policy: the newsroom server
// (browser) and the desktop's app protocol (newsdesk://app/). A published page is sandboxed in
// both without scripts, so nothing in it ever runs (published-page.test.ts checks it in Chromium).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../../electron/main/appProtocol.js';
import { signInAlice, startFakeServer } from './fakeServer.js';
import { bearer } from './httpTest.js';

let dataDir: string;
let rendererDir: string;
let base: string;
let token: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ base, stop } = await startFakeServer('same-headers', (dir) => {
    dataDir = path.join(dir, 'data');
    rendererDir = path.join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
    mkdirSync(path.join(dataDir, 'media', 'ab'), { recursive: true });
    writeFileSync(path.join(dataDir, 'media', 'ab', 'display.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    mkdirSync(path.join(dataDir, 'published', 'story-1', 'v1', 'images'), { recursive: true });
    writeFileSync(path.join(dataDir, 'published', 'story-1', 'v1', 'index.html'), '<!doctype html><h1>Published</h1><script>alert(1)</script>');
    writeFileSync(path.join(dataDir, 'published', 'story-1', 'v1', 'images', 'photo-1-large.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    return { staticDir: rendererDir };
  }));
  token = await signInAlice(base);
});

afterAll(() => stop());

/** The same path asked of both transports: status, content type and CSP of each. */
async function both(pathname: string) {
  const http = await fetch(`${base}${pathname}`, { headers: bearer(token) });
  const desktop = await answerAppRequest(`newsdesk://app${pathname}`, { rendererDir, dataDir });
  const summary = (res: Response) => ({ status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy') });
  return { http: summary(http), desktop: summary(desktop) };
}

describe('the newsroom server and the app protocol', () => {
  it('send the same sandboxed CSP for a published page', async () => {
    const { http, desktop } = await both('/published/story-1/v1/index.html');
    expect(http.status).toBe(200);
    expect(desktop).toEqual(http);
    const directives = (http.csp ?? '').split(';').map((d) => d.trim());
    expect(directives).toContain('sandbox allow-same-origin');
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives.some((d) => d.startsWith('script-src'))).toBe(false);
    expect(http.csp).not.toContain('allow-scripts');
  });

  it('send the same headers for the published page’s images, the app page and a photo rendition', async () => {
    for (const pathname of ['/published/story-1/v1/images/photo-1-large.jpg', '/', '/index.html', '/stories/12', '/media/ab/display.jpg']) {
      const { http, desktop } = await both(pathname);
      expect(http.status, pathname).toBe(200);
      expect(desktop, pathname).toEqual(http);
    }
  });

  it('serve a published page’s images to its own origin only, with a session', async () => {
    // The page keeps its origin in its sandbox, so its images are same-origin requests that carry
    // the session cookie: no cross-origin resource policy is needed.
    const image = await fetch(`${base}/published/story-1/v1/images/photo-1-large.jpg`, { headers: bearer(token) });
    expect(image.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(`${base}/media/ab/display.jpg`, { headers: bearer(token) })).headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(`${base}/published/story-1/v1/images/photo-1-large.jpg`)).status).toBe(401);
  });

  it('both refuse what is not there or outside its folder', async () => {
    for (const pathname of ['/published/story-1/v2/index.html', '/media/ab/missing.jpg', '/assets/missing.js']) {
      const { http, desktop } = await both(pathname);
      expect([http.status, desktop.status], pathname).toEqual([404, 404]);
    }
  });
});
