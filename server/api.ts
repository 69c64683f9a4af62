// POST /api/<method> → core.call, one route per contract method, each with its own body cap
// (public methods small, photos.import large, the rest in between). The route adds only what is
// HTTP's: the session cookie set on sign-in and cleared on sign-out, and a nudge to the event
// streams when a call may have ended sessions.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contract, METHOD_NAMES, type MethodName } from '../shared/contract.js';
import { clearSessionCookie, setSessionCookie, type CookieOptions } from './auth.js';
import type { TransportCore } from './coreApi.js';
import { clientInfo } from './client.js';
import { refuse, sendJson } from './replies.js';

export interface BodyLimits {
  /** Methods anyone may call (sign-in, set-up, the access screen): a few fields. */
  publicBody: number;
  /** Every other method. */
  body: number;
  /** JSON photos.import (base64 files, for scripts). */
  importBody: number;
  /** One file of the streamed photo upload. */
  uploadFile: number;
}

export const DEFAULT_LIMITS: BodyLimits = {
  publicBody: 16 * 1024,
  body: 2 * 1024 * 1024,
  importBody: 200 * 1024 * 1024,
  uploadFile: 100 * 1024 * 1024,
};

/** Calls after which a session may have ended: open event streams are checked at once. */
const MAY_END_SESSIONS: ReadonlySet<MethodName> = new Set([
  'session.signOut',
  'session.end',
  'session.changePassword',
  'staff.endSessions',
  'staff.resetPassword',
  'staff.update',
]);

const SIGNS_IN: ReadonlySet<MethodName> = new Set(['session.signIn', 'session.setUp']);

export const isPublicMethod = (method: MethodName): boolean => {
  const def = contract[method];
  return 'public' in def && def.public === true;
};

export interface ApiRouteOptions {
  limits: BodyLimits;
  cookies: CookieOptions;
  /** Told after a call that may have ended sessions. */
  sessionsChanged(): void;
}

function bodyLimitOf(method: MethodName, limits: BodyLimits): number {
  if (method === 'photos.import') return limits.importBody;
  return isPublicMethod(method) ? limits.publicBody : limits.body;
}

export function apiRoutes(app: FastifyInstance, core: TransportCore, opts: ApiRouteOptions): void {
  for (const method of METHOD_NAMES) {
    app.post(
      `/api/${method}`,
      {
        bodyLimit: bodyLimitOf(method, opts.limits),
        config: { access: isPublicMethod(method) ? 'public' : 'session', call: method, ...(method === 'photos.import' ? { photoEditorsOnly: true as const } : {}) },
      },
      async (request, reply) => {
        if (method === 'session.signIn' && request.headers.origin !== undefined && (request.body as { desktop?: unknown } | null)?.desktop !== undefined) {
          // A device session lasts 90 days unused: only the desktop app (which sends no Origin) may ask for one.
          return refuse(reply, { code: 'VALIDATION', message: 'Only the Newsdesk desktop app signs in as a desktop; a browser signs in as itself.' });
        }
        const result = await core.call(request.auth?.token ?? null, method, request.body ?? {}, clientInfo(request));
        afterCall(method, request.body, result, reply, opts);
        return sendJson(reply, 200, forTheCaller(method, result, request));
      },
    );
  }

  // Anything else under /api/: an unknown method, or a known one asked with the wrong verb.
  // Answered before a body is read.
  const unknown = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('Allow', 'POST');
    if (request.method !== 'POST') return refuse(reply, { code: 'NOT_FOUND', message: 'API methods are called with POST.' }, 405);
    const name = decodeURIComponentSafe((request.params as { '*'?: string })['*'] ?? '');
    return refuse(reply, { code: 'NOT_FOUND', message: name ? `Unknown method: ${name.slice(0, 100)}` : 'Call POST /api/<method>.' });
  };
  for (const url of ['/api', '/api/', '/api/*']) {
    app.route({ method: ['GET', 'POST'], url, config: { access: 'none' }, onRequest: unknown, handler: unknown });
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A browser (it sends an Origin) gets its session as the HttpOnly cookie only: the token is left
 * out of the answer, so no script in the page, injected or not, ever holds it. Scripts send no
 * Origin and get it to use as a bearer token.
 */
function forTheCaller(method: MethodName, result: unknown, request: FastifyRequest): unknown {
  if (!SIGNS_IN.has(method) || request.headers.origin === undefined) return result;
  const { token: _token, ...rest } = result as { token: string };
  return rest;
}

function afterCall(method: MethodName, input: unknown, result: unknown, reply: FastifyReply, opts: ApiRouteOptions): void {
  if (SIGNS_IN.has(method)) {
    const { token, expiresAt } = result as { token: string; expiresAt: string };
    setSessionCookie(reply, token, expiresAt, opts.cookies);
  } else if (method === 'session.signOut' || (method === 'session.end' && (input as { everywhere?: unknown } | null)?.everywhere === true)) {
    clearSessionCookie(reply, opts.cookies);
  }
  if (MAY_END_SESSIONS.has(method)) opts.sessionsChanged();
}
