// The connected desktop's way to the newsroom server: a FetchLike (shared/httpApi.ts) over Node's
// http/https with kept-alive connections and a time limit on every call, so a server that stops
// answering is noticed in seconds rather than minutes. A certificate is trusted when an authority
// this computer trusts signed it for the server's name, or when it is the one the person pinned;
// anything else is refused before a single byte of a request (and so the device token) is sent.
// Plain HTTP is for loopback addresses only (tests, a server on the same computer).

import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { FetchInit, FetchResponse } from '../shared/httpApi.js';
import { ApiError } from '../shared/errors.js';
import { isLoopbackHost } from '../server/origin.js';

/** How long a call may take before the server counts as unreachable. */
export const CALL_TIMEOUT_MS = 5_000;
/** A photo's upload carries megabytes: it gets longer. */
export const UPLOAD_TIMEOUT_MS = 120_000;

/** What the person is shown about a certificate to decide whether to trust it. */
export interface CertificateFacts {
  /** SHA-256 of the DER, as AB:CD:… */
  fingerprint: string;
  subject: string;
  /** When it stops being valid (ISO 8601), or the certificate's own words when unreadable. */
  validTo: string;
}

export type CertificateDetails = (CertificateFacts & { changed: false }) | (CertificateFacts & { changed: true; pinned: string });

export function untrustedCertificate(details: CertificateDetails): ApiError {
  const message = details.changed
    ? `The newsroom server now shows a different certificate (${details.fingerprint}) than the one this computer trusted (${details.pinned}). ` +
      'Nothing was sent. Ask the newsroom whether the server got a new certificate before trusting it.'
    : `The newsroom server's certificate is not signed by an authority this computer trusts. ` +
      `Compare its fingerprint with the one the newsroom gave you before trusting it: ${details.fingerprint}`;
  return new ApiError('UNTRUSTED_CERTIFICATE', message, details);
}

/** A refused connection or silence: the server cannot be reached now (nothing was changed there). */
export function unreachable(message: string): ApiError {
  return new ApiError('OFFLINE', message);
}

export interface TransportOptions {
  /** The server's origin, e.g. https://newsroom.example.com:8443. */
  baseUrl: string;
  /** The fingerprint the person trusted, read at every new connection (it may be pinned later). */
  pinnedFingerprint(): string | null;
  timeoutMs?: number;
  uploadTimeoutMs?: number;
  /** Every answer's Date header: how far this computer's clock is off. */
  onServerDate?(date: Date): void;
  /** Extra authorities (tests); the system's are always trusted. */
  ca?: string | Buffer;
}

/** An answer with its bytes as they came (a photo), besides its text. */
export type BytesResponse = FetchResponse & { bytes(): Uint8Array };

export interface PinnedTransport {
  fetch: (url: string, init: FetchInit) => Promise<BytesResponse>;
  /** Drops the kept-alive connections (a new pin, closing). */
  reset(): void;
}

/** Refuses anything but https, or http to this computer. */
export function checkServerUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApiError('VALIDATION', `"${url.slice(0, 200)}" is not a web address; give the newsroom server's address, e.g. https://newsroom.example.com`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ApiError('VALIDATION', 'The newsroom server address must start with https://.');
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new ApiError('VALIDATION', 'The newsroom server address must start with https://: your password and stories must not cross the network unencrypted.');
  }
  if (parsed.username || parsed.password) throw new ApiError('VALIDATION', 'The newsroom server address must not contain a user name or password.');
  return parsed;
}

function certificateFacts(cert: tls.PeerCertificate): CertificateFacts {
  const validTo = new Date(cert.valid_to);
  const subject = cert.subject
    ? Object.entries(cert.subject)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
        .join(', ')
    : '';
  return { fingerprint: cert.fingerprint256, subject, validTo: Number.isNaN(validTo.getTime()) ? cert.valid_to : validTo.toISOString() };
}

/**
 * An https agent that decides trust itself, after the handshake and before the socket is handed
 * to the request: system authorities (with the name checked) or the pinned fingerprint.
 */
class PinningAgent extends https.Agent {
  constructor(
    private readonly pinned: () => string | null,
    private readonly ca: string | Buffer | undefined,
  ) {
    // Resumed TLS sessions skip the certificate exchange: every connection shows its certificate.
    super({ keepAlive: true, maxSockets: 8, maxCachedSessions: 0 });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: (error: Error | null, socket: Duplex) => void): Duplex | undefined {
    const ca = this.ca ? [...tls.rootCertificates, this.ca.toString()] : undefined;
    const socket = tls.connect({ ...(options as tls.ConnectionOptions), rejectUnauthorized: false, ...(ca ? { ca } : {}) });
    let settled = false;
    const done = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        socket.destroy();
        callback?.(error, socket);
      } else callback?.(null, socket);
    };
    socket.once('secureConnect', () => {
      // authorized: an authority this computer trusts signed it, for this name (Node checks the name too).
      if (socket.authorized) return done(null);
      const cert = socket.getPeerCertificate();
      if (!cert || !cert.fingerprint256) return done(new Error('The server sent no certificate.'));
      const facts = certificateFacts(cert);
      const pinned = this.pinned();
      if (pinned && pinned === facts.fingerprint) return done(null);
      done(untrustedCertificate(pinned ? { ...facts, changed: true, pinned } : { ...facts, changed: false }));
    });
    socket.once('error', (error) => done(error));
    return undefined;
  }
}

