// The event stream client without a server: the text/event-stream parser on text cut anywhere,
// the back-off's range, and the reconnect loop on a fake fetch and a fake clock.

import { describe, expect, it } from 'vitest';
import { backoffDelay, openEventStream, SseParser, type ByteReader, type SseFrame, type StreamFetch, type Timers } from '../../../shared/eventStream.js';

function parse(pieces: string[], lastEventId?: string): { frames: SseFrame[]; parser: SseParser; retries: number[] } {
  const frames: SseFrame[] = [];
  const retries: number[] = [];
  const parser = new SseParser((f) => frames.push(f), { lastEventId, onRetry: (ms) => retries.push(ms) });
  for (const piece of pieces) parser.push(piece);
  return { frames, parser, retries };
}

describe('SseParser', () => {
  const stream = 'retry: 1000\nid: r-0\n\n: heartbeat\n\nid: r-1\ndata: {"type":"a"}\n\nid: r-2\nevent: note\ndata: line one\ndata: line two\n\n';

  it('reads ids, data, event types, retry hints and skips comments', () => {
    const { frames, parser, retries } = parse([stream]);
    expect(frames).toEqual([
      { id: 'r-1', event: 'message', data: '{"type":"a"}' },
      { id: 'r-2', event: 'note', data: 'line one\nline two' },
    ]);
    expect(parser.lastEventId).toBe('r-2');
    expect(retries).toEqual([1000]);
  });

  it('gives the same frames however the text is cut, CRLF and CR line ends included', () => {
    const whole = parse([stream]).frames;
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]).frames, `cut at ${cut}`).toEqual(whole);
    }
    expect(parse(stream.split('')).frames).toEqual(whole);
    const crlf = stream.replace(/\n/g, '\r\n');
    for (let cut = 1; cut < crlf.length; cut++) expect(parse([crlf.slice(0, cut), crlf.slice(cut)]).frames, `CRLF cut at ${cut}`).toEqual(whole);
    expect(parse([stream.replace(/\n/g, '\r')]).frames).toEqual(whole);
  });

  it('moves the last id on for a frame without data, keeps it across frames without an id, and drops an unfinished frame', () => {
    expect(parse(['id: x-5\n\n']).parser.lastEventId).toBe('x-5');
    const kept = parse(['id: x-5\n\ndata: 1\n\n'], 'old');
    expect(kept.frames).toEqual([{ id: 'x-5', event: 'message', data: '1' }]);
    const unfinished = parse(['id: x-9\ndata: half'], 'x-5');
    expect(unfinished.frames).toEqual([]);
    expect(unfinished.parser.lastEventId).toBe('x-5');
  });

  it('takes "data" without a colon as an empty line of data, and one leading space off values only', () => {
    expect(parse(['data\n\n']).frames).toEqual([{ id: '', event: 'message', data: '' }]);
    expect(parse(['data:  two spaces\n\n']).frames[0]?.data).toBe(' two spaces');
    expect(parse(['data:none\n\n']).frames[0]?.data).toBe('none');
    expect(parse(['retry: soon\n\n']).retries).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s to 30 s, drawn between half and all of it', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect([0, 1, 5, 10].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1000, 15000, 15000]);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });
});

/** A clock that runs only when told to. */
function fakeClock(): Timers & { advance(ms: number): Promise<void>; pending(): number[] } {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = ++next;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = until;
      await flush();
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A response body fed by the test; `end` closes it as a dropped connection would. */
function pushBody(): { reader: ByteReader; push(text: string): void; end(): void } {
  const queue: ({ done: boolean; value?: Uint8Array } | null)[] = [];
  let waiting: ((r: { done: boolean; value?: Uint8Array }) => void) | null = null;
  const deliver = (r: { done: boolean; value?: Uint8Array }) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(r);
    } else queue.push(r);
  };
  return {
    reader: {
      read: () => new Promise((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : (waiting = resolve))),
      cancel: async () => deliver({ done: true }),
    },
    push: (text) => deliver({ done: false, value: new TextEncoder().encode(text) }),
    end: () => deliver({ done: true }),
  };
}

