// The newsroom core: opens the database, builds the services every handler module receives,
// composes the handlers of the feature modules (stories/, photos/, publishing/, staff/,
// settings/; composeHandlers.ts checks at compile time that they cover the contract) and
// dispatches calls. Plain Node — the desktop shell, the loopback HTTP
// bridge and the tests all drive it through `call` and `onEvent`.

import type { ChangeEvent, SetupCode, Staff } from '../shared/domain.js';
import { countActiveAdminsWithPassword, firstActiveAdmin, type DatabaseRefused } from '../db/index.js';
import { ApiError } from '../shared/errors.js';
import { createCopyDesk } from './copyDesk/copyDesk.js';
import { DATABASE_FILE, openCoreStorage } from './storage.js';
import { makePrivateDir, type HolderKind } from './dataDirLock.js';
import { createDispatcher, type ClientInfo } from './dispatch.js';
import { ensureFirstAdmin, seedDemo } from './staff/demo.js';
import { EventBus } from './events.js';
import { exportFolderControl, type ExportFolderControl } from './settings/exportFolder.js';
import { commentsModule } from './stories/comments.js';
import { composeHandlers, type CoreModule } from './composeHandlers.js';
import { photoModule } from './photos/handlers.js';
import { holdMetadataReader } from './photos/metadata/reader.js';
import { publishingModule } from './publishing/handlers.js';
import { packageFolders, type PackageFolders } from './publishing/packageFolder.js';
import { staffModule } from './staff/handlers.js';
import { sessionHandlers } from './staff/sessionHandlers.js';
import { demoPasswordHash, dummyHash } from './staff/passwords.js';
import { issueSetupCode } from './staff/setupCodes.js';
import { settingsModule } from './settings/handlers.js';
import { storySaveHandlers } from './stories/save.js';
import { storyReadHandlers } from './stories/read.js';
import { deskChangesHandlers } from './stories/deskChanges.js';
import { storyTransitionHandlers } from './stories/transition.js';
import { storyLockHandlers } from './stories/lockHandlers.js';
import { storyFindingHandlers } from './stories/findings.js';
import { createPublisher } from './publishing/publisher.js';
import type { CoreServices, Publisher } from './services.js';
import { desktopHandlers } from './desktop/handlers.js';
import { pruneOldKeys } from './stories/appliedKeys.js';
import { DESKTOP_SESSION_LIMITS, SESSION_LIMITS, SessionStore, type SessionLimits } from './staff/sessions.js';
import { announceWrites, wasAnnounced, write, writerFor } from './write.js';
import { startFanout, type Fanout } from './fanout.js';
import { storySerializer } from './storySerializer.js';
import { SettingsStore } from './settings/settingsStore.js';

