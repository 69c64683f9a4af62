// Password hashing: scrypt from node:crypto (memory-hard), run with the callback form so it
// works on libuv's thread pool and never blocks the event loop. Stored as
// `scrypt$<log2 N>$<r>$<p>$<salt b64>$<key b64>`: the parameters are read back from the string,
// so they can be raised later without invalidating anyone's password. A password is never
// logged, returned or written anywhere but here, as its hash.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: 32 MiB and tens of milliseconds per hash, on the thread pool. */
export const SCRYPT_PARAMS = { log2N: 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Bounds on parameters read back from a stored hash, so a damaged row cannot make the server allocate without limit. */
const MAX_LOG2N = 20;
const MAX_R = 32;
const MAX_P = 16;

/** The password every demo account gets (public: the demo sign-in screen says it). */
export const DEMO_PASSWORD = 'newsdesk-demo';

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number, keyBytes: number): Promise<Buffer> {
  const N = 2 ** log2N;
  // scrypt needs 128·N·r bytes (plus a little); Node's default ceiling is 32 MiB, exactly N = 2^15, r = 8.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const { log2N, r, p } = SCRYPT_PARAMS;
  const key = await derive(password, salt, log2N, r, p, KEY_BYTES);
  return ['scrypt', log2N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map((n) => (/^\d{1,3}$/.test(n ?? '') ? Number(n) : NaN));
  if (log2N === undefined || r === undefined || p === undefined) return null;
  if (!(log2N >= 10 && log2N <= MAX_LOG2N && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { log2N, r, p, salt, key };
}

/** Whether `password` matches the stored hash (false for a hash this code cannot read). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) {
    // Still spend the time, so an unreadable row answers as slowly as a wrong password.
    await derive(password, randomBytes(SALT_BYTES), SCRYPT_PARAMS.log2N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, KEY_BYTES);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.log2N, parsed.r, parsed.p, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** A hash of a random password: verified against when nobody has the e-mail typed, so that answer takes as long as a wrong password. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}

/** The demo password's hash, made once per process (the password is public, so one salt for every demo account costs nothing). */
let demo: Promise<string> | null = null;
export function demoPasswordHash(): Promise<string> {
  demo ??= hashPassword(DEMO_PASSWORD);
  return demo;
}