describe('openEventStream', () => {
  it('reconnects with growing delays while the server is down, resumes with Last-Event-ID, and reports its state', async () => {
    const clock = fakeClock();
    const requests: Record<string, string>[] = [];
    const bodies: ReturnType<typeof pushBody>[] = [];
    let up = true;
    const fetch: StreamFetch = async (_url, init) => {
      requests.push(init.headers);
      if (!up) throw new Error('ECONNREFUSED');
      const body = pushBody();
      bodies.push(body);
      return { ok: true, status: 200, body: { getReader: () => body.reader } };
    };
    const states: string[] = [];
    const frames: string[] = [];
    const handle = openEventStream({
      url: '/api/events',
      fetch,
      headers: () => ({ Authorization: 'Bearer t' }),
      onFrame: (f) => frames.push(f.data),
      onState: (s) => states.push(s),
      onUnauthorized: () => states.push('unauthorized'),
      timers: clock,
      random: () => 1,
    });
    await flush();
    bodies[0]!.push('retry: 1000\nid: r-0\n\n');
    await flush();
    bodies[0]!.push('id: r-1\ndata: one\n\n');
    await flush();
    expect(states).toEqual(['online']);
    expect(frames).toEqual(['one']);
    expect(requests[0]).toEqual({ Accept: 'text/event-stream', Authorization: 'Bearer t' });

    // The connection drops and the server stays down for three attempts.
    up = false;
    bodies[0]!.end();
    await flush();
    expect(states).toEqual(['online', 'reconnecting']);
    expect(clock.pending()).toContain(1000);
    await clock.advance(1000);
    expect(requests).toHaveLength(2);
    expect(clock.pending()).toContain(2000);
    await clock.advance(2000);
    expect(clock.pending()).toContain(4000);
    await clock.advance(4000);
    expect(requests).toHaveLength(4);
    expect(requests.slice(1).every((h) => h['Last-Event-ID'] === 'r-1')).toBe(true);
    expect(states.filter((s) => s === 'online')).toHaveLength(1);

    // Back: the next attempt connects and the delays start over.
    up = true;
    await clock.advance(8000);
    expect(requests).toHaveLength(5);
    bodies[1]!.push('id: r-2\ndata: two\n\n');
    await flush();
    expect(frames).toEqual(['one', 'two']);
    expect(states.at(-1)).toBe('online');
    bodies[1]!.end();
    await flush();
    expect(clock.pending()).toContain(1000);
    await clock.advance(1000);
    expect(requests.at(-1)?.['Last-Event-ID']).toBe('r-2');
    handle.close();
  });

  it('reconnects at once when told the network is back, resuming with Last-Event-ID, instead of waiting out its back-off', async () => {
    const clock = fakeClock();
    const requests: Record<string, string>[] = [];
    const bodies: ReturnType<typeof pushBody>[] = [];
    let up = true;
    const fetch: StreamFetch = async (_url, init) => {
      requests.push(init.headers);
      if (!up) throw new Error('ECONNREFUSED');
      const body = pushBody();
      bodies.push(body);
      return { ok: true, status: 200, body: { getReader: () => body.reader } };
    };
    const handle = openEventStream({
      url: '/api/events',
      fetch,
      headers: () => ({}),
      onFrame: () => undefined,
      onState: () => undefined,
      onUnauthorized: () => undefined,
      timers: clock,
      random: () => 1,
    });
    await flush();
    bodies[0]!.push('id: r-7\ndata: x\n\n');
    await flush();
    up = false;
    bodies[0]!.end();
    await flush();
    await clock.advance(1000);
    await clock.advance(2000);
    expect(requests).toHaveLength(3);
    expect(clock.pending()).toContain(4000);
    up = true;
    handle.reconnectNow();
    await flush();
    expect(requests).toHaveLength(4);
    expect(requests[3]!['Last-Event-ID']).toBe('r-7');
    handle.close();
  });

  it('stops for good on 401', async () => {
    const clock = fakeClock();
    let calls = 0;
    const outcomes: string[] = [];
    openEventStream({
      url: '/api/events',
      fetch: async () => {
        calls += 1;
        return { ok: false, status: 401, body: null };
      },
      headers: () => ({}),
      onFrame: () => undefined,
      onState: (s) => outcomes.push(s),
      onUnauthorized: () => outcomes.push('unauthorized'),
      timers: clock,
    });
    await flush();
    await clock.advance(120_000);
    expect(calls).toBe(1);
    expect(outcomes).toEqual(['unauthorized']);
    expect(clock.pending()).toEqual([]);
  });

  it('gives up on a silent connection after the idle timeout and reconnects', async () => {
    const clock = fakeClock();
    const bodies: ReturnType<typeof pushBody>[] = [];
    const fetch: StreamFetch = async (_url, init) => {
      const body = pushBody();
      bodies.push(body);
      init.signal.addEventListener('abort', () => body.end());
      return { ok: true, status: 200, body: { getReader: () => body.reader } };
    };
    const states: string[] = [];
    const handle = openEventStream({
      url: '/api/events',
      fetch,
      headers: () => ({}),
      onFrame: () => undefined,
      onState: (s) => states.push(s),
      onUnauthorized: () => undefined,
      timers: clock,
      random: () => 0,
      idleTimeoutMs: 45_000,
    });
    await flush();
    bodies[0]!.push('id: r-0\n\n');
    await flush();
    await clock.advance(30_000);
    bodies[0]!.push(': heartbeat\n\n');
    await flush();
    await clock.advance(30_000);
    expect(bodies).toHaveLength(1);
    await clock.advance(15_000);
    expect(states).toEqual(['online', 'reconnecting']);
    await clock.advance(500);
    expect(bodies).toHaveLength(2);
    handle.close();
  });
});
