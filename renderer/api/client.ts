// The one `api` the renderer talks to: the Electron preload's window.newsdesk inside the desktop
// app, otherwise the loopback HTTP client (browser preview and e2e tests).

import { apiFromBridge, type NewsdeskBridge, type PickedPhoto, type ShellApi } from '../../shared/bridge.js';
import type { NewsdeskApi } from '../../shared/contract.js';
import { createHttpClient } from './httpClient.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    newsdesk?: NewsdeskBridge;
  }
}

const bridge = typeof window !== 'undefined' ? window.newsdesk : undefined;

/** Which transport this renderer runs on. */
export const transport: 'ipc' | 'http' = bridge ? 'ipc' : 'http';

export const api: NewsdeskApi = bridge ? apiFromBridge(bridge) : createHttpClient();

/** Desktop-only helpers (native "Import photos…" dialog); null in the browser, where an <input type=file> does the job. */
export const shell: ShellApi | null = bridge?.shell ?? null;

export type { NewsdeskApi, PickedPhoto, ShellApi };
