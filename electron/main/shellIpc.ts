// Shell-only helpers the renderer may ask for: the native "Import photos…" dialog, the export
// folder, a published version's page and folder, and an empty newsroom's first setup code. Main opens the dialogs and acts on the paths,
// so the renderer gets bytes, names and the export folder's name, and never sends a path: the
// export folder is the one the person picked, a package folder the one the core finds for the
// story and version asked for.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  EXPORT_FOLDER_ACTIONS,
  EXPORT_FOLDER_CHANNEL,
  FIRST_ADMIN_CHANNEL,
  PACKAGE_ACTIONS,
  PACKAGE_CHANNEL,
  PICK_PHOTOS_CHANNEL,
  type ExportFolderAction,
  type PackageAction,
  type PickedPhoto,
} from '../../shared/bridge.js';
import type { ExportFolder, SetupCode } from '../../shared/domain.js';
import { ApiError, type Envelope } from '../../shared/errors.js';
import type { ExportFolderControl } from '../../core/settings/exportFolder.js';
import type { PackageFolders } from '../../core/publishing/packageFolder.js';
import { isTrustedSender, type InvokeEventLike, type IpcMainLike } from './ipc.js';

export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'gif'];
/** A ceiling so a mistaken pick of a huge file does not fill memory; the core applies its own limit. */
const MAX_FILE_BYTES = 500 * 1024 * 1024;

export interface ShellDeps {
  /** Shows the open dialog for the calling window; resolves to the chosen paths ([] when cancelled). */
  showOpenDialog(event: InvokeEventLike, filters: { name: string; extensions: string[] }[]): Promise<string[]>;
  /** Shows the folder dialog (open or create a folder) for the calling window at `defaultPath`; null when cancelled. */
  showFolderDialog(event: InvokeEventLike, defaultPath: string | null): Promise<string | null>;
  isAppUrl(url: string): boolean;
  /** The calling window's session token (held by the IPC bridge), so the core can tell whether it is an admin's. */
  sessionOf(webContentsId: number): string | null;
  exportFolder: ExportFolderControl;
}

const FOREIGN_FRAME: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Newsdesk window.' } };

/** Chooses (through the folder dialog) or clears the export folder for the calling window's admin. */
async function exportFolderAction(deps: ShellDeps, event: InvokeEventLike, action: ExportFolderAction): Promise<ExportFolder | null> {
  const token = deps.sessionOf(event.sender.id);
  // Refused before any dialog opens; the core checks again when it stores the folder.
  await deps.exportFolder.requireAdmin(token);
  if (action === 'clear') return deps.exportFolder.set(null, token);
  const dir = await deps.showFolderDialog(event, deps.exportFolder.path());
  return dir === null ? deps.exportFolder.describe() : deps.exportFolder.set(dir, token);
}

export async function readPickedFiles(paths: string[]): Promise<PickedPhoto[]> {
  const picked: PickedPhoto[] = [];
  for (const file of paths) {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) continue;
    picked.push({ name: path.basename(file), data: new Uint8Array(await fs.readFile(file)) });
  }
  return picked;
}

export function registerShellIpc(ipcMain: IpcMainLike, deps: ShellDeps): () => void {
  ipcMain.handle(PICK_PHOTOS_CHANNEL, async (event): Promise<Envelope<PickedPhoto[]>> => {
    if (!isTrustedSender(event, deps.isAppUrl)) return FOREIGN_FRAME;
    try {
      const paths = await deps.showOpenDialog(event, [{ name: 'Photos', extensions: PHOTO_EXTENSIONS }]);
      return { ok: true, value: await readPickedFiles(paths) };
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `Could not read the chosen files: ${error instanceof Error ? error.message : String(error)}` } };
    }
  });
  ipcMain.handle(EXPORT_FOLDER_CHANNEL, async (event, action): Promise<Envelope<ExportFolder | null>> => {
    if (!isTrustedSender(event, deps.isAppUrl)) return FOREIGN_FRAME;
    if (!EXPORT_FOLDER_ACTIONS.includes(action as ExportFolderAction)) {
      return { ok: false, error: { code: 'VALIDATION', message: `The export folder can be chosen or cleared, not "${String(action).slice(0, 40)}".` } };
    }
    try {
      return { ok: true, value: await exportFolderAction(deps, event, action as ExportFolderAction) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      console.error('[shell] export folder:', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'The export folder could not be set; nothing was changed.' } };
    }
  });
  return () => {
    ipcMain.removeHandler(PICK_PHOTOS_CHANNEL);
    ipcMain.removeHandler(EXPORT_FOLDER_CHANNEL);
  };
}

