// The export folder: where each published package is also copied. It can write files anywhere the
// core may, so no contract method sets it: the desktop shell sets it from its native folder dialog
// (for a window whose signed-in person is an admin) and the serve cli from --export-dir. API
// callers learn only its name (settings.get), never its path.

import path from 'node:path';
import type { ExportFolder, Staff } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { hasRole } from '../../shared/workflow.js';
import { toPerson } from '../staff/people.js';
import { checkExportDir } from '../publishing/exporter.js';
import { nodeFs, type PackageFs } from '../publishing/packageFs.js';
import type { Writer } from '../write.js';
import { SIGN_IN_FIRST } from '../dispatch.js';
import type { SettingsStore } from './settingsStore.js';

export interface ExportFolderControl {
  /** The full path, or null when packages are not copied anywhere. */
  path(): string | null;
  /** What API callers may see of it. */
  describe(): ExportFolder | null;
  /** Throws UNAUTHENTICATED without a live session, FORBIDDEN unless the session `token` is an admin's (the shell asks before it opens its dialog). */
  requireAdmin(token: string | null): Promise<void>;
  /**
   * Checks `dir` can take packages (a full path to an existing, writable folder) and stores it;
   * null turns the copy off. With `token` (the shell's window), only an admin may; without (the
   * serve cli, run by whoever starts the server), anyone. Refusals are ApiErrors that do not
   * repeat the path: the person who picked it knows it.
   */
  set(dir: string | null, token?: string | null): Promise<ExportFolder | null>;
}

/** The folder's own name; a root folder ("/", "C:\") is its own name. */
export function exportFolderName(dir: string): ExportFolder {
  return { name: path.basename(dir) || dir };
}

export function exportFolderControl(
  store: SettingsStore,
  staffOf: (token: string | null) => Promise<Staff | null>,
  write: Writer,
  fs: PackageFs = nodeFs,
): ExportFolderControl {
  const requireAdmin = async (token: string | null) => {
    const staff = await staffOf(token);
    if (!staff) throw new ApiError('UNAUTHENTICATED', SIGN_IN_FIRST);
    if (!hasRole(toPerson(staff), 'admin')) throw new ApiError('FORBIDDEN', 'Only an admin may choose the export folder.');
  };
  const describe = () => {
    const dir = store.exportDir();
    return dir ? exportFolderName(dir) : null;
  };
  return {
    path: () => store.exportDir(),
    describe,
    requireAdmin,
    async set(dir, token) {
      if (token !== undefined) await requireAdmin(token);
      const chosen = dir?.trim() ? await checkExportDir(fs, dir.trim()) : null;
      await write(() => store.setExportDir(chosen)).finally(() => store.load());
      return describe();
    },
  };
}
