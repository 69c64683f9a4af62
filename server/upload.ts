// POST /api/photos.upload: one photo as the raw request body (Content-Type:
// application/octet-stream, its name percent-encoded in X-File-Name), counted as it arrives and
// refused past the per-file cap; then the core's photos.import with its bytes. A transport route
// beside the contract: browsers send files this way instead of base64 inside JSON, which
// photos.import still takes from scripts.

import type { FastifyInstance } from 'fastify';
import type { TransportCore } from './coreApi.js';
import { clientInfo } from './client.js';
import { sendError, sendJson } from './replies.js';

export const UPLOAD_ROUTE = '/api/photos.upload';
export const FILE_NAME_HEADER = 'x-file-name';

export async function uploadRoute(app: FastifyInstance, core: TransportCore, fileLimit: number): Promise<void> {
  await app.register(async (scope) => {
    // Only in this scope: nowhere else is a raw body accepted.
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: fileLimit }, (_request, body, done) => done(null, body));
    scope.post(
      UPLOAD_ROUTE,
      { bodyLimit: fileLimit, config: { access: 'session', call: 'photos.upload', bodyType: 'application/octet-stream', photoEditorsOnly: true } },
      async (request, reply) => {
        const header = request.headers[FILE_NAME_HEADER];
        let name: string | null = null;
        try {
          name = typeof header === 'string' && header !== '' ? decodeURIComponent(header) : null;
        } catch {
          name = null;
        }
        if (name === null) {
          return sendError(reply, { code: 'VALIDATION', message: 'Name the file in the X-File-Name header (percent-encoded UTF-8).' });
        }
        const body = request.body;
        const data = body instanceof Uint8Array ? body : new Uint8Array(0);
        const result = await core.call(request.auth?.token ?? null, 'photos.import', { files: [{ name, data }] }, clientInfo(request));
        return sendJson(reply, 200, result);
      },
    );
  });
}
