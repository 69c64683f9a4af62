// session.*: what the sign-in screen needs to know, signing in with an e-mail and a password or
// a setup code, signing out, changing one's password, and one's own sessions. Passwords are
// checked in passwords.ts, attempts slowed down in throttle.ts, sessions kept in sessions.ts.

import type { Staff } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import {
  countActiveAdminsWithPassword,
  dropUnusedSetupCodes,
  findSetupCode,
  findStaffByEmail,
  getPasswordHash,
  getStaff,
  insertAccountEvent,
  markSetupCodeUsed,
  reindexBylinesOf,
  setPasswordHash,
  updateStaffRecord,
  signedInFrom,
} from '../../db/index.js';
import { signedIn, type CallContext, type Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';
import { demoAccounts, isDemoNewsroom } from './demo.js';
import { DEMO_PASSWORD, dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { desktopDevice, type SessionStore } from './sessions.js';
import { hashSetupCode, normaliseSetupCode } from './setupCodes.js';
import { accountKey, attemptKeys, beginAttempt, KNOWN_ADDRESS_MS } from './throttle.js';

/** The one answer to a wrong password, an unknown e-mail, or an account that cannot sign in: no hint which. */
export const WRONG_SIGN_IN = 'The e-mail or password is wrong.';
const BAD_CODE = 'This setup code is not valid. Check it, or ask an admin for a new one.';

/** Who signs in: a desktop app names its computer, for the session list and the account log. */
const clientOf = (ctx: CallContext, desktop?: { name: string }) => (desktop ? { ...ctx.client, device: desktopDevice(desktop.name) } : ctx.client);

/**
 * A person who just proved who they are gets a session; the caller's old one (signing in again)
 * ends. A desktop app signing in to a server gets a device session named for its computer.
 */
async function openSession(sessions: SessionStore, services: CoreServices, staff: Staff, ctx: CallContext, desktop?: { name: string }) {
  if (ctx.sessionId !== null) await sessions.end(ctx.sessionId, { reason: 'signOut', event: 'signOut' });
  const client = clientOf(ctx, desktop);
  const issued = await sessions.issue(staff.id, client, desktop ? 'desktop' : 'browser');
  await insertAccountEvent(services.db, {
    staffId: staff.id,
    event: 'signIn',
    address: client.address,
    device: client.device,
    at: services.now().toISOString(),
  });
  return { token: issued.token, staff, expiresAt: issued.expiresAt };
}

export function sessionHandlers(services: CoreServices, sessions: SessionStore) {
  const { db } = services;

  return {
    'session.access': async () => {
      const demo = await isDemoNewsroom(services);
      return {
        demo,
        demoPassword: demo ? DEMO_PASSWORD : null,
        demoAccounts: demo ? await demoAccounts(services) : [],
        needsFirstAdmin: (await countActiveAdminsWithPassword(db)) === 0,
      };
    },

    'session.signIn': async (input, ctx) => {
      const person = await findStaffByEmail(db, input.email.trim());
      const address = ctx.client.address;
      const since = new Date(services.now().getTime() - KNOWN_ADDRESS_MS).toISOString();
      const known = person !== null && address !== null && (await signedInFrom(db, person.id, address, since));
      const attempt = await beginAttempt(services, attemptKeys(input.email, address, known));
      const stored = person?.active ? await getPasswordHash(db, person.id) : null;
      // Somebody unknown (or without a password) costs the same time as a wrong password.
      const right = (await verifyPassword(input.password, stored ?? (await dummyHash()))) && stored !== null && person !== null;
      if (!right) {
        await write(
          services,
          async () =>
            await insertAccountEvent(db, {
              staffId: person?.id ?? null,
              event: 'signInFailed',
              email: input.email.trim().slice(0, 320),
              address: ctx.client.address,
              device: clientOf(ctx, input.desktop).device,
              at: services.now().toISOString(),
            }),
        );
        throw new ApiError('UNAUTHENTICATED', WRONG_SIGN_IN);
      }
      await attempt.succeeded();
      return await write(services, async () => {
        // Deactivated while the password was being checked: as if it were wrong.
        const now = await getStaff(db, person.id);
        if (!now?.active) throw new ApiError('UNAUTHENTICATED', WRONG_SIGN_IN);
        return openSession(sessions, services, now, ctx, input.desktop);
      });
    },

    'session.setUp': async (input, ctx) => {
      const attempt = await beginAttempt(services, attemptKeys(null, ctx.client.address));
      const normalised = normaliseSetupCode(input.code);
      const found = normalised === null ? null : await findSetupCode(db, hashSetupCode(normalised));
      const now = services.now().toISOString();
      if (!found) throw new ApiError('VALIDATION', BAD_CODE, [{ path: 'code', message: 'unknown' }]);
      if (found.usedAt !== null) {
        throw new ApiError('VALIDATION', 'This setup code was already used. Sign in with your password, or ask an admin for a new code.', [
          { path: 'code', message: 'used' },
        ]);
      }
      if (found.expiresAt <= now) throw new ApiError('VALIDATION', 'This setup code has expired. Ask an admin for a new one.', [{ path: 'code', message: 'expired' }]);
      const person = await getStaff(db, found.staffId);
      if (!person?.active) throw new ApiError('VALIDATION', BAD_CODE, [{ path: 'code', message: 'inactive' }]);
      // The code was right: what follows is about the rest of the form, not guessing.
      await attempt.succeeded();
      if ((input.name !== undefined || input.email !== undefined) && !found.firstAdmin) {
        throw new ApiError('VALIDATION', 'Your name and e-mail are set by an admin; ask them to change your e-mail.', [
          { path: input.email !== undefined ? 'email' : 'name', message: 'only the first admin sets their own' },
        ]);
      }
      if (input.email !== undefined) {
        const other = await findStaffByEmail(db, input.email);
        if (other && other.id !== person.id) throw new ApiError('VALIDATION', `${input.email} already belongs to ${other.name}.`, [{ path: 'email', message: 'in use' }]);
      }
      const hash = await hashPassword(input.password);
      return await write(services, async (events) => {
        // Checked again inside the write: the same code sent twice at once sets the password once.
        const code = await findSetupCode(db, hashSetupCode(normalised ?? ''));
        if (!code || code.usedAt !== null) throw new ApiError('VALIDATION', 'This setup code was already used.', [{ path: 'code', message: 'used' }]);
        const at = services.now().toISOString();
        await markSetupCodeUsed(db, code.id, at);
        await setPasswordHash(db, person.id, hash);
        await dropUnusedSetupCodes(db, person.id);
        const name = input.name?.trim() ?? person.name;
        const email = input.email ?? person.email;
        if (name !== person.name || email !== person.email) {
          const other = await findStaffByEmail(db, email);
          if (other && other.id !== person.id) throw new ApiError('VALIDATION', `${email} already belongs to ${other.name}.`, [{ path: 'email', message: 'in use' }]);
          await updateStaffRecord(db, person.id, { name, email, active: true });
          await reindexBylinesOf(db, person.id);
        }
        await insertAccountEvent(db, { staffId: person.id, event: 'passwordSet', address: ctx.client.address, device: ctx.client.device, at });
        events.push({ type: 'staff.changed', staffId: person.id });
        const staff = await getStaff(db, person.id);
        if (!staff) throw new Error('staff vanished');
        return openSession(sessions, services, staff, ctx);
      });
    },

    'session.current': (_input, ctx) => ({ staff: ctx.staff }),

    'session.signOut': async (_input, ctx) => {
      // The person's stories are free for others the moment they leave, not after the idle timeout.
      if (ctx.sessionId !== null) await sessions.end(ctx.sessionId, { reason: 'signOut', event: 'signOut' });
      return { ok: true as const };
    },

    'session.changePassword': async (input, ctx) => {
      const staff = signedIn(ctx);
      const attempt = await beginAttempt(services, [accountKey(staff.email), ...attemptKeys(null, ctx.client.address)]);
      const stored = await getPasswordHash(db, staff.id);
      const right = (await verifyPassword(input.currentPassword, stored ?? (await dummyHash()))) && stored !== null;
      if (!right) {
        await write(
          services,
          async () =>
            await insertAccountEvent(db, {
              staffId: staff.id,
              event: 'signInFailed',
              email: staff.email,
              address: ctx.client.address,
              device: ctx.client.device,
              note: 'Wrong current password when changing it',
              at: services.now().toISOString(),
            }),
        );
        throw new ApiError('VALIDATION', 'The current password is wrong.', [{ path: 'currentPassword', message: 'wrong' }]);
      }
      await attempt.succeeded();
      const hash = await hashPassword(input.newPassword);
      return await write(services, async () => {
        await setPasswordHash(db, staff.id, hash);
        await dropUnusedSetupCodes(db, staff.id);
        // Whoever else knew the old password is signed out everywhere; this computer stays.
        const endedSessions = await sessions.endAllOf(staff.id, { reason: 'passwordChanged', event: null }, ctx.sessionId);
        await insertAccountEvent(db, {
          staffId: staff.id,
          event: 'passwordChanged',
          address: ctx.client.address,
          device: ctx.client.device,
          note: endedSessions > 0 ? `Ended ${endedSessions} other session${endedSessions === 1 ? '' : 's'}` : null,
          at: services.now().toISOString(),
        });
        return { ok: true as const, endedSessions };
      });
    },

    'session.list': async (_input, ctx) => {
      const staff = signedIn(ctx);
      return { sessions: await sessions.list(staff.id, ctx.sessionId) };
    },

    'session.end': async (input, ctx) => {
      const staff = signedIn(ctx);
      if ('everywhere' in input) return { ended: await sessions.endAllOf(staff.id, { reason: 'ended', event: 'sessionEnded' }) };
      if (!(await sessions.isLiveOf(input.id, staff.id))) throw new ApiError('NOT_FOUND', `You have no session ${input.id}.`);
      return { ended: (await sessions.end(input.id, { reason: 'ended', event: 'sessionEnded' })) ? 1 : 0 };
    },
  } satisfies Partial<Handlers>;
}
