// Publishes scheduled stories when their time comes: at start (stories that fell due while the
// app was closed) and every CHECK_MS after. The publish is stories/applyTransition's, with the
// workflow's SCHEDULED_PUBLISH move (a desk editor's publish, recorded as 'autoPublish', whose
// actor is the desk editor who scheduled the story).
//
// Each publish runs under the story's lock in services.serialize, the same one stories.transition
// takes, and re-checks there that the story is still scheduled and due: a spike, unschedule or
// reopen that got in first means no publish at all. The version's row and the status move
// commit in one transaction (Publisher.publish's `commit`). A failure leaves the story scheduled
// for the next pass and is recorded once per distinct error as a 'scheduleFailed' audit event.
//
// With several server processes on one PostgreSQL database, only the one holding the scheduler's
// leadership lock runs the passes; the others try to take it every LEADER_RETRY_MS and do so when
// the leader stops or its connection dies (PostgreSQL releases the lock with it). A publish that
// two leaders might still overlap on (one losing its lock mid-pass) is kept single by the story's
// lock and the re-check under it.

import { insertAuditEvent, listAuditEvents } from '../../db/audit.js';
import { NEWSDESK_LOCK_SPACE, type PostgresSql } from '../../db/index.js';
import { dueScheduledStories } from '../../db/published.js';
import { getStaff } from '../../db/staff.js';
import { getStory } from '../../db/stories.js';
import type { Id, Story } from '../../shared/domain.js';
import { SCHEDULED_PUBLISH } from '../../shared/workflow.js';
import { storyChanged } from '../changeEvents.js';
import type { CoreServices } from '../services.js';
import { sharedDatabase } from '../storage.js';
import { applyTransition } from '../stories/applyTransition.js';
import { write } from '../write.js';

export const CHECK_MS = 15_000;
/** How often a process that does not lead tries to take over (when the leader is gone). */
export const LEADER_RETRY_MS = 3_000;
/** The advisory lock whose holder runs the scheduler. */
export const SCHEDULER_LEADER_KEY = [NEWSDESK_LOCK_SPACE, 1] as const;

export interface SchedulerResult {
  published: Id[];
  failed: { id: Id; error: string }[];
}

/** Publishes one due story under its lock; null when it is no longer scheduled and due. */
async function publishOne(services: CoreServices, id: Id): Promise<Story | null> {
  const { db } = services;
  return services.serialize(id, async () => {
    const at = services.now();
    const due = await getStory(db, id);
    if (!due || due.status !== 'scheduled' || due.publishAt === null || due.publishAt > at.toISOString()) return null;
    const actor = due.scheduledBy !== null ? await getStaff(db, due.scheduledBy) : null;
    if (!actor) throw new Error('nobody is recorded as having scheduled it');
    // The same move as a desk editor's publish (copy checks included), as the one who scheduled it.
    return applyTransition(services, { story: due, name: 'autoPublish', transition: SCHEDULED_PUBLISH, actor, note: '', at });
  });
}

/**
 * Records a failed automatic publish as a 'scheduleFailed' audit event, unless the same error
 * was already recorded since the story was last scheduled. Returns whether it recorded one.
 */
async function recordFailure(services: CoreServices, id: Id, message: string): Promise<boolean> {
  const { db } = services;
  return await write(services, async (changes) => {
    const story = await getStory(db, id);
    if (!story || story.status !== 'scheduled') return false;
    const actorId = story.scheduledBy ?? story.createdBy;
    const events = await listAuditEvents(db, id);
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e.event === 'scheduleFailed') {
        if (e.note === message) return false;
        break;
      }
      if (e.event === 'schedule') break;
    }
    await insertAuditEvent(db, {
      storyId: id,
      actorId,
      event: 'scheduleFailed',
      from: 'scheduled',
      to: 'scheduled',
      note: message,
      details: { publishAt: story.publishAt },
      at: services.now().toISOString(),
    });
    changes.push(storyChanged(story));
    return true;
  });
}

/** One pass: publishes every story due now. Failures leave the story scheduled, to be retried next pass. */
export async function publishDue(services: CoreServices, log: (msg: string) => void = (m) => console.warn(m)): Promise<SchedulerResult> {
  const { db } = services;
  const result: SchedulerResult = { published: [], failed: [] };
  for (const due of await dueScheduledStories(db, services.now().toISOString())) {
    try {
      const story = await publishOne(services, due.id);
      if (story) result.published.push(story.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`[scheduler] story ${due.id} is due but could not be published: ${message}`);
      result.failed.push({ id: due.id, error: message });
      try {
        await recordFailure(services, due.id, message);
      } catch (recordError) {
        log(`[scheduler] could not record the failure of story ${due.id}: ${(recordError as Error).message}`);
      }
    }
  }
  return result;
}

/**
 * Runs publishDue now and every CHECK_MS until stopped; passes never overlap. On a shared database
 * only while this process leads: until then it tries to take the lead every `retryMs`, and runs a
 * pass as soon as it does.
 */
export function startScheduler(services: CoreServices, intervalMs = CHECK_MS, retryMs = LEADER_RETRY_MS): { stop(): void; idle(): Promise<void> } {
  const shared = sharedDatabase(services.db);
  let leadership: Awaited<ReturnType<PostgresSql['tryLeadership']>> = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const leads = async (): Promise<boolean> => {
    if (!shared || leadership?.held()) return true;
    try {
      leadership = await shared.tryLeadership(SCHEDULER_LEADER_KEY);
    } catch {
      // The database is out of reach: the next try comes soon enough.
      leadership = null;
    }
    if (leadership) console.log('[scheduler] this server process now runs the scheduler');
    return leadership !== null;
  };
  const tick = (): void => {
    if (stopped) return;
    running = running.then(async () => (!stopped && (await leads()) ? publishDue(services) : undefined)).catch(() => undefined);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  const retry = shared
    ? setInterval(() => {
        if (!leadership?.held()) tick();
      }, retryMs)
    : null;
  retry?.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      if (retry) clearInterval(retry);
      // After the pass under way: another process takes over at once.
      running = running.then(() => leadership?.release()).catch(() => undefined);
    },
    idle: () => running.then(() => undefined),
  };
}
