// Starting the newsroom server on loopback (`npm run serve`'s command) for tests and benchmarks, and
// calling it over plain HTTP as a script would (bearer token).
// No Playwright Test imports here, so the UI benchmark can use it outside the test runner.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Input, MethodName, Result } from '../../shared/contract.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** An error answer of the server: `{ error: { code, message } }` with its HTTP status. */
export class HttpApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`${code} (HTTP ${status}): ${message}`);
    this.name = 'HttpApiError';
  }
}

export type ApiFn = <M extends MethodName>(method: M, input: Input<M>, token?: string) => Promise<Result<M>>;

/** One running server. */
export interface ServerHandle {
  baseURL: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The command `npm run serve` runs, minus any build step before it: the last `&&` segment of
 * the script. Override with NEWSDESK_SERVE_CMD.
 */
export function serveCommand(): string {
  if (process.env.NEWSDESK_SERVE_CMD) return process.env.NEWSDESK_SERVE_CMD;
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.serve;
  if (script) {
    const last = script.split('&&').pop()?.trim();
    // `node dist/…` needs the build; without it, run the sources through tsx.
    const entry = /^node\s+(\S+)/.exec(last ?? '')?.[1];
    if (last && !/^npm\b/.test(last) && (!entry || existsSync(path.join(ROOT, entry)))) return last;
  }
  if (existsSync(path.join(ROOT, 'dist/serve/cli.mjs'))) return 'node dist/serve/cli.mjs';
  return 'tsx server/cli.ts';
}

/**
 * Starts a server on a free loopback port (or `port`, to come back at the same address after a
 * stop), with a fresh data dir unless one is given; resolves once it answers HTTP. `exportDir` is
 * the server's --export-dir: the only way to give it an export folder. `connect` starts a
 * connected desktop instead (`serve --connect URL`), for the newsroom server at that address.
 */
export async function startServer(
  opts: { demo?: boolean; dataDir?: string; keepData?: boolean; exportDir?: string; connect?: string; port?: number; tls?: { cert: string; key: string } } = {},
): Promise<ServerHandle> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-'));
  const exportFlag = opts.exportDir ? ` --export-dir '${opts.exportDir}'` : '';
  const port = opts.port ?? 0;
  const command = opts.connect
    ? `${serveCommand()} --connect '${opts.connect}' --data-dir '${dataDir}' --port ${port}`
    : `${serveCommand()} --data-dir '${dataDir}' --port ${port}${opts.demo === false ? '' : ' --demo'}${exportFlag}${opts.tls ? ` --tls-cert '${opts.tls.cert}' --tls-key '${opts.tls.key}'` : ''}`;
  const child: ChildProcess = spawn('sh', ['-c', `exec ${command}`], {
    cwd: ROOT,
    // npm puts node_modules/.bin on the PATH; do the same so `tsx` and friends resolve.
    env: { ...process.env, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends the server and anything it started.
    detached: true,
  });
  let output = '';
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 60 s.\n$ ${command}\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (https?:\/\/127\.0\.0\.1:\d+)\/?/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before it listened.\n$ ${command}\n${output}`));
    });
  });
  // It printed its URL; wait until it answers too (a self-signed TLS server's certificate is no
  // authority's: the test's client would refuse it, and it answered when it printed its address).
  for (let i = 0; !baseURL.startsWith('https:'); i += 1) {
    try {
      const res = await fetch(`${baseURL}/healthz`);
      if (res.ok) break;
    } catch {
      // not yet
    }
    if (i > 100) throw new Error(`The server at ${baseURL} never answered /healthz.\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseURL,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        const pid = child.pid;
        const exited = new Promise((r) => child.once('exit', r));
        const kill = (signal: NodeJS.Signals) => {
          try {
            process.kill(-pid, signal);
          } catch {
            // already gone
          }
        };
        kill('SIGTERM');
        const timer = setTimeout(() => kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Plain HTTP calls to the server, as any script would make them (no Origin, a bearer token). Throws HttpApiError on an error answer. */
export function makeApi(baseURL: string): ApiFn {
  return async (method, input, token) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${baseURL}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    const text = await res.text();
    const payload: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new HttpApiError(res.status, error?.code ?? 'UNKNOWN', error?.message ?? text, error?.details);
    }
    return payload as never;
  };
}

/** Awaits a call that must fail and returns its HttpApiError (fails if it succeeds). */
export async function apiError(promise: Promise<unknown>): Promise<HttpApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpApiError) return error;
    throw error;
  }
  throw new Error('Expected the API to refuse, but it answered OK.');
}
