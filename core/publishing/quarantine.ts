// Package folders the database has no record of are set aside, never deleted. A crash between a
// package's rename and its commit leaves one, but so does restoring an older backup of the
// database: then every version published since is on disk without a row, and those folders are
// the newsroom's published record. They move to <dataDir>/quarantine/<time>/published/<slug>/v<N>
// for an admin to look through; nothing there is ever overwritten.

import path from 'node:path';
import { packagePathRecorded } from '../../db/published.js';
import type { Db } from '../../db/index.js';
import { makeDirsDurably } from '../durable.js';
import { exists, fsReason, type PackageFs } from './packageFs.js';
import { isSafeSegment } from './slug.js';
import { inside, writeFolderAtomically, type PackageFile } from './writer.js';

export const QUARANTINE_DIR = 'quarantine';

const VERSION_DIR = /^v[1-9][0-9]*$/;

const NOTE = `Newsdesk moved these package folders here from published/ because its database had no
record of them: an older backup of the database was restored, or Newsdesk stopped while
publishing. Nothing was deleted. Copy back what you need (for example into the export folder),
then delete this folder; the admin screen lists what is here until then.
`;

export interface SetAsideReport {
  /** Package folders moved to quarantine, relative to the data folder. */
  setAside: string[];
  /** Package folders (relative to published/) that could not be moved and were left in place. */
  failed: { folder: string; reason: string }[];
}

export interface TidyReport extends SetAsideReport {
  /** Hidden folders of unfinished writes under published/, removed. */
  removed: string[];
}

