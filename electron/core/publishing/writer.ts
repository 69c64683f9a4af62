// Writes a package folder all at once: files go into a hidden temporary folder beside the target
// (same file system, so the final rename is atomic) and the folder is renamed into place only when
// every file is written. On any failure the temporary folder is removed and nothing is left.

import { randomBytes } from 'node:crypto';
import path from 'node:path';
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

/**
 * Writes `files` as the folder `root/rel`. Fails (leaving nothing) when that folder exists:
 * a published version is never rewritten.
 */
export async function writeFolderAtomically(fs: PackageFs, root: string, rel: string, files: PackageFile[]): Promise<string> {
  const target = inside(root, rel);
  await fs.mkdir(root, { recursive: true });
  const tmp = inside(root, tempName('tmp'));
  const parent = path.dirname(target);
  const parentIsNew = !(await exists(fs, parent));
  try {
    await fs.mkdir(tmp, { recursive: true });
    for (const f of files) {
      const file = inside(tmp, f.name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, f.data);
    }
    await fs.mkdir(parent, { recursive: true });
    if (await exists(fs, target)) {
      throw Object.assign(new Error(`${target} already exists`), { code: 'EEXIST' });
    }
    await fs.rename(tmp, target);
    return target;
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
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
