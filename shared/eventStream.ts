// Reading the server's change events (text/event-stream) with fetch and a byte stream, which
// browsers and Node 20 both have, instead of EventSource: headers can be set (a script's bearer
// token; nothing in the URL), the back-off is ours, and a 401 can stop the retrying. The parser
// follows the WHATWG rules for the format; the connection resumes with Last-Event-ID.

export interface SseFrame {
  /** The last event id after this frame (ids persist until a frame sets another). */
  id: string;
  /** The event type ('message' when the frame names none). */
  event: string;
  data: string;
}

/**
 * An incremental text/event-stream parser: push text as it arrives, in any pieces; each complete
 * frame with data is handed to onFrame. A frame with only an id still moves lastEventId on.
 */
export class SseParser {
  lastEventId: string;
  private buffer = '';
  private afterCR = false;
  private data = '';
  private hasData = false;
  private eventType = '';
  private idBuffer: string;

  constructor(
    private readonly onFrame: (frame: SseFrame) => void,
    opts: { lastEventId?: string; onRetry?: (ms: number) => void } = {},
  ) {
    this.lastEventId = opts.lastEventId ?? '';
    this.idBuffer = this.lastEventId;
    this.onRetry = opts.onRetry;
  }

  private readonly onRetry: ((ms: number) => void) | undefined;

  push(text: string): void {
    let rest = text;
    // A CR that ended the last piece may have been the first half of a CRLF.
    if (this.afterCR && rest.startsWith('\n')) rest = rest.slice(1);
    this.afterCR = false;
    this.buffer += rest;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.buffer.slice(start, i);
      if (c === 13) {
        if (i + 1 === this.buffer.length) this.afterCR = true;
        else if (this.buffer.charCodeAt(i + 1) === 10) i += 1;
      }
      start = i + 1;
      this.line(line);
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.data += `${value}\n`;
      this.hasData = true;
    } else if (field === 'event') this.eventType = value;
    else if (field === 'id') {
      if (!value.includes('\0')) this.idBuffer = value;
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) this.onRetry?.(Number(value));
    }
  }

  private dispatch(): void {
    this.lastEventId = this.idBuffer;
    if (this.hasData) this.onFrame({ id: this.lastEventId, event: this.eventType || 'message', data: this.data.slice(0, -1) });
    this.data = '';
    this.hasData = false;
    this.eventType = '';
  }
}

export const MIN_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0-based): doubling from 1 s to at most
 * 30 s, each drawn between half and all of that, so many clients cut off at once do not all come
 * back in the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

export interface StreamResponse {
  ok: boolean;
  status: number;
  body?: { getReader(): ByteReader } | null;
}

export type StreamFetch = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal; credentials: 'same-origin' },
) => Promise<StreamResponse>;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

export interface EventStreamOptions {
  url: string;
  fetch: StreamFetch;
  /** Headers for each attempt (a bearer token, when the client has one). */
  headers(): Record<string, string>;
  onFrame(frame: SseFrame): void;
  onState(state: 'online' | 'reconnecting'): void;
  /** The server refused the session (401): no more attempts. */
  onUnauthorized(): void;
  timers?: Timers;
  random?: () => number;
  /** Reconnect when nothing at all (not even a heartbeat) arrived for this long. Default 45 s (the server beats every 15 s). */
  idleTimeoutMs?: number;
}

export interface EventStreamHandle {
  close(): void;
  /** Ends a back-off wait at once (the network is known to be back): reconnects, resuming from the last id. */
  reconnectNow(): void;
}

/** Keeps one event stream open until closed: reconnecting with back-off, resuming from the last id. */
export function openEventStream(opts: EventStreamOptions): EventStreamHandle {
  const timers = opts.timers ?? realTimers;
  const random = opts.random ?? Math.random;
  const idleTimeoutMs = opts.idleTimeoutMs ?? 45_000;
  let closed = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  let lastEventId = '';
  /** Failed attempts since the last connection that got through. */
  let attempt = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const handle = timers.setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        timers.clearTimeout(handle);
        wake = null;
        resolve();
      };
    });

  async function connectOnce(): Promise<'unauthorized' | 'dropped'> {
    const abort = new AbortController();
    controller = abort;
    const headers: Record<string, string> = { Accept: 'text/event-stream', ...opts.headers() };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    let idle: unknown = null;
    const arm = () => {
      if (idle !== null) timers.clearTimeout(idle);
      idle = timers.setTimeout(() => abort.abort(), idleTimeoutMs);
    };
    try {
      const res = await opts.fetch(opts.url, { method: 'GET', headers, signal: abort.signal, credentials: 'same-origin' });
      if (res.status === 401) return 'unauthorized';
      if (!res.ok || !res.body) return 'dropped';
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser(
        (frame) => {
          if (!closed) opts.onFrame(frame);
        },
        { lastEventId },
      );
      arm();
      let announced = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (done || closed) break;
        arm();
        parser.push(decoder.decode(value, { stream: true }));
        lastEventId = parser.lastEventId;
        // Online once the server has said something (its first frame comes at once).
        if (!announced) {
          announced = true;
          attempt = 0;
          opts.onState('online');
        }
      }
      if (closed) await reader.cancel().catch(() => undefined);
      return 'dropped';
    } catch {
      return 'dropped';
    } finally {
      if (idle !== null) timers.clearTimeout(idle);
      controller = null;
    }
  }

  void (async () => {
    while (!closed) {
      const outcome = await connectOnce();
      if (closed) return;
      if (outcome === 'unauthorized') {
        closed = true;
        opts.onUnauthorized();
        return;
      }
      opts.onState('reconnecting');
      await sleep(backoffDelay(attempt, random));
      attempt += 1;
    }
  })();

  return {
    close() {
      closed = true;
      controller?.abort();
      wake?.();
    },
    reconnectNow() {
      wake?.();
    },
  };
}
