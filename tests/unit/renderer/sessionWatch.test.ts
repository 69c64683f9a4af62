// A session that ends while the app is open: any call answered UNAUTHENTICATED tells the app, so
// sign-in comes back; the calls that sign in keep their refusal to themselves (a wrong password is
// not an ended session), and every answer and error still reaches the caller unchanged.
import { describe, expect, it } from 'vitest';
import { watchSession } from '../../../renderer/api/sessionWatch.js';
import { buildApi, type ConnectionState, type MethodName } from '../../../shared/contract.js';
import type { ChangeEvent } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';

function fakeApi(answer: (method: MethodName) => unknown) {
  const calls: MethodName[] = [];
  const events = new Set<(e: ChangeEvent) => void>();
  const inner = buildApi(
    async (method) => {
      calls.push(method);
      const a = answer(method);
      if (a instanceof Error) throw a;
      return a;
    },
    (listener) => {
      events.add(listener);
      return () => void events.delete(listener);
    },
    (listener) => {
      listener('reconnecting');
      return () => undefined;
    },
  );
  return { inner, calls, events };
}

const ended = () => new ApiError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');

describe('watchSession', () => {
  it('tells the app when a call finds the session ended, and still rejects the call', async () => {
    const { inner } = fakeApi((m) => (m === 'stories.save' ? ended() : { ok: true }));
    const { api, onSessionEnded } = watchSession(inner);
    let heard = 0;
    onSessionEnded(() => (heard += 1));
    await expect(api.stories.save({ id: 1, baseVersion: 1, changes: {} })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(heard).toBe(1);
    await expect(api.stories.list({})).resolves.toEqual({ ok: true });
    expect(heard).toBe(1);
  });

  it('a wrong password at sign-in, or a setup code refused, is not an ended session', async () => {
    const { inner } = fakeApi(() => new ApiError('UNAUTHENTICATED', 'The e-mail or password is wrong.'));
    const { api, onSessionEnded } = watchSession(inner);
    let heard = 0;
    onSessionEnded(() => (heard += 1));
    await expect(api.session.signIn({ email: 'a@example.com', password: 'x' })).rejects.toThrow('The e-mail or password is wrong.');
    await expect(api.session.setUp({ code: 'X', password: 'long enough password' })).rejects.toThrow();
    await expect(api.session.current({})).rejects.toThrow();
    expect(heard).toBe(0);
  });

  it('other refusals are the caller’s alone', async () => {
    const { inner } = fakeApi(() => new ApiError('FORBIDDEN', 'Only an admin may do that.'));
    const { api, onSessionEnded } = watchSession(inner);
    let heard = 0;
    onSessionEnded(() => (heard += 1));
    await expect(api.staff.create({ name: 'A', email: 'a@example.com', roles: ['reporter'], desks: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(heard).toBe(0);
  });

  it('a password change refused UNAUTHENTICATED ends the session only if the core no longer knows it', async () => {
    let signedIn = true;
    const { inner, calls } = fakeApi((m) =>
      m === 'session.changePassword' ? new ApiError('UNAUTHENTICATED', 'Your current password is wrong.') : { staff: signedIn ? { id: 1 } : null },
    );
    const { api, onSessionEnded } = watchSession(inner);
    let heard = 0;
    onSessionEnded(() => (heard += 1));
    const change = () => api.session.changePassword({ currentPassword: 'wrong', newPassword: 'a long new password' }).catch(() => undefined);
    await change();
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toBe(0);
    signedIn = false;
    await change();
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toBe(1);
    expect(calls.filter((c) => c === 'session.current')).toHaveLength(2);
  });

  it('passes change events and the connection’s state through, and stops telling a listener that left', async () => {
    const { inner, events } = fakeApi(() => ended());
    const { api, onSessionEnded } = watchSession(inner);
    const seen: ChangeEvent[] = [];
    const off = api.onEvent((e) => seen.push(e));
    for (const l of events) l({ type: 'resync' });
    off();
    expect(events.size).toBe(0);
    expect(seen).toEqual([{ type: 'resync' }]);
    const states: ConnectionState[] = [];
    api.onConnection((s) => states.push(s));
    expect(states).toEqual(['reconnecting']);
    let heard = 0;
    const stop = onSessionEnded(() => (heard += 1));
    stop();
    await api.stories.list({}).catch(() => undefined);
    expect(heard).toBe(0);
  });
});
