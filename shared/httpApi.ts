// The NewsdeskApi over HTTP, written against an injected fetch so the same code runs in the
// browser (renderer/api/httpClient.ts) and in Node (tests, scripts).
// Wire format: POST /api/<method> with a JSON body → 200 and the result as JSON, or an error
// status with { error: { code, message, details? } }.
// Sessions: in the browser the server's HttpOnly session cookie carries the session (no script
// ever holds the token); a Node client keeps the token from session.signIn in a TokenStore and
// sends it as `Authorization: Bearer`.
// Change events: GET /api/events read as a stream (eventStream.ts), resumed with Last-Event-ID
// after a drop; onConnection reports 'reconnecting' while it is down.
// Photos: photos.import with raw bytes goes file by file to POST /api/photos.upload as the
// request body; base64 strings go as JSON, as scripts send them.

import { buildApi, type ConnectionState, type Input, type MethodName, type NewsdeskApi, type Result } from './contract.js';
import type { ChangeEvent } from './domain.js';
import { ApiError, isErrorCode, type ApiErrorBody } from './errors.js';
import { pairSidecars } from './photoFiles.js';
import { openEventStream, type ByteReader, type EventStreamHandle, type Timers } from './eventStream.js';

export interface FetchInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
  /** Sends the session cookie on same-origin requests (the browser's default for fetch, said outright). */
  credentials?: 'same-origin';
}

export interface FetchResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
  body?: { getReader(): ByteReader } | null;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export interface HttpApiOptions {
  /** Origin of the server, e.g. 'http://127.0.0.1:5178'; '' for same-origin in the browser. */
  baseUrl: string;
  fetch: FetchLike;
  /**
   * Where a Node client keeps its bearer token. Absent in the browser: the session is the
   * server's HttpOnly cookie, which no script can read.
   */
  tokens?: TokenStore;
  /** false: onEvent delivers nothing and no event stream is opened (default true). */
  events?: boolean;
  /** Clock and randomness of the event stream's back-off (tests fake them). */
  timers?: Timers;
  random?: () => number;
}

export const UPLOAD_PATH = '/api/photos.upload';
export const FILE_NAME_HEADER = 'X-File-Name';

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return { get: () => token, set: (t) => void (token = t) };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of raw bytes, without platform helpers (btoa needs a binary string; Buffer is Node-only). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out.push(B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out.push(B64[n >> 18]! + B64[(n >> 12) & 63]! + '==');
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out.push(B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=');
  }
  return out.join('');
}

/** fetch takes bytes backed by a plain ArrayBuffer; anything else is copied once. */
function plainBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = (payload as { error?: Partial<ApiErrorBody> } | null)?.error;
  if (body && isErrorCode(body.code) && typeof body.message === 'string') return new ApiError(body.code, body.message, body.details);
  return new ApiError(status === 404 ? 'NOT_FOUND' : 'INTERNAL', `The Newsdesk server answered HTTP ${status}.`);
}

/** Methods whose success starts a session, and those after which this client has none. */
const SIGNS_IN: ReadonlySet<MethodName> = new Set(['session.signIn', 'session.setUp']);

type ImportFile = Input<'photos.import'>['files'][number];
type ImportLine = Result<'photos.import'>['results'][number];

/** What an HTTP client has beyond the contract's methods. */
export interface HttpApiControls {
  /** The network is known to be back: an event stream waiting out its back-off reconnects now, resuming with Last-Event-ID. */
  reconnectEvents(): void;
}

