// Publishes scheduled stories when their time comes: at start (stories that fell due while the
// app was closed) and every CHECK_MS after. The automatic publish is recorded as an
// 'autoPublish' audit event whose actor is the desk editor who scheduled the story.
//
// Each publish runs under the story's lock in services.serialize, the same one stories.transition
// takes, and re-checks there that the story is still scheduled and due: a spike, unschedule or
// reopen that got in first means no publish at all. The version's row and the status move
// commit in one transaction (Publisher.publish's `commit`). A failure leaves the story scheduled
// for the next pass and is recorded once per distinct error as a 'scheduleFailed' audit event.

import { insertAuditEvent, listAuditEvents } from '../../db/audit.js';
import { dueScheduledStories } from '../../db/published.js';
import { insertRevision } from '../../db/revisions.js';
import { getStaff } from '../../db/staff.js';
import { getStory, setStoryLock, updateStoryWorkflow } from '../../db/stories.js';
import { inTransaction } from '../../db/statements.js';
import { blockingFindings } from '../../shared/checks/index.js';
import type { Id, Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import type { CoreServices } from '../services.js';

export const CHECK_MS = 15_000;

export interface SchedulerResult {
  published: Id[];
  failed: { id: Id; error: string }[];
}

/** Publishes one due story under its lock; null when it is no longer scheduled and due. */
async function publishOne(services: CoreServices, id: Id): Promise<Story | null> {
  const { db } = services;
  return services.serialize(id, async () => {
    const due = getStory(db, id);
    if (!due || due.status !== 'scheduled' || due.publishAt === null || due.publishAt > services.now().toISOString()) return null;
    const actor = due.scheduledBy !== null ? getStaff(db, due.scheduledBy) : null;
    if (!actor) throw new Error('nobody is recorded as having scheduled it');
    // A caption or credit removed since it was scheduled stops it, as it would stop a publish by hand.
    const blocking = blockingFindings(services.copyDesk.findings(due));
    if (blocking.length > 0) {
      throw new ApiError('INVALID_STATE', `The copy checks do not pass: ${blocking.map((f) => f.message).join(' ')}`, { findings: blocking });
    }
    const done: { story: Story | null } = { story: null };
    await services.publisher.publish(id, actor, {
      commit: (summary) => {
        const at = services.now().toISOString();
        const s = getStory(db, id);
        // Nothing else moves a story while we hold its lock; should something have, publish nothing.
        if (!s || s.status !== 'scheduled') throw new ApiError('CONFLICT', 'The story is no longer scheduled.');
        updateStoryWorkflow(db, s.id, {
          status: 'published',
          claimedBy: null,
          sendBackNote: null,
          correctionNote: null,
          publishAt: null,
          scheduledBy: s.scheduledBy,
          publishedVersions: summary.version,
          at,
        });
        if (s.lock) setStoryLock(db, s.id, null);
        insertAuditEvent(db, {
          storyId: s.id,
          actorId: actor.id,
          event: 'autoPublish',
          from: 'scheduled',
          to: 'published',
          note: `Scheduled for ${s.publishAt}; published as version ${summary.version}.`,
          details: { publishedVersion: summary.version },
          at,
        });
        insertRevision(db, {
          storyId: s.id,
          version: s.version,
          reason: 'publish',
          authorId: actor.id,
          at,
          wordCount: s.wordCount,
          content: { headline: s.headline, subheadlines: s.subheadlines, body: s.body },
        });
        done.story = getStory(db, s.id);
      },
    });
    return done.story;
  });
}

/**
 * Records a failed automatic publish as a 'scheduleFailed' audit event, unless the same error
 * was already recorded since the story was last scheduled. Returns whether it recorded one.
 */
function recordFailure(services: CoreServices, id: Id, message: string): boolean {
  const { db } = services;
  return inTransaction(db, () => {
    const story = getStory(db, id);
    if (!story || story.status !== 'scheduled') return false;
    const actorId = story.scheduledBy ?? story.createdBy;
    const events = listAuditEvents(db, id);
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e.event === 'scheduleFailed') {
        if (e.note === message) return false;
        break;
      }
      if (e.event === 'schedule') break;
    }
    insertAuditEvent(db, {
      storyId: id,
      actorId,
      event: 'scheduleFailed',
      from: 'scheduled',
      to: 'scheduled',
      note: message,
      details: { publishAt: story.publishAt },
      at: services.now().toISOString(),
    });
    return true;
  });
}

/** One pass: publishes every story due now. Failures leave the story scheduled, to be retried next pass. */
export async function publishDue(services: CoreServices, log: (msg: string) => void = (m) => console.warn(m)): Promise<SchedulerResult> {
  const { db } = services;
  const result: SchedulerResult = { published: [], failed: [] };
  for (const due of dueScheduledStories(db, services.now().toISOString())) {
    try {
      const story = await publishOne(services, due.id);
      if (story) {
        services.emit({ type: 'story.changed', storyId: story.id, status: story.status, version: story.version });
        result.published.push(story.id);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`[scheduler] story ${due.id} is due but could not be published: ${message}`);
      result.failed.push({ id: due.id, error: message });
      try {
        if (recordFailure(services, due.id, message)) {
          const story = getStory(db, due.id);
          if (story) services.emit({ type: 'story.changed', storyId: story.id, status: story.status, version: story.version });
        }
      } catch (recordError) {
        log(`[scheduler] could not record the failure of story ${due.id}: ${(recordError as Error).message}`);
      }
    }
  }
  return result;
}

/** Runs publishDue now and every CHECK_MS until stopped; passes never overlap. */
export function startScheduler(services: CoreServices, intervalMs = CHECK_MS): { stop(): void; idle(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    running = running.then(() => (stopped ? undefined : publishDue(services))).catch(() => undefined);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    idle: () => running.then(() => undefined),
  };
}