export interface Core {
  /** `client`: who is at the other end, as the transport saw it (default: in-process). */
  call(token: string | null, method: string, input: unknown, client?: ClientInfo): Promise<unknown>;
  /** The person a token's live session belongs to, or null; no effect but noting the session's use. */
  /** The live session's person, or null; `touch: false` checks without counting as use (event streams). */
  authenticate(token: string | null, opts?: { touch?: boolean }): Promise<Staff | null>;
  /**
   * A fresh setup code for the newsroom's first admin while no active admin has a password (an
   * empty newsroom, or one from before passwords), else null. Never through `call`: the server
   * prints it, the desktop app hands it to the person at the computer.
   */
  firstAdminSetup(): Promise<SetupCode | null>;
  /** Ends the sessions past their expiry now and frees their locks, and forgets saves' applied keys past their keeping time (the sweeper does it every minute); returns how many sessions ended. */
  sweepSessions(): Promise<number>;
  onEvent(listener: (e: ChangeEvent) => void): () => void;
  /** Online backup of the database to `file` while the core keeps running. */
  backup(file: string): Promise<void>;
  readonly dataDir: string;
  /** Where the newsroom's database is, in words for a log line (never a password). */
  readonly database: string;
  /** Where published packages are also copied: set by the shell and the serve cli only, never through `call`. */
  readonly exportFolder: ExportFolderControl;
  /** A published version's folder on this computer, for the desktop shell to open (never through `call`: a path is no API answer). */
  readonly packages: PackageFolders;
  /**
   * Settles when the database's integrity check is done: null when sound. A large database is
   * checked in the background after opening; if it turns out damaged, the core stops (every call
   * answers INTERNAL naming the file) and this resolves to the refusal, for the shell to show.
   */
  readonly integrity: Promise<DatabaseRefused | null>;
  /** Settles when the background counting of open findings has caught up (tests, benchmarks). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface CoreOptions {
  dataDir: string;
  /** Seed the demo newsroom (desks and staff) if it is missing. */
  demo?: boolean;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Extra handler modules (tests, later features). */
  modules?: ((services: CoreServices) => CoreModule)[];
  /** Replace the publisher (tests that do not exercise publishing itself). */
  publisher?: (services: Omit<CoreServices, 'publisher' | 'copyDesk'>) => Publisher;
  /** Where internal errors are reported (default: console.error). */
  onInternalError?: (method: string, error: unknown) => void;
  /** A postgres:// URL: the newsroom's database is there, shared with the newsroom's other server processes, instead of the data folder's SQLite file. */
  database?: string;
  /** Which program opens the folder, named to another one that is refused it (default 'other'). */
  kind?: HolderKind;
  /** The sessions' idle and absolute limits (default SESSION_LIMITS; tests shorten or lengthen them). */
  sessionLimits?: Partial<SessionLimits>;
  /** A desktop's device sessions' limits (default DESKTOP_SESSION_LIMITS). */
  desktopSessionLimits?: Partial<SessionLimits>;
}

export { DATABASE_FILE };