export interface PackageDeps extends Pick<ShellDeps, 'isAppUrl' | 'sessionOf'> {
  /** The core's answer to "which folder is this version's?", for the calling window's session. */
  packages: PackageFolders;
  /** Opens a file with the computer's program for it (a page: the web browser); resolves to '' or why it failed (Electron's shell.openPath). */
  openPath(file: string): Promise<string>;
  /** Shows the file manager with `target` selected (Electron's shell.showItemInFolder). */
  showItemInFolder(target: string): void;
}

const numberOr = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

/**
 * A published version's page opened in the web browser, or its folder shown in the file manager.
 * The desktop window cannot open newsdesk://app/published/… in a window of its own (every new
 * window is refused, see main.ts), and the person's browser does not know that scheme: it opens the
 * package's index.html from the disk instead, where its images load from the folder beside it.
 */
export function registerPackageIpc(ipcMain: IpcMainLike, deps: PackageDeps): () => void {
  ipcMain.handle(PACKAGE_CHANNEL, async (event, action, target): Promise<Envelope<null>> => {
    if (!isTrustedSender(event, deps.isAppUrl)) return FOREIGN_FRAME;
    if (!PACKAGE_ACTIONS.includes(action as PackageAction)) {
      return { ok: false, error: { code: 'VALIDATION', message: `A published version's page can be opened or its folder shown, not "${String(action).slice(0, 40)}".` } };
    }
    const { storyId, version } = (typeof target === 'object' && target !== null ? target : {}) as { storyId?: unknown; version?: unknown };
    try {
      const dir = await deps.packages.folder(deps.sessionOf(event.sender.id), numberOr(storyId), numberOr(version));
      if (action === 'showFolder') {
        deps.showItemInFolder(dir);
        return { ok: true, value: null };
      }
      const failure = await deps.openPath(path.join(dir, 'index.html'));
      if (failure) return { ok: false, error: { code: 'INTERNAL', message: `The page could not be opened: ${failure}` } };
      return { ok: true, value: null };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      console.error('[shell] published package:', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'The published version could not be opened.' } };
    }
  });
  return () => ipcMain.removeHandler(PACKAGE_CHANNEL);
}

export interface FirstAdminDeps extends Pick<ShellDeps, 'isAppUrl'> {
  /** The core's first-admin setup code while the newsroom has no admin with a password; null after. */
  firstAdminSetup(): SetupCode | null | Promise<SetupCode | null>;
}

/**
 * An empty newsroom on the desktop: the sign-in screen asks for the first admin's setup code, which
 * a server prints in its console. The desktop app has no console, and the person at this computer
 * is the one setting it up, so main hands the code to the app's own window (and nothing else).
 */
export function registerFirstAdminIpc(ipcMain: IpcMainLike, deps: FirstAdminDeps): () => void {
  ipcMain.handle(FIRST_ADMIN_CHANNEL, async (event): Promise<Envelope<string | null>> => {
    if (!isTrustedSender(event, deps.isAppUrl)) return FOREIGN_FRAME;
    try {
      return { ok: true, value: (await deps.firstAdminSetup())?.code ?? null };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      console.error('[shell] first admin setup code:', error instanceof Error ? error.message : String(error));
      return { ok: false, error: { code: 'INTERNAL', message: 'The setup code could not be read.' } };
    }
  });
  return () => ipcMain.removeHandler(FIRST_ADMIN_CHANNEL);
}
