// The Publisher the core hands to stories.transition and the scheduler: turns a story into the
// next immutable published version (package on disk + row in the database), then copies it to
// the export folder. Either the version exists completely (folder and row) or not at all, and
// the folder is on the disk (fsynced) before the row that names it commits.

import path from 'node:path';
import {
  firstPublishedAt,
  getPublishedVersion,
  insertPublishedVersion,
  latestPublishedVersion,
  listPublishedVersions,
  packageDirTaken,
  packagePathRecorded,
  setExportResult,
} from '../../db/published.js';
import type { PublishedVersionSummary, Staff, Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { effectiveTimeZone } from '../../shared/timeZone.js';
import type { CoreServices, Publisher, PublishOptions } from '../services.js';
import { renderArticle, renderKillNotice, type ImageHref, type PreviewMeta, type RenderMeta } from './articleHtml.js';
import { exportPackage } from './exporter.js';
import { renditionFile, type PackageInput } from './model.js';
import { buildNinjs, type MadeRendition } from './ninjs.js';
import { exists, fsReason, nodeFs, type PackageFs } from './packageFs.js';
import { describeTidy, listSetAside, removeIfEmpty, setAsidePackages, tidyPublished, type TidyReport } from './quarantine.js';
import { makeRenditions } from './renditions.js';
import { isSafeSegment, packageSlug } from './slug.js';
import { packageInput } from './source.js';
import { loadStory } from '../stories/loadStory.js';
import { write } from '../write.js';
import { inside, writeFolderAtomically, type PackageFile } from './writer.js';

export type PublisherServices = Omit<CoreServices, 'publisher' | 'copyDesk'>;

export interface PublisherOptions {
  /** File operations (tests inject failures here). */
  fs?: PackageFs;
  /**
   * The log, for what API callers are not told: the full paths of a failed write or export (their
   * messages name "the export folder" or a folder inside the data folder). Default: console.error.
   */
  report?: (what: string, error: unknown) => void;
}

export interface FullPublisher extends Publisher {
  retryExport(storyId: number, version: number): Promise<PublishedVersionSummary>;
  /** The folder holding all published packages. */
  readonly root: string;
}

/** Image hrefs inside a package: the large rendition beside index.html. */
export const packageHref: ImageHref = (_photo, index) => `images/${renditionFile(index, 'large')}`;
/** Image hrefs in preview: the display rendition the transports already serve. */
export const previewHref: ImageHref = (photo) => photo.previewUrl;

export function publishedRoot(dataDir: string): string {
  return path.join(dataDir, 'published');
}

/**
 * Run once at start, before anything publishes: sets aside package folders without a row and
 * removes unfinished writes (see tidyPublished), and logs what it did.
 */
export async function tidyPublishedAtStart(services: Pick<CoreServices, 'db' | 'dataDir' | 'now'>, fs: PackageFs = nodeFs): Promise<TidyReport> {
  const report = await tidyPublished(services.db, services.dataDir, publishedRoot(services.dataDir), fs, services.now());
  const said = describeTidy(report, services.dataDir);
  if (said) console.warn(`[publishing] ${said}`);
  return report;
}

/** The package folders set aside in quarantine and still there, relative to the data folder. */
export function setAsideFolders(dataDir: string, fs: PackageFs = nodeFs): Promise<string[]> {
  return listSetAside(fs, dataDir, publishedRoot(dataDir));
}

export function createPublisher(services: PublisherServices, opts: PublisherOptions = {}): FullPublisher {
  const fs = opts.fs ?? nodeFs;
  const report = opts.report ?? ((what: string, error: unknown) => console.error(`[${what}]`, error));
  const root = publishedRoot(services.dataDir);
  const busy = new Set<number>();
  const db = services.db;

  /** The story's package folder: where its earlier versions are, else its slug (made unique). */
  async function packageDir(story: Story): Promise<string> {
    const earlier = (await listPublishedVersions(db, story.id))[0];
    if (earlier) {
      const dir = earlier.path.split('/')[0] ?? '';
      if (isSafeSegment(dir)) return dir;
    }
    const slug = packageSlug(story.slug, story.id);
    return (await packageDirTaken(db, slug, story.id)) ? `${slug}-${story.id}` : slug;
  }

  /** The zone a reader's dates are in: the newsroom's, read at the moment of publishing. */
  const timeZone = () => effectiveTimeZone(services.settings().timeZone);

  async function meta(story: Story, version: number, now: Date): Promise<RenderMeta> {
    const first = await firstPublishedAt(db, story.id);
    return { version, publishedAt: now, firstPublishedAt: first ? new Date(first) : now, timeZone: timeZone() };
  }

  async function previewMeta(story: Story): Promise<PreviewMeta> {
    const first = await firstPublishedAt(db, story.id);
    const last = await getPublishedVersion(db, story.id, await latestPublishedVersion(db, story.id));
    return {
      timeZone: timeZone(),
      firstPublishedAt: first ? new Date(first) : null,
      lastPublishedAt: last ? new Date(last.publishedAt) : null,
      isPublished: story.status === 'published',
      scheduledFor: story.status === 'scheduled' && story.publishAt ? new Date(story.publishAt) : null,
    };
  }

  async function buildFiles(input: PackageInput, m: RenderMeta, rel: string, kill: { note: string } | undefined): Promise<PackageFile[]> {
    if (kill) {
      const html = renderKillNotice(input, m, kill.note);
      const ninjs = buildNinjs(input, { ...m, packagePath: rel, publicBaseUrl: services.settings().publicBaseUrl, kill: { note: kill.note, html } }, [], packageHref);
      return [
        { name: 'index.html', data: html },
        { name: 'ninjs.json', data: `${JSON.stringify(ninjs, null, 2)}\n` },
      ];
    }
    const made: MadeRendition[][] = [];
    const files: PackageFile[] = [];
    const results = await Promise.all(
      input.photos.map((photo, i) =>
        makeRenditions(photo, i).catch((error: unknown) => {
          report('publish', error);
          const reason = String((error as Error).message)
            .split(photo.originalPath)
            .join('its original');
          throw new ApiError('INTERNAL', `Publishing failed: the renditions of photo ${i + 1} could not be made (${reason}).`);
        }),
      ),
    );
    for (const r of results) {
      made.push(r.made);
      files.push(...r.files);
    }
    const html = renderArticle(input, m, packageHref);
    const ninjs = buildNinjs(input, { ...m, packagePath: rel, publicBaseUrl: services.settings().publicBaseUrl }, made, packageHref);
    return [{ name: 'index.html', data: html }, { name: 'ninjs.json', data: `${JSON.stringify(ninjs, null, 2)}\n` }, ...files];
  }

  /** Copies a recorded version to the export folder and records the outcome; never throws for a failed copy. */
  async function runExport(storyId: number, version: number): Promise<PublishedVersionSummary> {
    const summary = await getPublishedVersion(db, storyId, version);
    if (!summary) throw new ApiError('NOT_FOUND', `Story ${storyId} has no published version ${version}.`);
    const exportDir = services.exportDir();
    const record = async (status: 'none' | 'ok' | 'failed', message: string | null) =>
      await write(services, async () => await setExportResult(db, storyId, version, status, message));
    if (!exportDir) {
      await record('none', null);
    } else {
      try {
        await exportPackage(fs, inside(root, summary.path), exportDir, summary.path);
        await record('ok', null);
      } catch (error) {
        report('export', new Error(`Copying ${summary.path} to the export folder ${exportDir} failed`, { cause: error }));
        const message = error instanceof ApiError ? error.message : `Export failed: ${fsReason(error)}.`;
        await record('failed', message);
      }
    }
    return (await getPublishedVersion(db, storyId, version)) as PublishedVersionSummary;
  }

  async function publish(storyId: number, actor: Staff, options?: PublishOptions): Promise<PublishedVersionSummary> {
    if (busy.has(storyId)) throw new ApiError('CONFLICT', 'This story is being published right now; try again in a moment.');
    busy.add(storyId);
    try {
      const story = await loadStory(db, storyId);
      const kill = options?.kill;
      if (kill && story.status !== 'published') {
        throw new ApiError('INVALID_STATE', 'Only a published story can be killed.');
      }
      if (!kill && story.status !== 'approved' && story.status !== 'scheduled') {
        throw new ApiError('INVALID_STATE', `Only an approved or scheduled story can be published (this one is ${story.status}).`);
      }
      const now = services.now();
      const version = (await latestPublishedVersion(db, storyId)) + 1;
      const dir = await packageDir(story);
      const rel = `${dir}/v${version}`;
      if (!isSafeSegment(dir)) throw new ApiError('INTERNAL', 'Publishing refused an unsafe folder name.');
      const input = await packageInput(db, services.dataDir, story, !kill);
      const m = await meta(story, version, now);
      const files = await buildFiles(input, m, rel, kill);

      const target = inside(root, rel);
      const storyDir = inside(root, dir);
      const storyDirIsNew = !(await exists(fs, storyDir).catch(() => true));
      // A folder without a row in the way (left by a crash, or by a restored older backup) is set aside, never deleted.
      if (!(await packagePathRecorded(db, rel)) && (await exists(fs, target).catch(() => false))) {
        const aside = await setAsidePackages(fs, services.dataDir, root, [rel], now);
        const said = describeTidy({ ...aside, removed: [] }, services.dataDir);
        if (said) console.warn(`[publishing] ${said}`);
        if (aside.failed[0]) {
          throw new ApiError(
            'INTERNAL',
            `Publishing failed: ${rel}, a folder without a record, is in the way in the published folder and could not be set aside (${aside.failed[0].reason}). Nothing was published; the story is unchanged.`,
          );
        }
      }
      try {
        await writeFolderAtomically(fs, root, rel, files);
      } catch (error) {
        report('publish', new Error(`Writing ${rel} under ${root} failed`, { cause: error }));
        throw new ApiError(
          'INTERNAL',
          `Publishing failed: the package could not be written to the published folder (${fsReason(error)}). Nothing was published; the story is unchanged.`,
        );
      }
      // One write: the version's row and whatever the caller moves with it (the story's status).
      try {
        await write(services, async () => {
          await insertPublishedVersion(db, {
            storyId,
            version,
            publishedAt: now.toISOString(),
            publishedBy: actor.id,
            pubStatus: kill ? 'canceled' : 'usable',
            correctionNote: kill ? kill.note : story.correctionNote?.trim() ? story.correctionNote : null,
            path: rel,
          });
          await options?.commit?.((await getPublishedVersion(db, storyId, version)) as PublishedVersionSummary);
        });
      } catch (error) {
        await fs.rm(target, { recursive: true, force: true }).catch(() => undefined);
        if (storyDirIsNew) await removeIfEmpty(fs, storyDir);
        if (error instanceof ApiError) throw error;
        throw new ApiError('INTERNAL', `Publishing failed: the version could not be recorded (${(error as Error).message}). Nothing was published.`);
      }
      // Committed: the version stands whatever happens to the export copy.
      try {
        return await runExport(storyId, version);
      } catch {
        return (await getPublishedVersion(db, storyId, version)) as PublishedVersionSummary;
      }
    } finally {
      busy.delete(storyId);
    }
  }

  return {
    root,
    publish,
    async preview(storyId) {
      const story = await loadStory(db, storyId);
      return renderArticle(await packageInput(db, services.dataDir, story, false), await previewMeta(story), previewHref);
    },
    retryExport: runExport,
  };
}
