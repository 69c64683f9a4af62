// A desktop working with a newsroom server, as a TransportCore (server/coreApi.ts): the loopback
// bridge or Electron's IPC put it where the local core would be, and the renderer does not know
// the difference. Every contract method is answered by shared/offline.ts's table:
//   online        → the server answers (and the offline copy keeps what it said)
//   queued        → saves and new stories ALWAYS go through the outbox: online they are sent at
//                   once and the call answers with the server's result; offline it answers with
//                   the story as saved here (its version unchanged, so autosave keeps going)
//   from the copy → offline, what this computer last saw
//   needs server  → offline, ApiError('OFFLINE') in words; nothing changed
// The renderer's session is a local token this desktop issues and maps to its device session with
// the server; it works offline. The device token stays in desktop.db and goes only to the server.

import { createHash, randomBytes } from 'node:crypto';
import { contract, isMethodName, OFFLINE_LEASE_HOURS, type MethodName, type ParsedInput, type Result } from '../shared/contract.js';
import type { ChangeEvent, DesktopStatus, Staff, Story } from '../shared/domain.js';
import { ApiError } from '../shared/errors.js';
import { memoryTokenStore } from '../shared/httpApi.js';
import { needsServerMessage, offlineBehaviour } from '../shared/offline.js';
import { bodyText, emptyDoc } from '../shared/body.js';
import { proposeSlug, slugify } from '../shared/slug.js';
import { countBodyWords } from '../shared/text.js';
import { validationError, type ClientInfo } from '../core/dispatch.js';
import type { TransportCore } from '../server/coreApi.js';
import { deleteAllLocalSessions, deleteLocalSession, inTransaction, insertLocalSession, localSessionStaff, type Db } from '../db/desktop/index.js';
import { ConnectionMonitor, PING_TIMEOUT_MS, type ConnectionFacts } from './connection.js';
import type { DesktopSettings } from './desktopSettings.js';
import { KEPT_ANSWERS, OfflineCopy, thumbnailsOf, withChanges, type KeptMethod, type StoryAnswer } from './offlineCopy.js';
import { isLocalId, Outbox, type PendingEntry } from './outbox.js';
import { createPinnedTransport, type PinnedTransport } from './pinnedTransport.js';
import { createRemoteClient, type RemoteClient } from './remoteClient.js';
import { emptyAnswer, LOCAL_STORY_VERSION, Replay, type Outcome, type ReplayProgress } from './replay.js';

export interface ConnectedCoreOptions {
  /** The desktop's data folder: desktop.db is open on `db`; thumbnails go to media/, offline photos to outbox-files/. */
  dataDir: string;
  db: Db;
  settings: DesktopSettings;
  serverUrl: string;
  /** The computer's name, as the server lists its device session. */
  deviceName: string;
  now?: () => Date;
  /** Extra certificate authorities (tests). */
  ca?: string | Buffer;
  callTimeoutMs?: number;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Methods whose answer carries the story it changed: the copy follows. */
const hasStory = (value: unknown): value is { story: Story } =>
  !!value &&
  typeof value === 'object' &&
  'story' in value &&
  !!(value as { story?: { id?: unknown } }).story &&
  typeof (value as { story: { id?: unknown } }).story.id === 'number';

const isKept = (method: MethodName): method is KeptMethod => (KEPT_ANSWERS as readonly string[]).includes(method);

export class ConnectedCore implements TransportCore {
  readonly dataDir: string;
  readonly serverUrl: string;
  private readonly db: Db;
  private readonly settings: DesktopSettings;
  private readonly now: () => Date;
  private readonly transport: PinnedTransport;
  private readonly pingTransport: PinnedTransport;
  private readonly monitor: ConnectionMonitor;
  readonly outbox: Outbox;
  readonly copy: OfflineCopy;
  private readonly replay: Replay;
  private remote: RemoteClient | null = null;
  private stopEvents: (() => void)[] = [];
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private progress: ReplayProgress | null = null;
  private lastStatus = '';
  private firstPing: Promise<void>;
  private pruneTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private wasOnline = false;
  /** Whether the server's event stream is up (not waiting to reconnect). */
  private streamUp = false;
  private keepingOwn = false;

