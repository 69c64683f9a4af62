// Reading the errors the api throws (ApiError from shared/errors.ts) without trusting their shape.
import type { Finding } from '../../shared/domain.js';
import type { ErrorCode } from '../../shared/errors.js';

export interface UiError {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  details?: unknown;
}

export function toUiError(error: unknown): UiError {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; details?: unknown };
    const message = typeof e.message === 'string' && e.message ? e.message : 'Something went wrong.';
    if (typeof e.code === 'string') return { code: e.code as ErrorCode, message, details: e.details };
    return { code: 'UNKNOWN', message };
  }
  return { code: 'UNKNOWN', message: String(error) };
}

export const errorCode = (error: unknown): UiError['code'] => toUiError(error).code;

/** The failing checks a refused approve or publish carries in error.details, in whatever wrapper the core uses. */
export function findingsOf(details: unknown): Finding[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && Array.isArray((details as { findings?: unknown }).findings)
      ? (details as { findings: unknown[] }).findings
      : [];
  return list.filter(
    (f): f is Finding =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as { message?: unknown }).message === 'string' &&
      typeof (f as { severity?: unknown }).severity === 'string',
  );
}
