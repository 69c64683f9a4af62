// The desktop's newsroom, whichever it is: this computer's own (core/core.ts on the data folder)
// or a newsroom server (ConnectedCore). It answers desktop.* itself, remembers the person's
// choice in desktop.db, and passes every other call to the newsroom chosen. Electron main and
// `serve --connect` both put it behind their transport; nothing here knows Electron.

import os from 'node:os';
import path from 'node:path';
import type { ChangeEvent, DesktopStatus, Staff } from '../shared/domain.js';
import { ApiError } from '../shared/errors.js';
import { contract, type ParsedInput } from '../shared/contract.js';
import { createCore, type Core } from '../core/core.js';
import { lockDataDir, makePrivateDir, type DataDirLock, type HolderKind } from '../core/dataDirLock.js';
import { validationError, type ClientInfo } from '../core/dispatch.js';
import type { TransportCore } from '../server/coreApi.js';
import { countWaitingRows, DESKTOP_DATABASE_FILE, forgetNewsroomData, inTransaction, openDesktopDatabase, type Db } from '../db/desktop/index.js';
import { ConnectedCore, type ConnectedCoreOptions } from './connectedCore.js';
import { DesktopSettings } from './desktopSettings.js';
import { checkServerUrl, createPinnedTransport, type CertificateDetails } from './pinnedTransport.js';

export interface DesktopShellOptions {
  dataDir: string;
  /** Which program holds the data folder, for the refusal another one gets. */
  kind: HolderKind;
  /** This computer's name as the server lists its device session (default: the host name). */
  deviceName?: string;
  /** For this computer's own newsroom: seed the demo newsroom. */
  demo?: boolean;
  now?: () => Date;
  /** Knobs for tests (extra certificate authorities, shorter limits). */
  connected?: Partial<Pick<ConnectedCoreOptions, 'ca' | 'callTimeoutMs' | 'pingIntervalMs' | 'pingTimeoutMs'>>;
}

type Current = { mode: 'local'; core: Core } | { mode: 'connected'; core: ConnectedCore; lock: DataDirLock } | null;

const UNCHOSEN: DesktopStatus = {
  mode: 'local',
  chosen: false,
  server: null,
  connection: 'online',
  waiting: 0,
  sending: null,
  lastOnlineAt: null,
  needsSignIn: false,
  problem: null,
  clockSkewSeconds: null,
};

