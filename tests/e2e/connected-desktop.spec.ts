// One connected desktop (`serve --connect`) in Chromium, against a newsroom server (`serve`) on
// another loopback port, both started and stopped here: the connection indicator and the outbox
// view; Take offline and the lease a desk editor sees; the newsroom stopped while the reporter
// writes (the copy says it is the copy, the workflow buttons say why they do nothing, saves wait
// in the outbox and arrive when the newsroom is back); a save the newsroom could not apply shown
// with the conflict banner; and the chooser: This computer only, and a server whose self-signed
// certificate is trusted by its fingerprint, then refused when it changes.
// Two desktops and the hostile cases are tests/integration's; this is what the person sees.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { needsServerMessage } from '../../shared/offline.js';
import { makeCertificate } from '../network/tls.js';
import { makeApi, startServer, type ApiFn, type ServerHandle } from './server.js';
import { action, headline, newStory, openStory, saved, typeAtEnd } from './ui.js';

const PASSWORD = 'newsdesk-demo';
const HEADLINE = 'Ferry talks resume in Incheon 인천 여객선';

/** A loopback port nothing listens on now, so a stopped newsroom can come back at the same address. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Screenshots of the new screens, at the laptop size and at 800 px wide; also into NEWSDESK_SHOTS_DIR when set. */
async function shoot(page: Page, name: string, widths: number[] = [1280]): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of widths) {
    if (width !== size.width) await page.setViewportSize({ width, height: 800 });
    const file = `${name}-${width}.png`;
    await page.screenshot({ path: test.info().outputPath(file) });
    const dir = process.env.NEWSDESK_SHOTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, file) });
    }
  }
  if (page.viewportSize()?.width !== size.width) await page.setViewportSize(size);
}

/** No serious or critical axe violation on what shows (the new screens are reached only here). */
async function expectAccessible(p: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.impact} ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

let port: number;
let newsroomDir: string;
let newsroom: ServerHandle;
let desktop: ServerHandle;
let api: ApiFn;
let page: Page;
let emailOf: (name: string) => string;
const stopLater: ServerHandle[] = [];

const indicator = (p: Page) => p.getByRole('status').getByRole('button', { name: /^(Online|Offline|Sending|Sign in to send|Stopped)/ });

async function signIn(p: Page, name: string): Promise<void> {
  await p.getByLabel('E-mail').fill(emailOf(name));
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(p.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The newsroom on `at` (its own port by default), on its data folder as it was left. */
async function startNewsroom(at = port): Promise<ServerHandle> {
  const handle = await startServer({ demo: true, dataDir: newsroomDir, keepData: true, port: at });
  stopLater.push(handle);
  return handle;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000);
  port = await freePort();
  newsroomDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-newsroom-'));
  newsroom = await startNewsroom();
  api = makeApi(newsroom.baseURL);
  const { demoAccounts } = await api('session.access', {});
  emailOf = (name) => demoAccounts.find((a) => a.name === name)!.email;
  desktop = await startServer({ connect: newsroom.baseURL });
  // A context of its own (axe needs one), one person's browser for the whole file.
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
});

test.afterAll(async () => {
  await page?.context().close();
  for (const handle of [desktop, ...stopLater]) await handle?.stop().catch(() => undefined);
  rmSync(newsroomDir, { recursive: true, force: true });
});

test('a connected desktop signs in through its newsroom and says it is online; the outbox is empty', async () => {
  await page.goto(desktop.baseURL);
  await signIn(page, 'Ji Da-gyum');
  await expect(indicator(page)).toHaveText('Online');
  await indicator(page).click();
  const outbox = page.getByRole('dialog', { name: 'Outbox' });
  await expect(outbox.getByText('Nothing is waiting.', { exact: false })).toBeVisible();
  await shoot(page, 'outbox-empty');
  await expectAccessible(page, 'the empty outbox');
  await outbox.getByRole('button', { name: 'Close' }).click();
  await expect(outbox).toBeHidden();
});