/** Removes `dir` if it is an empty folder. */
export async function removeIfEmpty(fs: PackageFs, dir: string): Promise<void> {
  const left = await fs.readdir(dir, { withFileTypes: true }).catch(() => null);
  if (left && left.length === 0) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** A new folder for one setting-aside, named by the time; a suffix keeps it from ever being an existing one. */
async function newRunDir(fs: PackageFs, dataDir: string, now: Date): Promise<string> {
  const top = path.join(dataDir, QUARANTINE_DIR);
  await makeDirsDurably(fs, top);
  const base = path.join(top, now.toISOString().replace(/:/g, '-'));
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`;
    // A recursive mkdir reports the folder it created: none means someone had it already.
    if ((await makeDirsDurably(fs, dir)).length > 0) return dir;
  }
}

/** Every file of a folder, refusing anything but files and folders (a copy could not keep it). */
async function readPlainFolder(fs: PackageFs, dir: string, prefix = ''): Promise<PackageFile[]> {
  const out: PackageFile[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await readPlainFolder(fs, path.join(dir, e.name), rel)));
    else if (e.isFile()) out.push({ name: rel, data: await fs.readFile(path.join(dir, e.name)) });
    else throw new Error(`${path.join(dir, e.name)} is neither a file nor a folder, so it cannot be copied to another disk`);
  }
  return out;
}

/** Moves the folder `from` to `<into>/<rel>`, never over anything, flushed to the disk. */
async function moveFolder(fs: PackageFs, from: string, into: string, rel: string): Promise<string> {
  const to = inside(into, rel);
  await makeDirsDurably(fs, path.dirname(to));
  if (await exists(fs, to)) throw Object.assign(new Error(`${to} already exists`), { code: 'EEXIST' });
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // published/ is on another disk than the data folder: a flushed copy first, and only once
    // it is complete is the original removed. A failed copy leaves the original as it was.
    await writeFolderAtomically(fs, into, rel, await readPlainFolder(fs, from));
    await fs.rm(from, { recursive: true, force: true });
  }
  await Promise.all([fs.fsyncDir(path.dirname(to)), fs.fsyncDir(path.dirname(from))]);
  return to;
}

/**
 * Moves the package folders `rels` (relative to `root`, the published/ folder) into a new
 * quarantine folder. Never throws for a folder it cannot move: that one stays where it is and
 * is reported.
 */
export async function setAsidePackages(fs: PackageFs, dataDir: string, root: string, rels: string[], now: Date): Promise<SetAsideReport> {
  const report: SetAsideReport = { setAside: [], failed: [] };
  if (rels.length === 0) return report;
  let run: string;
  try {
    run = await newRunDir(fs, dataDir, now);
    await fs.writeFile(path.join(run, 'README.txt'), NOTE);
  } catch (error) {
    return { setAside: [], failed: rels.map((folder) => ({ folder, reason: fsReason(error) })) };
  }
  const into = path.join(run, path.basename(root));
  for (const rel of rels) {
    try {
      const to = await moveFolder(fs, inside(root, rel), into, rel);
      report.setAside.push(path.relative(dataDir, to));
    } catch (error) {
      report.failed.push({ folder: rel, reason: fsReason(error) });
      await removeIfEmpty(fs, path.dirname(inside(into, rel)));
    }
  }
  if (report.setAside.length === 0) {
    // Nothing moved: no folder (and no note) to puzzle over later.
    await fs.rm(path.join(run, 'README.txt'), { recursive: true, force: true }).catch(() => undefined);
    for (const dir of [into, run]) await removeIfEmpty(fs, dir);
  }
  return report;
}

/**
 * Tidies what a crash (or a restored backup) left under published/, before anything publishes:
 * package folders (<dir>/v<N>) with no published_versions row are set aside in quarantine; the
 * hidden temporary folders of unfinished writes are removed, since a package is published only
 * by its rename out of one (a temporary folder never held a published version); story folders
 * left empty go too. Anything else is left alone.
 */
export async function tidyPublished(db: Db, dataDir: string, root: string, fs: PackageFs, now: Date): Promise<TidyReport> {
  const removed: string[] = [];
  const unrecorded: string[] = [];
  const top = await fs.readdir(root, { withFileTypes: true }).catch(() => null);
  if (!top) return { removed, setAside: [], failed: [] };
  for (const entry of top) {
    if (!entry.isDirectory()) continue;
    if (entry.name.startsWith('.tmp-')) {
      const gone = await fs.rm(path.join(root, entry.name), { recursive: true, force: true }).then(
        () => true,
        () => false,
      );
      if (gone) removed.push(entry.name);
      continue;
    }
    if (!isSafeSegment(entry.name)) continue;
    const versions = await fs.readdir(path.join(root, entry.name), { withFileTypes: true }).catch(() => []);
    for (const v of versions) {
      const rel = `${entry.name}/${v.name}`;
      if (v.isDirectory() && VERSION_DIR.test(v.name) && !(await packagePathRecorded(db, rel))) unrecorded.push(rel);
    }
  }
  const report = await setAsidePackages(fs, dataDir, root, unrecorded, now);
  const storyDirs = new Set(unrecorded.map((rel) => rel.split('/')[0] ?? ''));
  for (const dir of storyDirs) await removeIfEmpty(fs, path.join(root, dir));
  return { removed, ...report };
}

/** What the log says about a tidy; null when there was nothing to do. */
export function describeTidy(report: TidyReport, dataDir: string): string | null {
  const lines: string[] = [];
  if (report.setAside.length > 0) {
    lines.push(
      `set aside ${report.setAside.length} package folder(s) the database has no record of (an older backup restored, or a crash while publishing); nothing was deleted, they are in ${dataDir}: ${report.setAside.join(', ')}`,
    );
  }
  if (report.failed.length > 0) {
    lines.push(`could not set aside, so left in published/: ${report.failed.map((f) => `${f.folder} (${f.reason})`).join(', ')}`);
  }
  if (report.removed.length > 0) lines.push(`removed unfinished writes (never published): ${report.removed.join(', ')}`);
  return lines.length > 0 ? lines.join('; ') : null;
}

/** The package folders in quarantine (set aside from `root`), relative to the data folder, oldest first. */
export async function listSetAside(fs: PackageFs, dataDir: string, root: string): Promise<string[]> {
  const out: string[] = [];
  const dirs = async (dir: string) =>
    (await fs.readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  const top = path.join(dataDir, QUARANTINE_DIR);
  const published = path.basename(root);
  for (const run of await dirs(top)) {
    for (const story of await dirs(path.join(top, run, published))) {
      for (const v of await dirs(path.join(top, run, published, story))) {
        if (VERSION_DIR.test(v)) out.push(path.join(QUARANTINE_DIR, run, published, story, v));
      }
    }
  }
  return out;
}
