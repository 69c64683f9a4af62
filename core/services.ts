// What every part of the core is handed: the database, the clock, the data folder, the event
// bus, the publisher and the copy desk (their interfaces here; createPublisher in
// publishing/publisher.ts, createCopyDesk in copyDesk/copyDesk.ts). Handler modules receive this
// and nothing global.

import type { Db } from '../db/index.js';
import type { ChangeEvent, Finding, Id, PublishedVersionSummary, Settings, Staff, Story } from '../shared/domain.js';

export interface PublishOptions {
  kill?: { note: string };
  /**
   * Runs inside the one write (core/write.ts) that records the version, with the version's
   * summary: the caller moves the story's status there (audit event, revision) with a write of
   * its own, which joins that one, so the row and the status commit together or not at all and
   * its events go out after the commit. Throwing rolls everything back and removes the package
   * folder; the error reaches the caller unchanged.
   */
  commit?: (version: PublishedVersionSummary) => Promise<void>;
}

export interface Publisher {
  /**
   * Writes the next published version of an approved (or, for a kill, published) story as an
   * immutable package (a temp folder renamed into place), then records it and runs
   * `opts.commit` in one transaction; the export copy runs only after that commit. Throws an
   * ApiError and leaves nothing behind (no folder, no row, no status change) when it cannot.
   */
  publish(storyId: Id, actor: Staff, opts?: PublishOptions): Promise<PublishedVersionSummary>;
  /** The HTML publishing would write now, except that the line under the byline says it is not published yet (or when it is scheduled to be). */
  preview(storyId: Id): Promise<string>;
}

export interface CoreServices {
  /** Only ever passed to functions in db/: the core holds no SQL. */
  db: Db;
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

export interface CopyDesk {
  /** Every finding on the saved story; those a desk editor dismissed carry `dismissed`. */
  findings(story: Story): Promise<Finding[]>;
  /** Counts the story's open findings again soon (after the current write is acknowledged). */
  recountSoon(storyId: Id): void;
  /** The check settings changed: every story in the workflow is counted again, in the background. */
  recountAll(): Promise<void>;
  /** Counts, in the background, the stories in the workflow that were never counted. */
  countUncounted(): void;
  /** Settles when no counting is pending (tests, and closing). */
  idle(): Promise<void>;
  stop(): void;
}
