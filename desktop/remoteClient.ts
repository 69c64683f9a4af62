// The newsroom server as seen from the desktop: the HTTP client derived from the contract
// (shared/httpApi.ts, no method written here) over the pinned transport, with the device token
// as its bearer token and the server's change events (resumed with Last-Event-ID after a gap).

import type { ConnectionState, MethodName } from '../shared/contract.js';
import type { ChangeEvent } from '../shared/domain.js';
import { createHttpApi, type TokenStore } from '../shared/httpApi.js';
import type { PinnedTransport } from './pinnedTransport.js';

export interface RemoteClient {
  /** Any contract method by name, as the server answers it. */
  call(method: MethodName, input: unknown): Promise<unknown>;
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** The server answers again: the event stream reconnects now instead of after its back-off, and catches up by Last-Event-ID. */
  reconnectEvents(): void;
}

type MethodTable = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

export function createRemoteClient(baseUrl: string, transport: PinnedTransport, tokens: TokenStore, opts: { events?: boolean } = {}): RemoteClient {
  const api = createHttpApi({ baseUrl, fetch: transport.fetch, tokens, events: opts.events ?? true });
  const table = api as unknown as MethodTable;
  return {
    call(method, input) {
      const dot = method.indexOf('.');
      const fn = table[method.slice(0, dot)]?.[method.slice(dot + 1)];
      if (!fn) return Promise.reject(new Error(`No client method for ${method}`));
      return fn(input);
    },
    onEvent: (listener) => api.onEvent(listener),
    onConnection: (listener) => api.onConnection(listener),
    reconnectEvents: () => api.reconnectEvents(),
  };
}
