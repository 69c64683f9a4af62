// The demo newsroom: desks and staff, no stories. Idempotent: desks and people are matched by
// name and e-mail, so running it again adds only what is missing.

import type { Role } from '../../shared/domain.js';
import { findStaffByEmail, insertDesk, insertStaff, listStaff } from '../../db/index.js';
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

export function seedDemo(services: Pick<CoreServices, 'db'>): void {
  write(quiet(services), () => {
    for (const desk of DEMO_DESKS) insertDesk(services.db, desk);
    for (const person of DEMO_STAFF) {
      if (!findStaffByEmail(services.db, person.email)) insertStaff(services.db, person);
    }
  });
}

/**
 * An empty newsroom still needs someone who can sign in and add the staff: when nobody exists
 * yet, create one administrator to do that.
 */
export function ensureFirstAdmin(services: Pick<CoreServices, 'db'>): void {
  write(quiet(services), () => {
    if (listStaff(services.db).length === 0) {
      insertStaff(services.db, { name: 'Newsroom administrator', email: 'admin@newsdesk.invalid', roles: ['admin'], desks: [] });
    }
  });
}
