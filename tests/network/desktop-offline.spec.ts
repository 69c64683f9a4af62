// A connected desktop whose network drops packets instead of refusing connections notices within
// seconds that it is offline, keeps what is typed, and sends it when the packets flow again.
//
// - "network": the newsroom server on a host of its own (a network namespace, HTTPS with a
//   self-signed certificate the desktop is told to trust by its fingerprint), the desktop on the
//   runner's host. The drop: a blackhole route on the server's host for the desktop's address, so
//   the desktop's packets arrive and nothing ever comes back — no reset, no refusal.
// - "loopback": the same on 127.0.0.1, with a proxy between them that from one moment on swallows
//   every request and every answer in flight, the connections left open.
//
// Run `npm run build` first: both run the built server cli, the desktop with --connect.

import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { createNetwork, namespaceSupport, type VirtualNetwork } from '../support/netns.js';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy.js';
import { startNewsdesk, type NewsdeskProcess } from '../support/newsdeskCli.js';
import { clientOf, DEMO, DEMO_PASSWORD, doc, signIn, statusOf, textOf, waitForConnection, waitForSent, waitUntil } from '../support/connectedDesktop.js';
import { apiOver } from './http.js';
import { serverCommand, startNewsroomServer, type NewsroomServer } from './newsroomServer.js';
import { makeCertificate } from './tls.js';

const DROP_NOTICED_MS = 10_000;

interface Place {
  /** What the desktop connects to. */
  serverUrl: string;
  /** The story's text on the server, as the desk reads it there. */
  textOnServer(id: number): Promise<string>;
  /** Packets stop coming back / flow again. */
  drop(): Promise<void>;
  restore(): Promise<void>;
  /** The certificate's SHA-256 fingerprint, for a server the desktop must be told to trust. */
  fingerprint: string | null;
  close(): Promise<void>;
}

async function onNetwork(dir: string): Promise<Place> {
  const network: VirtualNetwork = createNetwork(['srv']);
  const srv = network.hosts.srv!;
  try {
    const certificate = makeCertificate(dir, 'newsroom.test', srv.address);
    const origin = `https://${srv.address}`;
    const server: NewsroomServer = await startNewsroomServer({
      launch: (argv) => network.spawn(srv, argv, { stdio: ['ignore', 'pipe', 'pipe'] }),
      flags: { dataDir: path.join(dir, 'server'), listen: `${srv.address}:443`, publicUrl: origin, tls: certificate, demo: true },
      endpoint: { origin, address: srv.address, port: 443, ca: certificate.pem },
    });
    const route = ['route', '%s', 'blackhole', `${network.runnerAddress}/32`];
    const ipIn = (verb: 'add' | 'del') => execFileSync(network.command(srv, [])[0]!, ['-n', srv.namespace, ...route.map((r) => (r === '%s' ? verb : r))]);
    return {
      serverUrl: origin,
      // The runner is on the network too: it reads the server directly, its certificate pinned.
      textOnServer: async (id) => {
        const api = apiOver({ origin, address: srv.address, port: 443, ca: certificate.pem });
        const { token } = await api('session.signIn', { email: DEMO.lee, password: DEMO_PASSWORD });
        return textOf((await api('stories.get', { id }, token)).story.body);
      },
      drop: async () => void ipIn('add'),
      restore: async () => void ipIn('del'),
      fingerprint: new X509Certificate(certificate.pem).fingerprint256,
      close: async () => {
        await server.kill('SIGKILL');
        network.teardown();
      },
    };
  } catch (error) {
    network.teardown();
    throw error;
  }
}

async function onLoopback(dir: string): Promise<Place> {
  const server = await startNewsdesk('newsroom server', ['--data-dir', path.join(dir, 'server'), '--demo'], { command: serverCommand() });
  const proxy: FaultProxy = await startFaultProxy(server.url);
  return {
    serverUrl: proxy.url,
    textOnServer: async (id) => textOf((await (await signIn(server.url, DEMO.lee)).api.stories.get({ id })).story.body),
    drop: () => proxy.setMode('hang'),
    restore: () => proxy.setMode('pass'),
    fingerprint: null,
    close: async () => {
      await proxy.close();
      await server.stop('SIGKILL');
    },
  };
}

for (const variant of ['loopback', 'network'] as const) {
  test.describe(variant, () => {
    const support = variant === 'network' ? namespaceSupport() : { ok: true as const };
    test.skip(!support.ok, support.ok ? '' : `network namespaces cannot be made here: ${support.reason}`);

    let dir = '';
    let place: Place | null = null;
    let desktop: NewsdeskProcess | null = null;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      dir = mkdtempSync(path.join(tmpdir(), `newsdesk-desktop-${variant}-`));
      place = variant === 'network' ? await onNetwork(dir) : await onLoopback(dir);
      desktop = await startNewsdesk('desktop', ['--connect', place.serverUrl, '--data-dir', path.join(dir, 'desktop')], { command: serverCommand() });
    });
    test.afterAll(async () => {
      await desktop?.stop('SIGKILL');
      await place?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    // eslint-disable-next-line no-empty-pattern
    test.afterEach(async ({}, info) => {
      if (info.status !== info.expectedStatus && desktop) await info.attach('desktop output', { body: desktop.output(), contentType: 'text/plain' });
    });

    test('a network that drops packets is noticed within 10 s; what was typed is sent when it flows again', async () => {
      const room = place!;
      const app = desktop!;
      if (room.fingerprint) {
        // A certificate no authority signed: trusted once by its fingerprint, as the person would.
        await clientOf(app.url).api.desktop.choose({ mode: 'connected', url: room.serverUrl, trustFingerprint: room.fingerprint });
      }
      const reporter = await signIn(app.url, DEMO.park);
      await waitForConnection(app, 'online', 20_000);
      const { story } = await reporter.api.stories.create({ desk: 'National', headline: `Signal lost on the KTX (${variant})` });

      await room.drop();
      const droppedAt = Date.now();
      const offline = await waitUntil(
        'the desktop to report offline',
        () => statusOf(app),
        (s) => s.connection === 'offline',
        DROP_NOTICED_MS + 5_000,
        100,
      );
      const noticedMs = Date.now() - droppedAt;
      test.info().annotations.push({ type: 'noticed', description: `${noticedMs} ms` });
      expect(noticedMs, 'ms from the first dropped packet to "offline"').toBeLessThan(DROP_NOTICED_MS);
      expect(offline.problem).toMatch(/\S/);

      const typed = 'Typed in the tunnel between Cheonan and Osong.';
      await reporter.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc(typed) } });
      expect((await statusOf(app)).waiting).toBeGreaterThan(0);

      await room.restore();
      await reporter.api.desktop.retry({}).catch(() => undefined);
      await waitForSent(app, 30_000);
      expect(textOf((await reporter.api.stories.get({ id: story.id })).story.body)).toBe(typed);
      expect(await room.textOnServer(story.id)).toBe(typed);
    });
  });
}
