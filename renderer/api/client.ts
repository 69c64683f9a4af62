// The one `api` the renderer talks to: the Electron preload's window.newsdesk inside the desktop
// app, otherwise the HTTP client (the newsroom server, the browser preview and e2e tests), watched
// for a session that ends while the app is open (sessionWatch.ts).

import { apiFromBridge, type NewsdeskBridge, type PickedPhoto, type ShellApi } from '../../shared/bridge.js';
import type { NewsdeskApi } from '../../shared/contract.js';
import { createHttpClient } from './httpClient.js';
import { watchSession } from './sessionWatch.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    newsdesk?: NewsdeskBridge;
  }
}

const bridge = typeof window !== 'undefined' ? window.newsdesk : undefined;

/** Which transport this renderer runs on. */
export const transport: 'ipc' | 'http' = bridge ? 'ipc' : 'http';

const watched = watchSession(bridge ? apiFromBridge(bridge) : createHttpClient());

export const api: NewsdeskApi = watched.api;

/** Hears when a call finds this window's session ended (the app then asks the person to sign in again). */
export const onSessionEnded = watched.onSessionEnded;

/** Desktop-only helpers (native "Import photos…" dialog); null in the browser, where an <input type=file> does the job. */
export const shell: ShellApi | null = bridge?.shell ?? null;

export type { NewsdeskApi, PickedPhoto, ShellApi };
