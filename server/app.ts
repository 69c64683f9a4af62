// The newsroom server as one Fastify app, built from options: the hooks every request passes
// (access log, security headers, cookies, the Host/Origin/content-type guard, the session
// check, rate limits, in that order), then the routes: the API, the photo upload, the event
// stream, /healthz and the files. `npm run server` and `npm run serve` both run it (cli.ts).

import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { ApiError } from '../shared/errors.js';
import { accessLogHook, stdoutLines, type LineWriter } from './accessLog.js';
import { apiRoutes, DEFAULT_LIMITS, type BodyLimits } from './api.js';
import { authHook } from './auth.js';
import type { TransportCore } from './coreApi.js';
import { eventRoutes, type EventStreamOptions, type EventStreams } from './events.js';
import { serverIdentity, type ServerIdentity } from './origin.js';
import { DEFAULT_RATE_LIMITS, registerRateLimit, type RateLimits } from './rateLimit.js';
import { handleError, sendError, sendJson } from './replies.js';
import { guardHook, helmetOptions } from './security.js';
import { staticRoutes } from './static.js';
import { uploadRoute } from './upload.js';
import './requestState.js';

export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

export interface Timeouts {
  /** Longest a client may take to send its request headers (slow-loris). */
  headersMs: number;
  /** Longest a client may take to send a whole request, body included. */
  requestMs: number;
  /** How long an idle keep-alive connection is held. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 300_000, keepAliveMs: 30_000 };

export interface AppOptions {
  /** The address listened on (its being loopback decides which names and origins are this server's). */
  host: string;
  /** The address people open, e.g. https://newsroom.example.com; null on loopback uses the loopback URL. */
  publicUrl?: string | null;
  tls?: TlsFiles | null;
  /** Trust X-Forwarded-For/-Proto/-Host from the one proxy in front. */
  behindProxy?: boolean;
  /** The built renderer (dist/renderer); null serves no app (API and data files only). */
  staticDir?: string | null;
  limits?: Partial<BodyLimits>;
  /** false: no rate limits (benchmarks measure the core, not the limiter). */
  rateLimits?: Partial<RateLimits> | false;
  timeouts?: Partial<Timeouts>;
  events?: EventStreamOptions;
  /** Where access log lines go (default stdout); false for none. */
  accessLog?: LineWriter | false;
}

export interface NewsroomApp {
  app: FastifyInstance;
  identity: ServerIdentity;
  events: EventStreams;
}

function nodeServer(handler: http.RequestListener, tls: TlsFiles | null, timeouts: Timeouts): http.Server {
  const options: http.ServerOptions = {
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // How often the timeouts above are checked (Node's default is every 30 s).
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
  };
  return tls ? https.createServer({ ...options, cert: tls.cert, key: tls.key }, handler) : http.createServer(options, handler);
}

export async function buildApp(core: TransportCore, opts: AppOptions): Promise<NewsroomApp> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const tls = opts.tls ?? null;
  const app = Fastify({
    logger: false,
    // Only the one proxy in front is believed about the client's address, scheme and host.
    trustProxy: opts.behindProxy ? (_address: string, hop: number) => hop < 1 : false,
    bodyLimit: limits.publicBody,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 2048 },
    serverFactory: (handler) => nodeServer(handler, tls, timeouts),
  });
  const identity = serverIdentity({
    listenHost: opts.host,
    port: () => (app.server.address() as AddressInfo | null)?.port ?? 0,
    publicUrl: opts.publicUrl ?? null,
    tls: tls !== null,
  });

  app.decorateRequest('auth', null);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => sendError(reply, { code: 'NOT_FOUND', message: 'Not found.' }));
  // Plain JSON.parse: it does not recurse, so a deeply nested body cannot exhaust the stack; the
  // contract's schemas decide what the input may be.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError('VALIDATION', 'The request body is not valid JSON.'), undefined);
    }
  });

  if (opts.accessLog !== false) app.addHook('onRequest', accessLogHook(opts.accessLog ?? stdoutLines));
  await app.register(fastifyHelmet, helmetOptions(identity.secure));
  await app.register(fastifyCookie);
  app.addHook('onRequest', guardHook(identity));
  app.addHook('onRequest', authHook(core));
  if (opts.rateLimits !== false) await registerRateLimit(app, { ...DEFAULT_RATE_LIMITS, ...opts.rateLimits });

  const events = eventRoutes(app, core, opts.events);
  apiRoutes(app, core, { limits, cookies: { secure: identity.secure }, sessionsChanged: () => void events.recheckSessions() });
  await uploadRoute(app, core, limits.uploadFile);
  app.get('/healthz', { config: { access: 'none', rateLimit: false } }, (_request, reply) => sendJson(reply, 200, { ok: true }));
  await staticRoutes(app, { dataDir: core.dataDir, rendererDir: opts.staticDir ?? null });
  return { app, identity, events };
}
