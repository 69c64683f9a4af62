// The browser's HTTP client (renderer/api/httpClient.ts) in Chromium against the server: the
// session lives in the HttpOnly cookie (no script can read it, nothing is stored), change events
// arrive over the fetch-read stream, a dropped connection shows 'reconnecting', comes back and
// catches up; and a page of another origin on this computer (same site, so the SameSite cookie
// goes along) can change nothing.

import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsroomServer } from '../../../server/server.js';
import type { ChangeEvent } from '../../../shared/domain.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../e2e/chromium.js';
import { ALICE, ALICE_PASSWORD, type FakeCore } from './fakeCore.js';
import { startFakeServer } from './fakeServer.js';

const ROOT = path.resolve(__dirname, '../../..');
let core: FakeCore;
let server: NewsroomServer;
let base: string;
let browser: Browser;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ core, server, base, stop } = await startFakeServer('browser-client', async (dir) => {
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(
      path.join(dir, 'entry.ts'),
      `import { createHttpClient } from ${JSON.stringify(path.join(ROOT, 'renderer/api/httpClient.ts'))};
     const t = { api: createHttpClient(), events: [] as unknown[], states: [] as string[] };
     t.api.onEvent((e) => t.events.push(e));
     t.api.onConnection((s) => t.states.push(s));
     (globalThis as unknown as { t: typeof t }).t = t;`,
    );
    await build({
      entryPoints: [path.join(dir, 'entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: path.join(rendererDir, 'assets', 'client.js'),
      logLevel: 'warning',
    });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Newsdesk</title><script type="module" src="/assets/client.js"></script>');
    return { staticDir: rendererDir };
  }));
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stop?.();
});

type Probe = { events: ChangeEvent[]; states: string[] };
/** What the page scripts read of the browser (this project's Node types have no DOM). */
type Page$ = { document: { cookie: string; getElementById(id: string): { submit(): void } }; sessionStorage: { length: number }; localStorage: { length: number } };
const probe = (page: Page) =>
  page.evaluate(() => {
    const t = (globalThis as unknown as { t: Probe }).t;
    return { events: [...t.events], states: [...t.states] };
  });

describe('the browser client', () => {
  it('signs in by cookie only, gets events, shows reconnecting when cut off and catches up', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${base}/`);
      const signedIn = await page.evaluate(
        async ([email, password]) => {
          const t = (globalThis as unknown as { t: { api: { session: { signIn(i: unknown): Promise<{ staff: { id: number } }> } } } }).t;
          const { staff } = await t.api.session.signIn({ email, password });
          const w = globalThis as unknown as Page$;
          return { id: staff.id, cookie: w.document.cookie, stored: w.sessionStorage.length + w.localStorage.length };
        },
        [ALICE.email, ALICE_PASSWORD],
      );
      expect(signedIn).toEqual({ id: ALICE.id, cookie: '', stored: 0 });
      expect((await context.cookies()).find((c) => c.name === 'newsdesk_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

      await expect.poll(() => server.events.size).toBe(1);
      core.emit({ type: 'story.changed', storyId: 1, status: 'draft', version: 1 });
      await expect.poll(async () => (await probe(page)).events.length).toBe(1);

      // Cut off: every connection of the server dropped; meanwhile a story changes.
      server.server.closeAllConnections();
      core.emit({ type: 'story.changed', storyId: 2, status: 'draft', version: 1 });
      await expect.poll(async () => (await probe(page)).states, { timeout: 10_000 }).toEqual(['online', 'reconnecting', 'online']);
      await expect.poll(async () => (await probe(page)).events.map((e) => (e as { storyId?: number }).storyId)).toEqual([1, 2]);

      // Calls go with the cookie; sign-out clears it and closes the stream.
      const after = await page.evaluate(async () => {
        const t = (globalThis as unknown as { t: { api: { stories: { get(i: unknown): Promise<unknown> }; session: { signOut(i: unknown): Promise<unknown> } } } }).t;
        const story = await t.api.stories.get({ id: 4 });
        await t.api.session.signOut({});
        const refused = await t.api.stories.get({ id: 4 }).then(
          () => 'answered',
          (e: { code?: string }) => e.code,
        );
        return { story, refused };
      });
      expect(after).toEqual({ story: { story: { id: 4 } }, refused: 'UNAUTHENTICATED' });
      expect((await context.cookies()).find((c) => c.name === 'newsdesk_session')).toBeUndefined();
      await expect.poll(() => server.events.size).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lets no page of another origin on this computer change anything, though the SameSite cookie goes along', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The person uses the server as http://localhost:<port>; the attacker's page is on localhost at
    // another port: another origin but the same site, so the browser sends the SameSite cookie.
    const target = base.replace('127.0.0.1', 'localhost');
    const attacker = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><body>
        <form id="f" method="post" action="${target}/api/session.signOut" enctype="text/plain"><input name='{"a":"' value='"}'></form>
        <script>
          window.results = [];
          fetch('${target}/api/session.signOut', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })
            .then((r) => window.results.push('fetch ' + r.status), () => window.results.push('fetch refused'));
          fetch('${target}/api/session.signOut', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' })
            .then(() => window.results.push('no-cors sent'), () => window.results.push('no-cors refused'));
        </script></body>`);
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    const attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
    try {
      await page.goto(`${target}/`);
      await page.evaluate(
        ([email, password]) => (globalThis as unknown as { t: { api: { session: { signIn(i: unknown): Promise<unknown> } } } }).t.api.session.signIn({ email, password }),
        [ALICE.email, ALICE_PASSWORD],
      );
      const token = (await context.cookies()).find((c) => c.name === 'newsdesk_session')!.value;
      const before = core.calls.length;
      const evil = await context.newPage();
      await evil.goto(attackerUrl);
      await expect.poll(() => evil.evaluate(() => (globalThis as unknown as { results: string[] }).results.length)).toBe(2);
      const submitted = evil.waitForEvent('response', (r) => r.url().endsWith('/api/session.signOut'));
      await evil.evaluate(() => (globalThis as unknown as Page$).document.getElementById('f').submit());
      expect((await submitted).status()).toBeGreaterThanOrEqual(400);
      expect(core.calls.length).toBe(before);
      expect(await core.authenticate(token)).not.toBeNull();
    } finally {
      await context.close();
      await new Promise((r) => attacker.close(r));
    }
  });
});
