// The newsroom core: opens the database, builds the services every handler module receives,
// composes the handlers and dispatches calls. Plain Node — the desktop shell, the loopback HTTP
// bridge and the tests all drive it through `call` and `onEvent`.

import fs from 'node:fs';
import path from 'node:path';
import type { ChangeEvent, Staff } from '../../shared/domain.js';
import { backupDatabase, checkpoint, checkInBackground, checkWasDeferred, getStaff, openDatabase, type DatabaseRefused, type Db } from '../../db/index.js';
import { ApiError } from '../../shared/errors.js';
import { createCopyDesk } from './copyDesk.js';
import { createDispatcher } from './dispatch.js';
import { ensureFirstAdmin, seedDemo } from './demo.js';
import { EventBus } from './events.js';
import { commentsModule } from './handlers/comments.js';
import { composeHandlers } from './handlers/index.js';
import { photoModule } from './handlers/photos.js';
import { publishingModule } from './handlers/published.js';
import { sessionModule } from './handlers/session.js';
import { settingsModule } from './handlers/settings.js';
import { storiesModule } from './handlers/stories.js';
import { createPublisher } from './publishing/publisher.js';
import type { CoreModule, CoreServices, Publisher } from './services.js';
import { Sessions } from './sessions.js';
import { KeyedMutex } from './write.js';
import { SettingsStore } from './settingsStore.js';

export interface Core {
  call(token: string | null, method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (e: ChangeEvent) => void): () => void;
  /** Online backup of the database to `file` while the core keeps running. */
  backup(file: string): Promise<void>;
  readonly dataDir: string;
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
}

export const DATABASE_FILE = 'newsdesk.db';

export async function createCore(opts: CoreOptions): Promise<Core> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, DATABASE_FILE);
  const db: Db = openDatabase(file, { check: 'auto' });
  try {
    const bus = new EventBus();
    const settings = new SettingsStore(db);
    const sessions = new Sessions();
    const storyMutex = new KeyedMutex();
    const reportInternal = opts.onInternalError ?? ((_m: string, e: unknown) => console.error('[core]', e));
    const base: Omit<CoreServices, 'publisher' | 'copyDesk'> = {
      db,
      dataDir: opts.dataDir,
      now: opts.now ?? (() => new Date()),
      emit: (event) => bus.emit(event),
      settings: () => settings.get(),
      serialize: (storyId, fn) => storyMutex.run(storyId, fn),
    };
    const copyDesk = createCopyDesk(base, (listener) => bus.on(listener), (error) => reportInternal('copyDesk', error));
    const services: CoreServices = { ...base, publisher: (opts.publisher ?? createPublisher)(base), copyDesk };

    if (opts.demo) seedDemo(services);
    else ensureFirstAdmin(services);

    const modules: CoreModule[] = [
      sessionModule(services, sessions),
      storiesModule(services),
      commentsModule(services),
      settingsModule(services, settings),
      photoModule(services),
      publishingModule(services),
      ...(opts.modules ?? []).map((factory) => factory(services)),
    ];
    const dispatcher = createDispatcher(
      composeHandlers(modules),
      (token): Staff | null => {
        const id = sessions.staffId(token);
        if (id === null) return null;
        const staff = getStaff(db, id);
        return staff && staff.active ? staff : null;
      },
      opts.onInternalError,
    );
    for (const module of modules) await module.start?.();
    // Stories never counted (a database from before the copy desk) get their queue counts in the background.
    copyDesk.countUncounted();

    let closed = false;
    // Fold the write-ahead log into the database between bursts of work, so saves rarely pay for it.
    const idleCheckpoint = setInterval(() => {
      if (!closed) checkpoint(db);
    }, 30_000);
    idleCheckpoint.unref();
    let damaged: DatabaseRefused | null = null;
    const integrity = checkWasDeferred(db) ? checkInBackground(file) : Promise.resolve(null);
    void integrity.then((refused) => {
      if (!refused || closed) return;
      damaged = refused;
      reportInternal('integrity', refused);
      closed = true;
      copyDesk.stop();
      db.close();
    });
    return {
      dataDir: opts.dataDir,
      integrity,
      call: (token, method, input) => {
        if (damaged) return Promise.reject(new ApiError('INTERNAL', damaged.message));
        if (closed) return Promise.reject(new ApiError('INTERNAL', 'Newsdesk is closing.'));
        return dispatcher.call(token, method, input);
      },
      onEvent: (listener) => bus.on(listener),
      backup: (file) => backupDatabase(db, file),
      idle: () => copyDesk.idle(),
      async close() {
        if (closed) return;
        closed = true;
        clearInterval(idleCheckpoint);
        copyDesk.stop();
        for (const module of [...modules].reverse()) await module.stop?.();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
