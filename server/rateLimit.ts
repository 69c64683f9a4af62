// Request rates: by session for signed-in work (so a whole newsroom behind one address is never
// held back by its neighbours), by address for everything else, which is far tighter. Password
// guessing is slowed in the core per account and address; this is the coarse layer in front.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { ApiError } from '../shared/errors.js';
import { clientAddress } from './client.js';

export interface RateLimits {
  /** Requests per minute for one signed-in session. */
  signedInPerMinute: number;
  /** Requests per minute from one address without a live session. */
  signedOutPerMinute: number;
}

/**
 * A reporter autosaving every 5 s makes 12 calls a minute; a desk editor paging and searching a
 * few dozen. Signed out, each page load makes three or four calls: a newsroom of a hundred behind
 * one office address opening the app at nine must fit.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { signedInPerMinute: 3_000, signedOutPerMinute: 600 };

const signedIn = (request: FastifyRequest) => request.auth?.staff != null;

export async function registerRateLimit(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    timeWindow: 60_000,
    // Keyed by a hash of the token: the limiter's store never holds a usable one. Signed out, by
    // address and route: flooding one cheap public call from an office's address must not keep
    // its people from signing in (password guessing has its own, finer throttle in the core).
    keyGenerator: (request) =>
      signedIn(request)
        ? `s:${createHash('sha256').update(request.auth!.token).digest('hex').slice(0, 32)}`
        : `a:${clientAddress(request)} ${request.routeOptions.config.call ?? request.routeOptions.url ?? ''}`,
    max: (request) => (signedIn(request) ? limits.signedInPerMinute : limits.signedOutPerMinute),
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ApiError('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
    },
  });
}
