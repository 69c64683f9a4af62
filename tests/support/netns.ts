// A throw-away network of several hosts on this one machine, for tests that must cross a real
// network: one Linux network namespace per host, each with a veth pair into a bridge that lives in
// a namespace of its own, addresses in a private /24 nobody here uses. The test runner itself (the
// root namespace) joins the bridge as one more address, so it can reach every host and nothing else
// changes on the machine. No namespace has a default route: traffic goes only to these addresses
// and to each host's own loopback.
//
// Needs root and Debian's iproute2 (`ip`). `namespaceSupport()` says whether it works here and,
// if not, exactly why; the tests skip with that reason.
//
// Names carry the creating process's pid (nd<pid>-<n>-<host>), so a run sweeps what an earlier
// crashed run left behind without touching a run that is still going.

import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { processAlive } from './processAlive.js';

const IP_CANDIDATES = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'];
const PREFIX = 'nd';
/** The 10.231.<n>.0/24 networks these tests pick from (a block this project keeps for them). */
const SUBNET_BASE = '10.231';

export type Support = { ok: true } | { ok: false; reason: string };

/** One host of the network: a namespace and its address on the bridge. */
export interface NetHost {
  name: string;
  namespace: string;
  address: string;
}

export interface VirtualNetwork {
  /** 10.231.n.0/24 */
  subnet: string;
  hosts: Record<string, NetHost>;
  /** The test runner's own address on the network (the root namespace's end of its veth). */
  runnerAddress: string;
  /** argv that runs `argv` inside the host's namespace. */
  command(host: NetHost, argv: string[]): string[];
  /** Starts a process inside the host's namespace. */
  spawn(host: NetHost, argv: string[], options?: SpawnOptions): ChildProcess;
  /** Ends every process inside the namespaces and removes them (the veths and the bridge go with them). Idempotent. */
  teardown(): void;
}

let ipPath: string | null | undefined;

function ipBinary(): string | null {
  if (ipPath === undefined) ipPath = IP_CANDIDATES.find((p) => existsSync(p)) ?? null;
  return ipPath;
}

function ip(args: string[]): string {
  const bin = ipBinary();
  if (!bin) throw new Error('iproute2 is not installed');
  return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `ip` without throwing: for teardown, where something may already be gone. */
function ipQuiet(args: string[]): string {
  try {
    return ip(args);
  } catch {
    return '';
  }
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr;
  const text = stderr ? String(stderr).trim() : '';
  return text || (error instanceof Error ? error.message : String(error));
}

let support: Support | undefined;

/**
 * Whether namespaces, veth pairs and a bridge can be made here: root, `ip` present, and a probe
 * namespace that really gets a bridge and a veth pair (a container without CAP_SYS_ADMIN or
 * without the veth/bridge modules fails here, not halfway through a test).
 */
export function namespaceSupport(): Support {
  if (support) return support;
  support = probe();
  return support;
}

function probe(): Support {
  if (process.platform !== 'linux') return { ok: false, reason: `network namespaces are a Linux feature (this is ${process.platform})` };
  const uid = process.getuid?.() ?? -1;
  if (uid !== 0) return { ok: false, reason: `making network namespaces needs root (running as uid ${uid})` };
  if (!ipBinary()) return { ok: false, reason: `iproute2's ip is not installed (looked for ${IP_CANDIDATES.join(', ')}; apt-get install iproute2)` };
  sweepLeftovers();
  const ns = `${PREFIX}${process.pid}-probe`;
  try {
    ip(['netns', 'add', ns]);
  } catch (error) {
    return { ok: false, reason: `\`ip netns add\` failed: ${stderrOf(error)}` };
  }
  try {
    ip(['-n', ns, 'link', 'add', 'br0', 'type', 'bridge']);
    ip(['-n', ns, 'link', 'add', 'va', 'type', 'veth', 'peer', 'name', 'vb']);
    ip(['-n', ns, 'link', 'set', 'va', 'master', 'br0']);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `a bridge or veth pair could not be made in a namespace: ${stderrOf(error)}` };
  } finally {
    ipQuiet(['netns', 'del', ns]);
  }
}

function ourNamespaces(): string[] {
  return ipQuiet(['netns', 'list'])
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => new RegExp(`^${PREFIX}\\d+-`).test(name));
}

/** Kills the processes left inside a namespace (servers, browsers this suite started there), then removes it. */
function removeNamespace(ns: string): void {
  for (const pid of ipQuiet(['netns', 'pids', ns]).split(/\s+/).filter(Boolean).map(Number)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // A namespace with a process still in it outlives its name: wait briefly for the kills to land.
  for (let i = 0; i < 50 && ipQuiet(['netns', 'pids', ns]).trim() !== ''; i += 1) execFileSync('sleep', ['0.02']);
  ipQuiet(['netns', 'del', ns]);
}

/** Removes what runs of this suite whose process is gone left behind (a crash, a kill -9). */
export function sweepLeftovers(): void {
  for (const ns of ourNamespaces()) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(ns)?.[1]);
    if (pid !== process.pid && !processAlive(pid)) removeNamespace(ns);
  }
}