test('Take offline keeps the lock as a lease the desk sees, and a desk editor may still break it', async ({ browser }) => {
  await newStory(page, 'North Korea');
  await headline(page).fill(HEADLINE);
  await typeAtEnd(page, 'Talks on the Incheon ferry line resumed on Monday.');
  await saved(page);
  await page.getByRole('button', { name: 'Take offline', exact: true }).click();
  await expect(page.getByText(/^Kept for offline work until/)).toBeVisible();

  // The desk, in a browser on the newsroom itself.
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  try {
    await desk.goto(newsroom.baseURL);
    await signIn(desk, 'Kim Min-ji');
    await desk.getByRole('button', { name: 'All stories' }).click();
    await expect(desk.getByRole('button', { name: new RegExp(`${HEADLINE}.*Ji Da-gyum is working offline on this`) })).toBeVisible();
    await openStory(desk, HEADLINE);
    await expect(desk.getByRole('alert').filter({ hasText: 'Ji Da-gyum is working offline on this' })).toBeVisible();
    await expect(desk.getByRole('button', { name: 'Force unlock' })).toBeEnabled();
    await shoot(desk, 'lease-seen-by-desk');
  } finally {
    await desk.context().close();
  }
});

test('offline, the copy says so, the workflow says why, and saves wait in the outbox until the newsroom is back', async () => {
  test.setTimeout(120_000);
  await newsroom.stop();
  await expect(indicator(page)).toHaveText(/^Offline/, { timeout: 20_000 });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Offline — showing this computer’s copy from/ })
      .first(),
  ).toBeVisible();

  const typed = ' The coast guard escorted the first crossing.';
  await typeAtEnd(page, typed);
  await expect(indicator(page)).toHaveText('Offline — 1 change waiting', { timeout: 15_000 });
  const submit = action(page, 'Submit to desk');
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription(needsServerMessage('Submit to desk'));
  // Said once for the bar's buttons (Submit to desk, Spike), in view.
  await expect(page.getByText(needsServerMessage('The workflow'))).toBeVisible();
  await expect(page.getByText('Saved on this computer')).toBeVisible();
  const preview = page.getByRole('button', { name: 'Preview', exact: true });
  await expect(preview).toBeDisabled();
  await expect(preview).toHaveAccessibleDescription(needsServerMessage('Preview'));
  await shoot(page, 'offline-editor', [1280, 800]);
  await expectAccessible(page, 'the editor offline');

  await indicator(page).click();
  const outbox = page.getByRole('dialog', { name: 'Outbox' });
  const entry = outbox.getByRole('listitem').filter({ hasText: HEADLINE });
  await expect(entry).toContainText('Saved changes');
  await expect(entry).toContainText('Waiting');
  await shoot(page, 'outbox-offline', [1280, 800]);
  await outbox.getByRole('button', { name: 'Close' }).click();

  newsroom = await startNewsroom();
  await expect(indicator(page)).toHaveText('Online', { timeout: 20_000 });
  const token = (await api('session.signIn', { email: emailOf('Ji Da-gyum'), password: PASSWORD })).token;
  const { items } = await api('stories.list', { query: 'Incheon' }, token);
  const { story } = await api('stories.get', { id: items[0]!.id }, token);
  expect(JSON.stringify(story.body)).toContain('The coast guard escorted the first crossing.');
  await expect(submit).toBeEnabled();
});