export class DesktopShell implements TransportCore {
  readonly dataDir: string;
  private current: Current = null;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private unsubscribe: (() => void) | null = null;
  /** One switch at a time: a second choose waits for the first. */
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly opts: DesktopShellOptions,
    private readonly db: Db,
    readonly settings: DesktopSettings,
  ) {
    this.dataDir = opts.dataDir;
  }

  /** Opens the data folder's desktop.db and the newsroom chosen there before (none on a first run). */
  static async open(opts: DesktopShellOptions): Promise<DesktopShell> {
    makePrivateDir(opts.dataDir);
    const db = openDesktopDatabase(path.join(opts.dataDir, DESKTOP_DATABASE_FILE));
    const shell = new DesktopShell(opts, db, new DesktopSettings(db));
    try {
      const mode = shell.settings.mode;
      const url = shell.settings.serverUrl;
      if (mode === 'local') await shell.openLocal();
      else if (mode === 'connected' && url) await shell.openConnected(url);
    } catch (error) {
      db.close();
      throw error;
    }
    return shell;
  }

  /** Which newsroom is open now ('local' also before the first choice). */
  get mode(): 'local' | 'connected' | null {
    return this.current?.mode ?? null;
  }

  /** This computer's own newsroom's core, when that is the one open (the shell's menus use it). */
  get localCore(): Core | null {
    return this.current?.mode === 'local' ? this.current.core : null;
  }

  get connectedCore(): ConnectedCore | null {
    return this.current?.mode === 'connected' ? this.current.core : null;
  }

  status(): DesktopStatus {
    const current = this.current;
    if (!current) return UNCHOSEN;
    if (current.mode === 'connected') return current.core.status();
    return { ...UNCHOSEN, chosen: true };
  }

  /**
   * Works with the server at `url` from now on, without asking it first (the command line's
   * --connect): a certificate it has to be asked to trust comes back to the renderer on its first call.
   */
  async useServer(url: string): Promise<DesktopStatus> {
    const origin = checkServerUrl(url).origin;
    return this.exclusively(async () => {
      this.refuseOtherServer(origin);
      await this.closeCurrent();
      inTransaction(this.db, () => {
        if (this.settings.serverUrl !== origin) this.forgetServer();
        this.settings.mode = 'connected';
        this.settings.serverUrl = origin;
      });
      await this.openConnected(origin);
      return this.status();
    });
  }

  async choose(input: ParsedInput<'desktop.choose'>): Promise<DesktopStatus> {
    if (input.mode === 'local') {
      return this.exclusively(async () => {
        if (this.current?.mode !== 'local') {
          await this.closeCurrent();
          this.settings.mode = 'local';
          await this.openLocal();
        }
        return this.status();
      });
    }
    const origin = checkServerUrl(input.url).origin;
    const pin = await this.checkCertificate(origin, input.trustFingerprint ?? null);
    return this.exclusively(async () => {
      this.refuseOtherServer(origin);
      await this.closeCurrent();
      inTransaction(this.db, () => {
        if (this.settings.serverUrl !== origin) this.forgetServer();
        this.settings.mode = 'connected';
        this.settings.serverUrl = origin;
        this.settings.pinnedFingerprint = pin;
      });
      await this.openConnected(origin);
      return this.status();
    });
  }

  /**
   * Asks the server once. Returns the fingerprint to pin (null when an authority this computer
   * trusts signed the certificate); throws UNTRUSTED_CERTIFICATE with the fingerprint to show
   * until the person trusts exactly that one, and OFFLINE when nothing answers.
   */
  private async checkCertificate(origin: string, trust: string | null): Promise<string | null> {
    const probe = async (pinned: string | null) => {
      const transport = createPinnedTransport({ baseUrl: origin, pinnedFingerprint: () => pinned, ca: this.opts.connected?.ca });
      try {
        const response = await transport.fetch(`${origin}/healthz`, { method: 'GET', headers: { Accept: 'application/json' } });
        if (!response.ok) throw new ApiError('OFFLINE', `The server at ${origin} did not answer as a Newsdesk newsroom server (HTTP ${response.status}).`);
      } finally {
        transport.reset();
      }
    };
    try {
      await probe(null);
      return null;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UNTRUSTED_CERTIFICATE') throw error;
      const details = error.details as CertificateDetails;
      if (trust !== null && trust === details.fingerprint) {
        await probe(trust);
        return trust;
      }
      throw error;
    }
  }

  /** Changes for one newsroom must not be sent to another. */
  private refuseOtherServer(origin: string): void {
    const previous = this.settings.serverUrl;
    if (!previous || previous === origin) return;
    const waiting = countWaitingRows(this.db);
    if (waiting > 0) {
      throw new ApiError(
        'INVALID_STATE',
        `${waiting === 1 ? '1 change' : `${waiting} changes`} for the newsroom at ${previous} still wait on this computer. Connect to that newsroom again to send them before choosing another.`,
      );
    }
  }

  /** Another newsroom: the device session, the pinned certificate and the copy of the old one go. */
  private forgetServer(): void {
    this.settings.pinnedFingerprint = null;
    this.settings.deviceToken.set(null);
    this.settings.person = null;
    this.settings.needsSignIn = false;
    this.settings.lastOnlineAt = null;
    forgetNewsroomData(this.db);
  }

  private exclusively<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.switching.then(fn, fn);
    this.switching = run.catch(() => undefined);
    return run;
  }

  private async openLocal(): Promise<void> {
    const core = await createCore({ dataDir: this.dataDir, demo: this.opts.demo, kind: this.opts.kind, now: this.opts.now });
    this.attach({ mode: 'local', core });
  }

  private async openConnected(url: string): Promise<void> {
    const lock = await lockDataDir(this.dataDir, this.opts.kind);
    const core = new ConnectedCore({
      dataDir: this.dataDir,
      db: this.db,
      settings: this.settings,
      serverUrl: url,
      deviceName: this.opts.deviceName ?? os.hostname(),
      now: this.opts.now,
      ...this.opts.connected,
    });
    this.attach({ mode: 'connected', core, lock });
    core.start();
  }

  private attach(current: NonNullable<Current>): void {
    this.current = current;
    this.unsubscribe = current.core.onEvent((event) => this.emit(event));
    this.emit({ type: 'desktop.changed', status: this.status() });
    // Whatever the renderer shows came from the other newsroom.
    this.emit({ type: 'resync' });
  }

  private async closeCurrent(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await current.core.close();
    if (current.mode === 'connected') current.lock.release();
  }

  private emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  // ── TransportCore ───────────────────────────────────────────────────────

  async call(token: string | null, method: string, input: unknown, client?: ClientInfo): Promise<unknown> {
    await this.switching;
    if (method === 'desktop.choose') {
      const parsed = contract['desktop.choose'].input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      return this.choose(parsed.data);
    }
    const current = this.current;
    if (method === 'desktop.status') {
      if (current?.mode === 'connected') await current.core.ready();
      return this.status();
    }
    if (!current) {
      if (method === 'session.current') return { staff: null };
      if (method === 'session.access') return { demo: false, demoPassword: null, demoAccounts: [], needsFirstAdmin: false };
      throw new ApiError('INVALID_STATE', 'Choose a newsroom first: this computer only, or a newsroom server.');
    }
    if (current.mode === 'local' && method.startsWith('desktop.')) {
      // This computer's own newsroom has no outbox: nothing waits, nothing to retry.
      if (method === 'desktop.outbox') return { entries: [] };
      if (method === 'desktop.retry') return this.status();
      throw new ApiError('INVALID_STATE', 'Only a desktop connected to a newsroom server has an outbox.');
    }
    return current.core.call(token, method, input, client);
  }

  async authenticate(token: string | null, opts?: { touch?: boolean }): Promise<Staff | null> {
    await this.switching;
    return this.current ? this.current.core.authenticate(token, opts) : null;
  }

  onEvent(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.switching;
    await this.closeCurrent();
    this.db.close();
  }
}
