// File → Back up newsroom…: asks where to save, copies the database with SQLite's online backup
// while the app keeps running, and says how it went. Photos stay in the data folder's media/.

import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';

export interface BackupDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showMessageBox'>;
  /** The core's online backup (core.backup). */
  backup(file: string): Promise<void>;
  /** The live database file, which must never be the target. */
  databaseFile: string;
  documentsDir: string;
  /** The window the dialogs belong to, if any. */
  owner(): BrowserWindow | null;
  now?: () => Date;
}

/** newsdesk-backup-YYYY-MM-DD.db, on the person's own calendar day. */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `newsdesk-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.db`;
}

export function createBackupCommand(deps: BackupDeps): () => Promise<void> {
  let running = false;
  return async () => {
    // A second click while a backup is running would only race it.
    if (running) return;
    running = true;
    try {
      await run(deps);
    } finally {
      running = false;
    }
  };
}

async function run(deps: BackupDeps): Promise<void> {
  const owner = deps.owner();
  const saveOptions: Electron.SaveDialogOptions = {
    title: 'Back up newsroom',
    buttonLabel: 'Back up',
    defaultPath: path.join(deps.documentsDir, backupFileName((deps.now ?? (() => new Date()))())),
    filters: [{ name: 'Newsdesk backup', extensions: ['db'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const chosen = owner ? await deps.dialog.showSaveDialog(owner, saveOptions) : await deps.dialog.showSaveDialog(saveOptions);
  if (chosen.canceled || !chosen.filePath) return;
  const file = path.resolve(chosen.filePath);

  let message: Electron.MessageBoxOptions;
  try {
    if (file === path.resolve(deps.databaseFile)) throw new Error('A backup cannot be written over the newsroom’s own database; choose another place.');
    // Written beside the target and renamed when complete, so a failed backup leaves no half a file.
    const partial = `${file}.partial`;
    try {
      await deps.backup(partial);
      fs.renameSync(partial, file);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    const kb = Math.max(1, Math.round(fs.statSync(file).size / 1024));
    message = {
      type: 'info',
      title: 'Back up newsroom',
      message: 'The newsroom is backed up.',
      detail: `${file} (${kb.toLocaleString('en')} KB)\n\nThe backup holds stories, staff, photo records and settings. The photo files themselves stay in the data folder’s media folder; copy that too for a complete copy.`,
      buttons: ['OK'],
      noLink: true,
    };
  } catch (error) {
    message = {
      type: 'error',
      title: 'Back up newsroom',
      message: 'The backup failed.',
      detail: `${error instanceof Error ? error.message : String(error)}\n\nNothing was changed in the newsroom.`,
      buttons: ['OK'],
      noLink: true,
    };
  }
  if (owner) await deps.dialog.showMessageBox(owner, message);
  else await deps.dialog.showMessageBox(message);
}
