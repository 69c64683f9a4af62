// staff.*: the newsroom's people, which only admins manage: adding one (with a setup code),
// changing and deactivating them, resetting a password, their sessions, and the account log.

import type { Staff } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { hasRole } from '../../shared/workflow.js';
import {
  countActiveWithRole,
  deskExists,
  findStaffByEmail,
  getStaff,
  insertAccountEvent,
  insertStaff,
  listAccountEvents,
  listDesks,
  listStaff,
  reindexBylinesOf,
  setPasswordHash,
  setStaffDesks,
  setStaffRoles,
  updateStaffRecord,
} from '../../db/index.js';
import { signedIn, type CallContext, type Handlers } from '../dispatch.js';
import { decodeCursor, encodeCursor } from '../paging.js';
import { toPerson } from './people.js';
import type { CoreServices } from '../services.js';
import { releaseLocksOf } from '../stories/releaseLocks.js';
import type { SessionStore } from './sessions.js';
import { issueSetupCode } from './setupCodes.js';
import { write } from '../write.js';

function admin(ctx: CallContext): Staff {
  const staff = signedIn(ctx);
  if (!hasRole(toPerson(staff), 'admin')) throw new ApiError('FORBIDDEN', 'Only an admin may manage staff.');
  return staff;
}

export function staffModule(services: CoreServices, sessions: SessionStore) {
  const { db } = services;

  const assertDesks = async (desks: string[]): Promise<void> => {
    const unknown: string[] = [];
    for (const d of desks) if (!(await deskExists(db, d))) unknown.push(d);
    if (unknown.length > 0) throw new ApiError('VALIDATION', `Unknown desk: ${unknown.join(', ')}.`, [{ path: 'desks', message: 'unknown desk' }]);
  };
  const assertEmailFree = async (email: string, self: number | null): Promise<void> => {
    const other = await findStaffByEmail(db, email);
    if (other && other.id !== self) throw new ApiError('VALIDATION', `${email} already belongs to ${other.name}.`, [{ path: 'email', message: 'in use' }]);
  };
  const existing = async (id: number): Promise<Staff> => {
    const staff = await getStaff(db, id);
    if (!staff) throw new ApiError('NOT_FOUND', `There is no staff member ${id}.`);
    return staff;
  };

  const handlers = {
    'staff.list': async (_input, ctx) => {
      signedIn(ctx);
      return { staff: await listStaff(db), desks: (await listDesks(db)).map((d) => d.name) };
    },
    'staff.create': async (input, ctx) => {
      const by = admin(ctx);
      return await write(services, async (events) => {
        await assertDesks(input.desks);
        await assertEmailFree(input.email, null);
        const id = await insertStaff(db, { name: input.name.trim(), email: input.email, roles: input.roles, desks: input.desks });
        const staff = await existing(id);
        // They set their own password with this code: nobody else ever knows it.
        const setup = await issueSetupCode(services, id, { actorId: by.id });
        events.push({ type: 'staff.changed', staffId: id });
        return { staff, setup };
      });
    },
    'staff.update': async (input, ctx) => {
      const by = admin(ctx);
      return await write(services, async (events) => {
        const current = await existing(input.id);
        if (input.desks) await assertDesks(input.desks);
        if (input.email !== undefined) await assertEmailFree(input.email, current.id);
        const name = input.name?.trim() ?? current.name;
        const email = input.email ?? current.email;
        await updateStaffRecord(db, current.id, { name, email, active: input.active ?? current.active });
        // Bylines are searched by name and email: their stories' index must follow a rename.
        if (name !== current.name || email !== current.email) await reindexBylinesOf(db, current.id);
        if (input.roles) await setStaffRoles(db, current.id, input.roles);
        if (input.desks) await setStaffDesks(db, current.id, input.desks);
        // The newsroom must never lock itself out of its own settings.
        if ((await countActiveWithRole(db, 'admin')) === 0) throw new ApiError('INVALID_STATE', 'Newsdesk needs at least one active admin.');
        const staff = await existing(current.id);
        if (current.active && !staff.active) {
          // Out at once: every open session ends and every story they held is free.
          const ended = await sessions.endAllOf(staff.id, { reason: 'deactivated', event: null });
          await releaseLocksOf(services, staff);
          await insertAccountEvent(db, {
            staffId: staff.id,
            actorId: by.id,
            event: 'deactivated',
            note: ended > 0 ? `Ended ${ended} session${ended === 1 ? '' : 's'}` : null,
            at: services.now().toISOString(),
          });
        }
        // One event, not one per story: open queues refetch and show the new byline name.
        events.push({ type: 'staff.changed', staffId: staff.id });
        return { staff };
      });
    },
    'staff.sessions': async (input, ctx) => {
      admin(ctx);
      const staff = await existing(input.staffId);
      return { sessions: await sessions.list(staff.id, ctx.sessionId) };
    },
    'staff.endSessions': async (input, ctx) => {
      const by = admin(ctx);
      const staff = await existing(input.staffId);
      return { ended: await sessions.endAllOf(staff.id, { reason: 'ended', event: 'sessionEnded', actorId: by.id === staff.id ? null : by.id }) };
    },
    'staff.resetPassword': async (input, ctx) => {
      const by = admin(ctx);
      return await write(services, async (events) => {
        const staff = await existing(input.id);
        if (!staff.active) throw new ApiError('INVALID_STATE', `${staff.name} is not active; make them active first.`);
        await setPasswordHash(db, staff.id, null);
        const ended = await sessions.endAllOf(staff.id, { reason: 'passwordReset', event: null });
        await insertAccountEvent(db, {
          staffId: staff.id,
          actorId: by.id,
          event: 'passwordReset',
          note: ended > 0 ? `Ended ${ended} session${ended === 1 ? '' : 's'}` : null,
          at: services.now().toISOString(),
        });
        const setup = await issueSetupCode(services, staff.id, { actorId: by.id });
        events.push({ type: 'staff.changed', staffId: staff.id });
        return { setup };
      });
    },
    'staff.accountEvents': async (input, ctx) => {
      admin(ctx);
      const limit = input.limit ?? 50;
      const beforeId = input.cursor ? decodeCursor(input.cursor)[1] : undefined;
      // One more than asked: whether there is a next page.
      const rows = await listAccountEvents(db, { staffId: input.staffId, beforeId, limit: limit + 1 });
      const events = rows.slice(0, limit);
      const last = events.at(-1);
      return rows.length > limit && last ? { events, nextCursor: encodeCursor([last.at, last.id]) } : { events };
    },
  } satisfies Partial<Handlers>;
  return { handlers };
}
