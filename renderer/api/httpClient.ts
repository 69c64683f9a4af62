// The browser's NewsdeskApi over the loopback HTTP bridge (npm run serve): the shared HTTP
// client with the browser's fetch, EventSource and a per-tab token store.

import type { NewsdeskApi } from '../../shared/contract.js';
import { createHttpApi, type TokenStore } from '../../shared/httpApi.js';

const TOKEN_KEY = 'newsdesk.token';

/** Per tab, so a reload keeps the session and two tabs can be two people. */
function sessionTokenStore(): TokenStore {
  let memory: string | null = null;
  return {
    get() {
      try {
        return sessionStorage.getItem(TOKEN_KEY) ?? memory;
      } catch {
        return memory;
      }
    },
    set(token) {
      memory = token;
      try {
        if (token) sessionStorage.setItem(TOKEN_KEY, token);
        else sessionStorage.removeItem(TOKEN_KEY);
      } catch {
        // storage can be unavailable (privacy modes); the in-memory copy still works
      }
    },
  };
}

export function createHttpClient(baseUrl = ''): NewsdeskApi {
  return createHttpApi({
    baseUrl,
    fetch: (url, init) => fetch(url, init),
    tokens: sessionTokenStore(),
    eventSource:
      typeof EventSource === 'undefined'
        ? undefined
        : (url, onMessage) => {
            // EventSource reconnects by itself after a dropped connection.
            const source = new EventSource(url);
            source.onmessage = (message: MessageEvent<string>) => onMessage(message.data);
            return source;
          },
  });
}
