// Slowing down password guessing, per account (the e-mail typed, known or not) and per network
// address. Each key gets FREE_FAILURES failures; after that it waits before its next attempt,
// 2^(failures − FREE_FAILURES) seconds up to a cap: 30 s for an account, so someone guessing can
// never keep a colleague out for long, and 15 minutes for an address, so one guessing address
// slows to a crawl. A key is forgotten FORGET_AFTER_MS after its wait ends without a new failure,
// and a right password clears its account's key. Kept in the database: it survives a restart and
// holds for every process on the file.
//
// An attempt is counted as a failure before its password is checked and taken back when it is
// right, so attempts made in parallel cannot all slip in under one count. An attempt during a
// wait is refused (RATE_LIMITED, details.retryAfterSeconds) without checking the password and
// without counting.

import { clearThrottle, getThrottle, setThrottle, type ThrottleRecord } from '../../db/index.js';
import { ApiError } from '../../shared/errors.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';

export const FREE_FAILURES = 5;
export const FORGET_AFTER_MS = 15 * 60_000;
export const ACCOUNT_WAIT_CAP_MS = 30_000;
export const ADDRESS_WAIT_CAP_MS = 15 * 60_000;

export interface ThrottleKey {
  key: string;
  capMs: number;
}

/** The e-mail as the throttle and the log compare it: trimmed, lower case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The account's key; `knownAddress` gives a computer the person signed in from lately a key of its
 * own, so someone guessing the account from elsewhere cannot slow its owner down at all.
 */
export const accountKey = (email: string, knownAddress: string | null = null): ThrottleKey => ({
  key: `account:${normaliseEmail(email)}${knownAddress === null ? '' : ` from:${knownAddress}`}`,
  capMs: ACCOUNT_WAIT_CAP_MS,
});
/** How long an address the person signed in from counts as their computer. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;
export const addressKey = (address: string): ThrottleKey => ({ key: `address:${address}`, capMs: ADDRESS_WAIT_CAP_MS });

/**
 * The keys of an attempt: the account when one was named, the address when the client has one.
 * At a computer the person signed in from lately, only the account's key of that computer: neither
 * someone guessing the account elsewhere nor someone guessing other accounts behind the same
 * office address can slow its owner down.
 */
export function attemptKeys(email: string | null, address: string | null, addressKnown = false): ThrottleKey[] {
  if (email !== null && address !== null && addressKnown) return [accountKey(email, address)];
  return [...(email !== null ? [accountKey(email)] : []), ...(address !== null ? [addressKey(address)] : [])];
}

const waitMs = (failures: number, capMs: number): number => (failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES) * 1000, capMs));

/** The key's record as it counts at `now`: null once it is forgotten. */
function current(record: ThrottleRecord | null, capMs: number, now: number): ThrottleRecord | null {
  if (!record) return null;
  const waitEnds = new Date(record.lastFailureAt).getTime() + waitMs(record.failures, capMs);
  return now >= waitEnds + FORGET_AFTER_MS ? null : record;
}

export interface Attempt {
  /** The attempt was right: its account's key is cleared and the address's count taken back. */
  succeeded(): Promise<void>;
}

/**
 * Starts an attempt: RATE_LIMITED while any of its keys waits, else counts it as a failure on
 * every key (taken back by `succeeded`).
 */
export async function beginAttempt(services: Pick<CoreServices, 'db' | 'now' | 'emit'>, keys: ThrottleKey[]): Promise<Attempt> {
  const { db } = services;
  const now = services.now().getTime();
  const at = new Date(now).toISOString();
  await write(services, async () => {
    const records: (ThrottleRecord | null)[] = [];
    for (const k of keys) records.push(current(await getThrottle(db, k.key), k.capMs, now));
    let retryAfterMs = 0;
    keys.forEach((k, i) => {
      const r = records[i];
      if (r) retryAfterMs = Math.max(retryAfterMs, new Date(r.lastFailureAt).getTime() + waitMs(r.failures, k.capMs) - now);
    });
    if (retryAfterMs > 0) {
      const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
      throw new ApiError('RATE_LIMITED', `Too many wrong attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`, {
        retryAfterSeconds,
      });
    }
    for (const [i, k] of keys.entries()) await setThrottle(db, k.key, { failures: (records[i]?.failures ?? 0) + 1, lastFailureAt: at });
  });
  return {
    async succeeded() {
      await write(services, async () => {
        for (const k of keys) {
          if (k.key.startsWith('account:')) await clearThrottle(db, k.key);
          else {
            // Take back this attempt's count only: an address's other failures (other people behind it, or a guesser) stay.
            const record = await getThrottle(db, k.key);
            if (record && record.failures > 1) await setThrottle(db, k.key, { failures: record.failures - 1, lastFailureAt: record.lastFailureAt });
            else await clearThrottle(db, k.key);
          }
        }
      });
    },
  };
}
