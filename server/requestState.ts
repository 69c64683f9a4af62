// What the server's hooks learn about a request and hand to its route: declared on Fastify's
// request and route config types so every module reads the same typed fields.

import type { Staff } from '../shared/domain.js';

/**
 * Who may use a route: 'none' (the app's own files, /healthz: no session looked at), 'public'
 * (a contract method anyone may call; a presented session is still recognised) or 'session'
 * (a live session is required before anything else happens, the body included).
 */
export type Access = 'none' | 'public' | 'session';

/** The session a request presented, and whose it is (null: none live). */
export interface RequestAuth {
  token: string;
  via: 'bearer' | 'cookie';
  staff: Staff | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The contract method (or transport route) the route serves, for messages. (Fastify keeps `method` and `url` for itself.) */
    call?: string;
    /** The Content-Type a POST to this route must have (default application/json). */
    bodyType?: string;
    /** Photo imports: refused before their (large) body is read to anyone who may not import. */
    photoEditorsOnly?: true;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}
