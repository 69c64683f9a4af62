// Launches the built desktop app (dist/electron/main.cjs) with a fresh data folder and the demo
// newsroom: the window opens on the sign-in screen with window.newsdesk bridged, then the newsroom
// journey of the browser tests runs through IPC in the one window (people take turns signing in).

import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { escapeRegExp, seedArticle } from '../e2e/fixtures.js';
import { action, actionWithNote, expectStatus, headline, newStory, openStory, replaceInBody, saved, writeBody } from '../e2e/ui.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../scripts/electronBinary.mjs';
import { makeApi, startServer } from '../e2e/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Launches the app on a fresh data folder, or skips saying why it cannot here. By default the
 * first run is answered with the demo newsroom on this computer; `firstRun: null` leaves the
 * choice to the window's chooser.
 */
async function launch(opts: { firstRun?: 'demo' | null } = {}): Promise<{ app: ElectronApplication; window: Page; dataDir: string }> {
  const binary = electronBinary(ROOT);
  if (binary.bin === null) {
    const why = `Electron binary not installed: ${binary.reason}. Skipping the desktop test; the same renderer and core are tested in Chromium (tests/e2e).`;
    console.warn(why);
    test.skip(true, why);
    throw new Error(why);
  }
  expect(existsSync(path.join(ROOT, 'dist/electron/main.cjs')), 'run `npm run build` first').toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-electron-'));
  const args = [ROOT];
  // Electron's own sandbox needs a setuid helper that root in a container does not have.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await electron.launch({
    executablePath: binary.bin,
    args,
    cwd: ROOT,
    env: { ...process.env, NEWSDESK_DATA_DIR: dataDir, NEWSDESK_FIRST_RUN: opts.firstRun === null ? '' : 'demo', ELECTRON_ENABLE_LOGGING: '1' },
  });
  return { app, window: await app.firstWindow(), dataDir };
}

async function signInAs(window: Page, name: string): Promise<void> {
  const signOut = window.getByRole('button', { name: 'Sign out', exact: true });
  if (await signOut.isVisible().catch(() => false)) await signOut.click();
  // A demo account's button fills the form with its e-mail and the demo password.
  await window
    .getByRole('button', { name: new RegExp(escapeRegExp(name)) })
    .first()
    .click();
  await window.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signOut).toBeVisible();
}

test('the desktop app opens on the sign-in screen', async () => {
  const { app, window, dataDir } = await launch();
  try {
    await expect(window).toHaveTitle(/Newsdesk/);
    expect(window.url()).toBe('newsdesk://app/index.html');
    // The bridge is there and the raw IPC is not.
    expect(await window.evaluate(() => typeof (window as unknown as { newsdesk?: unknown }).newsdesk)).toBe('object');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    // The sign-in screen lists the demo staff.
    await expect(window.getByText('Ji Da-gyum').first()).toBeVisible({ timeout: 20_000 });
    // Sandboxed with context isolation: no Node in the page.
    expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the newsroom journey runs in the desktop app', async () => {
  test.setTimeout(180_000);
  const { app, window, dataDir } = await launch();
  const seed = seedArticle();
  try {
    await signInAs(window, seed.byline.name);
    await newStory(window, seed.desk);
    await headline(window).fill(seed.headline);
    await writeBody(window, seed.body_paragraphs.slice(0, 3));
    await saved(window);
    // The live copy checks run in a worker in the packaged app too.
    await expect(window.getByRole('tabpanel', { name: /Checks/ }).getByRole('button', { name: /no dateline/ })).toBeVisible({ timeout: 15_000 });
    await action(window, 'Submit to desk').click();
    await expectStatus(window, 'Submitted');

    await signInAs(window, 'Kim Min-ji');
    await openStory(window, seed.headline);
    await action(window, 'Claim').click();
    await expectStatus(window, 'In edit');
    await replaceInBody(window, 'Monday', 'Tuesday');
    await saved(window);
    await actionWithNote(window, 'Send back', 'Check the day of the talks.');

    await signInAs(window, seed.byline.name);
    await openStory(window, seed.headline);
    await expect(window.getByText('Check the day of the talks.').first()).toBeVisible();
    await action(window, 'Submit to desk').click();

    await signInAs(window, 'Lee Jae-won');
    await openStory(window, seed.headline);
    await action(window, 'Claim').click();
    await action(window, 'Approve').click();
    await expectStatus(window, 'Approved');
    await action(window, 'Publish').click();
    await expectStatus(window, 'Published');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('on a first run the window asks for the newsroom, connects to a newsroom server and works with it', async () => {
  test.setTimeout(180_000);
  // Skipped before any newsroom starts where there is no binary to connect.
  test.skip(electronBinary(ROOT).bin === null, 'Electron binary not installed; the connected desktop is tested in Chromium (tests/e2e/connected-desktop.spec.ts).');
  const newsroom = await startServer({ demo: true });
  try {
    const { app, window, dataDir } = await launch({ firstRun: null });
    try {
      const api = makeApi(newsroom.baseURL);
      const ji = (await api('session.access', {})).demoAccounts.find((a) => a.name === 'Ji Da-gyum')!;
      await expect(window.getByRole('heading', { name: 'Choose your newsroom' })).toBeVisible({ timeout: 20_000 });
      await window.getByRole('radio', { name: 'Connect to a newsroom server' }).check();
      await window.getByLabel('Server address').fill(newsroom.baseURL);
      await window.getByLabel('E-mail').fill(ji.email);
      await window.getByLabel('Password').fill('newsdesk-demo');
      await window.getByRole('button', { name: 'Connect and sign in' }).click();
      await expect(window.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await expect(window.getByRole('status').getByRole('button', { name: 'Online' })).toBeVisible({ timeout: 20_000 });

      // A story written in the desktop app arrives at the newsroom.
      await newStory(window, 'North Korea');
      await headline(window).fill('Written in the desktop app for the newsroom');
      await saved(window);
      const { token } = await api('session.signIn', { email: ji.email, password: 'newsdesk-demo' });
      const { items } = await api('stories.list', { query: 'desktop app for the newsroom' }, token);
      expect(items.map((i) => i.headline)).toContain('Written in the desktop app for the newsroom');
      // The newsroom lists the computer's device session.
      const { sessions } = await api('session.list', {}, token);
      expect(sessions.some((s) => s.kind === 'desktop')).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await newsroom.stop();
  }
});
