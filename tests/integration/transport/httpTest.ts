// Helpers of the transport tests: start a server on a free loopback port (no access log), call it
// as a script would (fetch, bearer token), and send raw requests that reach the server exactly
// as written (fetch would normalise paths and set headers of its own).

import http from 'node:http';
import net from 'node:net';
import type { TransportCore } from '../../../server/coreApi.js';
import { createServer, type NewsroomServer, type ServerOptions } from '../../../server/server.js';

export async function startTestServer(core: TransportCore, opts: ServerOptions = {}): Promise<{ server: NewsroomServer; base: string }> {
  const server = await createServer(core, { port: 0, staticDir: null, accessLog: false, ...opts });
  const base = await server.listen();
  return { server, base };
}

export interface Answer {
  status: number;
  headers: Headers;
  json: { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
}

/** POST /api/<method> with a JSON body (a string is sent as it is) and extra headers. */
export async function post(base: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Answer['json']) : {} };
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

export interface RawAnswer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A request through node:http: the path and headers go out exactly as given. */
export function rawRequest(base: string, pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  const { port, hostname } = new URL(base);
  return new Promise((resolve, reject) => {
    const headers = { ...(opts.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers };
    const req = http.request({ host: hostname, port, path: pathname, method: opts.method ?? 'GET', headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * Opens a socket and writes `head` (request line and headers) and then `body`; resolves with
 * everything the server sent before it closed the connection (or `waitMs` passed), and whether
 * it was the server that closed it.
 */
export function rawExchange(base: string, head: string, body = '', waitMs = 5000): Promise<{ response: string; closedByServer: boolean; ms: number }> {
  const { port, hostname } = new URL(base);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let response = '';
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, closedByServer, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish(true) : reject(error)));
    socket.write(head);
    if (body) socket.write(body);
  });
}

/** Reads an event stream's text until `until` matches it (or `ms` pass). */
export async function readStream(res: Response, until: (text: string) => boolean, ms = 5000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!until(text) && Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
    if (next === null || next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  void reader.cancel().catch(() => undefined);
  return text;
}

/** The data of each frame in an event stream's text, parsed as JSON. */
export function framesOf(text: string): { id: string | null; data: { type: string } & Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .map((block) => {
      const lines = block.split('\n');
      const id = lines.find((l) => l.startsWith('id: '))?.slice(4) ?? null;
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
      return data ? { id, data: JSON.parse(data) as { type: string } & Record<string, unknown> } : null;
    })
    .filter((f): f is NonNullable<typeof f> => f !== null);
}

/**
 * fetch as a browser tab on the server's page makes it: the cookies the server set go back with
 * each request (nothing else can read them), and a POST carries the page's Origin.
 */
export function browserFetch(origin: string): {
  fetch: (url: string, init: RequestInit & { headers?: Record<string, string> }) => Promise<Response>;
  cookies: Map<string, string>;
} {
  const cookies = new Map<string, string>();
  return {
    cookies,
    fetch: async (url, init) => {
      const headers: Record<string, string> = { ...init.headers };
      if (cookies.size > 0) headers.Cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (init.method === 'POST') headers.Origin = origin;
      const res = await fetch(url, { ...init, headers });
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')).trim(), pair!.slice(pair!.indexOf('=') + 1).trim()];
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
        if (expired) cookies.delete(name);
        else cookies.set(name, value);
      }
      return res;
    },
  };
}
