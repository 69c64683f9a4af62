// A small stand-in for the core, for transport tests that are about the adapter, not the rules:
// it validates through the real contract so error codes are the real ones, keeps sessions in
// memory (sign-in by e-mail and password, sign-out, ending sessions, deactivation) and records
// every call with the client the transport described.

import { contract, isMethodName, METHOD_NAMES, type MethodName } from '../../../shared/contract.js';
import type { ChangeEvent, Staff } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { validationError, type ClientInfo } from '../../../core/dispatch.js';
import type { TransportCore } from '../../../server/coreApi.js';

export interface FakeCore extends TransportCore {
  emit(event: ChangeEvent): void;
  calls: { token: string | null; method: string; input: unknown; client?: ClientInfo }[];
  /** How often the transport asked who a token belongs to. */
  authentications: number;
  /** How many of those asked without counting as use of the session. */
  peeks: number;
  /** Ends every session (as an admin's "sign out everywhere" on another server would). */
  endAllSessions(): void;
}

export const ALICE: Staff = {
  id: 1,
  name: 'Ji Da-gyum',
  email: 'dagyumji@heraldcorp.com',
  roles: ['reporter', 'photo_editor'],
  desks: ['National'],
  active: true,
  passwordSet: true,
};
/** A reporter only: may not import photos. Signs in with ALICE_PASSWORD too. */
export const REPORTER: Staff = { ...ALICE, id: 2, name: 'Park Soo-hyun', email: 'soohyun.park@heraldcorp.com', roles: ['reporter'] };
export const ALICE_PASSWORD = 'correct horse battery';
export const SETUP_CODE = 'ABCD-EFGH-JKLM';

type Handler = (input: never, ctx: { token: string | null; staff: Staff | null }) => unknown;

export function createFakeCore(dataDir: string): FakeCore {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const sessions = new Map<string, Staff>();
  let next = 0;
  const newSession = (staff: Staff = ALICE) => {
    const token = `tok-${++next}-${'x'.repeat(24)}`;
    sessions.set(token, staff);
    return { token, staff, expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString() };
  };
  const handlers: Partial<Record<MethodName, Handler>> = {
    'session.signIn': (input: { email: string; password: string }) => {
      const staff = [ALICE, REPORTER].find((s) => s.email === input.email);
      if (!staff || input.password !== ALICE_PASSWORD) throw new ApiError('UNAUTHENTICATED', 'Wrong e-mail or password.');
      return newSession(staff);
    },
    'session.setUp': (input: { code: string }) => {
      if (input.code !== SETUP_CODE) throw new ApiError('VALIDATION', 'Unknown setup code.');
      return newSession();
    },
    'session.access': () => ({ demo: false, demoPassword: null, needsFirstAdmin: false }),
    'session.current': (_input: unknown, ctx) => ({ staff: ctx.staff }),
    'session.signOut': (_input: unknown, ctx) => {
      if (ctx.token) sessions.delete(ctx.token);
      return { ok: true };
    },
    'session.end': (input: { everywhere?: true }, ctx) => {
      let ended = 0;
      if (input.everywhere) for (const [token, staff] of sessions) if (staff.id === ctx.staff?.id) ended += Number(sessions.delete(token));
      return { ended };
    },
    'staff.update': (input: { id: number; active?: boolean }) => {
      if (input.active === false) for (const [token, staff] of sessions) if (staff.id === input.id) sessions.delete(token);
      return { staff: ALICE };
    },
    'staff.list': () => ({ staff: [ALICE], desks: ['National'] }),
    'stories.get': (input: { id: number }) => {
      if (input.id === 404) throw new ApiError('NOT_FOUND', 'No such story.');
      if (input.id === 409) throw new ApiError('CONFLICT', 'Stale.', { currentVersion: 3 });
      if (input.id === 423) throw new ApiError('LOCKED', 'Locked.');
      if (input.id === 500) throw new Error('boom');
      return { story: { id: input.id } };
    },
    'photos.import': (input: { files: { name: string; data: string | Uint8Array }[] }) => ({
      results: input.files.map((f) => ({ name: f.name, ok: true, kind: typeof f.data === 'string' ? 'base64' : 'bytes', length: f.data.length })),
    }),
  };
  const calls: FakeCore['calls'] = [];
  const core: FakeCore = {
    dataDir,
    calls,
    authentications: 0,
    peeks: 0,
    async call(token, method, input, client) {
      calls.push({ token, method, input, client });
      if (!isMethodName(method)) throw new ApiError('NOT_FOUND', `Unknown method: ${method}`);
      const def = contract[method];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const staff = token ? (sessions.get(token) ?? null) : null;
      if (!('public' in def && def.public) && !staff) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
      const handler = handlers[method] ?? (() => ({ method }));
      try {
        return await handler(parsed.data as never, { token, staff });
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('INTERNAL', 'Something went wrong inside Newsdesk; nothing was changed. The error was logged.');
      }
    },
    async authenticate(token, opts) {
      core.authentications += 1;
      if (opts?.touch === false) core.peeks += 1;
      return token ? (sessions.get(token) ?? null) : null;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) l(event);
    },
    endAllSessions() {
      sessions.clear();
    },
  };
  return core;
}

export { METHOD_NAMES, type MethodName };
