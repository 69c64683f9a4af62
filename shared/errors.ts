// The error shape that crosses both transports, and the HTTP status each code maps to.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  /** Signed in, but this person may not do this. */
  'FORBIDDEN',
  /** No session, or one that expired or was ended: sign in (again). */
  'UNAUTHENTICATED',
  'CONFLICT',
  'LOCKED',
  'INVALID_STATE',
  /** Too many attempts (wrong passwords, requests): details.retryAfterSeconds says when to try again. */
  'RATE_LIMITED',
  /**
   * A desktop working with a newsroom server cannot reach it, and this call needs it (a workflow
   * move, an admin change): nothing was changed. Saves and new stories do not fail this way:
   * they wait in the desktop's outbox.
   */
  'OFFLINE',
  /**
   * The newsroom server's TLS certificate is not one this desktop trusts: not signed by an
   * authority the computer trusts and not pinned, or different from the one pinned (details say
   * which, with the SHA-256 fingerprint to compare).
   */
  'UNTRUSTED_CERTIFICATE',
  /**
   * The newsroom server cannot reach its database right now (restarting, or every connection
   * busy): nothing was changed, and the same call can be tried again in a moment.
   */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  LOCKED: 423,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  OFFLINE: 503,
  UNTRUSTED_CERTIFICATE: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown by the core and rethrown by each client so callers can switch on `code`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The `{ ok, value } | { ok: false, error }` envelope used where exceptions cannot cross (IPC). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
