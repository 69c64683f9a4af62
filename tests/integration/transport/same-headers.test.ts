// Both transports serve the same files with the same Content-Security-Policy: the HTTP bridge
// (browser) and the desktop's app protocol (newsdesk://app/). A published page is sandboxed in
// both, so it never runs script with the app's origin.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge, type HttpBridge } from '../../../server/server.js';
import { answerAppRequest } from '../../../electron/main/appProtocol.js';
import { createFakeCore } from './fakeCore.js';

let dir: string;
let dataDir: string;
let rendererDir: string;
let bridge: HttpBridge;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-same-headers-'));
  dataDir = path.join(dir, 'data');
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  mkdirSync(path.join(dataDir, 'media', 'ab'), { recursive: true });
  writeFileSync(path.join(dataDir, 'media', 'ab', 'display.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  mkdirSync(path.join(dataDir, 'published', 'story-1', 'v1', 'images'), { recursive: true });
  writeFileSync(path.join(dataDir, 'published', 'story-1', 'v1', 'index.html'), '<!doctype html><h1>Published</h1><script>alert(1)</script>');
  writeFileSync(path.join(dataDir, 'published', 'story-1', 'v1', 'images', 'photo-1-large.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  bridge = createHttpBridge(createFakeCore(dataDir), { port: 0, staticDir: rendererDir });
  base = await bridge.listen();
});

afterAll(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same path asked of both transports: status, content type and CSP of each. */
async function both(pathname: string) {
  const http = await fetch(`${base}${pathname}`);
  const desktop = await answerAppRequest(`newsdesk://app${pathname}`, { rendererDir, dataDir });
  const summary = (res: Response) => ({ status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy') });
  return { http: summary(http), desktop: summary(desktop) };
}

describe('the HTTP bridge and the app protocol', () => {
  it('send the same sandboxed CSP for a published page', async () => {
    const { http, desktop } = await both('/published/story-1/v1/index.html');
    expect(http.status).toBe(200);
    expect(desktop).toEqual(http);
    const directives = (http.csp ?? '').split(';').map((d) => d.trim());
    expect(directives).toContain('sandbox');
    expect(directives).toContain("default-src 'none'");
    expect(directives.some((d) => d.startsWith('script-src'))).toBe(false);
  });

  it('send the same headers for the published page’s images, the app page and a photo rendition', async () => {
    for (const pathname of ['/published/story-1/v1/images/photo-1-large.jpg', '/', '/index.html', '/stories/12', '/media/ab/display.jpg']) {
      const { http, desktop } = await both(pathname);
      expect(http.status, pathname).toBe(200);
      expect(desktop, pathname).toEqual(http);
    }
  });

  it('let a sandboxed published page load its own images over HTTP', async () => {
    // The sandbox makes the page an opaque origin, so its image requests are cross-origin to the
    // bridge: a same-origin resource policy would refuse them.
    const image = await fetch(`${base}/published/story-1/v1/images/photo-1-large.jpg`);
    expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await fetch(`${base}/media/ab/display.jpg`)).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('both refuse what is not there or outside its folder', async () => {
    for (const pathname of ['/published/story-1/v2/index.html', '/media/ab/missing.jpg', '/assets/missing.js']) {
      const { http, desktop } = await both(pathname);
      expect([http.status, desktop.status], pathname).toEqual([404, 404]);
    }
  });
});
