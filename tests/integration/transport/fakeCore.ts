// A small stand-in for the core, for transport tests that are about the adapter, not the rules:
// it validates through the real contract and dispatcher so error codes are the real ones.

import { METHOD_NAMES, type MethodName } from '../../../shared/contract.js';
import type { ChangeEvent, Staff } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { createDispatcher, type ClientInfo, type Handlers } from '../../../core/dispatch.js';
import type { TransportCore } from '../../../server/coreApi.js';

export interface FakeCore extends TransportCore {
  emit(event: ChangeEvent): void;
  calls: { token: string | null; method: string; input: unknown; client?: ClientInfo | undefined }[];
}

const ALICE: Staff = { id: 1, name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com', roles: ['reporter'], desks: ['National'], active: true, passwordSet: true };
/** Her password in the fake. */
export const ALICE_PASSWORD = 'alice-password';

export function createFakeCore(dataDir: string): FakeCore {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const sessions = new Map<string, Staff>();
  let next = 0;
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, () => ({ method: m })])) as unknown as Handlers;
  Object.assign(handlers, {
    'session.signIn': (input: { email: string; password: string }) => {
      if (input.email !== ALICE.email || input.password !== ALICE_PASSWORD) throw new ApiError('UNAUTHENTICATED', 'The e-mail or password is wrong.');
      const token = `tok-${++next}`;
      sessions.set(token, ALICE);
      return { token, staff: ALICE };
    },
    'session.current': (_input: unknown, ctx: { staff: Staff | null }) => ({ staff: ctx.staff }),
    'session.signOut': (_input: unknown, ctx: { token: string | null }) => {
      if (ctx.token) sessions.delete(ctx.token);
      return { ok: true };
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
  });
  const dispatcher = createDispatcher(
    handlers,
    (token) => {
      const staff = token ? sessions.get(token) : undefined;
      return staff ? { staff, sessionId: Number(token?.slice(4)) } : null;
    },
    () => {},
  );
  const calls: FakeCore['calls'] = [];
  return {
    dataDir,
    calls,
    call(token, method, input, client) {
      calls.push({ token, method, input, client });
      return dispatcher.call(token, method, input, client);
    },
    authenticate: async (token) => (token ? (sessions.get(token) ?? null) : null),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) l(event);
    },
  };
}

export type { MethodName };
