// The demo newsroom: desks and staff, no stories, and every demo account's password the public
// DEMO_PASSWORD (the sign-in screen says so). Idempotent: desks and people are matched by name and
// e-mail, so running it again adds only what is missing; a demo database from before passwords
// gets the password on the demo accounts that have none.

import type { NewsroomAccess, Role } from '../../shared/domain.js';
import { findStaffByEmail, getNewsroomFact, getPasswordHash, insertDesk, insertStaff, listStaff, setNewsroomFact, setPasswordHash } from '../../db/index.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';

export const DEMO_DESKS = ['North Korea', 'National', 'Business', 'Photo'] as const;

export const DEMO_STAFF: { name: string; email: string; roles: Role[]; desks: string[] }[] = [
  { name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com', roles: ['reporter'], desks: ['North Korea'] },
  { name: 'Park Soo-hyun', email: 'soohyun.park@heraldcorp.com', roles: ['reporter'], desks: ['National'] },
  { name: 'Kim Min-ji', email: 'minji.kim@heraldcorp.com', roles: ['desk_editor', 'reporter'], desks: ['North Korea', 'National'] },
  { name: 'Lee Jae-won', email: 'jaewon.lee@heraldcorp.com', roles: ['desk_editor'], desks: ['National', 'Business'] },
  { name: 'Choi Yoon-seo', email: 'yoonseo.choi@heraldcorp.com', roles: ['photo_editor'], desks: ['Photo'] },
  { name: 'Han Seung-woo', email: 'seungwoo.han@heraldcorp.com', roles: ['admin'], desks: [] },
];

/** Seeding happens before anyone listens: its writes announce nothing. */
const quiet = (services: Pick<CoreServices, 'db'>) => ({ db: services.db, emit: () => undefined });

const DEMO_FACT = 'demo';

/** `passwordHash`: the hash of DEMO_PASSWORD (passwords.ts demoPasswordHash). */
export async function seedDemo(services: Pick<CoreServices, 'db'>, passwordHash: string): Promise<void> {
  const { db } = services;
  await write(quiet(services), async () => {
    for (const desk of DEMO_DESKS) await insertDesk(db, desk);
    for (const person of DEMO_STAFF) {
      const id = (await findStaffByEmail(db, person.email))?.id ?? (await insertStaff(db, person));
      if ((await getPasswordHash(db, id)) === null) await setPasswordHash(db, id, passwordHash);
    }
    await setNewsroomFact(db, DEMO_FACT, 'true');
  });
}

export const isDemoNewsroom = async (services: Pick<CoreServices, 'db'>): Promise<boolean> => (await getNewsroomFact(services.db, DEMO_FACT)) === 'true';

/** The demo accounts as they are now (an admin may have renamed or deactivated one), for the sign-in screen. */
export async function demoAccounts(services: Pick<CoreServices, 'db'>): Promise<NewsroomAccess['demoAccounts']> {
  const emails = new Set(DEMO_STAFF.map((p) => p.email.toLowerCase()));
  return (await listStaff(services.db)).filter((s) => s.active && emails.has(s.email.toLowerCase())).map(({ name, email, roles }) => ({ name, email, roles }));
}

/**
 * An empty newsroom still needs someone who can sign in and add the staff: when nobody exists
 * yet, create one administrator to do that. They have no password: the server or the desktop app
 * gives the person at it a setup code (Core.firstAdminSetup) to set one.
 */
export async function ensureFirstAdmin(services: Pick<CoreServices, 'db'>): Promise<void> {
  await write(quiet(services), async () => {
    if ((await listStaff(services.db)).length === 0) {
      await insertStaff(services.db, { name: 'Newsroom administrator', email: 'admin@newsdesk.invalid', roles: ['admin'], desks: [] });
    }
  });
}
