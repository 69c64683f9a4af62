// Runs the copy checks in a Web Worker, newest text first: while one run is in the worker, later
// requests replace each other and only the last is sent, so a burst of typing costs one run, and
// an answer about text that has since changed is dropped (resolved as null). When the worker
// cannot start (an old runtime, a CSP that forbids it, a failed chunk load) or breaks, the
// engine runs on the main thread instead: slower to type in, never without checks.
import { runChecks } from '../../shared/checks/index.js';
import type { Finding } from '../../shared/domain.js';
import type { CheckReply, CheckRequest, CheckRun } from './protocol.js';

/** A worker that has not answered its first request in this long is treated as broken. */
const FIRST_REPLY_TIMEOUT_MS = 10_000;

/** The findings, or why the engine could not produce them. */
export type CheckOutcome = { findings: Finding[] } | { error: string };

type Resolve = (outcome: CheckOutcome | null) => void;

interface Pending {
  seq: number;
  input: CheckRun;
  resolve: Resolve;
}

export type RunnerMode = 'worker' | 'main-thread';

export class CheckRunner {
  private worker: Worker | null = null;
  private seq = 0;
  private inflight: Pending | null = null;
  private queued: Pending | null = null;
  private answered = false;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(makeWorker: (() => Worker) | null = defaultWorker) {
    if (!makeWorker) return;
    try {
      const worker = makeWorker();
      worker.onmessage = (event: MessageEvent<CheckReply>) => this.onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fallBack();
      };
      worker.onmessageerror = () => this.fallBack();
      this.worker = worker;
    } catch {
      this.worker = null;
    }
  }

  get mode(): RunnerMode {
    return this.worker ? 'worker' : 'main-thread';
  }

  /** Checks `input`; null when a newer request superseded it before it ran or while it ran. */
  run(input: CheckRun): Promise<CheckOutcome | null> {
    return new Promise<CheckOutcome | null>((resolve) => {
      const request: Pending = { seq: ++this.seq, input, resolve };
      if (!this.worker) {
        resolve(this.runHere(input));
        return;
      }
      if (this.inflight) {
        this.queued?.resolve(null);
        this.queued = request;
        return;
      }
      this.send(request);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.clearWatchdog();
    this.worker?.terminate();
    this.worker = null;
    this.inflight?.resolve(null);
    this.queued?.resolve(null);
    this.inflight = this.queued = null;
  }

  private send(request: Pending): void {
    if (!this.worker) {
      request.resolve(this.runHere(request.input));
      return;
    }
    this.inflight = request;
    if (!this.answered && !this.watchdog) this.watchdog = setTimeout(() => this.fallBack(), FIRST_REPLY_TIMEOUT_MS);
    try {
      const message: CheckRequest = { seq: request.seq, input: request.input };
      this.worker.postMessage(message);
    } catch {
      // The story could not be cloned (never expected: it is plain JSON); check it here.
      this.inflight = null;
      request.resolve(this.runHere(request.input));
      this.next();
    }
  }

  private onReply(reply: CheckReply): void {
    const request = this.inflight;
    if (!request || reply.seq !== request.seq) return;
    this.answered = true;
    this.clearWatchdog();
    this.inflight = null;
    if ('findings' in reply) request.resolve(this.queued ? null : { findings: reply.findings });
    else request.resolve(this.queued ? null : this.runHere(request.input));
    this.next();
  }

  private next(): void {
    const queued = this.queued;
    this.queued = null;
    if (queued) this.send(queued);
  }

  /** The worker broke: stop using it and answer what was waiting on the main thread. */
  private fallBack(): void {
    if (this.disposed || !this.worker) return;
    this.clearWatchdog();
    this.worker.terminate();
    this.worker = null;
    const inflight = this.inflight;
    const queued = this.queued;
    this.inflight = this.queued = null;
    if (queued) {
      inflight?.resolve(null);
      queued.resolve(this.runHere(queued.input));
    } else if (inflight) {
      inflight.resolve(this.runHere(inflight.input));
    }
  }

  private runHere(input: CheckRun): CheckOutcome {
    try {
      return { findings: runChecks(input) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private clearWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}

/** `new URL(…, import.meta.url)` inside `new Worker(…)` is the form Vite recognises and bundles. */
function defaultWorker(): Worker {
  if (typeof Worker === 'undefined') throw new Error('No Web Workers here.');
  return new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module', name: 'copy-checks' });
}
