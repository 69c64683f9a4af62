// The newsdesk command line (`npm run serve`'s server/cli.ts, with or without --connect) as real
// processes for the sync tests and the sync benchmark: bundled once per test process with esbuild
// the way scripts/build-electron.mjs bundles dist/serve/cli.mjs (so a process starts in about a
// second where tsx needs three: the kill-and-restart tests start one twenty times), started,
// waited for on /healthz, killed like a crash, and started again on the same data folder and port.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { processAlive } from './processAlive.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Inside the work tree (ignored by git), so the bundle finds node_modules as dist/ does. */
const BUNDLES = path.join(ROOT, 'test-results');
const PREFIX = 'newsdesk-cli-';

let bundled: Promise<string> | null = null;

/** Removes bundles of test processes that are gone. */
function sweepBundles(): void {
  if (!existsSync(BUNDLES)) return;
  for (const name of readdirSync(BUNDLES)) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)$`).exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) rmSync(path.join(BUNDLES, name), { recursive: true, force: true });
  }
}

/** The path of this test process's bundle of server/cli.ts (with the photo metadata worker beside it, where the core looks for it). */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    sweepBundles();
    const dir = path.join(BUNDLES, `${PREFIX}${process.pid}`);
    mkdirSync(dir, { recursive: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' } as const;
    await Promise.all([
      build({ ...common, entryPoints: ['server/cli.ts'], outfile: path.join(dir, 'cli.mjs') }),
      build({ ...common, entryPoints: ['core/photos/metadata/metadataWorker.ts'], outfile: path.join(dir, 'metadataWorker.mjs') }),
    ]);
    return path.join(dir, 'cli.mjs');
  })();
  return bundled;
}

export function freePort(address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, address, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface NewsdeskProcess {
  /** What it was started as, for failure messages ("server", "desktop A"). */
  label: string;
  /** Its loopback address, http://127.0.0.1:<port>. */
  url: string;
  port: number;
  /** Everything it printed, this run and the ones before. */
  output(): string;
  pid(): number | undefined;
  running(): boolean;
  /** Sends `signal` (SIGTERM: a clean stop; SIGKILL: a crash) and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again with the same arguments: the same data folder and port. */
  restart(): Promise<void>;
  /** Resolves when the current run exits. */
  exited(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHook = false;

/**
 * Starts `node <bundle> ...args --port <port>` (or `command` instead of `node <bundle>`) and
 * resolves once /healthz answers on the port.
 * Every process started here is killed when the test process exits, whatever happened.
 */
export async function startNewsdesk(
  label: string,
  args: string[],
  opts: { port?: number; env?: NodeJS.ProcessEnv; readyMs?: number; pollMs?: number; command?: string[] } = {},
): Promise<NewsdeskProcess> {
  const command = opts.command ?? [process.execPath, await cliBundle()];
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | null = null;
  let exit: Promise<void> = Promise.resolve();
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }

  const start = async () => {
    const argv = [...command.slice(1), ...args, '--port', String(port)];
    output += `$ ${command[0]} ${argv.join(' ')}\n`;
    const proc = spawn(command[0]!, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    child = proc;
    live.add(proc);
    const append = (c: Buffer) => {
      output += c.toString();
      if (output.length > 400_000) output = output.slice(-200_000);
    };
    proc.stdout!.on('data', append);
    proc.stderr!.on('data', append);
    let gone = false;
    exit = new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        gone = true;
        live.delete(proc);
        output += `[${label} exited: ${signal ?? code}]\n`;
        resolve();
      }),
    );
    const deadline = Date.now() + (opts.readyMs ?? 30_000);
    for (;;) {
      if (gone) throw new Error(`${label} exited before it answered /healthz:\n${output.slice(-4000)}`);
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${label} did not answer /healthz within ${opts.readyMs ?? 30_000} ms:\n${output.slice(-4000)}`);
      await sleep(opts.pollMs ?? 50);
    }
  };

  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc || !running()) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };

  await start();
  return {
    label,
    url,
    port,
    output: () => output,
    pid: () => child?.pid,
    running,
    stop,
    restart: start,
    exited: () => exit,
  };
}
