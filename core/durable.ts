// Durable before recorded: a database row may point at a file only once that file, and the
// folder entries leading to it, would survive a power cut, not just a crash of the app. fsync
// makes a file's bytes durable; a new name in a folder (a rename, a new subfolder) is durable
// only once that folder is fsynced too. Publishing and the photo import both follow this.

import fsp from 'node:fs/promises';
import path from 'node:path';

/** The folder operations the rules below need (publishing injects its own to record or fail them). */
export interface DirFs {
  /** As fs.mkdir with recursive: resolves to the first folder it created, or undefined if none. */
  mkdir(dir: string, opts: { recursive: true; mode?: number }): Promise<string | undefined>;
  fsyncDir(dir: string): Promise<void>;
}

/** Flushes a file's bytes to the disk. Opened for writing: Windows flushes only a writable handle. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// A file system that cannot fsync a folder (some network shares) says so with one of these;
// the entries are then as durable as that file system makes them, and nothing more can be done.
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Flushes a folder's entries (new names, renames) to the disk. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder to flush it; NTFS journals folder entries itself.
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** The folders between `first` (created) and `dir`, outermost first. */
function createdChain(first: string, dir: string): string[] {
  const out = [first];
  let at = first;
  for (const part of path.relative(first, dir).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    out.push(at);
  }
  return out;
}

/**
 * Creates `dir` and any missing parents (with `mode`, where the platform has modes) and makes
 * each new folder's entry durable by fsyncing the folder that holds it. Returns the folders it
 * created, outermost first.
 */
export async function makeDirsDurably(fs: DirFs, dir: string, mode?: number): Promise<string[]> {
  const first = await fs.mkdir(dir, mode === undefined ? { recursive: true } : { recursive: true, mode });
  if (first === undefined) return [];
  const created = createdChain(path.resolve(first), path.resolve(dir));
  await Promise.all(created.map((d) => fs.fsyncDir(path.dirname(d))));
  return created;
}

/** Node's own file system for the rules above. */
export const nodeDirFs: DirFs = {
  mkdir: (dir, opts) => fsp.mkdir(dir, opts),
  fsyncDir,
};
