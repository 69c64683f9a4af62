// HTTP(S) as a script on some host sends it: to the newsroom server's address, naming it by the
// Host its public address gives (or any Host a test wants to forge), with its certificate pinned as
// the only trusted one. Also a raw socket for requests no well-behaved client would send.
// Used by the test runner and by the host agent (hostAgent.ts) inside another host's namespace.

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Input, MethodName, Result } from '../../shared/contract.js';
import { HttpApiError, type ApiFn } from '../e2e/server.js';

/** Where the newsroom server is: what its address says, and where to connect. */
export interface Endpoint {
  /** What a browser opens, e.g. https://newsroom.test or http://127.0.0.1:41234. */
  origin: string;
  /** The address to connect to and its port (the name in `origin` may resolve nowhere but in the browsers). */
  address: string;
  port: number;
  /** The server's certificate (PEM), pinned as the only CA; absent for plain HTTP. */
  ca?: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  /** Header names as given; `host` here replaces the one the endpoint's origin gives. */
  headers?: Record<string, string>;
  body?: string;
  /** The source address to send from (one of this host's own). */
  localAddress?: string;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** From sending to the last byte of the answer. */
  ms: number;
}

const isTls = (endpoint: Endpoint) => new URL(endpoint.origin).protocol === 'https:';
const serverName = (endpoint: Endpoint) => new URL(endpoint.origin).hostname;

/** One request; resolves with whatever status the server answers (never throws on 4xx/5xx). */
export function send(endpoint: Endpoint, request: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) headers.Host = new URL(endpoint.origin).host;
  if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
  const options: https.RequestOptions = {
    host: endpoint.address,
    port: endpoint.port,
    method: request.method ?? 'GET',
    path: request.path,
    headers,
    setHost: false,
    localAddress: request.localAddress,
    agent: false,
    timeout: request.timeoutMs ?? 15_000,
    ...(isTls(endpoint) ? { servername: serverName(endpoint), ca: endpoint.ca, rejectUnauthorized: true } : {}),
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = (isTls(endpoint) ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`No answer from ${endpoint.origin}${request.path} within ${request.timeoutMs ?? 15_000} ms`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/** API calls over `send`, as a script with a bearer token makes them. Throws HttpApiError on an error answer. */
export function apiOver(endpoint: Endpoint, localAddress?: string): ApiFn {
  return async <M extends MethodName>(method: M, input: Input<M>, token?: string): Promise<Result<M>> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await send(endpoint, { method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify(input ?? {}), localAddress });
    const payload: unknown = res.body ? JSON.parse(res.body) : null;
    if (res.status < 200 || res.status >= 300) {
      const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new HttpApiError(res.status, error?.code ?? 'UNKNOWN', error?.message ?? res.body, error?.details);
    }
    return payload as Result<M>;
  };
}

export interface OversizeResult {
  /** The status the server answered, or null if it answered nothing. */
  status: number | null;
  /** The answer's head and body as received (at most 4 KB). */
  answer: string;
  /** From the first byte sent to the answer's status line. */
  msToAnswer: number | null;
  /** Body bytes sent (all of them before any answer could come). */
  bodyBytesSent: number;
  /** Whether the server closed the connection afterwards (rather than waiting for the rest of the body). */
  closedByServer: boolean;
  error: string | null;
}

/**
 * Declares a `declaredBytes` body, sends the head and `sendBytes` of it, then waits up to
 * `waitMs` for an answer and for the server to close the connection. Never sends the rest.
 */
export function sendOversize(
  endpoint: Endpoint,
  request: { path: string; headers: Record<string, string>; declaredBytes: number; sendBytes: number; localAddress?: string; waitMs?: number },
): Promise<OversizeResult> {
  const waitMs = request.waitMs ?? 5_000;
  const host = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'host')?.[1] ?? new URL(endpoint.origin).host;
  const lines = [`POST ${request.path} HTTP/1.1`, `Host: ${host}`];
  for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() !== 'host') lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${request.declaredBytes}`, '', '');
  const head = lines.join('\r\n');
  const body = Buffer.alloc(request.sendBytes, 'a');
  body.write('{"headline":"');

  return new Promise((resolve) => {
    const started = performance.now();
    let answer = '';
    let msToAnswer: number | null = null;
    let bodyBytesSent = 0;
    let closedByServer = false;
    let error: string | null = null;
    let done = false;
    // The TCP connection first, so it can leave from the asked-for source address; TLS over it.
    const tcp = net.connect({ host: endpoint.address, port: endpoint.port, localAddress: request.localAddress });
    const socket: net.Socket = isTls(endpoint) ? tls.connect({ socket: tcp, servername: serverName(endpoint), ca: endpoint.ca }) : tcp;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1];
      resolve({ status: status ? Number(status) : null, answer: answer.slice(0, 4096), msToAnswer, bodyBytesSent, closedByServer, error });
    };
    const timer = setTimeout(finish, waitMs);
    socket.once(isTls(endpoint) ? 'secureConnect' : 'connect', () => {
      socket.write(head);
      socket.write(body);
      bodyBytesSent = body.length;
    });
    socket.on('data', (chunk: Buffer) => {
      if (msToAnswer === null) msToAnswer = performance.now() - started;
      if (answer.length < 4096) answer += chunk.toString('latin1');
    });
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('close', () => {
      closedByServer = true;
      finish();
    });
    socket.on('error', (e: Error) => {
      // A reset after the answer is the server refusing the rest: it counts as closing.
      error = e.message;
      closedByServer = true;
      finish();
    });
  });
}
