// The files the server hands out: the built renderer (no session needed: it is the sign-in
// screen too), photo renditions under /media/ and published packages under /published/ (a
// session needed). Which file a path names and the headers it carries are staticFiles.ts's,
// shared with the desktop's app protocol; @fastify/static sends it, with ETag, Last-Modified,
// conditional requests and byte ranges.

import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fileHeaders, resolveAppPath, type ServedFile } from './staticFiles.js';
import { pathOf, sendError } from './replies.js';

/**
 * The entry page is revalidated so a new build's assets are picked up at once. A photo is
 * revalidated too (a 304 by its ETag is cheap): a browser signed out on a shared computer cannot
 * show it from its cache, since the server asks for a session first.
 */
function cacheControl(served: ServedFile): string {
  if (served.route === 'media') return 'private, no-cache';
  if (served.route === 'published') return 'no-store';
  return served.entry ? 'no-cache' : 'public, max-age=300';
}

export async function staticRoutes(app: FastifyInstance, roots: { dataDir: string; rendererDir: string | null }): Promise<void> {
  // Only sendFile: the routes below decide which file, never the plugin.
  await app.register(fastifyStatic, { root: roots.dataDir, serve: false });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const served = await resolveAppPath(pathOf(request), roots);
    if (!served) return sendError(reply, { code: 'NOT_FOUND', message: 'Not found.' });
    reply.headers({ ...fileHeaders(served), 'Cache-Control': cacheControl(served) });
    return reply.sendFile(path.basename(served.file), path.dirname(served.file), {
      contentType: false,
      cacheControl: false,
      etag: true,
      lastModified: true,
      acceptRanges: true,
      dotfiles: 'allow',
      index: false,
    });
  };

  app.get('/media/*', { config: { access: 'session' } }, serve);
  app.get('/published/*', { config: { access: 'session' } }, serve);
  // The renderer is the same for everyone and cacheable: not counted against any rate.
  app.get('/*', { config: { access: 'none', rateLimit: false } }, serve);
}
