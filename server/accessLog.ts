// One line per request: time, method, path (never its query), status, duration, the signed-in
// person's staff id or '-', and the client's address. Never a header, cookie, body or code: what
// could sign someone in stays out of the log.

import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { clientAddress } from './client.js';
import { pathOf } from './replies.js';

const HEALTH_PATH = '/healthz';

export type LineWriter = (line: string) => void;

export const stdoutLines: LineWriter = (line) => void process.stdout.write(`${line}\n`);

export function accessLogHook(write: LineWriter) {
  return function accessLog(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const started = process.hrtime.bigint();
    // Read now: once the client has gone (a closed event stream) its socket no longer has an address.
    const address = clientAddress(request);
    // 'close' comes for every response, a hijacked event stream included (when it ends).
    reply.raw.once('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = reply.raw.headersSent ? String(reply.raw.statusCode) : '-';
      const path = pathOf(request).slice(0, 300);
      // Every connected desktop asks /healthz every 2 s: a log line for each answered one would bury the rest.
      if (path === HEALTH_PATH && status.startsWith('2')) return;
      write(`${new Date().toISOString()} ${request.method} ${path} ${status} ${Math.round(ms)}ms ${request.auth?.staff?.id ?? '-'} ${address}`);
    });
    done();
  };
}
