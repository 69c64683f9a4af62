// session.* and staff.*: signing in (no passwords on a desktop app: the person picks who they
// are), and staff management, which only admins may do.

import type { Staff } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { hasRole } from '../../shared/workflow.js';
import {
  countActiveWithRole,
  deskExists,
  findStaffByEmail,
  getStaff,
  insertStaff,
  listDesks,
  listStaff,
  reindexBylinesOf,
  setStaffDesks,
  setStaffRoles,
  updateStaffRecord,
} from '../../db/index.js';
import type { CallContext, Handlers } from '../dispatch.js';
import { toPerson } from './people.js';
import type { CoreServices } from '../services.js';
import { releaseLocksOf } from '../stories/releaseLocks.js';
import type { Sessions } from './sessions.js';
import { write } from '../write.js';

function admin(ctx: CallContext): Staff {
  if (!ctx.staff || !hasRole(toPerson(ctx.staff), 'admin')) throw new ApiError('FORBIDDEN', 'Only an admin may manage staff.');
  return ctx.staff;
}

export function sessionModule(services: CoreServices, sessions: Sessions) {
  const { db } = services;

  const assertDesks = (desks: string[]): void => {
    const unknown = desks.filter((d) => !deskExists(db, d));
    if (unknown.length > 0) throw new ApiError('VALIDATION', `Unknown desk: ${unknown.join(', ')}.`, [{ path: 'desks', message: 'unknown desk' }]);
  };
  const assertEmailFree = (email: string, self: number | null): void => {
    const other = findStaffByEmail(db, email);
    if (other && other.id !== self) throw new ApiError('VALIDATION', `${email} already belongs to ${other.name}.`, [{ path: 'email', message: 'in use' }]);
  };

  const handlers = {
    'session.signIn': (input, ctx) => {
      const staff = getStaff(db, input.staffId);
      if (!staff) throw new ApiError('NOT_FOUND', `There is no staff member ${input.staffId}.`);
      if (!staff.active) throw new ApiError('FORBIDDEN', `${staff.name} is no longer active.`);
      // Signing in again replaces the caller's old session.
      sessions.drop(ctx.token);
      return { token: sessions.create(staff.id), staff };
    },
    'session.current': (_input, ctx) => ({ staff: ctx.staff }),
    'session.signOut': (_input, ctx) => {
      // The person's stories are free for others the moment they leave, not after the idle timeout.
      if (ctx.staff) releaseLocksOf(services, ctx.staff);
      sessions.drop(ctx.token);
      return { ok: true as const };
    },
    'staff.list': () => ({ staff: listStaff(db), desks: listDesks(db).map((d) => d.name) }),
    'staff.create': (input, ctx) => {
      admin(ctx);
      return write(services, (events) => {
        assertDesks(input.desks);
        assertEmailFree(input.email, null);
        const id = insertStaff(db, { name: input.name.trim(), email: input.email, roles: input.roles, desks: input.desks });
        const staff = getStaff(db, id);
        if (!staff) throw new Error('staff vanished');
        events.push({ type: 'staff.changed', staffId: id });
        return { staff };
      });
    },
    'staff.update': (input, ctx) => {
      admin(ctx);
      const result = write(services, (events) => {
        const current = getStaff(db, input.id);
        if (!current) throw new ApiError('NOT_FOUND', `There is no staff member ${input.id}.`);
        if (input.desks) assertDesks(input.desks);
        if (input.email !== undefined) assertEmailFree(input.email, current.id);
        const name = input.name?.trim() ?? current.name;
        const email = input.email ?? current.email;
        updateStaffRecord(db, current.id, { name, email, active: input.active ?? current.active });
        // Bylines are searched by name and email: their stories' index must follow a rename.
        if (name !== current.name || email !== current.email) reindexBylinesOf(db, current.id);
        if (input.roles) setStaffRoles(db, current.id, input.roles);
        if (input.desks) setStaffDesks(db, current.id, input.desks);
        // The newsroom must never lock itself out of its own settings.
        if (countActiveWithRole(db, 'admin') === 0) throw new ApiError('INVALID_STATE', 'Newsdesk needs at least one active admin.');
        const staff = getStaff(db, current.id);
        if (!staff) throw new Error('staff vanished');
        // One event, not one per story: open queues refetch and show the new byline name.
        events.push({ type: 'staff.changed', staffId: staff.id });
        return { staff };
      });
      if (!result.staff.active) sessions.dropStaff(result.staff.id);
      return result;
    },
  } satisfies Partial<Handlers>;
  return { handlers };
}
