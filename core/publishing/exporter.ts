// Copies a published package to the newsroom's export folder (see exportFolder.ts), atomically:
// the copy is assembled in a hidden folder inside the export folder and renamed into place.
// A failed copy is the caller's to record; it never touches the published version itself.

import { constants } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/errors.js';
import { exists, fsReason, type PackageFs } from './packageFs.js';
import { inside, readFolder, tempName, writeFolderAtomically } from './writer.js';

/**
 * A refusal about the export folder. Its message names "the export folder", never its path: it
 * reaches API callers (a browser may be on another machine); `cause` keeps the file-system error
 * for the log, which the caller writes with the full path.
 */
function refusal(code: 'VALIDATION' | 'INTERNAL', message: string, cause?: unknown): ApiError {
  const error = new ApiError(code, message);
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

/** Checks the export folder can take a package; throws a VALIDATION ApiError that says why not. */
export async function checkExportDir(fs: PackageFs, exportDir: string): Promise<string> {
  if (!path.isAbsolute(exportDir)) throw refusal('VALIDATION', 'The export folder must be a full path.');
  let isDir: boolean;
  try {
    isDir = (await fs.stat(exportDir)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw refusal('VALIDATION', 'The export folder does not exist.', error);
    throw refusal('VALIDATION', `The export folder cannot be read (${fsReason(error)}).`, error);
  }
  if (!isDir) throw refusal('VALIDATION', 'The export folder is a file, not a folder.');
  try {
    await fs.access(exportDir, constants.W_OK);
  } catch (error) {
    throw refusal('VALIDATION', `The export folder is not writable (${fsReason(error)}).`, error);
  }
  return path.resolve(exportDir);
}

/**
 * Copies the package folder `sourceDir` to `<exportDir>/<rel>`. An earlier copy of the same
 * version (say, edited by hand) is replaced by swapping it aside, so readers never see a mix.
 */
export async function exportPackage(fs: PackageFs, sourceDir: string, exportDir: string, rel: string): Promise<string> {
  const root = await checkExportDir(fs, exportDir);
  const files = await readFolder(fs, sourceDir);
  const target = inside(root, rel);
  try {
    if (await exists(fs, target)) {
      const aside = inside(root, tempName('old'));
      await fs.rename(target, aside);
      try {
        await writeFolderAtomically(fs, root, rel, files);
      } catch (error) {
        await fs.rename(aside, target).catch(() => undefined);
        throw error;
      }
      await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined);
      return target;
    }
    return await writeFolderAtomically(fs, root, rel, files);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw refusal('INTERNAL', `Copying the package to the export folder failed (${fsReason(error)}).`, error);
  }
}
