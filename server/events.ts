// GET /api/events: the core's change events as Server-Sent Events, to signed-in clients only.
// Every frame carries an id (`<run>-<seq>`, eventLog.ts); a client reconnecting with
// Last-Event-ID is sent what it missed, or one `resync` event when that cannot be done. A
// heartbeat comment keeps proxies from cutting an idle stream, and each heartbeat, each
// staff.changed event and each call that may end sessions re-asks the core whether every open
// stream's session is still live: a stream whose session ended is closed.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ChangeEvent } from '../shared/domain.js';
import type { TransportCore } from './coreApi.js';
import { EventLog, type EventLogOptions, type LoggedEvent } from './eventLog.js';

export interface EventStreamOptions {
  /** Interval of heartbeats and session checks (default 15 s). */
  heartbeatMs?: number;
  log?: EventLogOptions;
  /** A stream whose unsent output grows past this is dropped (the client reconnects and catches up). */
  maxBufferedBytes?: number;
}

export interface EventStreams {
  readonly log: EventLog;
  /** Re-asks the core about every open stream's session; closes those that ended. */
  recheckSessions(): Promise<void>;
  readonly size: number;
}

/** The reconnect delay hinted to clients (they add their own back-off). */
const RETRY_MS = 1000;

interface Stream {
  res: ServerResponse;
  token: string;
}

/** Event streams one session may hold at once; a new one beyond this ends its oldest. */
export const MAX_STREAMS_PER_SESSION = 8;

export function eventRoutes(app: FastifyInstance, core: TransportCore, opts: EventStreamOptions = {}): EventStreams {
  const log = new EventLog(opts.log);
  const maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;
  const streams = new Set<Stream>();

  const frameOf = (entry: LoggedEvent) => `id: ${log.idOf(entry.seq)}\ndata: ${JSON.stringify(entry.event)}\n\n`;

  function write(stream: Stream, text: string): void {
    const { res } = stream;
    if (res.writableEnded || res.destroyed) return;
    if (res.writableLength > maxBuffered) {
      res.destroy();
      return;
    }
    res.write(text);
  }

  let checking: Promise<void> | null = null;
  let again = false;
  async function recheckOnce(): Promise<void> {
    for (const stream of [...streams]) {
      let live = false;
      try {
        live = (await core.authenticate(stream.token, { touch: false })) !== null;
      } catch {
        live = false;
      }
      if (!live) {
        streams.delete(stream);
        stream.res.end();
      }
    }
  }
  function recheckSessions(): Promise<void> {
    if (checking) {
      again = true;
      return checking;
    }
    checking = (async () => {
      do {
        again = false;
        await recheckOnce();
      } while (again);
    })().finally(() => (checking = null));
    return checking;
  }

  const unsubscribe = core.onEvent((event: ChangeEvent) => {
    const frame = frameOf(log.append(event));
    for (const stream of streams) write(stream, frame);
    if (event.type === 'staff.changed') void recheckSessions();
  });

  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const heartbeat = setInterval(() => {
    for (const stream of streams) write(stream, ': heartbeat\n\n');
    void recheckSessions();
  }, heartbeatMs);
  heartbeat.unref();

  app.addHook('onClose', async () => {
    unsubscribe();
    clearInterval(heartbeat);
    for (const stream of streams) stream.res.end();
    streams.clear();
  });

  app.get('/api/events', { config: { access: 'session', call: 'events' } }, (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.auth!.token;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx and other proxies: pass each event on as it comes.
      'X-Accel-Buffering': 'no',
    });
    const lastEventId = request.headers['last-event-id'];
    const catchup = log.since(typeof lastEventId === 'string' ? lastEventId : undefined);
    // Nothing is awaited between reading the log and joining the streams, so no event falls between.
    let head = `retry: ${RETRY_MS}\n`;
    if ('resync' in catchup) head += `id: ${log.lastId}\ndata: ${JSON.stringify({ type: 'resync' } satisfies ChangeEvent)}\n\n`;
    else if (catchup.replay.length === 0) head += `id: ${log.lastId}\n\n`;
    else head += `\n${catchup.replay.map(frameOf).join('')}`;
    const stream: Stream = { res, token };
    // A few tabs per session are normal; thousands are an attack on the server's connections.
    const same = [...streams].filter((s) => s.token === token);
    for (const old of same.slice(0, Math.max(0, same.length - (MAX_STREAMS_PER_SESSION - 1)))) {
      streams.delete(old);
      old.res.end();
    }
    streams.add(stream);
    res.on('close', () => streams.delete(stream));
    write(stream, head);
  });

  return {
    log,
    recheckSessions,
    get size() {
      return streams.size;
    },
  };
}
