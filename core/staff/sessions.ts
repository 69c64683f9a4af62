// Sessions: an unguessable token → the staff member who signed in. Held in memory only, so
// restarting the app signs everyone out.

import { randomBytes } from 'node:crypto';
import type { Id } from '../../shared/domain.js';

export class Sessions {
  private readonly byToken = new Map<string, Id>();

  create(staffId: Id): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, staffId);
    return token;
  }

  staffId(token: string | null): Id | null {
    if (token === null) return null;
    return this.byToken.get(token) ?? null;
  }

  drop(token: string | null): void {
    if (token !== null) this.byToken.delete(token);
  }

  /** Signs out every session of a staff member (deactivated). */
  dropStaff(staffId: Id): void {
    for (const [token, id] of this.byToken) if (id === staffId) this.byToken.delete(token);
  }
}
