// Fakes for Electron's ipcMain, ipcRenderer and contextBridge, wired to each other the way
// Electron wires them: ipcRenderer.invoke(channel, input) reaches the handler main registered,
// with an event naming the sending webContents and frame. Inputs are structured-cloned.

import type { FrameLike, InvokeEventLike, IpcMainLike } from '../../../electron/main/ipc.js';
import type { IpcRendererLike } from '../../../electron/preload/bridge.js';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export const APP_FRAME: FrameLike = { url: 'newsdesk://app/index.html', parent: null };

/** One window's renderer side: its webContents id and the frame its calls come from. */
export class FakeIpcRenderer implements IpcRendererLike {
  private readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  constructor(
    private readonly main: FakeIpcMain,
    readonly webContentsId: number,
    public frame: FrameLike | null = APP_FRAME,
  ) {}
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.main.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
    const event: InvokeEventLike = { sender: { id: this.webContentsId }, senderFrame: this.frame };
    return structuredClone(await handler(event, ...args.map((a) => structuredClone(a))));
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return this;
  }
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** What webContents.send(channel, payload) does on the main side. */
  deliver(channel: string, payload: unknown): void {
    for (const l of this.listeners.get(channel) ?? []) l({ sender: 'ipcRenderer' }, structuredClone(payload));
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

/** Records what the preload exposes, as Electron's contextBridge would make it visible. */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  }
}
