// The event stream drops and comes back: the shell says "Reconnecting…" (a polite status) while it
// is down and nothing once it is back, and a change made later reaches the desk queue without a
// reload: refused at first (route-abort), and across a server restart (same port, same data).
// Screenshots: test-results/screens/reconnect-01-reconnecting.png, reconnect-02-server-down.png

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, docOf, shot, type ApiFn, type ServerHandle } from './fixtures.js';
import { serveCommand } from './server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const EVENTS = /\/api\/events(\?|$)/;

const reconnecting = (page: Page) => page.getByRole('status').filter({ hasText: 'Reconnecting…' });

/** A reporter's story submitted over the API: it belongs in the desk queue. */
async function submitStory(api: ApiFn, token: string, title: string): Promise<void> {
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf([`${title}: its first paragraph.`]) } }, token);
  await api('stories.transition', { id: story.id, action: 'submit' }, token);
}

test('an event stream refused at first: "Reconnecting…" shows, goes once it connects, and a later change arrives', async ({ page, signIn, api, newsroom }) => {
  const reporter = await newsroom.token('Ji Da-gyum');
  await page.route(EVENTS, (route) => route.abort('connectionrefused'));
  await signIn(page, 'Kim Min-ji');
  await expect(reconnecting(page)).toBeVisible({ timeout: 15_000 });
  await shot(page, 'reconnect-01-reconnecting');

  await page.unroute(EVENTS);
  await expect(reconnecting(page)).toHaveCount(0, { timeout: 30_000 });
  let reloads = 0;
  page.on('framenavigated', (frame) => frame === page.mainFrame() && (reloads += 1));
  const title = 'Reconnect: the harbour bridge reopens';
  await submitStory(api, reporter, title);
  await expect(page.locator('.list-pane').getByRole('button', { name: new RegExp(title) })).toBeVisible({ timeout: 10_000 });
  expect(reloads, 'the desk page was not reloaded').toBe(0);
});

/** A server whose process can be stopped and started again on the same port and data (sessions are kept in the database). */
interface Restartable extends ServerHandle {
  /** Stops the server; resolves to the way to start it again. */
  down(): Promise<() => Promise<void>>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function restartableServer(): Promise<Restartable> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-restart-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | null = null;
  const up = async () => {
    const started = spawn('sh', ['-c', `exec ${serveCommand()} --data-dir '${dataDir}' --port ${port} --demo`], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    for (let i = 0; ; i += 1) {
      const ok = await fetch(`${baseURL}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      if (i > 300 || started.exitCode !== null) throw new Error(`The server did not start on ${baseURL}.\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const down = async () => {
    const running = child;
    child = null;
    if (running?.pid && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((r) => running.once('exit', r));
      process.kill(-running.pid, 'SIGTERM');
      await exited;
    }
  };
  await up();
  return {
    baseURL,
    dataDir,
    output: () => output,
    async down() {
      await down();
      return up;
    },
    async stop() {
      await down();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const withRestart = test.extend<{ server: Restartable }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await restartableServer();
    await use(server);
    await server.stop();
  },
});

withRestart(
  'the server restarts while the desk works: "Reconnecting…", then back, the desk still signed in; a change made after arrives',
  async ({ page, signIn, api, newsroom, server }) => {
    const reporter = await newsroom.token('Ji Da-gyum');
    await signIn(page, 'Kim Min-ji');
    const queue = page.locator('.list-pane');
    const first = 'Reconnect: a story before the restart';
    await submitStory(api, reporter, first);
    await expect(queue.getByRole('button', { name: new RegExp(first) })).toBeVisible({ timeout: 10_000 });
    await expect(reconnecting(page)).toHaveCount(0);

    const up = await server.down();
    await expect(reconnecting(page)).toBeVisible({ timeout: 15_000 });
    await shot(page, 'reconnect-02-server-down');
    await up();
    // Back by itself (the client tries again with back-off), still signed in: sessions outlive a restart.
    await expect(reconnecting(page)).toHaveCount(0, { timeout: 45_000 });
    await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    const later = 'Reconnect: submitted after the server came back';
    await submitStory(api, reporter, later);
    await expect(queue.getByRole('button', { name: new RegExp(later) })).toBeVisible({ timeout: 10_000 });
    await expect(queue.getByRole('button', { name: new RegExp(first) })).toBeVisible();
  },
);
