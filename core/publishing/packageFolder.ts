// Where one published version's package is on this computer. published.get reads its files from
// there, and the desktop shell opens its page or shows its folder: the folder is always worked out
// here from the story and the version number, never taken from a path a page sends.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { getPublishedVersion } from '../../db/published.js';
import { storyExists } from '../../db/stories.js';
import type { Db } from '../../db/index.js';
import type { PublishedVersionSummary, Staff } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { SIGN_IN_FIRST } from '../dispatch.js';
import { fsReason } from './packageFs.js';
import { publishedRoot } from './publisher.js';
import { inside } from './writer.js';

export interface VersionFolder {
  version: PublishedVersionSummary;
  /** The package folder (absolute), inside the data folder's published/. */
  dir: string;
}

export async function requireStory(db: Db, storyId: number): Promise<void> {
  if (!(await storyExists(db, storyId))) throw new ApiError('NOT_FOUND', `Story ${storyId} does not exist.`);
}

/** The version's row and the folder its row names; NOT_FOUND when either story or version is not there. */
export async function versionFolder(db: Db, dataDir: string, storyId: number, version: number): Promise<VersionFolder> {
  await requireStory(db, storyId);
  const summary = await getPublishedVersion(db, storyId, version);
  if (!summary) throw new ApiError('NOT_FOUND', `Story ${storyId} has no published version ${version}.`);
  return { version: summary, dir: inside(publishedRoot(dataDir), summary.path) };
}

/** The message for a package whose files are gone: the folder as the data folder names it, never the full path. */
export function missingFiles(version: PublishedVersionSummary, error: unknown): ApiError {
  return new ApiError('NOT_FOUND', `The files of version ${version.version} are missing from published/${version.path} (${fsReason(error)}).`);
}

export interface PackageFolders {
  /**
   * The package folder of a published version, for the signed-in session `token` (anyone signed in
   * may see published versions): its absolute path, checked to be a folder with its index.html
   * and to lie inside published/ once links are followed.
   */
  folder(token: string | null, storyId: number, version: number): Promise<string>;
}

export function packageFolders(db: Db, dataDir: string, staffOf: (token: string | null) => Promise<Staff | null>): PackageFolders {
  return {
    async folder(token, storyId, version) {
      if (!(await staffOf(token))) throw new ApiError('UNAUTHENTICATED', SIGN_IN_FIRST);
      if (!Number.isSafeInteger(storyId) || storyId < 1 || !Number.isSafeInteger(version) || version < 1) {
        throw new ApiError('VALIDATION', 'A published version is named by its story and version numbers.');
      }
      const { version: summary, dir } = await versionFolder(db, dataDir, storyId, version);
      try {
        const [root, real] = await Promise.all([fs.realpath(publishedRoot(dataDir)), fs.realpath(dir)]);
        if (!real.startsWith(root + path.sep)) throw new ApiError('NOT_FOUND', `Version ${version} of story ${storyId} is not in the published folder.`);
        const page = await fs.stat(path.join(real, 'index.html'));
        if (!page.isFile()) throw new ApiError('NOT_FOUND', `Version ${version} of story ${storyId} has no page.`);
        return real;
      } catch (error) {
        throw error instanceof ApiError ? error : missingFiles(summary, error);
      }
    },
  };
}
