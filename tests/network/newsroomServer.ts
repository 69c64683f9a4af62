// The newsroom server as an administrator runs it (`npm run server -- …`, minus the build step),
// on one host: started, waited for on /healthz, killed like a crash, and started again on the
// same data folder.

import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { send, type Endpoint } from './http.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The command `npm run server` runs, without a build step before it: the last `&&` segment of
 * the script. Override with NEWSDESK_SERVER_CMD.
 */
export function serverCommand(): string[] {
  const override = process.env.NEWSDESK_SERVER_CMD;
  if (override) return override.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const last = pkg.scripts?.server?.split('&&').pop()?.trim();
  const argv = last?.split(/\s+/).filter(Boolean) ?? [];
  if (argv[0] === 'node' && argv[1] && existsSync(path.join(ROOT, argv[1]))) return [process.execPath, path.join(ROOT, argv[1]), ...argv.slice(2)];
  // `npm run serve` and `npm run server` share one built cli.
  if (!last && existsSync(path.join(ROOT, 'dist/serve/cli.mjs'))) return [process.execPath, path.join(ROOT, 'dist/serve/cli.mjs')];
  throw new Error(`Cannot tell how to start the server from package.json's "server" script (${last ?? 'none'}); run \`npm run build\` first.`);
}

export interface ServerFlags {
  dataDir: string;
  listen: string;
  publicUrl?: string;
  tls?: { certFile: string; keyFile: string };
  demo?: boolean;
}

export function serverArgs(flags: ServerFlags): string[] {
  const args = ['--data-dir', flags.dataDir, '--listen', flags.listen];
  if (flags.publicUrl) args.push('--public-url', flags.publicUrl);
  if (flags.tls) args.push('--tls-cert', flags.tls.certFile, '--tls-key', flags.tls.keyFile);
  if (flags.demo) args.push('--demo');
  return args;
}

/** One line of the server's access log: what it answered, to whom. */
export interface AccessLine {
  method: string;
  path: string;
  /** The status sent, or '-' when none was. */
  status: string;
  staff: string;
  address: string;
}

const ACCESS_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z (\S+) (\S+) (\d{3}|-) \d+ms (\S+) (\S+)$/;

/** The access log lines in `output`. */
export function accessLines(output: string): AccessLine[] {
  return output.split('\n').flatMap((line) => {
    const m = ACCESS_LINE.exec(line.trim());
    return m ? [{ method: m[1] ?? '', path: m[2] ?? '', status: m[3] ?? '', staff: m[4] ?? '', address: m[5] ?? '' }] : [];
  });
}

export interface NewsroomServer {
  /** Everything it printed, this run and the ones before it (for failure messages, and its access log). */
  output(): string;
  /** Kills it with `signal` (SIGKILL: a crash) and waits for it to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again with the same flags (the same data folder). */
  restart(): Promise<void>;
}

/**
 * Starts the server with `launch(argv)` (which decides the host) and resolves when `/healthz`
 * answers 200 at `endpoint` from the runner.
 */
export async function startNewsroomServer(opts: { launch: (argv: string[]) => ChildProcess; flags: ServerFlags; endpoint: Endpoint }): Promise<NewsroomServer> {
  let output = '';
  let child: ChildProcess | null = null;

  const start = async () => {
    const argv = [...serverCommand(), ...serverArgs(opts.flags)];
    output += `$ ${argv.join(' ')}\n`;
    const proc = opts.launch(argv);
    child = proc;
    proc.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    let exited = false;
    proc.once('exit', (code, signal) => {
      exited = true;
      output += `[server exited: ${signal ?? code}]\n`;
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`The newsroom server exited before it answered /healthz.\n${output}`);
      try {
        const res = await send(opts.endpoint, { path: '/healthz', timeoutMs: 2_000 });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The newsroom server did not answer /healthz within 60 s.\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc: ChildProcess | null = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };

  await start();
  return { output: () => output, kill, restart: start };
}
