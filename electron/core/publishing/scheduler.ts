// Publishes scheduled stories when their time comes: at start (stories that fell due while the
// app was closed) and every CHECK_MS after. The automatic publish is recorded as an
// 'autoPublish' audit event whose actor is the desk editor who scheduled the story.

import { insertAuditEvent } from '../../../db/audit.js';
import { dueScheduledStories } from '../../../db/published.js';
import { insertRevision } from '../../../db/revisions.js';
import { getStaff } from '../../../db/staff.js';
import { getStory, setStoryLock, updateStoryWorkflow } from '../../../db/stories.js';
import { inTransaction } from '../../../db/statements.js';
import type { Id } from '../../../shared/domain.js';
import type { CoreServices } from '../services.js';

export const CHECK_MS = 15_000;

export interface SchedulerResult {
  published: Id[];
  failed: { id: Id; error: string }[];
}

/** One pass: publishes every story due now. Failures leave the story scheduled, to be retried next pass. */
export async function publishDue(services: CoreServices, log: (msg: string) => void = (m) => console.warn(m)): Promise<SchedulerResult> {
  const { db } = services;
  const result: SchedulerResult = { published: [], failed: [] };
  for (const due of dueScheduledStories(db, services.now().toISOString())) {
    try {
      const actor = due.scheduledBy !== null ? getStaff(db, due.scheduledBy) : null;
      if (!actor) throw new Error('nobody is recorded as having scheduled it');
      const summary = await services.publisher.publish(due.id, actor);
      const at = services.now().toISOString();
      const story = inTransaction(db, () => {
        const s = getStory(db, due.id);
        if (!s || s.status !== 'scheduled') return null; // unscheduled meanwhile: the version stands, status untouched
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
          note: `Scheduled for ${due.publishAt}; published as version ${summary.version}.`,
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
        return getStory(db, s.id);
      });
      if (story) {
        services.emit({ type: 'story.changed', storyId: story.id, status: story.status, version: story.version });
        result.published.push(story.id);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`[scheduler] story ${due.id} is due but could not be published: ${message}`);
      result.failed.push({ id: due.id, error: message });
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