  constructor(private readonly opts: ConnectedCoreOptions) {
    this.dataDir = opts.dataDir;
    this.serverUrl = new URL(opts.serverUrl).origin;
    this.db = opts.db;
    this.settings = opts.settings;
    this.now = opts.now ?? (() => new Date());
    // After close, desktop.db is closed too: a ping still in flight trusts nothing.
    const pinned = () => (this.closed ? '' : this.settings.pinnedFingerprint);
    this.monitor = new ConnectionMonitor({
      baseUrl: this.serverUrl,
      fetch: (url, init) => this.pingTransport.fetch(url, init),
      now: this.now,
      intervalMs: opts.pingIntervalMs,
      lastOnlineAt: this.settings.lastOnlineAt,
      onChange: (facts) => this.connectionChanged(facts),
    });
    const onServerDate = (date: Date) => this.monitor.serverDate(date);
    this.transport = createPinnedTransport({ baseUrl: this.serverUrl, pinnedFingerprint: pinned, timeoutMs: opts.callTimeoutMs, onServerDate, ca: opts.ca });
    this.pingTransport = createPinnedTransport({
      baseUrl: this.serverUrl,
      pinnedFingerprint: pinned,
      timeoutMs: opts.pingTimeoutMs ?? PING_TIMEOUT_MS,
      onServerDate,
      ca: opts.ca,
    });
    this.outbox = new Outbox(this.db, this.dataDir, this.now);
    this.copy = new OfflineCopy(this.db, this.dataDir, this.now);
    this.replay = new Replay({
      outbox: this.outbox,
      copy: this.copy,
      remote: () => (this.canSend() ? this.remote : null),
      person: () => this.settings.person,
      onProgress: (progress) => {
        this.progress = progress;
        this.statusChanged();
      },
      onUnauthenticated: () => this.lostSession(),
      onUnreachable: (error) => this.monitor.lostServer(error),
      onSent: (_entry, result) => {
        this.monitor.reachedServer();
        if (hasStory(result)) this.emit({ type: 'story.changed', storyId: result.story.id, status: result.story.status, version: result.story.version });
        this.statusChanged();
      },
    });
    this.firstPing = Promise.resolve();
  }

  /** Starts watching the connection and, when signed in, the server's events. */
  start(): void {
    this.firstPing = this.monitor.checkNow().catch(() => undefined);
    this.monitor.start();
    if (this.settings.deviceToken.get() && !this.settings.needsSignIn) this.connectRemote();
    this.copy.prune(this.outbox.storyIds());
    this.pruneTimer = setInterval(() => this.copy.prune(this.outbox.storyIds()), 60 * 60 * 1000);
    this.pruneTimer.unref?.();
  }

  /** Settles once the server has been asked the first time (so the first status is not a guess). */
  ready(): Promise<void> {
    return this.firstPing;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.monitor.stop();
    this.replay.close();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    for (const stop of this.stopEvents) stop();
    this.stopEvents = [];
    this.transport.reset();
    this.pingTransport.reset();
  }

  // ── status ──────────────────────────────────────────────────────────────

  status(): DesktopStatus {
    const facts = this.monitor.current;
    const certificateChanged = facts.certificate !== null;
    const waiting = this.outbox.waiting();
    let problem = facts.problem;
    const skew = facts.clockSkewSeconds;
    if (problem === null && skew !== null && Math.abs(skew) >= CLOCK_WARNING_SECONDS) problem = clockMessage(skew);
    if (this.settings.needsSignIn) problem = `The newsroom server ended this computer's session. Sign in again${waiting ? `: ${changes(waiting)} wait to be sent` : ''}.`;
    return {
      mode: 'connected',
      chosen: true,
      server: { url: this.serverUrl, pinnedFingerprint: this.settings.pinnedFingerprint, certificateChanged },
      connection: !facts.online ? 'offline' : this.progress ? 'sending' : 'online',
      waiting,
      sending: this.progress && facts.online ? { done: Math.min(this.progress.done + 1, this.progress.total), total: this.progress.total } : null,
      lastOnlineAt: facts.lastOnlineAt,
      needsSignIn: this.settings.needsSignIn,
      problem,
      clockSkewSeconds: facts.clockSkewSeconds,
    };
  }

  private statusChanged(): void {
    if (this.closed) return;
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastStatus) return;
    this.lastStatus = text;
    this.emit({ type: 'desktop.changed', status });
  }

