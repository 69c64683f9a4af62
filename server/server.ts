// The loopback HTTP bridge: POST /api/<method> → core.call, change events by Server-Sent Events
// at GET /api/events, and static files (the built renderer, photo renditions under /media/,
// published packages under /published/). It adapts requests to core.call and holds no rules.

import http from 'node:http';
import { createReadStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { HTTP_STATUS, type ApiErrorBody } from '../shared/errors.js';
import type { ChangeEvent } from '../shared/domain.js';
import { errorBodyOf, type TransportCore } from './coreApi.js';
import { fileHeaders, resolveAppPath, type AppRoute, type ServedFile } from './staticFiles.js';

export const DEFAULT_PORT = 5178;
/** Every method but photos.import takes a few fields of text: a small ceiling. */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/** Photo imports travel as base64 in JSON, so their ceiling is generous. */
export const DEFAULT_IMPORT_BODY_LIMIT = 200 * 1024 * 1024;
/** The methods whose bodies may be as large as the import limit. */
const LARGE_BODY_METHODS: ReadonlySet<string> = new Set(['photos.import']);

export interface HttpBridgeOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir?: string | null;
  /** Largest request body for every method except photos.import (default DEFAULT_BODY_LIMIT). */
  bodyLimit?: number;
  /** Largest request body for photos.import (default DEFAULT_IMPORT_BODY_LIMIT). */
  importBodyLimit?: number;
  /** Interval of SSE keep-alive comments. */
  heartbeatMs?: number;
}

