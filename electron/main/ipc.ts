// The IPC transport, main side: one ipcMain.handle per contract method. It refuses frames other
// than the app's own, keeps each window's session token (the renderer never sees it) and answers
// Envelopes. Validation and every rule are the core's (core.call).

import { channelOf, EVENT_CHANNEL } from '../../shared/bridge.js';
import { METHOD_NAMES, type MethodName } from '../../shared/contract.js';
import type { ChangeEvent } from '../../shared/domain.js';
import type { Envelope } from '../../shared/errors.js';
import { errorBodyOf, type TransportCore } from '../../server/coreApi.js';
import { IN_PROCESS_CLIENT, type ClientInfo } from '../../core/dispatch.js';

/** What the desktop app's sessions are listed as (no network address: the core runs in this process). */
export const DESKTOP_CLIENT: ClientInfo = { ...IN_PROCESS_CLIENT, device: 'Newsdesk desktop app' };

/** The methods whose answer carries a new session token, which stays in main. */
const SIGN_IN_METHODS: ReadonlySet<MethodName> = new Set(['session.signIn', 'session.setUp']);

/** The parts of Electron's IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: FrameLike | null;
}
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcBridge {
  /** The channels registered (one per contract method). */
  readonly channels: string[];
  /** Drops a closed window's session. */
  forget(webContentsId: number): void;
  /** Test hook: whether main holds a session for this window. */
  hasSession(webContentsId: number): boolean;
  /** The window's session token, for what main itself asks of the core on the window's behalf; never sent to a page. */
  sessionOf(webContentsId: number): string | null;
  dispose(): void;
}

export interface IpcBridgeOptions {
  /** Whether a URL is the app's own page (e.g. newsdesk://app/…). */
  isAppUrl(url: string): boolean;
}

/** Only the app's own top-level page may call: no iframes, no foreign or navigated-away pages. */
export function isTrustedSender(event: InvokeEventLike, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMainLike, core: TransportCore, opts: IpcBridgeOptions): IpcBridge {
  const tokens = new Map<number, string>();
  const channels: string[] = [];

  async function handle(method: MethodName, event: InvokeEventLike, input: unknown): Promise<Envelope<unknown>> {
    if (!isTrustedSender(event, opts.isAppUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Newsdesk window.' } };
    }
    const id = event.sender.id;
    try {
      const value = await core.call(tokens.get(id) ?? null, method, input, DESKTOP_CLIENT);
      if (SIGN_IN_METHODS.has(method)) {
        // The token stays in main: the window is the session.
        const { token, ...rest } = value as { token: string } & Record<string, unknown>;
        tokens.set(id, token);
        return { ok: true, value: rest };
      }
      // Another newsroom chosen: no window's session is one of its sessions.
      if (method === 'desktop.choose') tokens.clear();
      // Signed out, or out everywhere (this window too): the token is worth nothing now.
      if (method === 'session.signOut' || (method === 'session.end' && typeof input === 'object' && input !== null && 'everywhere' in input)) tokens.delete(id);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: errorBodyOf(error, `[ipc] ${method}`) };
    }
  }

  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    ipcMain.handle(channel, (event, input) => handle(method, event, input));
    channels.push(channel);
  }

  return {
    channels,
    forget: (id) => void tokens.delete(id),
    hasSession: (id) => tokens.has(id),
    sessionOf: (id) => tokens.get(id) ?? null,
    dispose() {
      for (const channel of channels) ipcMain.removeHandler(channel);
      tokens.clear();
    },
  };
}

/** Pushes every core change event to every open window. */
export function forwardEvents(core: TransportCore, targets: () => { send(channel: string, event: ChangeEvent): void; isDestroyed?(): boolean }[]): () => void {
  return core.onEvent((event) => {
    for (const target of targets()) {
      if (!target.isDestroyed?.()) target.send(EVENT_CHANNEL, event);
    }
  });
}