test('a save the newsroom could not apply shows the conflict banner; Take theirs clears it', async () => {
  test.setTimeout(120_000);
  await newsroom.stop();
  await expect(indicator(page)).toHaveText(/^Offline/, { timeout: 20_000 });
  await typeAtEnd(page, ' Written on the train.');
  await expect(indicator(page)).toHaveText('Offline — 1 change waiting', { timeout: 15_000 });

  // Meanwhile, at the newsroom (reached on another port the desktop does not know): Ji, at another
  // computer, takes the story over and saves a newer version.
  const elsewhere = await startNewsroom(await freePort());
  const there = makeApi(elsewhere.baseURL);
  const token = (await there('session.signIn', { email: emailOf('Ji Da-gyum'), password: PASSWORD })).token;
  const { items } = await there('stories.list', { query: 'Incheon' }, token);
  const id = items[0]!.id;
  await there('stories.unlock', { id }, token);
  const { story } = await there('stories.lock', { id }, token);
  await there('stories.save', { id, baseVersion: story.version, changes: { headline: `${HEADLINE} (desk)` } }, token);
  await there('stories.unlock', { id }, token);
  await elsewhere.stop();

  newsroom = await startNewsroom();
  const banner = page.getByRole('alert').filter({ hasText: 'Your changes made offline were not applied.' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'replay-conflict', [1280, 800]);
  await expectAccessible(page, 'the replay conflict banner');
  await banner.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare: their version and yours' });
  await expect(compare).toContainText('Written on the train.');
  await shoot(page, 'replay-conflict-compare');
  await compare.getByRole('button', { name: 'Take theirs' }).click();
  await expect(banner).toBeHidden();
  await expect(headline(page)).toHaveValue(`${HEADLINE} (desk)`);
  await expect(indicator(page)).toHaveText('Online');
});

test('a story spiked at the newsroom while written offline is kept here, and can be submitted as a new story', async () => {
  test.setTimeout(120_000);
  await newsroom.stop();
  await expect(indicator(page)).toHaveText(/^Offline/, { timeout: 20_000 });
  await typeAtEnd(page, ' Kept for later.');
  await expect(indicator(page)).toHaveText('Offline — 1 change waiting', { timeout: 15_000 });

  // Meanwhile the desk spikes it (breaking the lease, with a note).
  const elsewhere = await startNewsroom(await freePort());
  const there = makeApi(elsewhere.baseURL);
  const token = (await there('session.signIn', { email: emailOf('Kim Min-ji'), password: PASSWORD })).token;
  const { items } = await there('stories.list', { query: 'Incheon' }, token);
  const id = items[0]!.id;
  await there('stories.unlock', { id, note: 'Spiking: the talks were called off.' }, token).catch(() => undefined);
  await there('stories.transition', { id, action: 'spike', note: 'The talks were called off.' }, token);
  await elsewhere.stop();

  newsroom = await startNewsroom();
  await expect(indicator(page)).toHaveText('Online', { timeout: 20_000 });
  await indicator(page).click();
  const outbox = page.getByRole('dialog', { name: 'Outbox' });
  const entry = outbox.getByRole('listitem').filter({ hasText: HEADLINE });
  await expect(entry).toContainText('Kept on this computer');
  await expect(entry).toContainText('Your text is kept here');
  // The open story says so too, and its text stays in view.
  await expect(page.getByRole('alert').filter({ hasText: 'Your changes made offline could not be sent' })).toBeAttached();
  await shoot(page, 'outbox-kept', [1280, 800]);
  await expectAccessible(page, 'the outbox with a kept entry');

  await entry.getByRole('button', { name: 'Submit as a new story' }).click();
  await expect(outbox).toBeHidden();
  await expect(headline(page)).toHaveValue(`${HEADLINE} (desk)`);
  await expect(page.getByText('Kept for later.')).toBeVisible();
  await indicator(page).click();
  await expect(outbox.getByText('Nothing is waiting.', { exact: false })).toBeVisible();
  await outbox.getByRole('button', { name: 'Close' }).click();
});

test('the newsroom ends the computer’s session while a change waits: sign-in says what waits, and signing in sends it', async () => {
  test.setTimeout(120_000);
  await newsroom.stop();
  await expect(indicator(page)).toHaveText(/^Offline/, { timeout: 20_000 });
  await typeAtEnd(page, ' Sent after signing in again.');
  await expect(indicator(page)).toHaveText('Offline — 1 change waiting', { timeout: 15_000 });

  // Meanwhile Ji ends the laptop's session from another computer.
  const elsewhere = await startNewsroom(await freePort());
  const there = makeApi(elsewhere.baseURL);
  const token = (await there('session.signIn', { email: emailOf('Ji Da-gyum'), password: PASSWORD })).token;
  const { sessions } = await there('session.list', {}, token);
  const device = sessions.find((s) => s.kind === 'desktop');
  expect(device, 'the laptop is listed as a desktop session').toBeDefined();
  await there('session.end', { id: device!.id }, token);
  await elsewhere.stop();

  newsroom = await startNewsroom();
  await expect(page.getByText('1 change is waiting on this computer; sign in to send it.')).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'sign-in-waiting', [1280, 800]);
  await expectAccessible(page, 'sign-in with changes waiting');
  await signIn(page, 'Ji Da-gyum');
  await expect(indicator(page)).toHaveText('Online', { timeout: 20_000 });
  const fresh = (await api('session.signIn', { email: emailOf('Ji Da-gyum'), password: PASSWORD })).token;
  const { items } = await api('stories.list', { query: 'Incheon', status: ['draft'] }, fresh);
  const bodies = await Promise.all(items.map(async (i) => JSON.stringify((await api('stories.get', { id: i.id }, fresh)).story.body)));
  expect(bodies.some((b) => b.includes('Sent after signing in again.'))).toBe(true);
});

