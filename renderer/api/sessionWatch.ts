// Notices when the session behind every call has ended (expired, signed out elsewhere, the person
// deactivated or their password changed): any call the core answers UNAUTHENTICATED tells the app,
// which shows the sign-in screen and keeps the place and the text (App.tsx, store.ts). The calls
// that sign in are left alone: their UNAUTHENTICATED is a wrong password, shown where it was typed.

import { buildApi, splitMethod, type MethodName, type NewsdeskApi } from '../../shared/contract.js';

/** Calls made without a session, or whose refusal is about what was typed rather than the session. */
const NOT_ABOUT_THE_SESSION: ReadonlySet<MethodName> = new Set<MethodName>(['session.access', 'session.signIn', 'session.setUp', 'session.current', 'session.signOut']);

/** A wrong current password may be answered UNAUTHENTICATED too: only a session the core no longer knows counts. */
const ASK_FIRST: ReadonlySet<MethodName> = new Set<MethodName>(['session.changePassword']);

const isUnauthenticated = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'UNAUTHENTICATED';

export interface WatchedApi {
  api: NewsdeskApi;
  /** Hears each time a call finds the session ended; returns the way to stop listening. */
  onSessionEnded(listener: () => void): () => void;
}

export function watchSession(inner: NewsdeskApi): WatchedApi {
  const listeners = new Set<() => void>();
  const table = inner as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const ended = () => {
    for (const listener of [...listeners]) listener();
  };
  const api = buildApi(
    async (method, input) => {
      const [area, fn] = splitMethod(method);
      try {
        return await table[area]![fn]!(input);
      } catch (error) {
        if (isUnauthenticated(error) && !NOT_ABOUT_THE_SESSION.has(method)) {
          if (!ASK_FIRST.has(method)) ended();
          else
            void inner.session
              .current({})
              .then((r) => r.staff === null && ended())
              .catch(() => undefined);
        }
        throw error;
      }
    },
    (listener) => inner.onEvent(listener),
    (listener) => inner.onConnection(listener),
  );
  return {
    api,
    onSessionEnded(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
