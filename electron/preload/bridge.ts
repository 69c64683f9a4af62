// The preload's API, built from an ipcRenderer-like object so it can be tested without Electron.
// It exposes one function per contract method (answering the main process's Envelope), onEvent
// and shell.pickPhotos — never ipcRenderer itself.

import { buildBridge, channelOf, EVENT_CHANNEL, PICK_PHOTOS_CHANNEL, type NewsdeskBridge, type PickedPhoto } from '../../shared/bridge.js';
import type { ChangeEvent } from '../../shared/domain.js';
import type { Envelope } from '../../shared/errors.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function failure(error: unknown): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message: `The desktop bridge failed: ${error instanceof Error ? error.message : String(error)}` } };
}

export function createBridge(ipc: IpcRendererLike): NewsdeskBridge {
  const invoke = async (method: Parameters<typeof channelOf>[0], input: unknown): Promise<Envelope<unknown>> => {
    try {
      return (await ipc.invoke(channelOf(method), input)) as Envelope<unknown>;
    } catch (error) {
      return failure(error);
    }
  };
  const onEvent = (listener: (event: ChangeEvent) => void): (() => void) => {
    // Only the event crosses to the page, never Electron's IpcRendererEvent (it carries `sender`).
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as ChangeEvent);
    ipc.on(EVENT_CHANNEL, wrapped);
    return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
  };
  const shell = {
    async pickPhotos(): Promise<PickedPhoto[]> {
      const envelope = (await ipc.invoke(PICK_PHOTOS_CHANNEL)) as Envelope<PickedPhoto[]>;
      if (envelope.ok) return envelope.value;
      throw new Error(envelope.error.message);
    },
  };
  return buildBridge(invoke, onEvent, shell);
}
