// published.* handlers (version history, a version's files, preview, export retry) and the
// scheduler that publishes stories when they fall due.

import fs from 'node:fs/promises';
import path from 'node:path';
import { listPublishedVersions } from '../../db/published.js';
import { ApiError } from '../../shared/errors.js';
import { createPublisher, publishedRoot, setAsideFolders, tidyPublishedAtStart, type FullPublisher } from './publisher.js';
import { startScheduler } from './scheduler.js';
import { missingFiles, requireStory, versionFolder } from './packageFolder.js';
import { signedIn, type Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';

/** The core's publisher when it is ours (retryExport), else a fresh one over the same services. */
function fullPublisher(services: CoreServices): FullPublisher {
  const p = services.publisher as Partial<FullPublisher>;
  return typeof p.retryExport === 'function' ? (p as FullPublisher) : createPublisher(services);
}

export function publishingModule(services: CoreServices) {
  let scheduler: ReturnType<typeof startScheduler> | null = null;
  return {
    handlers: {
      'published.list': async (input, ctx) => {
        signedIn(ctx);
        await requireStory(services.db, input.storyId);
        return { versions: await listPublishedVersions(services.db, input.storyId) };
      },
      'published.get': async (input, ctx) => {
        signedIn(ctx);
        const { version, dir } = await versionFolder(services.db, services.dataDir, input.storyId, input.version);
        try {
          const [html, ninjs] = await Promise.all([fs.readFile(path.join(dir, 'index.html'), 'utf8'), fs.readFile(path.join(dir, 'ninjs.json'), 'utf8')]);
          return { version, html, ninjs: JSON.parse(ninjs) as unknown };
        } catch (error) {
          throw missingFiles(version, error);
        }
      },
      'published.preview': async (input, ctx) => {
        signedIn(ctx);
        return { html: await services.publisher.preview(input.storyId) };
      },
      'published.retryExport': async (input, ctx) => {
        const staff = signedIn(ctx);
        if (!staff.roles.includes('desk_editor') && !staff.roles.includes('admin')) {
          throw new ApiError('FORBIDDEN', 'Only a desk editor or an admin can retry an export.');
        }
        await requireStory(services.db, input.storyId);
        const version = await fullPublisher(services).retryExport(input.storyId, input.version);
        return { version };
      },
      'published.setAside': async (_input, ctx) => {
        if (!signedIn(ctx).roles.includes('admin')) throw new ApiError('FORBIDDEN', 'Only an admin can see the package folders set aside.');
        return { folders: await setAsideFolders(services.dataDir) };
      },
    } satisfies Partial<Handlers>,
    async start() {
      // Package folders without a row (a crash while publishing, a restored older backup) are set aside.
      await tidyPublishedAtStart(services).catch((error: unknown) => {
        console.warn(`[publishing] could not tidy ${publishedRoot(services.dataDir)}: ${(error as Error).message}`);
      });
      scheduler = startScheduler(services);
      // Stories that fell due while the app was closed go out before the core answers calls.
      await scheduler.idle();
    },
    async stop() {
      scheduler?.stop();
      await scheduler?.idle();
      scheduler = null;
    },
  };
}