export function createHttpApi(opts: HttpApiOptions): NewsdeskApi & HttpApiControls {
  const { baseUrl, tokens } = opts;
  const eventsEnabled = opts.events !== false;
  const listeners = new Set<(event: ChangeEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = 'online';
  /** Whether this client holds a live session, as far as it knows (a Node client: it has a token). */
  let signedIn = tokens ? tokens.get() !== null : false;
  let stream: EventStreamHandle | null = null;
  let streamToken: string | null = null;

  function setConnection(state: ConnectionState): void {
    if (state === connection) return;
    connection = state;
    for (const listener of [...connectionListeners]) listener(state);
  }

  function deliver(event: ChangeEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function setSignedIn(value: boolean, token?: string | null): void {
    if (token !== undefined) tokens?.set(token);
    signedIn = value;
    syncEvents();
  }

  /** One event stream while anyone listens and this client is signed in; renewed when the token changes. */
  function syncEvents(): void {
    const token = tokens?.get() ?? null;
    const want = eventsEnabled && listeners.size > 0 && signedIn;
    if (stream && (!want || streamToken !== token)) {
      stream.close();
      stream = null;
      setConnection('online');
    }
    if (!want || stream) return;
    streamToken = token;
    const handle = openEventStream({
      url: `${baseUrl}/api/events`,
      fetch: (url, init) => opts.fetch(url, init),
      headers: () => authHeaders(),
      onFrame: (frame) => {
        let event: ChangeEvent;
        try {
          event = JSON.parse(frame.data) as ChangeEvent;
        } catch {
          return;
        }
        deliver(event);
      },
      onState: setConnection,
      onUnauthorized: () => {
        if (stream !== handle) return;
        stream = null;
        signedIn = false;
        tokens?.set(null);
        setConnection('online');
        // The session ended: whatever is shown refetches, and those calls find it gone.
        deliver({ type: 'resync' });
      },
      ...(opts.timers ? { timers: opts.timers } : {}),
      ...(opts.random ? { random: opts.random } : {}),
    });
    stream = handle;
  }

  function authHeaders(): Record<string, string> {
    const token = tokens?.get();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  async function send(method: MethodName, path: string, headers: Record<string, string>, body: string | Uint8Array<ArrayBuffer>): Promise<unknown> {
    let response: FetchResponse;
    try {
      response = await opts.fetch(`${baseUrl}${path}`, { method: 'POST', headers: { ...headers, ...authHeaders() }, body, credentials: 'same-origin' });
    } catch (error) {
      // A transport that already says what went wrong in the contract's words (the desktop's:
      // OFFLINE, UNTRUSTED_CERTIFICATE) is passed on as it said it.
      if (error instanceof ApiError) throw error;
      throw new ApiError('INTERNAL', `Cannot reach the Newsdesk server: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    let payload: unknown = null;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        throw new ApiError('INTERNAL', `The Newsdesk server answered HTTP ${response.status} with something that is not JSON.`);
      }
    }
    if (!response.ok) {
      const error = toApiError(response.status, payload);
      // The session is gone (expired, ended elsewhere): this client is signed out. A refused
      // sign-in leaves whatever session it had alone.
      if (error.code === 'UNAUTHENTICATED' && !SIGNS_IN.has(method)) setSignedIn(false, null);
      throw error;
    }
    return payload;
  }

  async function callJson(method: MethodName, input: unknown): Promise<unknown> {
    const payload = await send(method, `/api/${method}`, { 'Content-Type': 'application/json' }, JSON.stringify(input ?? {}));
    if (SIGNS_IN.has(method)) {
      const token = (payload as { token?: unknown }).token;
      setSignedIn(true, typeof token === 'string' ? token : null);
    } else if (method === 'session.signOut' || (method === 'session.end' && (input as { everywhere?: unknown } | null)?.everywhere === true)) {
      setSignedIn(false, null);
    } else if (method === 'session.current') {
      const live = (payload as { staff?: unknown }).staff != null;
      // Signed out, or the server no longer knows this session: forget the token.
      if (live !== signedIn) setSignedIn(live, live ? undefined : null);
    }
    return payload;
  }

  /** One file's bytes as the body of the upload route; a file the server refuses becomes a failed line. */
  async function upload(file: ImportFile & { data: Uint8Array }): Promise<ImportLine[]> {
    try {
      const result = (await send(
        'photos.import',
        UPLOAD_PATH,
        { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
        plainBytes(file.data),
      )) as Result<'photos.import'>;
      return result.results;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION') return [{ name: file.name, ok: false, error: error.message }];
      throw error;
    }
  }

  async function importPhotos(input: Input<'photos.import'>): Promise<Result<'photos.import'>> {
    const { files } = input;
    // A photo and its .xmp sidecar go in one call, as JSON: the core pairs them only within a call.
    const sidecarOf = new Map<number, number>();
    for (const [sidecar, photo] of pairSidecars(files.map((f) => f.name))) sidecarOf.set(photo, sidecar);
    const paired = new Set(sidecarOf.values());
    const results: ImportLine[] = [];
    for (const [index, file] of files.entries()) {
      if (paired.has(index)) continue;
      const sidecar = sidecarOf.get(index);
      if (sidecar !== undefined) {
        const together = [file, files[sidecar]!].map((f) => ({ name: f.name, data: typeof f.data === 'string' ? f.data : bytesToBase64(f.data) }));
        const [photoLine, sidecarLine] = ((await callJson('photos.import', { files: together })) as Result<'photos.import'>).results;
        results[index] = photoLine!;
        results[sidecar] = sidecarLine!;
      } else if (file.data instanceof Uint8Array) results[index] = (await upload({ ...file, data: file.data }))[0]!;
      else results[index] = ((await callJson('photos.import', { files: [file] })) as Result<'photos.import'>).results[0]!;
    }
    return { results };
  }

  function call(method: MethodName, input: unknown): Promise<unknown> {
    const files = method === 'photos.import' ? (input as { files?: unknown } | null)?.files : undefined;
    if (Array.isArray(files) && files.some((f: unknown) => (f as { data?: unknown } | null)?.data instanceof Uint8Array)) {
      return importPhotos(input as Input<'photos.import'>);
    }
    return callJson(method, input);
  }

  function onEvent(listener: (event: ChangeEvent) => void): () => void {
    listeners.add(listener);
    syncEvents();
    return () => {
      listeners.delete(listener);
      syncEvents();
    };
  }

  function onConnection(listener: (state: ConnectionState) => void): () => void {
    connectionListeners.add(listener);
    listener(connection);
    return () => connectionListeners.delete(listener);
  }

  return Object.assign(buildApi(call, onEvent, onConnection), { reconnectEvents: () => stream?.reconnectNow() });
}
