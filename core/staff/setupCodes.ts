// One-time setup codes, with which a person sets their password: a newly added person, one an
// admin reset, or the newsroom's first admin. XXXX-XXXX-XXXX from an alphabet without the
// characters people confuse (0/O, 1/I/L); read case-insensitively, spaces and dashes ignored.
// Only the SHA-256 of a code is stored; a person has at most one unused code.

import { createHash, randomInt } from 'node:crypto';
import type { Id, SetupCode } from '../../shared/domain.js';
import { insertAccountEvent, replaceSetupCode } from '../../db/index.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';

export const SETUP_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** How long a code stays usable. */
export const SETUP_CODE_DAYS = 7;

/** The code as stored and compared: upper case, nothing but its characters (null when it cannot be a code). */
export function normaliseSetupCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== GROUPS * GROUP_LENGTH) return null;
  return [...code].every((c) => SETUP_CODE_ALPHABET.includes(c)) ? code : null;
}

export const hashSetupCode = (normalised: string): Buffer => createHash('sha256').update(normalised, 'utf8').digest();

function newCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * Issues a new code for `staffId`, replacing any unused one, and logs it (never the code). Joins
 * the caller's write. `actorId`: the admin who asked (null for the first admin's).
 */
export async function issueSetupCode(
  services: Pick<CoreServices, 'db' | 'now' | 'emit'>,
  staffId: Id,
  opts: { actorId: Id | null; firstAdmin?: boolean },
): Promise<SetupCode> {
  const code = newCode();
  const now = services.now();
  const expiresAt = new Date(now.getTime() + SETUP_CODE_DAYS * 24 * 60 * 60_000).toISOString();
  await write(services, async () => {
    const normalised = normaliseSetupCode(code);
    if (!normalised) throw new Error('a setup code that does not read back');
    await replaceSetupCode(services.db, { codeHash: hashSetupCode(normalised), staffId, firstAdmin: opts.firstAdmin ?? false, at: now.toISOString(), expiresAt });
    await insertAccountEvent(services.db, { staffId, actorId: opts.actorId, event: 'setupCodeIssued', at: now.toISOString() });
  });
  return { staffId, code, expiresAt };
}
