// LISTEN on one connection of its own (a pooled one would be handed to other statements). When
// the database restarts or the connection drops it reconnects, waiting longer after each failure
// (up to 5 s), and LISTENs again on every channel; what was notified meanwhile is lost, so each
// listener may ask to hear when it should catch up.

import pg from 'pg';

export interface ListenOptions {
  /** Called after the listening connection came back: notifications sent while it was away were lost. */
  onReconnect?: () => void;
}

interface Subscription {
  onMessage: (payload: string) => void;
  onReconnect: (() => void) | undefined;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

export class NotificationListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  /** The channels LISTENed on the current connection. */
  private readonly listening = new Set<string>();
  /** LISTEN/UNLISTEN one after another, so the connection's channels match the subscriptions. */
  private syncing: Promise<void> = Promise.resolve();
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly gone = new WeakSet<pg.Client>();

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly mapError: (error: unknown) => unknown,
  ) {}

  async listen(channel: string, onMessage: (payload: string) => void, options: ListenOptions = {}): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('The database connection was closed.');
    const subscription: Subscription = { onMessage, onReconnect: options.onReconnect };
    let set = this.subscriptions.get(channel);
    if (!set) this.subscriptions.set(channel, (set = new Set()));
    set.add(subscription);
    try {
      await this.connect();
      await this.sync();
    } catch (error) {
      this.remove(channel, subscription);
      throw this.mapError(error);
    }
    let stopped = false;
    return async () => {
      if (stopped) return;
      stopped = true;
      this.remove(channel, subscription);
      // Unreachable now: the channel is gone from the next connection's LISTENs anyway.
      await this.sync().catch(() => {});
    };
  }

  private remove(channel: string, subscription: Subscription): void {
    const set = this.subscriptions.get(channel);
    set?.delete(subscription);
    if (set?.size === 0) this.subscriptions.delete(channel);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.connecting) return this.connecting;
    const client = new pg.Client(this.config);
    const attempt = (async () => {
      let failed = false;
      const onLost = () => {
        if (failed) return;
        failed = true;
        this.lost(client);
      };
      client.on('error', onLost);
      client.on('end', onLost);
      client.on('notification', (message) => this.deliver(message.channel, message.payload ?? ''));
      try {
        await client.connect();
      } catch (error) {
        failed = true;
        client.removeAllListeners('error');
        client.on('error', () => {});
        throw error;
      }
      this.client = client;
      this.listening.clear();
      this.retryMs = FIRST_RETRY_MS;
      return client;
    })();
    this.connecting = attempt;
    const done = () => {
      if (this.connecting === attempt) this.connecting = null;
    };
    attempt.then(done, done);
    return attempt;
  }

  /** LISTEN to the channels someone subscribes to, UNLISTEN the others. */
  private sync(): Promise<void> {
    const next = this.syncing.then(async () => {
      const client = this.client;
      if (!client) return;
      for (const channel of this.subscriptions.keys()) {
        if (this.listening.has(channel)) continue;
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
        this.listening.add(channel);
      }
      for (const channel of [...this.listening]) {
        if (this.subscriptions.has(channel)) continue;
        await client.query(`UNLISTEN ${client.escapeIdentifier(channel)}`);
        this.listening.delete(channel);
      }
    });
    this.syncing = next.catch(() => {});
    return next;
  }

  private deliver(channel: string, payload: string): void {
    // Outside pg's message handling: a listener's failure must not break the connection's parsing.
    for (const s of this.subscriptions.get(channel) ?? []) queueMicrotask(() => s.onMessage(payload));
  }

  private lost(client: pg.Client): void {
    if (this.gone.has(client)) return;
    this.gone.add(client);
    if (this.client === client) this.client = null;
    this.listening.clear();
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer || this.subscriptions.size === 0) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.reconnect();
    }, wait);
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connect();
      await this.sync();
    } catch {
      const client = this.client;
      if (client) this.lost(client);
      else this.scheduleReconnect();
      return;
    }
    for (const set of this.subscriptions.values()) for (const s of set) if (s.onReconnect) queueMicrotask(s.onReconnect);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.subscriptions.clear();
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
