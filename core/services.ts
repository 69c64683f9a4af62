// What every part of the core is handed: the database, the clock, the data folder, the event
// bus and the publisher. Handler modules receive this and nothing global.

import type Database from 'better-sqlite3';
import type { ChangeEvent, Id, PublishedVersionSummary, Settings, Staff } from '../shared/domain.js';
import type { CopyDesk } from './copyDesk/copyDesk.js';
import type { Handlers } from './dispatch.js';

export interface PublishOptions {
  kill?: { note: string };
  /**
   * Runs inside the one database transaction that records the version, with the version's
   * summary: the caller moves the story's status there (audit event, revision), so the row and
   * the status commit together or not at all. Throwing rolls everything back and removes the
   * package folder; the error reaches the caller unchanged.
   */
  commit?: (version: PublishedVersionSummary) => void;
}

export interface Publisher {
  /**
   * Writes the next published version of an approved (or, for a kill, published) story as an
   * immutable package (a temp folder renamed into place), then records it and runs
   * `opts.commit` in one transaction; the export copy runs only after that commit. Throws an
   * ApiError and leaves nothing behind (no folder, no row, no status change) when it cannot.
   */
  publish(storyId: Id, actor: Staff, opts?: PublishOptions): Promise<PublishedVersionSummary>;
  /** Exactly the HTML publishing would write now. */
  preview(storyId: Id): Promise<string>;
}

export interface CoreServices {
  /** Only ever passed to functions in db/: the core holds no SQL. */
  db: Database.Database;
  dataDir: string;
  now(): Date;
  emit(event: ChangeEvent): void;
  settings(): Settings;
  /** The folder published packages are also copied to (full path), or null; set outside the API (exportFolder.ts). */
  exportDir(): string | null;
  /**
   * Runs `fn` when no other serialised work on the same story is running: status changes
   * (stories.transition) and the scheduler's publish go one at a time per story.
   */
  serialize<T>(storyId: Id, fn: () => Promise<T>): Promise<T>;
  publisher: Publisher;
  /** The copy checks on saved stories and the queue's counts of open findings. */
  copyDesk: CopyDesk;
}

/** A slice of the core: some of the contract's handlers, and work that runs while the core is open. */
export interface CoreModule {
  handlers: Partial<Handlers>;
  /** Called once the core is open (e.g. to publish stories that fell due while the app was closed). */
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}
