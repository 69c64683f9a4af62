// The recent change events of this server run, numbered, so a client whose event stream dropped
// can be sent what it missed when it reconnects with Last-Event-ID. Bounded by count and age:
// a client away longer, or one that names another run (the server restarted) or an id that makes
// no sense, is told to refetch what it shows instead (a `resync` event).

import { randomBytes } from 'node:crypto';
import type { ChangeEvent } from '../shared/domain.js';

export interface LoggedEvent {
  seq: number;
  at: number;
  event: ChangeEvent;
}

export interface EventLogOptions {
  /** Most events held (default 2,000). */
  maxEvents?: number;
  /** Oldest event held, in ms (default 5 minutes). */
  maxAgeMs?: number;
  now?: () => number;
}

/** What a reconnecting client is sent: the events after its last one, or a resync. */
export type Catchup = { replay: LoggedEvent[] } | { resync: true };

const EVENT_ID = /^([0-9a-f]{1,32})-(\d{1,15})$/;

export class EventLog {
  /** Names this run of the server: an id from another run cannot be resumed. */
  readonly epoch = randomBytes(6).toString('hex');
  private seq = 0;
  private entries: LoggedEvent[] = [];
  /** The highest sequence number no longer held (0: nothing forgotten yet). */
  private forgottenThrough = 0;
  private readonly maxEvents: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(opts: EventLogOptions = {}) {
    this.maxEvents = opts.maxEvents ?? 2_000;
    this.maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  append(event: ChangeEvent): LoggedEvent {
    const entry = { seq: ++this.seq, at: this.now(), event };
    this.entries.push(entry);
    this.prune();
    return entry;
  }

  idOf(seq: number): string {
    return `${this.epoch}-${seq}`;
  }

  /** The id of the newest event (or of the start of the run): where a new client starts. */
  get lastId(): string {
    return this.idOf(this.seq);
  }

  /** The events after `lastEventId` (none when absent: a first connection), or resync when they cannot all be sent. */
  since(lastEventId: string | undefined): Catchup {
    if (lastEventId === undefined || lastEventId === '') return { replay: [] };
    const match = EVENT_ID.exec(lastEventId.trim());
    if (!match || match[1] !== this.epoch) return { resync: true };
    const seen = Number(match[2]);
    this.prune();
    if (seen > this.seq || seen < this.forgottenThrough) return { resync: true };
    const from = this.entries.findIndex((e) => e.seq > seen);
    return { replay: from === -1 ? [] : this.entries.slice(from) };
  }

  private prune(): void {
    const oldest = this.now() - this.maxAgeMs;
    let drop = 0;
    while (drop < this.entries.length && (this.entries.length - drop > this.maxEvents || this.entries[drop]!.at < oldest)) drop += 1;
    if (drop === 0) return;
    this.forgottenThrough = this.entries[drop - 1]!.seq;
    this.entries = this.entries.slice(drop);
  }
}
