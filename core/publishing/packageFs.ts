// The few file operations publishing and export use, behind an interface so tests can make any
// one of them fail (a full disk, a permission error) and check nothing half-written is left, or
// record the order of the writes, the fsyncs and the database commit.

import fsp from 'node:fs/promises';
import { fsyncDir, fsyncFile, type DirFs } from '../durable.js';

export interface PackageFs extends DirFs {
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  readFile(file: string): Promise<Buffer>;
  readdir(dir: string, opts: { withFileTypes: true }): Promise<{ name: string; isDirectory(): boolean; isFile(): boolean }[]>;
  rename(from: string, to: string): Promise<void>;
  rm(target: string, opts: { recursive: true; force: true }): Promise<void>;
  stat(target: string): Promise<{ isDirectory(): boolean }>;
  access(target: string, mode: number): Promise<void>;
  fsyncFile(file: string): Promise<void>;
}

export const nodeFs: PackageFs = {
  mkdir: (dir, opts) => fsp.mkdir(dir, opts),
  writeFile: (file, data) => fsp.writeFile(file, data, { flag: 'wx' }),
  readFile: (file) => fsp.readFile(file),
  readdir: (dir, opts) => fsp.readdir(dir, opts),
  rename: (from, to) => fsp.rename(from, to),
  rm: (target, opts) => fsp.rm(target, opts),
  stat: (target) => fsp.stat(target),
  access: (target, mode) => fsp.access(target, mode),
  fsyncFile,
  fsyncDir,
};

export async function exists(fs: PackageFs, target: string): Promise<boolean> {
  try {
    await fs.stat(target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A short human reason for a file-system error ("the disk is full", "permission denied"). */
export function fsReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is exhausted';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
      return 'a folder is missing';
    case 'ENOTDIR':
      return 'a file is in the way of a folder';
    case 'EEXIST':
    case 'ENOTEMPTY':
      return 'the folder already exists';
    default:
      // Not the error's own message: Node's name the absolute path, and these reasons reach API callers.
      return e?.code ? `a file error (${e.code})` : 'an unexpected error';
  }
}