/** A 10.231.n.0/24 that no address or route of the root namespace touches (another run's included). */
function freeSubnet(): string {
  const used = ipQuiet(['-o', 'addr']) + ipQuiet(['route', 'show', 'table', 'all']);
  for (let i = 0; i < 200; i += 1) {
    const n = 20 + ((process.pid + i) % 200);
    const subnet = `${SUBNET_BASE}.${n}`;
    if (!used.includes(`${subnet}.`)) return subnet;
  }
  throw new Error(`No free ${SUBNET_BASE}.n.0/24 network on this machine.`);
}

let networks = 0;
const live = new Set<VirtualNetwork>();
let exitHookInstalled = false;

/**
 * Makes the network: a bridge namespace, and for each name in `hostNames` a namespace with its
 * loopback up and `eth0` on the bridge at 10.231.n.2, .3, … in order. The root namespace gets
 * 10.231.n.1 on a veth into the bridge. Throws (after removing what it made) if anything fails.
 */
export function createNetwork(hostNames: string[]): VirtualNetwork {
  const support = namespaceSupport();
  if (!support.ok) throw new Error(`Cannot make network namespaces: ${support.reason}`);
  networks += 1;
  const tag = `${PREFIX}${process.pid}-${networks}`;
  const bridgeNs = `${tag}-bridge`;
  const subnetBase = freeSubnet();
  const made: string[] = [];
  // The root namespace's end: an interface name of at most 15 characters.
  const runnerIf = `${PREFIX}${process.pid}r${networks}`.slice(0, 15);
  const runnerAddress = `${subnetBase}.1`;
  const hosts: Record<string, NetHost> = {};
  let tornDown = false;

  const teardown = () => {
    if (tornDown) return;
    tornDown = true;
    live.delete(network);
    for (const ns of made.reverse()) removeNamespace(ns);
    // Deleting the bridge namespace took the veth's other end, and with it this one; make sure.
    if (ipQuiet(['-o', 'link', 'show', runnerIf]).trim()) ipQuiet(['link', 'del', runnerIf]);
  };

  const network: VirtualNetwork = {
    subnet: `${subnetBase}.0/24`,
    hosts,
    runnerAddress,
    command: (host, argv) => [ipBinary() ?? 'ip', 'netns', 'exec', host.namespace, ...argv],
    spawn: (host, argv, options = {}) => {
      const [bin, ...args] = network.command(host, argv);
      return spawn(bin ?? 'ip', args, options);
    },
    teardown,
  };

  try {
    ip(['netns', 'add', bridgeNs]);
    made.push(bridgeNs);
    ip(['-n', bridgeNs, 'link', 'set', 'lo', 'up']);
    ip(['-n', bridgeNs, 'link', 'add', 'br0', 'type', 'bridge']);
    ip(['-n', bridgeNs, 'link', 'set', 'br0', 'up']);

    hostNames.forEach((name, i) => {
      if (!/^[a-z][a-z0-9]{0,9}$/.test(name)) throw new Error(`Host name "${name}": lowercase letters and digits, at most 10.`);
      const ns = `${tag}-${name}`;
      ip(['netns', 'add', ns]);
      made.push(ns);
      const address = `${subnetBase}.${i + 2}`;
      // Both ends are born in their namespaces: nothing appears in the root namespace, even briefly.
      ip(['-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `v-${name}`, 'netns', bridgeNs]);
      ip(['-n', ns, 'link', 'set', 'lo', 'up']);
      ip(['-n', ns, 'addr', 'add', `${address}/24`, 'dev', 'eth0']);
      ip(['-n', ns, 'link', 'set', 'eth0', 'up']);
      ip(['-n', bridgeNs, 'link', 'set', `v-${name}`, 'master', 'br0', 'up']);
      hosts[name] = { name, namespace: ns, address };
    });

    ip(['link', 'add', runnerIf, 'type', 'veth', 'peer', 'name', 'v-runner', 'netns', bridgeNs]);
    ip(['-n', bridgeNs, 'link', 'set', 'v-runner', 'master', 'br0', 'up']);
    ip(['addr', 'add', `${runnerAddress}/24`, 'dev', runnerIf]);
    ip(['link', 'set', runnerIf, 'up']);
  } catch (error) {
    teardown();
    throw new Error(`Making the test network failed: ${stderrOf(error)}`);
  }

  live.add(network);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A runner that exits without its afterAll (a crash, Ctrl-C) still removes what it made.
    process.once('exit', () => {
      for (const n of [...live]) n.teardown();
    });
  }
  return network;
}
