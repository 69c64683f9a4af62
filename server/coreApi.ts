// The part of the core a transport needs, and what a transport does with its failures. Both
// transports (this folder's HTTP server and the desktop's IPC, electron/main/ipc.ts) use it. The
// real Core (core/core.ts) has this shape; naming only what is used keeps the transports
// testable with a small fake.

import type { ChangeEvent, Staff } from '../shared/domain.js';
import type { ClientInfo } from '../core/dispatch.js';
import { ApiError, type ApiErrorBody } from '../shared/errors.js';

export interface TransportCore {
  call(token: string | null, method: string, input: unknown, client?: ClientInfo): Promise<unknown>;
  /**
   * The person a token's live session belongs to, or null: lets a transport refuse before it
   * reads a body. A request is the person using the session; `{ touch: false }` asks without
   * counting as use (the event stream's periodic checks, which must not keep an unattended
   * session from idling out). A core that ignores the option counts every check as use.
   */
  authenticate(token: string | null, opts?: { touch?: boolean }): Promise<Staff | null>;
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  readonly dataDir: string;
}

/**
 * What the caller is told of a failure. An ApiError is the core's answer and goes back as it is;
 * anything else is a fault inside Newsdesk, logged here under `where` and reported without its
 * details (they may name server paths).
 */
export function errorBodyOf(error: unknown, where: string): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  console.error(`${where} failed:`, error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Newsdesk.' };
}