export interface HttpBridge {
  readonly server: http.Server;
  /** Starts listening on 127.0.0.1; resolves to the base URL. */
  listen(): Promise<string>;
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What the bridge adds to the headers every transport sends (fileHeaders), by route. */
const ROUTE_HEADERS: Record<AppRoute, Record<string, string>> = {
  media: {},
  // A published page opened on its own ("Open page", a new tab) is sandboxed (PUBLISHED_CSP), an
  // opaque origin: its requests for its own images count as cross-origin, and same-origin CORP would
  // refuse them. (The app's own frames need none of this: the renderer fetches their photos itself.)
  published: { 'Cross-Origin-Resource-Policy': 'cross-origin' },
  app: { 'X-Frame-Options': 'SAMEORIGIN' },
};

/** The entry page is revalidated so a new build's assets are picked up at once. */
function cacheControl(served: ServedFile): string {
  if (served.route === 'media') return 'private, max-age=3600';
  if (served.route === 'published') return 'no-store';
  return served.entry ? 'no-cache' : 'public, max-age=300';
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(payload ?? null);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendError(res: http.ServerResponse, error: ApiErrorBody, status = HTTP_STATUS[error.code], extra: Record<string, string> = {}): void {
  sendJson(res, status, { error }, extra);
}

const TRAVERSAL = /(\.\.|%2e%2e|%2e\.|\.%2e|%2f|%5c|%00|\\)/i;

class BodyTooLarge extends Error {}

const sizeLabel = (bytes: number): string => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`);

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

function bearerToken(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Only requests addressed to this loopback host; a foreign Host header means DNS rebinding. */
function hostAllowed(req: http.IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host) return true;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

/** Browsers send form posts cross-site without asking; the API takes JSON only. */
function contentTypeAllowed(req: http.IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (!type) return true;
  return /^application\/json\b/i.test(type.trim());
}

export function createHttpBridge(core: TransportCore, opts: HttpBridgeOptions = {}): HttpBridge {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const importBodyLimit = opts.importBodyLimit ?? DEFAULT_IMPORT_BODY_LIMIT;
  const staticDir = opts.staticDir ?? null;
  const heartbeatMs = opts.heartbeatMs ?? 25_000;
  const eventClients = new Set<http.ServerResponse>();
  let url = '';

  const unsubscribe = core.onEvent((event: ChangeEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of eventClients) client.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const client of eventClients) client.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      sendError(res, { code: 'NOT_FOUND', message: 'API methods are called with POST.' }, 405, { Allow: 'POST' });
      return;
    }
    if (!contentTypeAllowed(req)) {
      sendError(res, { code: 'VALIDATION', message: 'The request body must be JSON (Content-Type: application/json).' });
      req.resume();
      return;
    }
    const limit = LARGE_BODY_METHODS.has(method) ? importBodyLimit : bodyLimit;
    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // Refused before the core sees anything, so nothing changes.
        sendError(res, { code: 'VALIDATION', message: `The request body is larger than the ${sizeLabel(limit)} ${method} accepts.` }, 413, { Connection: 'close' });
        req.resume();
        return;
      }
      throw error;
    }
    let input: unknown = {};
    if (raw.length > 0) {
      try {
        input = JSON.parse(raw.toString('utf8'));
      } catch {
        sendError(res, { code: 'VALIDATION', message: 'The request body is not valid JSON.' });
        return;
      }
    }
    try {
      const result = await core.call(bearerToken(req), method, input);
      sendJson(res, 200, result);
    } catch (error) {
      sendError(res, errorBodyOf(error, `[serve] ${method}`));
    }
  }

  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, query: URLSearchParams): Promise<void> {
    if (req.method !== 'GET') {
      sendError(res, { code: 'NOT_FOUND', message: 'Events are read with GET.' }, 405, { Allow: 'GET' });
      return;
    }
    // EventSource cannot set headers, so the token may come in the query.
    const token = query.get('token') ?? bearerToken(req);
    let staff: unknown = null;
    try {
      staff = ((await core.call(token, 'session.current', {})) as { staff?: unknown } | null)?.staff ?? null;
    } catch {
      staff = null;
    }
    if (!staff) {
      sendError(res, { code: 'FORBIDDEN', message: 'Sign in first.' });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    eventClients.add(res);
    const drop = () => eventClients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, served: ServedFile): void {
    res.writeHead(200, { ...SECURITY_HEADERS, ...fileHeaders(served), ...ROUTE_HEADERS[served.route], 'Cache-Control': cacheControl(served) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(served.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, { code: 'NOT_FOUND', message: 'Not found.' }, 405, { Allow: 'GET, HEAD' });
      return;
    }
    const served = await resolveAppPath(pathname, { dataDir: core.dataDir, rendererDir: staticDir });
    if (served) serveFile(req, res, served);
    else sendError(res, { code: 'NOT_FOUND', message: 'Not found.' });
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req)) {
        sendError(res, { code: 'FORBIDDEN', message: 'This server answers only on the loopback address.' });
        return;
      }
      const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
      // Refuse traversal as written, before URL parsing normalises it away: no '..', no encoded slashes or NULs.
      if (TRAVERSAL.test(rawPath)) {
        sendError(res, { code: 'NOT_FOUND', message: 'Not found.' });
        return;
      }
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      const pathname = parsed.pathname;
      if (pathname === '/api/events') return handleEvents(req, res, parsed.searchParams);
      if (pathname === '/api' || pathname === '/api/') {
        sendError(res, { code: 'NOT_FOUND', message: 'Call POST /api/<method>.' }, req.method === 'POST' ? 404 : 405, { Allow: 'POST' });
        return;
      }
      if (pathname.startsWith('/api/')) {
        let method: string;
        try {
          method = decodeURIComponent(pathname.slice('/api/'.length));
        } catch {
          method = '';
        }
        return handleApi(req, res, method);
      }
      return handleStatic(req, res, pathname);
    })().catch((error: unknown) => {
      const body = errorBodyOf(error, '[serve] request');
      if (!res.headersSent) sendError(res, body);
      else res.destroy();
    });
  });

  return {
    server,
    get url() {
      return url;
    },
    listen() {
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        // Loopback only: the bridge has no authentication beyond the session token.
        server.listen(opts.port ?? DEFAULT_PORT, '127.0.0.1', () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          url = `http://127.0.0.1:${address.port}`;
          resolve(url);
        });
      });
    },
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const client of eventClients) client.end();
      eventClients.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
