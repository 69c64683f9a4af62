// Writes a package folder all at once: files go into a hidden temporary folder beside the target
// (same file system, so the final rename is atomic) and the folder is renamed into place only when
// every file is written and flushed to the disk. On any failure the temporary folder is removed
// and nothing is left.

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { makeDirsDurably } from '../durable.js';
import { exists, type PackageFs } from './packageFs.js';

export interface PackageFile {
  /** Path inside the package, e.g. "index.html" or "images/photo-1-large.jpg". */
  name: string;
  data: string | Uint8Array;
}

/** Resolves `rel` under `root`, refusing anything that would land outside it. */
export function inside(root: string, rel: string): string {
  const target = path.resolve(root, rel);
  const back = path.relative(path.resolve(root), target);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) throw new Error(`refused to write outside ${root}: ${rel}`);
  return target;
}

export function tempName(prefix: string): string {
  return `.${prefix}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Every folder from the folder holding `file` up to (and with) `top`. */
function foldersUpTo(top: string, file: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(file); dir !== top && dir.startsWith(top); dir = path.dirname(dir)) out.push(dir);
  return [...out, top];
}

/**
 * Writes `files` as the folder `root/rel`. Fails (leaving nothing) when that folder exists:
 * a published version is never rewritten. When it resolves, the files and every folder entry
 * leading to them are on the disk (fsynced), so a row recorded next can never point at a
 * package a power cut took away.
 */
export async function writeFolderAtomically(fs: PackageFs, root: string, rel: string, files: PackageFile[]): Promise<string> {
  const target = inside(root, rel);
  await makeDirsDurably(fs, root);
  const tmp = inside(root, tempName('tmp'));
  const parent = path.dirname(target);
  const parentIsNew = !(await exists(fs, parent));
  let renamed = false;
  try {
    await fs.mkdir(tmp, { recursive: true });
    const folders = new Set<string>();
    for (const f of files) {
      const file = inside(tmp, f.name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, f.data);
      for (const dir of foldersUpTo(tmp, file)) folders.add(dir);
    }
    await Promise.all(files.map((f) => fs.fsyncFile(inside(tmp, f.name))));
    await Promise.all([...folders].map((dir) => fs.fsyncDir(dir)));
    await makeDirsDurably(fs, parent);
    if (await exists(fs, target)) {
      throw Object.assign(new Error(`${target} already exists`), { code: 'EEXIST' });
    }
    await fs.rename(tmp, target);
    renamed = true;
    await fs.fsyncDir(parent);
    return target;
  } catch (error) {
    // Ours alone until a row names it: a folder whose new name may not be on the disk goes too.
    await fs.rm(renamed ? target : tmp, { recursive: true, force: true }).catch(() => undefined);
    // Leave no empty story folder behind either (only one this call made).
    if (parentIsNew && parent !== path.resolve(root)) {
      const left = await fs.readdir(parent, { withFileTypes: true }).catch(() => null);
      if (left && left.length === 0) await fs.rm(parent, { recursive: true, force: true }).catch(() => undefined);
    }
    throw error;
  }
}

/** Reads every file of a package folder (relative names, sorted). */
export async function readFolder(fs: PackageFs, dir: string, prefix = ''): Promise<PackageFile[]> {
  const out: PackageFile[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await readFolder(fs, path.join(dir, e.name), rel)));
    else if (e.isFile()) out.push({ name: rel, data: await fs.readFile(path.join(dir, e.name)) });
  }
  return out;
}
