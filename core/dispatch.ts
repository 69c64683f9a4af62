// The one generic entry to the core: validate the input against the contract, resolve the
// session, run the method's handler, and turn every failure into an ApiError. Both transports
// call this and nothing else.

import { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedInput, type Result } from '../shared/contract.js';
import { ApiError } from '../shared/errors.js';
import { StorageUnavailable } from '../db/index.js';
import type { Staff } from '../shared/domain.js';

/** Who is at the other end, as the transport saw it: for sign-in throttling, the session list and the account log. */
export interface ClientInfo {
  /** The network address (null in-process: the desktop app, tests). */
  address: string | null;
  /** What the person uses, in words ("Chrome on Linux", "Newsdesk desktop"). */
  device: string;
}

export const IN_PROCESS_CLIENT: ClientInfo = { address: null, device: 'Newsdesk on this computer' };

export interface CallContext {
  /** The session token the transport presented (null when none). */
  token: string | null;
  /** The signed-in person, or null for public methods called without a session. */
  staff: Staff | null;
  /** The session the token names, when it is live. */
  sessionId: number | null;
  client: ClientInfo;
}

/**
 * The signed-in person of a call. The dispatcher already refuses signed-out callers of every
 * method that is not public; handlers call this for the person, typed as present.
 */
export function signedIn(ctx: Pick<CallContext, 'staff'>): Staff {
  if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', SIGN_IN_FIRST);
  return ctx.staff;
}

/** The answer to a call that needs a session and has none (no token, or one that expired or was ended). */
export const SIGN_IN_FIRST = 'Sign in first.';

/** A token's live session and its person. */
export interface SessionOfCall {
  sessionId: number;
  staff: Staff;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Result<M> | Promise<Result<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface Dispatcher {
  call(token: string | null, method: string, input: unknown, client?: ClientInfo): Promise<unknown>;
}

/** Turns zod's issues into a short message and structured details. */
export function validationError(error: z.ZodError): ApiError {
  const details = error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const first = details[0];
  return new ApiError('VALIDATION', first ? `Invalid input at ${first.path || '(root)'}: ${first.message}` : 'Invalid input', details);
}

export function createDispatcher(
  handlers: Handlers,
  resolveSession: (token: string | null) => Promise<SessionOfCall | null>,
  onInternalError: (method: string, error: unknown) => void = (method, error) => console.error(`[core] ${method} failed:`, error),
): Dispatcher {
  return {
    async call(token, method, input, client = IN_PROCESS_CLIENT) {
      if (!isMethodName(method)) throw new ApiError('NOT_FOUND', `Unknown method: ${String(method).slice(0, 100)}`);
      const def = contract[method];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      try {
        const session = await resolveSession(token);
        const ctx: CallContext = { token, staff: session?.staff ?? null, sessionId: session?.sessionId ?? null, client };
        if (!('public' in def && def.public)) signedIn(ctx);
        const handler = handlers[method] as Handler<typeof method>;
        return await handler(parsed.data as never, ctx);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        // The database went away mid-call: its transaction rolled back, so nothing was changed.
        // The log gets the database's address and reason; the caller, what to do.
        if (error instanceof StorageUnavailable) {
          onInternalError(method, error);
          throw new ApiError('UNAVAILABLE', 'The newsroom’s database cannot be reached right now (it may be restarting). Nothing was changed; try again in a moment.');
        }
        onInternalError(method, error);
        throw new ApiError('INTERNAL', 'Something went wrong inside Newsdesk; nothing was changed. The error was logged.');
      }
    },
  };
}
