// Shell-only helpers the renderer may ask for: the native "Import photos…" dialog. Main opens
// the dialog and reads the files, so the renderer gets bytes and names, never a path to use.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PICK_PHOTOS_CHANNEL, type PickedPhoto } from '../../shared/bridge.js';
import type { Envelope } from '../../shared/errors.js';
import { isTrustedSender, type InvokeEventLike, type IpcMainLike } from './ipc.js';

export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'gif'];
/** A ceiling so a mistaken pick of a huge file does not fill memory; the core applies its own limit. */
const MAX_FILE_BYTES = 500 * 1024 * 1024;

export interface ShellDeps {
  /** Shows the open dialog for the calling window; resolves to the chosen paths ([] when cancelled). */
  showOpenDialog(event: InvokeEventLike, filters: { name: string; extensions: string[] }[]): Promise<string[]>;
  isAppUrl(url: string): boolean;
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
    if (!isTrustedSender(event, deps.isAppUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Newsdesk window.' } };
    }
    try {
      const paths = await deps.showOpenDialog(event, [{ name: 'Photos', extensions: PHOTO_EXTENSIONS }]);
      return { ok: true, value: await readPickedFiles(paths) };
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `Could not read the chosen files: ${error instanceof Error ? error.message : String(error)}` } };
    }
  });
  return () => ipcMain.removeHandler(PICK_PHOTOS_CHANNEL);
}
