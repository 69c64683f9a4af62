// Reading the errors the api throws (ApiError from shared/errors.ts) without trusting their shape.
import type { Finding, FindingFix, FindingPlace, Severity } from '../../shared/domain.js';
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

const SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['blocking', 'warning', 'info']);

export const errorCode = (error: unknown): UiError['code'] => toUiError(error).code;

/**
 * The failing checks a refused approve or publish carries in error.details, in whatever wrapper
 * the core uses. Only the message and severity are required to show one; places, fixes and key
 * are filled in when missing so the rest of the renderer can rely on the Finding shape.
 */
export function findingsOf(details: unknown): Finding[] {
  const list: unknown[] = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && Array.isArray((details as { findings?: unknown }).findings)
      ? (details as { findings: unknown[] }).findings
      : [];
  const out: Finding[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const f = item as Partial<Record<keyof Finding, unknown>>;
    if (typeof f.message !== 'string' || !SEVERITIES.has(f.severity as Severity)) continue;
    const id = typeof f.id === 'string' ? f.id : 'check';
    out.push({
      id,
      key: typeof f.key === 'string' ? f.key : `${id}:${f.message}`,
      severity: f.severity as Severity,
      message: f.message,
      places: Array.isArray(f.places) ? (f.places as FindingPlace[]) : [],
      fixes: Array.isArray(f.fixes) ? (f.fixes as FindingFix[]) : [],
    });
  }
  return out;
}
