// The e2e fixture: each test FILE gets its own HTTP bridge (`npm run serve`'s command, without
// the build) on a free port, with --demo and a fresh temporary data directory. Tests get
// `baseURL` pointing at it, an `api(method, input, token?)` helper for plain HTTP calls, and
// helpers to sign in through the API or through the UI.
//
// Usage in a spec:  import { test, expect } from './fixtures.js';

import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Role, Staff } from '../../shared/domain.js';

export { expect };
export { startServer, makeApi, apiError, HttpApiError, type ApiFn, type ServerHandle } from './server.js';
import { startServer, makeApi, type ApiFn, type ServerHandle } from './server.js';
import { loadSeedArticle, type SeedArticle } from '../support/seedArticle.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HELPERS = path.join(import.meta.dirname, 'page-helpers.js');

export interface Newsroom {
  staff: Staff[];
  /** The demo staff member holding `role` (first found), or the one with that name. */
  person(roleOrName: Role | string): Staff;
  /** Signs in over HTTP; returns the bearer token. */
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
  context: async ({ context }, use) => {
    await context.addInitScript({ path: HELPERS });
    await use(context);
  },
  newUserPage: async ({ browser, server }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ path: HELPERS });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  api: async ({ server }, use) => {
    await use(makeApi(server.baseURL));
  },
  newsroom: async ({ api }, use) => {
    const { staff } = await api('staff.list', {});
    const person = (roleOrName: Role | string): Staff => {
      const found =
        staff.find((s) => s.name === roleOrName) ??
        // Prefer the person whose first role is the one asked for (a pure reporter, not an admin who also reports).
        staff.find((s) => s.roles[0] === roleOrName) ??
        staff.find((s) => s.roles.includes(roleOrName as Role));
      if (!found) throw new Error(`No demo staff member "${roleOrName}" among ${staff.map((s) => s.name).join(', ')}`);
      return found;
    };
    await use({
      staff,
      person,
      token: async (roleOrName) => (await api('session.signIn', { staffId: person(roleOrName).id })).token,
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

/** The sign-in screen lists staff; picking one signs in. Accepts a button, a radio, or a select. */
export async function signInThroughUi(page: Page, who: Staff): Promise<void> {
  await page.goto('/');
  const byButton = page.getByRole('button', { name: new RegExp(escapeRegExp(who.name)) });
  const byRadio = page.getByRole('radio', { name: new RegExp(escapeRegExp(who.name)) });
  const bySelect = page.getByRole('combobox', { name: /staff|who|person|name|sign in/i });
  await expect(byButton.or(byRadio).or(bySelect).first()).toBeVisible();
  if (await byButton.count()) {
    await byButton.first().click();
  } else if (await byRadio.count()) {
    await byRadio.first().check();
  } else {
    await bySelect
      .first()
      .selectOption({ label: who.name })
      .catch(async () => bySelect.first().selectOption(String(who.id)));
  }
  // Some sign-in screens confirm the choice with a "Sign in" button.
  const confirm = page.getByRole('button', { name: /^sign in$/i });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
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