  private connectionChanged(facts: ConnectionFacts): void {
    if (this.closed) return;
    if (facts.online !== this.wasOnline) {
      this.wasOnline = facts.online;
      // Offline: connections from before are dead, drop them rather than wait on them.
      if (!facts.online) this.transport.reset();
      // Back online with the event stream still waiting out its back-off: it reconnects at once and
      // catches up by Last-Event-ID (the server sends resync itself when the gap is past its log).
      else if (!this.streamUp && this.remote) this.remote.reconnectEvents();
    }
    if (facts.online) void this.replay.run();
    this.statusChanged();
  }

  private canSend(): boolean {
    return !this.closed && this.monitor.current.online && !this.settings.needsSignIn && this.settings.deviceToken.get() !== null && this.remote !== null;
  }

  // ── events ──────────────────────────────────────────────────────────────

  onEvent(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** The client of the device session, and the server's events through it. */
  private connectRemote(): void {
    for (const stop of this.stopEvents) stop();
    const remote = createRemoteClient(this.serverUrl, this.transport, this.settings.deviceToken);
    this.remote = remote;
    this.streamUp = true;
    this.stopEvents = [
      remote.onEvent((event) => {
        if (this.remote !== remote) return;
        if (event.type === 'resync' && this.settings.deviceToken.get() === null && !this.settings.needsSignIn) return this.lostSession();
        this.emit(event);
      }),
      remote.onConnection((state) => {
        if (this.remote !== remote) return;
        const was = this.streamUp;
        this.streamUp = state === 'online';
        // The stream dropping is a hint to ask the server now; its coming back, that it answers.
        if (was && !this.streamUp) this.monitor.streamTrouble();
        else if (!was && this.streamUp) this.monitor.reachedServer();
      }),
    ];
  }

  /** The server refused the device session: the outbox stays, the person is asked to sign in again. */
  private lostSession(): void {
    if (this.closed || this.settings.needsSignIn) return;
    inTransaction(this.db, () => {
      this.settings.needsSignIn = true;
      this.settings.deviceToken.set(null);
    });
    for (const stop of this.stopEvents) stop();
    this.stopEvents = [];
    this.remote = null;
    this.statusChanged();
    this.emit({ type: 'resync' });
  }

  private signInAgainError(): ApiError {
    const waiting = this.outbox.waiting();
    return new ApiError(
      'UNAUTHENTICATED',
      `The newsroom server ended this computer's session; sign in again.${waiting ? ` ${capitalize(changes(waiting))} wait here and are sent once you have.` : ''}`,
    );
  }

  // ── sessions ────────────────────────────────────────────────────────────

  async authenticate(token: string | null): Promise<Staff | null> {
    if (!token || this.closed) return null;
    const person = this.settings.person;
    if (!person || this.settings.needsSignIn || this.settings.deviceToken.get() === null) return null;
    return localSessionStaff(this.db, hashToken(token)) === person.id ? person : null;
  }

  private async signIn(method: 'session.signIn' | 'session.setUp', input: Record<string, unknown>): Promise<Result<'session.signIn'>> {
    const tokens = memoryTokenStore();
    const once = createRemoteClient(this.serverUrl, this.transport, tokens, { events: false });
    let result: Result<'session.signIn'>;
    try {
      result = (await once.call(
        method,
        method === 'session.signIn' ? { ...input, desktop: { name: this.opts.deviceName.slice(0, 200) || 'Newsdesk desktop' } } : input,
      )) as Result<'session.signIn'>;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'OFFLINE' || error.code === 'UNTRUSTED_CERTIFICATE')) {
        this.monitor.lostServer(error);
        if (error.code === 'OFFLINE') throw new ApiError('OFFLINE', needsServerMessage('Signing in'));
      }
      throw error;
    }
    this.monitor.reachedServer();
    const staff = result.staff;
    const others = this.outbox.owners().filter((id) => id !== staff.id);
    if (others.length > 0) {
      // Someone else's changes wait here: they must reach the server as theirs, not this person's.
      await once.call('session.signOut', {}).catch(() => undefined);
      const previous = this.settings.person;
      const name = previous && others.includes(previous.id) ? previous.name : 'someone else';
      const count = this.outbox.entries().length;
      throw new ApiError(
        'INVALID_STATE',
        `${capitalize(changes(count))} by ${name} wait on this computer to be sent to the newsroom. Sign in as ${name} to send them first; nobody else can sign in here until then.`,
      );
    }
    const oldToken = this.settings.deviceToken.get();
    if (oldToken) {
      // The earlier device session of this computer is ended rather than left to expire.
      const old = createRemoteClient(this.serverUrl, this.transport, memoryTokenStore(oldToken), { events: false });
      await old.call('session.signOut', {}).catch(() => undefined);
    }
    const local = randomBytes(32).toString('base64url');
    const previous = this.settings.person;
    inTransaction(this.db, () => {
      this.settings.deviceToken.set(result.token);
      this.settings.person = staff;
      this.settings.needsSignIn = false;
      if (previous && previous.id !== staff.id) deleteAllLocalSessions(this.db);
      insertLocalSession(this.db, hashToken(local), staff.id, this.now().toISOString());
    });
    this.connectRemote();
    void this.replay.run();
    this.statusChanged();
    return { token: local, staff, expiresAt: result.expiresAt };
  }

  private async signOut(token: string | null): Promise<Result<'session.signOut'>> {
    // Only the person's own session with this desktop may end the device session.
    if (!(await this.authenticate(token))) {
      if (token) deleteLocalSession(this.db, hashToken(token));
      return { ok: true };
    }
    const deviceToken = this.settings.deviceToken.get();
    if (deviceToken && !this.settings.needsSignIn) {
      const outcome = await this.forward('session.signOut', {});
      if (!outcome.ok) throw new ApiError('OFFLINE', needsServerMessage('Signing out'));
    }
    inTransaction(this.db, () => {
      if (token) deleteLocalSession(this.db, hashToken(token));
      this.settings.deviceToken.set(null);
      this.settings.needsSignIn = false;
    });
    for (const stop of this.stopEvents) stop();
    this.stopEvents = [];
    this.remote = null;
    this.statusChanged();
    return { ok: true };
  }

  // ── calls ───────────────────────────────────────────────────────────────

  async call(token: string | null, method: string, input: unknown, _client?: ClientInfo): Promise<unknown> {
    if (this.closed) throw new ApiError('INTERNAL', 'Newsdesk is closing.');
    if (!isMethodName(method)) throw new ApiError('NOT_FOUND', `Unknown method: ${String(method).slice(0, 100)}`);
    const def = contract[method];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const data = parsed.data as Record<string, unknown>;
    await this.firstPing;

    if (method === 'desktop.status') return this.status();
    if (method === 'session.signIn' || method === 'session.setUp') return this.signIn(method, input as Record<string, unknown>);
    if (method === 'session.signOut') return this.signOut(token);
    const staff = await this.authenticate(token);
    if (method === 'session.current') return this.current(staff);
    if (!('public' in def && def.public) && !staff) {
      if (this.settings.needsSignIn) throw this.signInAgainError();
      throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
    }
    switch (method) {
      case 'desktop.outbox':
        return { entries: this.outbox.entries().map((entry) => (entry.state === 'kept' ? { ...entry, text: this.keptPlainText(entry.id) } : entry)) };
      case 'desktop.retry':
        await this.monitor.checkNow();
        await this.replay.run();
        return this.status();
      case 'desktop.discard':
        return this.discard(data as ParsedInput<'desktop.discard'>);
      case 'desktop.resubmit':
        return this.resubmit(data as ParsedInput<'desktop.resubmit'>, staff!);
      case 'desktop.choose':
        throw new ApiError('INVALID_STATE', 'Choosing a newsroom is the desktop shell’s.');
      case 'stories.save':
        return this.save(data as ParsedInput<'stories.save'>, staff!);
      case 'stories.create':
        return this.create(data as ParsedInput<'stories.create'>, staff!);
      case 'photos.import':
        return this.importPhotos(input as ParsedInput<'photos.import'>, staff!);
      default:
        return this.answer(method, this.toServerIds(method, data));
    }
  }

  private async current(staff: Staff | null): Promise<Result<'session.current'>> {
    if (!staff) return { staff: null };
    const outcome = await this.forward('session.current', {});
    if (!outcome.ok) return { staff };
    const fresh = (outcome.value as Result<'session.current'>).staff;
    if (!fresh) {
      this.lostSession();
      return { staff: null };
    }
    this.settings.person = fresh;
    return { staff: fresh };
  }

  /** Ids of stories created offline, as the server knows them once they arrived. */
  private toServerIds(method: MethodName, input: Record<string, unknown>): Record<string, unknown> {
    const out = { ...input };
    for (const key of ['id', 'storyId'] as const) {
      const value = out[key];
      if (typeof value !== 'number' || !isLocalId(value)) continue;
      // A story's own id field (stories.*), or a story named by storyId (photos, comments, published).
      if (key === 'id' && !method.startsWith('stories.')) continue;
      const serverId = this.copy.serverIdOf(value);
      if (serverId !== null) out[key] = serverId;
    }
    return out;
  }

  /** A story written here that has not reached the server: what the editor asks of it is answered here. */
  private unsentStory(method: MethodName, input: Record<string, unknown>): unknown {
    switch (method) {
      case 'stories.get':
        return this.fromCopy(method, input);
      case 'stories.check':
        return { findings: [] };
      case 'stories.history':
        return { revisions: [], events: [], entries: [] };
      case 'stories.deskChanges':
        return { changes: null };
      case 'published.list':
        return { versions: [] };
      default:
        throw new ApiError(
          'OFFLINE',
          'This story was written on this computer and has not reached the newsroom server yet; that needs the server. It is sent as soon as this computer is back online.',
        );
    }
  }

  /** Asks the server; unreachable → { ok: false } (the caller answers offline). Other refusals are thrown as the server said them. */
  private async forward(method: MethodName, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
    const remote = this.remote;
    if (!remote || !this.monitor.current.online) return { ok: false, error: new ApiError('OFFLINE', this.monitor.current.problem ?? needsServerMessage()) };
    try {
      const value = await remote.call(method, input);
      this.monitor.reachedServer();
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'OFFLINE') {
        this.monitor.lostServer(error);
        return { ok: false, error };
      }
      if (error.code === 'UNTRUSTED_CERTIFICATE') this.monitor.lostServer(error);
      if (error.code === 'UNAUTHENTICATED') {
        this.lostSession();
        throw this.signInAgainError();
      }
      throw error;
    }
  }

  private async answer(method: MethodName, input: Record<string, unknown>): Promise<unknown> {
    if ([input.id, input.storyId].some((id) => typeof id === 'number' && isLocalId(id))) return this.unsentStory(method, input);
    const outcome = await this.forward(method, input);
    if (outcome.ok) {
      this.remember(method, input, outcome.value);
      return method === 'stories.get' ? this.withPending(outcome.value as StoryAnswer) : outcome.value;
    }
    if (offlineBehaviour(method) !== 'fromCopy') throw new ApiError('OFFLINE', needsServerMessage());
    return this.fromCopy(method, input);
  }

  /** What the server said, kept for offline (and the thumbnails it names fetched in the background). */
  private remember(method: MethodName, input: Record<string, unknown>, value: unknown): void {
    const person = this.settings.person;
    if (method === 'stories.get') this.copy.keepStory(value as StoryAnswer, person);
    else if (isKept(method)) this.copy.keepAnswer(method, input, value);
    else if (hasStory(value)) this.copy.keepStoryOnly(value.story, person);
    if (method === 'stories.list' && person && input.bylineStaffId === person.id) void this.keepOwnStories(value as Result<'stories.list'>);
    const thumbs = thumbnailsOf(value);
    if (thumbs.length > 0) void this.copy.keepMedia(thumbs, (url) => this.download(url)).catch(() => undefined);
  }

  /** The person's own stories are kept whole, even those not opened on this computer. */
  private async keepOwnStories(list: Result<'stories.list'>): Promise<void> {
    // One at a time: a person paging fast through their queue would otherwise start a fetch of
    // every page's stories at once and spend the session's rate limit on the copy.
    if (this.keepingOwn) return;
    this.keepingOwn = true;
    try {
      for (const item of list.items.slice(0, 50)) {
        const kept = this.copy.story(item.id);
        if (kept && kept.story.version >= item.version) continue;
        const outcome = await this.forward('stories.get', { id: item.id }).catch(() => null);
        if (!outcome?.ok) return;
        this.copy.keepStory(outcome.value as StoryAnswer, this.settings.person, { seen: false, mine: true });
      }
    } finally {
      this.keepingOwn = false;
    }
  }

  private async download(url: string): Promise<Uint8Array> {
    const token = this.settings.deviceToken.get();
    const response = await this.transport.fetch(`${this.serverUrl}${url}`, { method: 'GET', headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) throw new ApiError('NOT_FOUND', `HTTP ${response.status}`);
    return response.bytes();
  }

  /** A story's answer with what waits in the outbox for it over the server's text. */
  private withPending(answer: StoryAnswer): StoryAnswer {
    const pending = this.outbox.pendingText(answer.story.id);
    if (!pending || pending.payload.kind !== 'save') return answer;
    return { ...answer, story: withChanges(answer.story, pending.payload.changes) };
  }

  private fromCopy(method: MethodName, input: Record<string, unknown>): unknown {
    const missing = () => new ApiError('OFFLINE', 'This computer cannot reach the newsroom server and has no copy of this from when it could.');
    if (method === 'stories.get') {
      const kept = this.copy.story(input.id as number);
      if (!kept) throw missing();
      return this.withPending(kept);
    }
    if (method === 'stories.list') return this.copy.list(input);
    if (method === 'session.access') {
      return this.copy.answer('session.access', input) ?? { demo: false, demoPassword: null, demoAccounts: [], needsFirstAdmin: false };
    }
    if (isKept(method)) {
      const kept = this.copy.answer(method, input);
      if (kept !== null) return kept;
      if (method === 'stories.check') return { findings: [] };
    }
    throw missing();
  }

  // ── queued: saves, new stories, photos ──────────────────────────────────

  /** After queueing: online, send now and answer as the server did; a refusal is the caller's, as online. */
  private async sendQueued(entryId: number): Promise<Outcome | null> {
    if (!this.canSend()) return null;
    const outcome = await this.replay.sendNow(entryId);
    if (outcome.kind === 'refused') {
      // The person sees the refusal now, as they would without an outbox: it is not kept twice.
      this.outbox.discard(entryId);
      this.statusChanged();
      throw outcome.error;
    }
    return outcome.kind === 'sent' ? outcome : null;
  }

  private async save(input: ParsedInput<'stories.save'>, staff: Staff): Promise<Result<'stories.save'>> {
    let id = input.id;
    if (isLocalId(id)) id = this.copy.serverIdOf(id) ?? id;
    const baseVersion = isLocalId(id) ? input.baseVersion : this.replay.fixups.translate(id, input.baseVersion);
    const request = { ...input, id, baseVersion };
    const person = this.settings.person;
    const { row, story } = inTransaction(this.db, () => {
      const title = this.copy.story(id)?.story.headline || 'Untitled story';
      const queued = this.outbox.queueSave(request, staff.id, title);
      return { row: queued.row, story: this.copy.applySave(id, request.changes, person) };
    });
    this.statusChanged();
    const sent = await this.sendQueued(row.id);
    if (sent?.kind === 'sent') {
      const result = sent.result as Result<'stories.save'> | Result<'stories.create'>;
      return { story: result.story };
    }
    if (!story) throw new ApiError('OFFLINE', 'Your changes are saved on this computer and go to the newsroom server when it answers again.');
    return { story };
  }

  private async create(input: ParsedInput<'stories.create'>, staff: Staff): Promise<Result<'stories.create'>> {
    const person = this.settings.person ?? staff;
    const { row, story } = inTransaction(this.db, () => {
      const queued = this.outbox.queueCreate(input, staff.id);
      const local = localStory(queued.local_id!, input, person, this.now());
      this.copy.keepStory({ ...emptyAnswer(local), canEdit: true }, person, { mine: true });
      return { row: queued, story: local };
    });
    this.statusChanged();
    const sent = await this.sendQueued(row.id);
    if (sent?.kind === 'sent') return sent.result as Result<'stories.create'>;
    return { story };
  }

  private async importPhotos(input: ParsedInput<'photos.import'>, staff: Staff): Promise<Result<'photos.import'>> {
    const outcome = await this.forward('photos.import', input);
    if (outcome.ok) {
      this.remember('photos.import', {}, outcome.value);
      return outcome.value as Result<'photos.import'>;
    }
    const results: Result<'photos.import'>['results'] = [];
    for (const file of input.files) {
      const bytes = typeof file.data === 'string' ? new Uint8Array(Buffer.from(file.data, 'base64')) : file.data;
      await this.outbox.queuePhoto(file.name, bytes, staff.id);
      results.push({ name: file.name, ok: true });
    }
    this.statusChanged();
    return { results };
  }

  private discard(input: ParsedInput<'desktop.discard'>): Result<'desktop.discard'> {
    const entry = this.outbox.get(input.entryId);
    const row = entry?.row ?? this.outbox.entries().find((e) => e.id === input.entryId);
    if (!row) throw new ApiError('NOT_FOUND', 'That change is no longer in the outbox.');
    if ('state' in row && row.state === 'sending') throw new ApiError('INVALID_STATE', 'That change is being sent right now; wait a moment.');
    this.outbox.discard(input.entryId);
    if (entry?.payload.kind === 'photo') void this.outbox.removeFile(entry.payload.file);
    this.statusChanged();
    return { ok: true };
  }

  /** A kept entry's text (as this computer has it) sent again as a new story. */
  /** A kept save's or create's text as a story would start with it: the queued changes over the story as this computer last had it. */
  private keptStoryText(entry: PendingEntry): ParsedInput<'stories.create'> | null {
    if (entry.payload.kind === 'photo') return null;
    const storyId = entry.row.story_id ?? entry.row.local_id;
    const kept = storyId !== null ? this.copy.story(storyId)?.story : null;
    const text =
      entry.payload.kind === 'create'
        ? entry.payload.input
        : kept
          ? { desk: kept.desk, headline: kept.headline, subheadlines: kept.subheadlines, dateline: kept.dateline, body: kept.body, language: kept.language }
          : null;
    if (!text) return null;
    const changes = entry.payload.kind === 'save' ? entry.payload.changes : {};
    const { byline: _byline, slug: _slug, ...overText } = changes;
    return { ...text, ...overText, desk: overText.desk ?? text.desk } as ParsedInput<'stories.create'>;
  }

  private keptPlainText(entryId: number): string | null {
    const entry = this.outbox.get(entryId);
    const text = entry ? this.keptStoryText(entry) : null;
    if (!text) return null;
    return [text.headline ?? '', ...(text.subheadlines ?? []), text.dateline ?? '', text.body ? bodyText(text.body) : ''].filter((s) => s.trim() !== '').join('\n\n');
  }

  private async resubmit(input: ParsedInput<'desktop.resubmit'>, staff: Staff): Promise<Result<'desktop.resubmit'>> {
    const entry = this.outbox.get(input.entryId);
    if (!entry) throw new ApiError('NOT_FOUND', 'That change is no longer in the outbox.');
    if (entry.row.state !== 'kept' && entry.row.state !== 'conflict')
      throw new ApiError('INVALID_STATE', 'Only a change the server did not take can be sent again as a new story.');
    if (entry.payload.kind === 'photo') throw new ApiError('INVALID_STATE', 'A photo cannot be sent as a story.');
    const createInput = this.keptStoryText(entry);
    if (!createInput) throw new ApiError('NOT_FOUND', 'This computer no longer has the text of that change.');
    this.outbox.discard(entry.row.id);
    return this.create(createInput, staff);
  }
}

