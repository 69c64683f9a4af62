// One newsroom for the network tests, in one of two shapes that the same test bodies run against:
//
// - "network": five hosts on a throw-away network (tests/support/netns.ts): the server on one
//   (HTTPS, a self-signed certificate for newsroom.test, --public-url https://newsroom.test), a
//   reporter's browser on a second, a desk editor's on a third, an attacker's web page on a fourth;
//   the test runner is the fifth address and plays an administrator's script.
// - "loopback": the same parts on this machine's loopback, plain HTTP on 127.0.0.1; the attacker's
//   page is another port of 127.0.0.1 (same site, another origin: the cookie's SameSite does not
//   help there, only the server's Origin check does) and its requests leave from 127.0.0.3.
//
// One server per shape, reused by the tests; each test makes its own browser contexts.

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { ApiFn } from '../e2e/server.js';
import { processAlive } from '../support/processAlive.js';
import { createNetwork, namespaceSupport, type Support, type VirtualNetwork } from '../support/netns.js';
import { launchBrowser, type BrowserPlace } from './browsers.js';
import { startHostAgent, type HostAgent } from './hostAgentClient.js';
import { apiOver, type Endpoint } from './http.js';
import { startNewsroomServer, type NewsroomServer, type ServerFlags } from './newsroomServer.js';
import { makeCertificate } from './tls.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type Variant = 'loopback' | 'network';
export const VARIANTS: Variant[] = ['loopback', 'network'];

/** The newsroom's made-up name on the test network. */
export const NEWSROOM_HOSTNAME = 'newsroom.test';
export const DEMO_PASSWORD = 'newsdesk-demo';

export interface Newsroom {
  variant: Variant;
  /** Which host is where, for failure messages. */
  map: string;
  /** The address the server sees each party's connections come from. */
  addresses: { reporter: string; desk: string; attacker: string; runner: string };
  /** The server as the runner reaches it; `origin` is what the browsers open. */
  endpoint: Endpoint;
  origin: string;
  /** API calls from the runner (an administrator's script, on its own host). */
  api: ApiFn;
  /** The attacker's host: its page (`attacker.pageOrigin`) and requests sent from it. */
  attacker: HostAgent;
  reporterBrowser: Browser;
  deskBrowser: Browser;
  server: NewsroomServer;
  close(): Promise<void>;
}

/** Whether `variant` can run here; the network one needs namespaces. */
export function variantSupport(variant: Variant): Support {
  return variant === 'loopback' ? { ok: true } : namespaceSupport();
}

function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const piped: SpawnOptions = { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] };

/** Temporary folders of newsrooms still open: removed even when the runner exits without closing them. */
const openDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of openDirs) rmSync(dir, { recursive: true, force: true });
});

/** Removes the folders of runs whose process is gone (killed before it could clean up). */
function sweepOldDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^newsdesk-(?:loopback|network)-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** Where each part of a newsroom runs: all the two shapes differ in. */
interface Layout {
  endpoint: Endpoint;
  map: string;
  addresses: Newsroom['addresses'];
  server: { launch: (argv: string[]) => ChildProcess; flags: ServerFlags };
  attacker: Parameters<typeof startHostAgent>[0];
  browser(label: 'reporter' | 'desk'): BrowserPlace;
}

/** The network shape; the network's teardown goes on `undo`. */
function onNetwork(dir: string, dataDir: string, undo: (() => Promise<void> | void)[]): Layout {
  const network: VirtualNetwork = createNetwork(['srv', 'rep', 'desk', 'evil']);
  undo.push(() => network.teardown());
  const { srv, rep, desk, evil } = network.hosts as Record<'srv' | 'rep' | 'desk' | 'evil', VirtualNetwork['hosts'][string]>;
  const certificate = makeCertificate(dir, NEWSROOM_HOSTNAME);
  const origin = `https://${NEWSROOM_HOSTNAME}`;
  const hostOf = { reporter: rep, desk };
  return {
    endpoint: { origin, address: srv.address, port: 443, ca: certificate.pem },
    map: `network ${network.subnet}: server ${srv.address} (${NEWSROOM_HOSTNAME}), reporter ${rep.address}, desk editor ${desk.address}, attacker ${evil.address}, runner ${network.runnerAddress}`,
    addresses: { reporter: rep.address, desk: desk.address, attacker: evil.address, runner: network.runnerAddress },
    server: {
      launch: (argv) => network.spawn(srv, argv, piped),
      flags: { dataDir, listen: `${srv.address}:443`, publicUrl: origin, tls: certificate, demo: true },
    },
    attacker: { launch: (argv) => network.spawn(evil, argv, piped), controlSocket: path.join(dir, 'evil.sock'), page: { address: evil.address, port: 80 } },
    browser: (label) => ({
      commandPrefix: network.command(hostOf[label], []),
      dir,
      label,
      resolve: { hostname: NEWSROOM_HOSTNAME, address: srv.address, network: network.subnet.replace(/0\/24$/, '*') },
      spkiSha256: certificate.spkiSha256,
    }),
  };
}

/** The loopback shape. */
async function onLoopback(dir: string, dataDir: string): Promise<Layout> {
  const [port, attackerPort] = await Promise.all([freePort('127.0.0.1'), freePort('127.0.0.1')]);
  const origin = `http://127.0.0.1:${port}`;
  const launch = (argv: string[]): ChildProcess => spawn(argv[0] as string, argv.slice(1), piped);
  return {
    endpoint: { origin, address: '127.0.0.1', port },
    map: `loopback: server ${origin}, browsers on 127.0.0.1, attacker's page http://127.0.0.1:${attackerPort} sending from 127.0.0.3`,
    addresses: { reporter: '127.0.0.1', desk: '127.0.0.1', attacker: '127.0.0.3', runner: '127.0.0.1' },
    server: { launch, flags: { dataDir, listen: `127.0.0.1:${port}`, demo: true } },
    attacker: { launch, controlSocket: path.join(dir, 'evil.sock'), page: { address: '127.0.0.1', port: attackerPort }, source: '127.0.0.3' },
    browser: (label) => ({ dir, label }),
  };
}

export async function openNewsroom(variant: Variant): Promise<Newsroom> {
  sweepOldDirs();
  const dir = mkdtempSync(path.join(tmpdir(), `newsdesk-${variant}-${process.pid}-`));
  openDirs.add(dir);
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir);
  const undo: (() => Promise<void> | void)[] = [
    () => {
      rmSync(dir, { recursive: true, force: true });
      openDirs.delete(dir);
    },
  ];
  const close = async () => {
    for (const step of undo.splice(0).reverse()) {
      try {
        await step();
      } catch {
        // keep tearing down the rest
      }
    }
  };

  try {
    const layout = variant === 'network' ? onNetwork(dir, dataDir, undo) : await onLoopback(dir, dataDir);
    const { endpoint } = layout;
    const server = await startNewsroomServer({ ...layout.server, endpoint });
    undo.push(() => server.kill('SIGKILL'));
    const attacker = await startHostAgent(layout.attacker);
    undo.push(() => attacker.stop());
    const [reporterBrowser, deskBrowser] = await Promise.all([launchBrowser(layout.browser('reporter')), launchBrowser(layout.browser('desk'))]);
    undo.push(
      () => reporterBrowser.close(),
      () => deskBrowser.close(),
    );
    return {
      variant,
      map: layout.map,
      addresses: layout.addresses,
      endpoint,
      origin: endpoint.origin,
      api: apiOver(endpoint),
      attacker,
      reporterBrowser,
      deskBrowser,
      server,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
