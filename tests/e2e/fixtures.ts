// The e2e fixture: each test FILE gets its own HTTP bridge (`npm run serve`'s command, without
// the build) on a free port, with --demo and a fresh temporary data directory. Tests get
// `baseURL` pointing at it, an `api(method, input, token?)` helper for plain HTTP calls, and
// helpers to sign in through the API or through the UI with the demo newsroom's password.
// A browser context is one person (the session is a cookie): a second person needs newUserPage().
//
// Usage in a spec:  import { test, expect } from './fixtures.js';

import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Role, Staff } from '../../shared/domain.js';

export { expect };
export { startServer, makeApi, apiError, HttpApiError, type ApiFn, type ServerHandle } from './server.js';
import { startServer, makeApi, HttpApiError, type ApiFn, type ServerHandle } from './server.js';
import { loadSeedArticle, type SeedArticle } from '../support/seedArticle.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HELPERS = path.join(import.meta.dirname, 'page-helpers.js');

/**
 * Signs a finished test's browser out, as a person leaving would: its session's text locks are
 * let go. (The lock is one computer's: left held, it would keep the same person's next browser,
 * in the next test, out of the story.)
 */
async function signOutOf(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  if (!baseURL) return;
  await context.request
    .post(`${baseURL}/api/session.signOut`, { headers: { 'Content-Type': 'application/json', Origin: new URL(baseURL).origin }, data: {} })
    .catch(() => undefined);
}

/** Every demo account's password (the demo newsroom says so on its sign-in screen). */
export const DEMO_PASSWORD = 'newsdesk-demo';

export interface Newsroom {
  staff: Staff[];
  /** The demo staff member holding `role` (first found), or the one with that name. */
  person(roleOrName: Role | string): Staff;
  /** Signs in over HTTP with the person's e-mail and the demo password; returns the bearer token (one sign-in per person and test). */
  token(roleOrName: Role | string): Promise<string>;
}

// One server per test file, kept for the worker's life and replaced when the file changes.
let current: { file: string; server: ServerHandle } | null = null;

async function serverFor(file: string): Promise<ServerHandle> {
  if (current?.file === file) return current.server;
  if (current) await current.server.stop();
  current = null;
  const server = await startServer();
  current = { file, server };
  return server;
}

interface E2EFixtures {
  server: ServerHandle;
  /** Another person's browser: a fresh context (own session) with the test helpers installed. */
  newUserPage: () => Promise<Page>;
  api: ApiFn;
  newsroom: Newsroom;
  /** Signs `page` in through the sign-in screen as the person with that role or name. */
  signIn: (page: Page, roleOrName: Role | string) => Promise<Staff>;
}

interface WorkerFixtures {
  serverReaper: void;
}