/** A clock this far off the server's is worth telling: times shown and lock expiries would mislead. */
const CLOCK_WARNING_SECONDS = 5 * 60;

function clockMessage(skew: number): string {
  const minutes = Math.round(Math.abs(skew) / 60);
  const amount = minutes >= 90 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
  return `This computer's clock is ${amount} ${skew > 0 ? 'ahead of' : 'behind'} the newsroom server's. Times are shown as the server keeps them; set the clock right to avoid confusion.`;
}

function changes(n: number): string {
  return n === 1 ? '1 change' : `${n} changes`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A story written offline, as this computer shows it until the server has it. */
function localStory(id: number, input: ParsedInput<'stories.create'>, person: Staff, now: Date): Story {
  const body = input.body ?? emptyDoc();
  const language = input.language ?? 'en';
  const at = now.toISOString();
  const headline = input.headline ?? '';
  return {
    id,
    slug: input.slug !== undefined ? slugify(input.slug) : proposeSlug(headline),
    desk: input.desk,
    headline,
    subheadlines: input.subheadlines ?? [],
    byline: [{ staffId: person.id, name: person.name, email: person.email }],
    authorIds: [person.id],
    dateline: input.dateline ?? '',
    body,
    language,
    status: 'draft',
    version: LOCAL_STORY_VERSION,
    lock: { staffId: person.id, name: person.name, acquiredAt: at, expiresAt: new Date(now.getTime() + OFFLINE_LEASE_HOURS * 3600_000).toISOString(), offline: true },
    createdBy: person.id,
    claimedBy: null,
    sendBackNote: null,
    correctionNote: null,
    publishAt: null,
    scheduledBy: null,
    publishedVersions: 0,
    wordCount: countBodyWords(body, language),
    createdAt: at,
    updatedAt: at,
  };
}
