// The NewsdeskApi over the loopback HTTP bridge, written against injected platform pieces
// (fetch, a token store, an EventSource constructor) so the same code runs in the browser
// (renderer/api/httpClient.ts supplies them) and in Node (tests, scripts).
// Wire format: POST /api/<method> with a JSON body → 200 and the result as JSON, or an error
// status with { error: { code, message, details? } }. Bearer token after session.signIn.
// Change events: Server-Sent Events at GET /api/events?token=… (EventSource cannot set headers).

import { buildApi, type MethodName, type NewsdeskApi } from './contract.js';
import type { ChangeEvent } from './domain.js';
import { ApiError, isErrorCode, type ApiErrorBody } from './errors.js';

export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface EventSourceLike {
  close(): void;
}
/** Opens an event stream at url and calls onMessage with each message's data. */
export type EventSourceFactory = (url: string, onMessage: (data: string) => void) => EventSourceLike;

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export interface HttpApiOptions {
  /** Origin of the bridge, e.g. 'http://127.0.0.1:5178'; '' for same-origin in the browser. */
  baseUrl: string;
  fetch: FetchLike;
  tokens: TokenStore;
  /** Absent where the platform has no EventSource: onEvent then delivers nothing. */
  eventSource?: EventSourceFactory;
}

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

/** photos.import carries bytes over IPC but base64 over HTTP. */
function encodeInput(method: MethodName, input: unknown): unknown {
  if (method !== 'photos.import' || typeof input !== 'object' || input === null) return input;
  const files = (input as { files?: unknown }).files;
  if (!Array.isArray(files)) return input;
  return {
    ...input,
    files: files.map((file: unknown) => {
      const data = (file as { data?: unknown } | null)?.data;
      return data instanceof Uint8Array ? { ...(file as object), data: bytesToBase64(data) } : file;
    }),
  };
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = (payload as { error?: Partial<ApiErrorBody> } | null)?.error;
  if (body && isErrorCode(body.code) && typeof body.message === 'string') return new ApiError(body.code, body.message, body.details);
  return new ApiError(status === 404 ? 'NOT_FOUND' : 'INTERNAL', `The Newsdesk server answered HTTP ${status}.`);
}

export function createHttpApi(opts: HttpApiOptions): NewsdeskApi {
  const { baseUrl, tokens } = opts;
  const listeners = new Set<(event: ChangeEvent) => void>();
  let source: EventSourceLike | null = null;
  let sourceToken: string | null = null;

  /** One event stream while anyone listens and someone is signed in; renewed when the token changes. */
  function syncEvents(): void {
    const token = tokens.get();
    const want = listeners.size > 0 && token !== null && opts.eventSource !== undefined;
    if (source && (!want || sourceToken !== token)) {
      source.close();
      source = null;
      sourceToken = null;
    }
    if (want && !source && opts.eventSource && token) {
      source = opts.eventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`, (data) => {
        let event: ChangeEvent;
        try {
          event = JSON.parse(data) as ChangeEvent;
        } catch {
          return;
        }
        for (const listener of [...listeners]) listener(event);
      });
      sourceToken = token;
    }
  }

  async function call(method: MethodName, input: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const token = tokens.get();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await opts.fetch(`${baseUrl}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(encodeInput(method, input ?? {})) });
    } catch (error) {
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
    if (!response.ok) throw toApiError(response.status, payload);
    if (method === 'session.signIn') {
      const signedIn = payload as { token?: unknown };
      if (typeof signedIn.token === 'string') tokens.set(signedIn.token);
      syncEvents();
    } else if (method === 'session.signOut' || (method === 'session.current' && token && (payload as { staff?: unknown }).staff === null)) {
      // Signed out, or the server no longer knows this session (e.g. it restarted): forget the token.
      tokens.set(null);
      syncEvents();
    }
    return payload;
  }

  function onEvent(listener: (event: ChangeEvent) => void): () => void {
    listeners.add(listener);
    syncEvents();
    return () => {
      listeners.delete(listener);
      syncEvents();
    };
  }

  return buildApi(call, onEvent);
}
