// The preload's API, built from an ipcRenderer-like object so it can be tested without Electron.
// It exposes one function per contract method (answering the main process's Envelope), onEvent
// and the shell's helpers (photos to import, the export folder, a published version's page and
// folder, an empty newsroom's first setup code, File ▸ Newsroom…) — never ipcRenderer itself.

import {
  buildBridge,
  channelOf,
  EVENT_CHANNEL,
  EXPORT_FOLDER_CHANNEL,
  FIRST_ADMIN_CHANNEL,
  NEWSROOM_MENU_CHANNEL,
  PACKAGE_CHANNEL,
  PICK_PHOTOS_CHANNEL,
  type ExportFolderAction,
  type PackageAction,
  type NewsdeskBridge,
  type ShellApi,
} from '../../shared/bridge.js';
import type { ChangeEvent, ExportFolder } from '../../shared/domain.js';
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
  // The shell's answers are Envelopes too; a refusal becomes an Error with the main process's words.
  const shellCall = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
    const envelope = (await ipc.invoke(channel, ...args)) as Envelope<T>;
    if (envelope.ok) return envelope.value;
    throw new Error(envelope.error.message);
  };
  const exportFolder = (action: ExportFolderAction) => shellCall<ExportFolder | null>(EXPORT_FOLDER_CHANNEL, action);
  const publishedPackage = (action: PackageAction, storyId: number, version: number) =>
    shellCall<null>(PACKAGE_CHANNEL, action, { storyId, version }).then(() => undefined);
  const shell: ShellApi = {
    pickPhotos: () => shellCall(PICK_PHOTOS_CHANNEL),
    chooseExportFolder: () => exportFolder('choose'),
    clearExportFolder: () => exportFolder('clear'),
    openPackagePage: (storyId, version) => publishedPackage('openPage', storyId, version),
    showPackageFolder: (storyId, version) => publishedPackage('showFolder', storyId, version),
    firstAdminSetupCode: () => shellCall<string | null>(FIRST_ADMIN_CHANNEL),
    onNewsroomMenu: (listener) => {
      // Nothing of Electron's event crosses to the page.
      const wrapped = () => listener();
      ipc.on(NEWSROOM_MENU_CHANNEL, wrapped);
      return () => void ipc.removeListener(NEWSROOM_MENU_CHANNEL, wrapped);
    },
  };
  return buildBridge(invoke, onEvent, shell);
}
