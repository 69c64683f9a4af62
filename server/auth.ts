// Sessions over HTTP: the token comes from an `Authorization: Bearer` header (scripts) or the
// HttpOnly session cookie (browsers), never from a URL. The session is looked up in an onRequest
// hook, before the body is read: a route that needs one answers 401 at once and closes the
// connection, so an unauthenticated upload is never read.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_LIMITS } from '../core/staff/sessions.js';
import { isPhotoEditor } from '../shared/workflow.js';
import type { TransportCore } from './coreApi.js';
import { refuse } from './replies.js';
import type { RequestAuth } from './requestState.js';

export const SESSION_COOKIE = 'newsdesk_session';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}

export function cookieToken(request: FastifyRequest): string | null {
  const value = request.cookies?.[SESSION_COOKIE];
  return value ? value : null;
}

/** The token a request presents: the bearer header first (a script's), else the cookie. */
export function presentedToken(request: FastifyRequest): Omit<RequestAuth, 'staff'> | null {
  const bearer = bearerToken(request);
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = cookieToken(request);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function authHook(core: TransportCore) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const access = request.routeOptions.config.access ?? 'none';
    if (access === 'none') return undefined;
    const presented = presentedToken(request);
    const staff = presented ? await core.authenticate(presented.token) : null;
    request.auth = presented ? { ...presented, staff } : null;
    if (access === 'session' && !staff) {
      return refuse(reply, { code: 'UNAUTHENTICATED', message: presented ? 'Your session has ended; sign in again.' : 'Sign in first.' });
    }
    // The core refuses them too; asking here keeps a reporter from making the server hold 200 MB first.
    if (request.routeOptions.config.photoEditorsOnly && staff && !isPhotoEditor(staff)) {
      return refuse(reply, { code: 'FORBIDDEN', message: 'Only a photo editor may import photos.' });
    }
    return undefined;
  };
}

export interface CookieOptions {
  /** Sent only over HTTPS: when the server has TLS or its public URL is https. */
  secure: boolean;
}

/**
 * The session cookie after a sign-in: HttpOnly (no script reads it), SameSite=Strict (no other
 * site sends it), Secure over HTTPS. It lasts as long as the session can: the sign-in's expiresAt
 * is the idle limit, which moves on with every use, so a cookie that ended there would sign out
 * someone whose session is still alive. The session's absolute limit is the cookie's; a cookie
 * that outlives its session carries a dead token and gets a 401.
 */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, opts: CookieOptions): void {
  const until = Math.max(Date.parse(expiresAt), Date.now() + SESSION_LIMITS.absoluteMs);
  const seconds = Math.floor((until - Date.now()) / 1000);
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: opts.secure,
    ...(Number.isFinite(seconds) ? { maxAge: Math.max(0, seconds) } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply, opts: CookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: opts.secure });
}
