// The runner's side of a host agent (hostAgent.ts): starts it (in a namespace or on loopback),
// waits until it is ready, and forwards requests to it over its Unix socket.

import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { Endpoint, OversizeResult, RawRequest, RawResponse } from './http.js';

/** One Node process (tsx's cli would add a second one that a SIGKILL leaves behind); run it with the repository as cwd. */
export const AGENT_ARGV = [process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'hostAgent.ts')];

export interface HostAgent {
  /** The origin of the page it serves, e.g. http://10.231.7.5 (null when it serves none). */
  pageOrigin: string | null;
  send(endpoint: Endpoint, request: RawRequest): Promise<RawResponse>;
  sendMany(endpoint: Endpoint, requests: RawRequest[]): Promise<RawResponse[]>;
  oversize(
    endpoint: Endpoint,
    request: { path: string; headers: Record<string, string>; declaredBytes: number; sendBytes: number; waitMs?: number },
  ): Promise<OversizeResult>;
  stop(): Promise<void>;
}

/**
 * Starts an agent with `launch(argv)` (the caller decides where it runs). `page` is the
 * address:port its page listens on; `source` the address its requests leave from.
 */
export async function startHostAgent(opts: {
  launch: (argv: string[]) => ChildProcess;
  controlSocket: string;
  page?: { address: string; port: number };
  source?: string;
}): Promise<HostAgent> {
  const argv = [...AGENT_ARGV, '--control', opts.controlSocket];
  if (opts.page) argv.push('--page', `${opts.page.address}:${opts.page.port}`);
  if (opts.source) argv.push('--source', opts.source);
  const child = opts.launch(argv);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host agent did not start within 30 s.\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('agent ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host agent exited with ${code}.\n${output}`));
    });
  });

  const call = <T>(route: string, input: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = http.request(
        { socketPath: opts.controlSocket, path: route, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T & { error?: string };
            if (res.statusCode === 200) resolve(payload);
            else reject(new Error(`host agent ${route}: ${payload.error ?? res.statusCode}`));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  return {
    pageOrigin: opts.page ? `http://${opts.page.address}${opts.page.port === 80 ? '' : `:${opts.page.port}`}` : null,
    send: (endpoint, request) => call('/send', { endpoint, request }),
    sendMany: (endpoint, requests) => call('/send-many', { endpoint, requests }),
    oversize: (endpoint, request) => call('/oversize', { endpoint, request }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
