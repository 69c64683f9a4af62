// A sign-in refused for too many attempts (RATE_LIMITED) says when to try again: the screen counts
// down and keeps the button disabled meanwhile.

/** The seconds to wait from a RATE_LIMITED error's details (at least 1), or null when it names none. */
export function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const seconds = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return Math.max(1, Math.ceil(seconds));
}

/** The whole seconds left until `until` (ms since the epoch) at `now`, never below 0. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function tryAgainIn(seconds: number): string {
  return `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}
