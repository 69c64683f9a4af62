// How the server answers: JSON results, JSON errors in the contract's shape with the status of
// their code, and what Fastify's own failures (bodies too large, unparsable, bad URLs) become.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, HTTP_STATUS, type ApiErrorBody } from '../shared/errors.js';
import { errorBodyOf } from './coreApi.js';

export function sendJson(reply: FastifyReply, status: number, payload: unknown): FastifyReply {
  return reply
    .code(status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(JSON.stringify(payload ?? null));
}

export function sendError(reply: FastifyReply, error: ApiErrorBody, status = HTTP_STATUS[error.code]): FastifyReply {
  return sendJson(reply, status, { error });
}

/** Whether a request comes with a body (declared, or chunked). */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Refuses a request before its body is read. A request with a body has its connection closed
 * after the answer, so the body still on its way is never read (rather than drained, which would
 * read it all); one without keeps its connection.
 */
export function refuse(reply: FastifyReply, error: ApiErrorBody, status = HTTP_STATUS[error.code]): FastifyReply {
  if (hasBody(reply.request)) reply.header('Connection', 'close');
  return sendError(reply, error, status);
}

export const sizeLabel = (bytes: number): string => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`);

/** What a request is called in a message: the contract method, or the address. */
function subjectOf(request: FastifyRequest): string {
  return request.routeOptions.config.call ?? 'this address';
}

export function handleError(error: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return sendError(reply, error.toBody());
  const status = (error as FastifyError).statusCode;
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    // Refused before the core sees anything, so nothing changes.
    const limit = request.routeOptions.bodyLimit ?? 0;
    return refuse(reply, { code: 'VALIDATION', message: `The request body is larger than the ${sizeLabel(limit)} ${subjectOf(request)} accepts.` }, 413);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return refuse(reply, { code: 'VALIDATION', message: 'The request body must be JSON (Content-Type: application/json).' }, 400);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const body: ApiErrorBody =
      status === 404 ? { code: 'NOT_FOUND', message: 'Not found.' } : { code: 'VALIDATION', message: `The request cannot be answered (HTTP ${status}).` };
    return sendError(reply, body, status);
  }
  return sendError(reply, errorBodyOf(error, `[server] ${request.method} ${pathOf(request)}`));
}

/** The request's path without its query (which the logs never show). */
export function pathOf(request: FastifyRequest): string {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
