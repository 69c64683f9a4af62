// What every part of the core is handed: the database, the clock, the data folder, the event
// bus and the publisher. Handler modules receive this and nothing global.

import type Database from 'better-sqlite3';
import type { ChangeEvent, Id, PublishedVersionSummary, Settings, Staff } from '../../shared/domain.js';
import type { Handlers } from './dispatch.js';

export interface Publisher {
  /**
   * Writes the next published version of an approved (or, for a kill, published) story as an
   * immutable package and records it. Throws an ApiError and leaves nothing behind when it
   * cannot; the caller then keeps the story where it was.
   */
  publish(storyId: Id, actor: Staff, opts?: { kill?: { note: string } }): Promise<PublishedVersionSummary>;
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
  publisher: Publisher;
}

/** A slice of the core: some of the contract's handlers, and work that runs while the core is open. */
export interface CoreModule {
  handlers: Partial<Handlers>;
  /** Called once the core is open (e.g. to publish stories that fell due while the app was closed). */
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}