function describeFailure(error: unknown, timedOut: boolean, seconds: number): ApiError {
  if (error instanceof ApiError) return error;
  if (timedOut) return unreachable(`The newsroom server did not answer within ${seconds} seconds.`);
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ECONNREFUSED') return unreachable('The newsroom server refused the connection: it may be stopped or restarting.');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return unreachable('The newsroom server’s name could not be looked up: check the network.');
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return unreachable('The network to the newsroom server is down.');
  if (code === 'ECONNRESET' || code === 'EPIPE') return unreachable('The connection to the newsroom server was cut.');
  const message = error instanceof Error ? error.message : String(error);
  return unreachable(`Cannot reach the newsroom server (${code || message}).`);
}

export function createPinnedTransport(opts: TransportOptions): PinnedTransport {
  const base = checkServerUrl(opts.baseUrl);
  const secure = base.protocol === 'https:';
  const timeoutMs = opts.timeoutMs ?? CALL_TIMEOUT_MS;
  const uploadTimeoutMs = opts.uploadTimeoutMs ?? UPLOAD_TIMEOUT_MS;
  let agent: http.Agent = makeAgent();

  function makeAgent(): http.Agent {
    return secure ? new PinningAgent(opts.pinnedFingerprint, opts.ca) : new http.Agent({ keepAlive: true, maxSockets: 8 });
  }

  const fetch = (url: string, init: FetchInit) =>
    new Promise<BytesResponse>((resolve, reject) => {
      const target = new URL(url);
      if (target.origin !== base.origin) return reject(new ApiError('INTERNAL', 'A request was addressed to another server than the chosen one.'));
      // The event stream stays open: its limit is only for the answer to start.
      const streaming = init.method === 'GET' && (init.headers.Accept ?? '').includes('text/event-stream');
      const isUpload = init.body instanceof Uint8Array;
      const limit = isUpload ? uploadTimeoutMs : timeoutMs;
      let timedOut = false;
      let finished = false;
      const body =
        typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body ? Buffer.from(init.body.buffer, init.body.byteOffset, init.body.byteLength) : null;
      const request = (secure ? https : http).request(target, {
        method: init.method,
        agent,
        headers: { ...init.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
      });
      const timer = setTimeout(() => {
        timedOut = true;
        request.destroy();
      }, limit);
      const fail = (error: unknown) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        reject(describeFailure(error, timedOut, Math.round(limit / 1000)));
      };
      const onAbort = () => request.destroy(new Error('aborted'));
      if (init.signal) {
        if (init.signal.aborted) return reject(unreachable('The request was cancelled.'));
        init.signal.addEventListener('abort', onAbort, { once: true });
      }
      request.on('error', fail);
      request.on('response', (response) => {
        const date = response.headers.date ? new Date(response.headers.date) : null;
        if (date && !Number.isNaN(date.getTime())) opts.onServerDate?.(date);
        const status = response.statusCode ?? 0;
        if (streaming) {
          finished = true;
          clearTimeout(timer);
          const chunks = response[Symbol.asyncIterator]();
          resolve({
            ok: status >= 200 && status < 300,
            status,
            text: async () => '',
            bytes: () => new Uint8Array(0),
            body: {
              getReader: () => ({
                read: async () => {
                  const next = (await chunks.next()) as IteratorResult<Buffer>;
                  return next.done ? { done: true } : { done: false, value: new Uint8Array(next.value) };
                },
                cancel: async () => void response.destroy(),
              }),
            },
          });
          return;
        }
        const parts: Buffer[] = [];
        response.on('data', (chunk: Buffer) => parts.push(chunk));
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('aborted')));
        response.on('end', () => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          init.signal?.removeEventListener('abort', onAbort);
          const bytes = Buffer.concat(parts);
          resolve({ ok: status >= 200 && status < 300, status, text: async () => bytes.toString('utf8'), bytes: () => new Uint8Array(bytes), body: null });
        });
      });
      request.end(body ?? undefined);
    });

  return {
    fetch,
    reset() {
      agent.destroy();
      agent = makeAgent();
    },
  };
}
