// A published page opened in Chromium from the newsroom server, as "Open page" does (a new tab
// from the app) and as a pasted address does: its own images load (the session cookie goes with
// them), and nothing in it runs: no script, no inline handler, no form. The page's CSP is
// `sandbox allow-same-origin` without allow-scripts (shared/csp.ts says why).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../e2e/chromium.js';
import { signInAlice, startFakeServer } from './fakeServer.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PAGE = '/published/story-1/v1/index.html';

let base: string;
let token: string;
let browser: Browser;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ base, stop } = await startFakeServer('published-page', (dir) => {
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), `<!doctype html><title>Newsdesk</title><a href="${PAGE}" target="_blank" rel="noopener">Open page</a>`);
    const pkg = path.join(dir, 'data', 'published', 'story-1', 'v1');
    mkdirSync(path.join(pkg, 'images'), { recursive: true });
    writeFileSync(path.join(pkg, 'images', 'photo-1-large.png'), PNG);
    writeFileSync(
      path.join(pkg, 'index.html'),
      `<!doctype html><html><head><title>Published</title></head><body>
      <h1>Published</h1>
      <img id="photo" alt="A photo" src="images/photo-1-large.png">
      <img alt="broken" src="missing.png" onerror="fetch('/api/stories.get', { method: 'POST', body: '{}' })">
      <script>document.title = 'script ran'; fetch('/api/session.current', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });</script>
      <form id="f" method="post" action="/api/session.signOut"><button id="send">Send</button></form>
    </body></html>`,
    );
    return { staticDir: rendererDir };
  }));
  token = await signInAlice(base);
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stop?.();
});

async function signedInContext() {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'newsdesk_session', value: token, url: base, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/** Watches the requests of a page, or of every page of a context: each path with its status. */
function watch(target: Page | BrowserContext): { path: string; status: number }[] {
  const seen: { path: string; status: number }[] = [];
  target.on('response', (res) => seen.push({ path: new URL(res.url()).pathname, status: res.status() }));
  return seen;
}

async function expectPublishedPage(page: Page, seen: { path: string; status: number }[]): Promise<void> {
  await page.waitForLoadState('load');
  expect(seen.find((r) => r.path === PAGE)?.status).toBe(200);
  await expect.poll(() => seen.find((r) => r.path.endsWith('/images/photo-1-large.png'))?.status).toBe(200);
  expect(
    await page.locator('#photo').evaluate((element) => {
      const img = element as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth;
    }),
  ).toBe(1);
  expect(await page.title()).toBe('Published');
  // A form cannot be sent from the sandbox.
  await page.locator('#send').click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(`${base}${PAGE}`);
  expect(seen.filter((r) => r.path.startsWith('/api/'))).toEqual([]);
}

describe('a published page in Chromium', () => {
  it('opened with "Open page" from the app: its images load with the session, nothing in it runs', async () => {
    const context = await signedInContext();
    try {
      const app = await context.newPage();
      await app.goto(`${base}/`);
      const seen = watch(context);
      const [tab] = await Promise.all([context.waitForEvent('page'), app.getByRole('link', { name: 'Open page' }).click()]);
      await expectPublishedPage(tab, seen);
    } finally {
      await context.close();
    }
  });

  it('opened at its address: the same; and without a session it is not shown', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${base}${PAGE}`);
      await expectPublishedPage(page, seen);
    } finally {
      await context.close();
    }
    const anonymous = await browser.newContext();
    try {
      const page = await anonymous.newPage();
      expect((await page.goto(`${base}${PAGE}`))?.status()).toBe(401);
    } finally {
      await anonymous.close();
    }
  });
});