test('Newsroom…: This computer only opens a newsroom of this computer’s own', async () => {
  await page.getByRole('button', { name: 'Close story' }).click();
  await page.getByRole('button', { name: 'Newsroom…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Newsroom' });
  await expect(chooser.getByRole('radio', { name: 'Connect to a newsroom server' })).toBeChecked();
  await expect(chooser.getByLabel('Server address')).toHaveValue(newsroom.baseURL);
  await shoot(page, 'chooser-connect', [1280, 800]);
  await expectAccessible(page, 'the newsroom chooser');
  await chooser.getByRole('radio', { name: 'This computer only' }).check();
  await shoot(page, 'chooser-local');
  await chooser.getByRole('button', { name: 'Use this computer' }).click();
  // An empty newsroom of its own: its first admin sets it up; nothing of the server's shows.
  await expect(page.getByRole('heading', { name: 'Set up this newsroom' })).toBeVisible();
  await expect(page.getByRole('status').getByRole('button')).toHaveCount(0);
});

test('a self-signed server is trusted by its fingerprint, and a changed certificate is refused with both', async () => {
  test.setTimeout(120_000);
  const certs = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-certs-'));
  const tlsDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-tls-'));
  try {
    const first = makeCertificate(certs, '127.0.0.1');
    const tlsPort = await freePort();
    let secure = await startServer({ demo: true, dataDir: tlsDir, keepData: true, port: tlsPort, tls: { cert: first.certFile, key: first.keyFile } });
    stopLater.push(secure);

    await page.getByRole('button', { name: 'Choose another newsroom…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Newsroom' });
    await chooser.getByRole('radio', { name: 'Connect to a newsroom server' }).check();
    await chooser.getByLabel('Server address').fill(secure.baseURL);
    await chooser.getByLabel('E-mail').fill(emailOf('Ji Da-gyum'));
    await chooser.getByLabel('Password').fill(PASSWORD);
    await chooser.getByRole('button', { name: 'Connect and sign in' }).click();
    await expect(chooser.getByRole('heading', { name: 'Check this server’s certificate' })).toBeVisible();
    await expect(chooser).toContainText('Check this fingerprint with your newsroom’s IT person.');
    await expect(chooser).toContainText('CN=127.0.0.1');
    await shoot(page, 'trust-prompt', [1280, 800]);
    await expectAccessible(page, 'the certificate trust prompt');
    await chooser.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const state = async () => JSON.stringify(await makeApi(desktop.baseURL)('desktop.status', {}));
    await expect(indicator(page), await state()).toHaveText('Online');

    // The server comes back with another certificate: nothing is sent, and the person is told.
    await secure.stop();
    const second = makeCertificate(mkdtempSync(path.join(certs, 'second-')), '127.0.0.1');
    secure = await startServer({ demo: true, dataDir: tlsDir, keepData: true, port: tlsPort, tls: { cert: second.certFile, key: second.keyFile } });
    stopLater.push(secure);
    await expect(indicator(page)).toHaveText(/certificate changed/, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'The server’s certificate has changed' })).toBeVisible();
    await expect(page.getByText('Trusted before')).toBeVisible();
    await shoot(page, 'certificate-changed', [1280, 800]);
    await expectAccessible(page, 'the changed-certificate warning');
  } finally {
    rmSync(certs, { recursive: true, force: true });
    rmSync(tlsDir, { recursive: true, force: true });
  }
});