export async function createCore(opts: CoreOptions): Promise<Core> {
  makePrivateDir(opts.dataDir);
  const storage = await openCoreStorage({ dataDir: opts.dataDir, database: opts.database, kind: opts.kind ?? 'other' });
  const { db } = storage;
  // Made once per process before anything opens (scrypt runs on the thread pool): the demo
  // password's hash, and the hash an unknown e-mail is checked against, so that even the first
  // such sign-in takes no longer than a wrong password.
  const [demoHash] = await Promise.all([opts.demo ? demoPasswordHash() : null, dummyHash()]);
  // Photo metadata is read in a worker thread (started on the first import); the core keeps it until closed.
  const releaseMetadataReader = holdMetadataReader();
  try {
    // `bus` reaches the transports with every change, this process's and (on PostgreSQL) the other
    // server processes'; `ownChanges` only this process's, for the copy desk, which counts the
    // findings of the changes its own process made.
    const bus = new EventBus();
    const ownChanges = new EventBus();
    const settings = new SettingsStore(db);
    await settings.load();
    const reportInternal = opts.onInternalError ?? ((_m: string, e: unknown) => console.error('[core]', e));
    const fanout: Fanout | null = storage.postgres
      ? await startFanout(storage.postgres, {
          emit: (event) => bus.emit(event),
          reloadSettings: () => settings.load(),
          report: (error) => reportInternal('events', error),
        })
      : null;
    const stopAnnouncing = fanout ? announceWrites(db, (events) => fanout.announce(events)) : () => undefined;
    const base: Omit<CoreServices, 'publisher' | 'copyDesk'> = {
      db,
      dataDir: opts.dataDir,
      now: opts.now ?? (() => new Date()),
      emit: (event) => {
        ownChanges.emit(event);
        bus.emit(event);
        // An event emitted outside a write (a finished photo import) is announced on its own.
        if (fanout && !wasAnnounced(event)) fanout.announce([event]).catch((error: unknown) => reportInternal('events', error));
      },
      settings: () => settings.get(),
      exportDir: () => settings.exportDir(),
      serialize: storySerializer(storage.postgres),
    };
    const copyDesk = createCopyDesk(
      base,
      (listener) => ownChanges.on(listener),
      (error) => reportInternal('copyDesk', error),
    );
    const publisher = opts.publisher ? opts.publisher(base) : createPublisher(base, { report: reportInternal });
    const services: CoreServices = { ...base, publisher, copyDesk };
    const sessions = new SessionStore(
      base,
      { browser: { ...SESSION_LIMITS, ...opts.sessionLimits }, desktop: { ...DESKTOP_SESSION_LIMITS, ...opts.desktopSessionLimits } },
      async () => await write(base, () => pruneOldKeys(base)),
    );
    const staffOf = async (token: string | null): Promise<Staff | null> => (await sessions.resolve(token))?.staff ?? null;
    const exportFolder = exportFolderControl(settings, staffOf, writerFor(services));
    const packages = packageFolders(db, opts.dataDir, staffOf);

    if (demoHash !== null) await seedDemo(services, demoHash);
    else await ensureFirstAdmin(services);

    const features = [
      { handlers: sessionHandlers(services, sessions), start: () => sessions.start((error) => reportInternal('sessions', error)), stop: () => sessions.stop() },
      staffModule(services, sessions),
      { handlers: storyReadHandlers(services) },
      { handlers: deskChangesHandlers(services) },
      { handlers: storySaveHandlers(services) },
      { handlers: storyTransitionHandlers(services) },
      { handlers: storyLockHandlers(services) },
      { handlers: storyFindingHandlers(services) },
      commentsModule(services),
      settingsModule(services, settings, exportFolder),
      photoModule(services),
      publishingModule(services),
      { handlers: desktopHandlers(services) },
    ] as const;
    const extra = (opts.modules ?? []).map((factory) => factory(services));
    const modules: readonly CoreModule[] = [...features, ...extra];
    const dispatcher = createDispatcher(composeHandlers(features, extra), async (token) => await sessions.resolve(token), opts.onInternalError);
    for (const module of modules) await module.start?.();
    // Stories never counted (a database from before the copy desk) get their queue counts in the background.
    copyDesk.countUncounted();

    let closed = false;
    // Fold the write-ahead log into the database between bursts of work, so saves rarely pay for it.
    const idleCheckpoint = setInterval(() => {
      if (!closed) storage.idleWork();
    }, 30_000);
    idleCheckpoint.unref();
    let damaged: DatabaseRefused | null = null;
    let released = false;
    const integrity = storage.integrity;
    void integrity.then(async (refused) => {
      if (!refused || closed) return;
      damaged = refused;
      reportInternal('integrity', refused);
      closed = true;
      copyDesk.stop();
      await sessions.stop();
      await db.close();
    });
    return {
      dataDir: opts.dataDir,
      database: storage.description,
      exportFolder,
      packages,
      integrity,
      call: (token, method, input, client) => {
        // The refusal's own message names the file's full path: that is for the log and the shell.
        if (damaged)
          return Promise.reject(
            new ApiError(
              'INTERNAL',
              `Newsdesk stopped: its database (${DATABASE_FILE} in the data folder) failed its integrity check; the log has the details. Restore a backup.`,
            ),
          );
        if (closed) return Promise.reject(new ApiError('INTERNAL', 'Newsdesk is closing.'));
        return dispatcher.call(token, method, input, client);
      },
      authenticate: async (token, authOpts) => (damaged || closed ? null : ((await sessions.resolve(token, authOpts))?.staff ?? null)),
      firstAdminSetup: async () => {
        if (damaged || closed || (await countActiveAdminsWithPassword(db)) > 0) return null;
        const adminId = await firstActiveAdmin(db);
        return adminId === null ? null : await issueSetupCode(services, adminId, { actorId: null, firstAdmin: true });
      },
      sweepSessions: async () => (damaged || closed ? 0 : await sessions.sweep()),
      onEvent: (listener) => bus.on(listener),
      backup: (file) => storage.backup(file),
      idle: () => copyDesk.idle(),
      async close() {
        if (!closed) {
          closed = true;
          clearInterval(idleCheckpoint);
          copyDesk.stop();
          // A counting pass under way finishes before the database closes under it.
          await copyDesk.idle();
          for (const module of [...modules].reverse()) await module.stop?.();
          stopAnnouncing();
          await fanout?.stop();
        }
        // Also after a damaged database stopped the core: the folder is held until close().
        if (!released) {
          released = true;
          await storage.close();
        }
        await releaseMetadataReader();
      },
    };
  } catch (error) {
    await storage.close();
    void releaseMetadataReader();
    throw error;
  }
}
