// Whether the newsroom server can be reached now. Online, /healthz is asked every 2 s with a short
// limit, so a network that drops packets silently (no refusal ever comes) is noticed within
// seconds; a call that fails to reach the server, or an event stream gone silent, says offline
// at once. Offline, the same ping notices the server coming back. The server's Date header tells
// how far this computer's clock is off.

import { ApiError } from '../shared/errors.js';
import type { FetchLike } from '../shared/httpApi.js';

export const PING_INTERVAL_MS = 2_000;
export const PING_TIMEOUT_MS = 2_500;
/** Failed pings in a row before a quiet network counts as offline (one lost packet is not an outage). */
const PINGS_TO_FAIL = 2;

export interface ConnectionFacts {
  online: boolean;
  /** In words, why offline; null when online. */
  problem: string | null;
  /** The server shows a certificate other than the one pinned (or one never trusted). */
  certificate: ApiError | null;
  lastOnlineAt: string | null;
  clockSkewSeconds: number | null;
}

export interface ConnectionMonitorOptions {
  baseUrl: string;
  /** A fetch with the ping's short limit. */
  fetch: FetchLike;
  now?: () => Date;
  intervalMs?: number;
  lastOnlineAt?: string | null;
  onChange(facts: ConnectionFacts): void;
}

export class ConnectionMonitor {
  private facts: ConnectionFacts;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = true;
  private readonly now: () => Date;

  constructor(private readonly opts: ConnectionMonitorOptions) {
    this.now = opts.now ?? (() => new Date());
    // Until the first ping answers, the server is taken as unreachable: nothing waits for it.
    this.facts = { online: false, problem: 'Connecting to the newsroom server…', certificate: null, lastOnlineAt: opts.lastOnlineAt ?? null, clockSkewSeconds: null };
  }

  get current(): ConnectionFacts {
    return this.facts;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.ping();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Asks the server now (after a retry, or when a call met trouble) instead of at the next beat. */
  checkNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.ping();
  }

  /** The server answered something: online. */
  reachedServer(): void {
    this.failures = 0;
    this.update({ online: true, problem: null, certificate: null, lastOnlineAt: this.now().toISOString() });
  }

  /** A call could not reach the server (or the certificate was refused): offline at once. */
  lostServer(error: ApiError): void {
    this.failures = PINGS_TO_FAIL;
    this.update({ online: false, problem: error.message, certificate: error.code === 'UNTRUSTED_CERTIFICATE' ? error : null });
  }

  /** The event stream went quiet or dropped: ask at once rather than wait for the next beat. */
  streamTrouble(): void {
    if (!this.stopped) void this.checkNow();
  }

  serverDate(date: Date): void {
    const skew = Math.round((this.now().getTime() - date.getTime()) / 1000);
    // The Date header has whole seconds: a second either way is noise.
    const seconds = Math.abs(skew) <= 1 ? 0 : skew;
    if (seconds !== this.facts.clockSkewSeconds) this.update({ clockSkewSeconds: seconds });
  }

  private update(change: Partial<ConnectionFacts>): void {
    const next = { ...this.facts, ...change };
    const before = this.facts;
    this.facts = next;
    if (
      before.online !== next.online ||
      before.problem !== next.problem ||
      before.clockSkewSeconds !== next.clockSkewSeconds ||
      (before.certificate === null) !== (next.certificate === null) ||
      (before.lastOnlineAt !== next.lastOnlineAt && !before.online)
    ) {
      this.opts.onChange(next);
    }
  }

  private async ping(): Promise<void> {
    try {
      const response = await this.opts.fetch(`${this.opts.baseUrl}/healthz`, { method: 'GET', headers: { Accept: 'application/json' } });
      await response.text();
      if (response.ok) this.reachedServer();
      else this.failed(new ApiError('OFFLINE', `The newsroom server is not answering properly (HTTP ${response.status}).`));
    } catch (error) {
      this.failed(error instanceof ApiError ? error : new ApiError('OFFLINE', `Cannot reach the newsroom server: ${String(error)}`));
    } finally {
      if (!this.stopped) {
        if (this.timer) clearTimeout(this.timer);
        // A ping that went unanswered while online is asked again at once: a quiet network is
        // told from a lost packet within two ping limits, not two intervals.
        const again = this.facts.online && this.failures > 0 ? 0 : (this.opts.intervalMs ?? PING_INTERVAL_MS);
        this.timer = setTimeout(() => void this.ping(), again);
        this.timer.unref?.();
      }
    }
  }

  private failed(error: ApiError): void {
    this.failures += 1;
    // A refused certificate or a refused connection is certain at once; silence needs a second look.
    const certain = error.code === 'UNTRUSTED_CERTIFICATE' || /refused/i.test(error.message);
    if (certain || this.failures >= PINGS_TO_FAIL || !this.facts.online) this.lostServer(error);
  }
}
