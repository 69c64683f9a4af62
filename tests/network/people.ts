// People of the test newsroom: the demo accounts (password `newsdesk-demo`), people an admin adds
// for one test, and browsers signed in as them. A browser signs in the way its person would: on
// the sign-in screen with e-mail and password, so the session cookie is set by the server.

import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Role, Staff } from '../../shared/domain.js';
import type { ApiFn } from '../e2e/server.js';
import { DEMO_PASSWORD, type Newsroom } from './newsroom.js';

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** The demo account with this name, from what the sign-in screen is told (session.access). */
export async function demoAccount(api: ApiFn, name: string): Promise<Account> {
  const access = await api('session.access', {});
  const found = access.demoAccounts.find((a) => a.name === name);
  if (!found) throw new Error(`No demo account "${name}" among ${access.demoAccounts.map((a) => a.name).join(', ')}`);
  return { name: found.name, email: found.email, password: DEMO_PASSWORD };
}

export async function tokenOf(api: ApiFn, account: Account): Promise<{ token: string; staff: Staff }> {
  const { token, staff } = await api('session.signIn', { email: account.email, password: account.password });
  return { token, staff };
}

let added = 0;

/** An admin adds a person for one test; they set their password with the setup code. */
export async function addPerson(api: ApiFn, adminToken: string, who: { name: string; roles: Role[]; desks: string[] }): Promise<Account & { staff: Staff }> {
  added += 1;
  const email = `person${added}.${Date.now()}@newsroom.test`;
  const { setup } = await api('staff.create', { name: who.name, email, roles: who.roles, desks: who.desks }, adminToken);
  const password = `correct horse ${added} battery staple`;
  const { staff } = await api('session.setUp', { code: setup.code, password });
  return { name: who.name, email, password, staff };
}

const PROBES = path.join(import.meta.dirname, 'page-probes.js');

/** Browser contexts opened by one test (with the page probes in them): closed after it, screenshotted first if it failed. */
export class Windows {
  private readonly contexts: { label: string; context: BrowserContext }[] = [];

  async open(browser: Browser, label: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ path: PROBES });
    this.contexts.push({ label, context });
    return context.newPage();
  }

  async close(failed: boolean, attach: (name: string, body: Buffer) => Promise<void>): Promise<void> {
    for (const { label, context } of this.contexts.splice(0)) {
      if (failed) {
        for (const [i, page] of context.pages().entries()) {
          const shot = await page.screenshot().catch(() => null);
          if (shot) await attach(`${label}-${i}.png`, shot);
        }
      }
      await context.close().catch(() => undefined);
    }
  }
}

/** Whether each newsroom's app has the e-mail and password sign-in screen (learnt at its first sign-in). */
const hasSignInScreen = new WeakMap<Newsroom, boolean>();

/**
 * Opens the newsroom in `page` and signs in on its sign-in screen (e-mail and password). Where
 * the app has no such screen, the page calls session.signIn itself, which sets the same cookie,
 * before the app loads.
 */
export async function signInPage(page: Page, newsroom: Newsroom, account: Account, hash = ''): Promise<void> {
  const app = `${newsroom.origin}/${hash}`;
  const email = page.getByRole('textbox', { name: /^e-?mail$/i });
  let screen = hasSignInScreen.get(newsroom);
  if (screen === undefined) {
    await page.goto(app);
    // Signed out, the app is done starting once its calls have settled (no event stream yet).
    await page.waitForLoadState('networkidle');
    screen = (await email.count()) > 0;
    hasSignInScreen.set(newsroom, screen);
  } else if (screen) {
    await page.goto(app);
  }
  if (screen) {
    await email.fill(account.email);
    await page.getByLabel(/^password$/i).fill(account.password);
    await page.getByRole('button', { name: /^sign in$/i }).click();
  } else {
    // Any page of the newsroom's origin will do to call from: the smallest.
    await page.goto(`${newsroom.origin}/healthz`);
    const answer = await callFromPage(page, 'session.signIn', { email: account.email, password: account.password });
    if (answer.status !== 200) throw new Error(`Signing in ${account.email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    await page.goto(app);
  }
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
}

/** A same-origin API call from the page, with its cookie, as the app makes it: the status and the answer. */
export async function callFromPage(page: Page, method: string, input: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([m, i]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i), credentials: 'same-origin' });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: res.status, body };
    },
    [method, input] as const,
  );
}

/** The address part of what the server recorded ("::ffff:10.231.7.3" → "10.231.7.3"). */
export const plainAddress = (address: string | null): string | null => address?.replace(/^::ffff:/, '') ?? null;

/** Calls a probe of page-probes.js in the page: `probe(page, 'whenShown', text)`. */
export function probe<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`window.__net.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<T>;
}
