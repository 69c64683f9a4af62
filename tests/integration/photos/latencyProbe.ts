// Another client of the core, asking `staff.list` over and over while some work runs. Each
// latency counts from the moment the call was due, so an event loop held by the work shows up as
// the time it held that client back, not as a late but quick call.

import { performance } from 'node:perf_hooks';
import type { Core } from '../../../core/core.js';

export interface Probed<T> {
  result: T;
  /** Wall time of the work, ms. */
  ms: number;
  /** One entry per staff.list answered while the work ran, ms from due to answer. */
  latencies: number[];
  maxLatencyMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `token`: the probing client's session (staff.list needs one). */
export async function probeLatency<T>(core: Core, token: string, work: () => Promise<T>, intervalMs = 10): Promise<Probed<T>> {
  const latencies: number[] = [];
  let done = false;
  const client = (async () => {
    let due = performance.now();
    while (!done) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (done) break;
      await core.call(token, 'staff.list', {});
      const answered = performance.now();
      latencies.push(Math.max(0, answered - due)); // a timer may fire a fraction of a millisecond early
      due = Math.max(due + intervalMs, answered);
    }
  })();
  const started = performance.now();
  let result: T;
  let ms: number;
  try {
    result = await work();
    ms = performance.now() - started;
  } finally {
    // The call in flight when the work ended was due while it ran: wait for it and count it.
    done = true;
    await client;
  }
  return { result, ms, latencies, maxLatencyMs: Math.max(0, ...latencies) };
}