export const test = base.extend<E2EFixtures, WorkerFixtures>({
  serverReaper: [
    // Playwright needs the destructuring pattern even when no fixture is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use();
      if (current) await current.server.stop();
      current = null;
    },
    { scope: 'worker', auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use, testInfo) => {
    await use(await serverFor(testInfo.file));
  },
  baseURL: async ({ server }, use) => {
    await use(server.baseURL);
  },
  context: async ({ context, baseURL }, use) => {
    await context.addInitScript({ path: HELPERS });
    await use(context);
    await signOutOf(context, baseURL);
  },
  newUserPage: async ({ browser, server }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ path: HELPERS });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) {
      await signOutOf(context, server.baseURL);
      await context.close();
    }
  },
  api: async ({ server }, use) => {
    const call = makeApi(server.baseURL);
    // A script that writes a story leaves it, as a person closing it would. The text lock is one
    // computer's: kept by the test's own API session, it would keep the same person's browser out.
    const leaving: ApiFn = async (method, input, token) => {
      const result = await call(method, input, token);
      if ((method === 'stories.create' || method === 'stories.save') && token) {
        const id = (result as { story?: { id?: unknown } }).story?.id;
        if (typeof id === 'number') await call('stories.unlock', { id }, token).catch(() => undefined);
      }
      return result;
    };
    await use(leaving);
  },
  newsroom: async ({ api }, use) => {
    // The staff list needs a session: sign in as the demo newsroom's admin, found on its sign-in screen's list.
    const access = await api('session.access', {});
    const admin = access.demoAccounts.find((a) => a.roles.includes('admin'));
    if (!admin) throw new Error(`The demo newsroom names no admin among ${access.demoAccounts.map((a) => a.name).join(', ')}`);
    const adminToken = (await signInOverHttp(api, admin.email, DEMO_PASSWORD)).token;
    const { staff } = await api('staff.list', {}, adminToken);
    const person = (roleOrName: Role | string): Staff => {
      const found =
        staff.find((s) => s.name === roleOrName) ??
        // Prefer the person whose first role is the one asked for (a pure reporter, not an admin who also reports).
        staff.find((s) => s.roles[0] === roleOrName) ??
        staff.find((s) => s.roles.includes(roleOrName as Role));
      if (!found) throw new Error(`No demo staff member "${roleOrName}" among ${staff.map((s) => s.name).join(', ')}`);
      return found;
    };
    const tokens = new Map<number, Promise<string>>([[staff.find((s) => s.email === admin.email)?.id ?? 0, Promise.resolve(adminToken)]]);
    await use({
      staff,
      person,
      token: (roleOrName) => {
        const who = person(roleOrName);
        let token = tokens.get(who.id);
        if (!token) tokens.set(who.id, (token = signInOverHttp(api, who.email, DEMO_PASSWORD).then((r) => r.token)));
        return token;
      },
    });
  },
  signIn: async ({ newsroom }, use) => {
    await use(async (page, roleOrName) => {
      const who = newsroom.person(roleOrName);
      await signInThroughUi(page, who);
      return who;
    });
  },
});

/**
 * A public call that the core may slow down: every test signs in from this one address, so wrong
 * passwords tried earlier in a file can make it ask for a short wait (RATE_LIMITED). Waits it out
 * and tries again.
 */
export async function whenAllowed<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof HttpApiError) || error.code !== 'RATE_LIMITED' || attempt >= 5) throw error;
      const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
      await new Promise((r) => setTimeout(r, seconds * 1000 + 200));
    }
  }
}

/** session.signIn over HTTP, waiting out a rate limit. */
export function signInOverHttp(api: ApiFn, email: string, password: string): Promise<{ token: string; staff: Staff }> {
  return whenAllowed(() => api('session.signIn', { email, password }));
}

/** Opens the app and signs in on its sign-in screen with the person's e-mail and the demo password. */
export async function signInThroughUi(page: Page, who: Pick<Staff, 'email'>, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await signInHere(page, who, password);
}

/** Signs in on the sign-in screen showing now (the address stays as it is), waiting out a "Try again in N seconds" first. */
export async function signInHere(page: Page, who: Pick<Staff, 'email'>, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  const signOut = page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Sign out', exact: true });
  // The form's own answer (the screen may also say, outside the form, that a session ended).
  const refusal = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await expect(button).toBeEnabled({ timeout: 60_000 });
    await button.click();
    await expect(signOut.or(refusal)).toBeVisible();
    if (await signOut.isVisible()) return;
    const said = (await refusal.textContent()) ?? '';
    if (!said.startsWith('Too many attempts')) throw new Error(`Sign-in refused: ${said}`);
  }
  await expect(signOut).toBeVisible();
}

/** The sign-in screen is showing. */
export async function expectSignInScreen(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type { SeedArticle };

export function seedArticle(): SeedArticle {
  return loadSeedArticle();
}

/** A tiptap JSON doc of plain paragraphs (for stories made through the API). */
export function docOf(paragraphs: string[]): { type: 'doc'; content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[] } {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** A screenshot under test-results/ with a name that says what it shows. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', `${name}.png`), fullPage: false });
}
