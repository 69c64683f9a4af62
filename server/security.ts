// The checks every request passes before anything else reads it, and the security headers.
//
// - Host: only this server's own names (origin.ts), so a page on another name that resolves here
//   (DNS rebinding) reaches nothing.
// - No `..`, encoded slashes or NULs in a path, as written (before any normalising).
// - No session token in a URL query, ever: URLs end up in logs and histories.
// - Only GET, HEAD and POST. A POST carries the route's content type (JSON; the photo upload raw
//   bytes), which a cross-site HTML form cannot send, and an Origin that is this server's own. A
//   POST without an Origin is taken only when it uses no cookie (a script with a bearer token,
//   or one signing in): browsers always send Origin on a POST, and a cookie is the one credential
//   another site could make a browser send. The server answers no CORS, so no other origin may
//   read an answer either.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { APP_CSP } from '../shared/csp.js';
import { bearerToken, cookieToken, SESSION_COOKIE } from './auth.js';
import type { ServerIdentity } from './origin.js';
import { pathOf, refuse } from './replies.js';

const TRAVERSAL = /(\.\.|%2e%2e|%2e\.|\.%2e|%2f|%5c|%00|\\)/i;
const TOKEN_PARAMS = new Set(['token', 'access_token', 'session', SESSION_COOKIE]);
const JSON_TYPE = 'application/json';

function queryNamesToken(url: string): boolean {
  const q = url.indexOf('?');
  if (q === -1) return false;
  for (const pair of url.slice(q + 1).split('&')) {
    let name = pair.split('=')[0] ?? '';
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // an undecodable name is compared as written
    }
    if (TOKEN_PARAMS.has(name.toLowerCase())) return true;
  }
  return false;
}

/** Whether a Content-Type header names `type` (parameters such as charset allowed). */
function hasType(header: string | undefined, type: string): boolean {
  if (!header) return false;
  const base = header.split(';')[0]?.trim().toLowerCase();
  return base === type;
}

export function guardHook(identity: ServerIdentity) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!identity.hostAllowed(request.host)) {
      return refuse(reply, { code: 'FORBIDDEN', message: 'This server answers only at its own address.' });
    }
    const url = request.raw.url ?? '/';
    if (TRAVERSAL.test(pathOf(request))) return refuse(reply, { code: 'NOT_FOUND', message: 'Not found.' });
    if (queryNamesToken(url)) {
      return refuse(reply, { code: 'VALIDATION', message: 'A session token never travels in a URL: send it in the Authorization header.' });
    }
    const method = request.method;
    if (method === 'GET' || method === 'HEAD') return undefined;
    if (method !== 'POST') {
      reply.header('Allow', 'GET, HEAD, POST');
      return refuse(reply, { code: 'NOT_FOUND', message: `${method} is not answered here.` }, 405);
    }
    // Nothing to post to: answered before any body is read.
    if (request.is404) return refuse(reply, { code: 'NOT_FOUND', message: 'Not found.' });
    const bodyType = request.routeOptions.config.bodyType ?? JSON_TYPE;
    if (!hasType(request.headers['content-type'], bodyType)) {
      const message = bodyType === JSON_TYPE ? 'The request body must be JSON (Content-Type: application/json).' : `The request body must be sent as ${bodyType}.`;
      return refuse(reply, { code: 'VALIDATION', message });
    }
    const origin = request.headers.origin;
    if (origin !== undefined ? !identity.originAllowed(origin) : cookieToken(request) !== null && bearerToken(request) === null) {
      return refuse(reply, { code: 'FORBIDDEN', message: 'Requests from other sites are refused.' });
    }
    return undefined;
  };
}

/** The directives of a CSP string, as helmet takes them. */
export function cspDirectives(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values;
  }
  return directives;
}

/** HSTS only where browsers reach the server over HTTPS: with TLS, or behind a proxy at an https public URL. */
export function helmetOptions(hsts: boolean): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(APP_CSP) },
    strictTransportSecurity: hsts ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  };
}
