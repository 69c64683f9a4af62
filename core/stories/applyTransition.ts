// The one place a story moves through the workflow, for stories.transition and for the
// scheduler's publish. What each move does (status, lock, milestone revision, fields, copy
// checks, a published version) is declared in shared/workflow.ts (TRANSITIONS); this applies it
// and records the move (audit event, change events). Callers check who may move the story and
// run this under services.serialize(story.id).

import { bodyText } from '../../shared/body.js';
import { approvalReview } from '../../shared/checks/index.js';
import type { Action, Finding, FindingCounts, Id, Staff, Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { NOTE_REQUIRED, PHOTO_EDITABLE, type Transition } from '../../shared/workflow.js';
import { freezeApprovedPhotoCredits, insertAuditEvent, setStoryLock, thawApprovedPhotoCredits, updateStoryWorkflow } from '../../db/index.js';
import { lockChanged, storyChanged } from '../changeEvents.js';
import { openCounts } from '../copyDesk/copyDesk.js';
import type { CoreServices } from '../services.js';
import { write } from '../write.js';
import { loadStory } from './loadStory.js';
import { liveLock, lockFor } from './locks.js';
import { keepRevision } from './revisions.js';
import { workflowOf } from './workflowFields.js';

export interface MoveRequest {
  /** The story as loaded under services.serialize. */
  story: Story;
  /** The action, or the scheduler's publish ('autoPublish', recorded as such). */
  name: Action | 'autoPublish';
  transition: Transition;
  actor: Staff;
  /** The actor's session (null for the scheduler): a lock the move takes is that computer's. */
  sessionId?: Id | null;
  /** The note given ('' for none). */
  note: string;
  /** The publishing time asked for (schedule), as given. */
  publishAt?: string | undefined;
  at: Date;
}

const PAST: Partial<Record<MoveRequest['name'], string>> = { approve: 'approved', schedule: 'scheduled' };

const messages = (findings: readonly Finding[]): string => findings.map((f) => f.message).join(' ');

/**
 * Refuses the move (INVALID_STATE, details {findings}) while a blocking finding is open, and an
 * approval also while a finding to decide before approval is neither fixed nor dismissed.
 */
async function assertChecksAllow(services: CoreServices, req: MoveRequest): Promise<void> {
  const review = approvalReview(await services.copyDesk.findings(req.story));
  const { blocking } = review;
  const undecided = req.transition.checks === 'approve' ? review.undecided : [];
  if (blocking.length === 0 && undecided.length === 0) return;
  const done = PAST[req.name] ?? 'published';
  const decide = `(fixed, or dismissed with a note saying why it stands): ${messages(undecided)}`;
  let message: string;
  if (blocking.length === 0) {
    message = `The story cannot be ${done} until ${undecided.length === 1 ? 'this finding is' : `these ${undecided.length} findings are`} decided ${decide}`;
  } else {
    message = `The story cannot be ${done} until the copy checks pass: ${messages(blocking)}`;
    if (undecided.length > 0) message += `${/[.!?]$/.test(message) ? '' : '.'} To decide before approval ${decide}`;
  }
  throw new ApiError('INVALID_STATE', message, { findings: [...blocking, ...undecided] });
}

/** What the move needs before it may happen: its note, a submitted story's parts, a future publishing time. */
function validate(req: MoveRequest): string | null {
  const { story, name } = req;
  if (name !== 'autoPublish' && NOTE_REQUIRED.has(name) && req.note === '') {
    throw new ApiError('VALIDATION', `A note is required to ${name === 'sendBack' ? 'send a story back' : name}.`, [{ path: 'note', message: 'required' }]);
  }
  if (name === 'submit') {
    const missing: string[] = [];
    if (story.headline.trim() === '') missing.push('headline');
    if (bodyText(story.body).trim() === '') missing.push('body');
    if (story.byline.length === 0) missing.push('byline');
    if (missing.length > 0) {
      throw new ApiError(
        'VALIDATION',
        `The story needs a ${missing.join(', ')} before it goes to the desk.`,
        missing.map((path) => ({ path, message: 'required' })),
      );
    }
  }
  if (req.transition.set.publishAt !== 'requested') return null;
  if (!req.publishAt) throw new ApiError('VALIDATION', 'Choose when to publish.', [{ path: 'publishAt', message: 'required' }]);
  const when = new Date(req.publishAt);
  if (!(when.getTime() > req.at.getTime())) {
    throw new ApiError('VALIDATION', 'The publishing time must be in the future.', [{ path: 'publishAt', message: 'must be in the future' }]);
  }
  return when.toISOString();
}

/** The audit note: the one given, else what the schedule said (and, published on time, which version). */
function auditNote(req: MoveRequest, publishAt: string | null, publishedVersion: number | null): string | null {
  if (req.note) return req.note;
  if (publishAt) return `Scheduled for ${publishAt}`;
  if (req.story.status === 'scheduled' && publishedVersion !== null) return `Scheduled for ${req.story.publishAt}; published as version ${publishedVersion}.`;
  return null;
}

/**
 * Moves the story as its transition declares; LOCKED while someone else holds its text lock.
 * A move that publishes writes the package first; the version's row and the move then commit
 * together (Publisher.publish's `commit`), or neither does. Returns the moved story.
 */
export async function applyTransition(services: CoreServices, req: MoveRequest): Promise<Story> {
  const { db } = services;
  const { story, transition: t, actor, at } = req;
  // Nobody moves a story out from under someone typing in it (their own lock is fine).
  const live = liveLock(story, at);
  if (live && live.staffId !== actor.id) {
    throw new ApiError('LOCKED', `${live.name} is editing this story; ask them to finish, or break the lock with a note.`, { lock: live });
  }
  const publishAt = validate(req);
  if (t.checks === 'block' || t.checks === 'approve') await assertChecksAllow(services, req);
  // The checks recorded with a submission: what the desk will find open.
  const openAtSubmit: FindingCounts | null = t.checks === 'record' ? openCounts(await services.copyDesk.findings(story)) : null;

  const move = async (publishedVersion: number | null): Promise<Story> =>
    await write(services, async (events) => {
      const current = await loadStory(db, story.id);
      if (current.status !== story.status) throw new ApiError('CONFLICT', 'The story changed while this was being done; try again.', { currentVersion: current.version });
      const lockNow = liveLock(current, at);
      if (lockNow && lockNow.staffId !== actor.id) throw new ApiError('LOCKED', `${lockNow.name} is editing this story.`, { lock: lockNow });
      const w = workflowOf(current, at.toISOString());
      w.status = t.to;
      const { set } = t;
      if (set.claimedBy !== undefined) w.claimedBy = set.claimedBy === 'actor' ? actor.id : null;
      if (set.sendBackNote !== undefined) w.sendBackNote = set.sendBackNote === 'note' ? req.note : null;
      if (set.correctionNote !== undefined) w.correctionNote = set.correctionNote === 'note' ? req.note : null;
      if (set.publishAt !== undefined) w.publishAt = set.publishAt === 'requested' ? publishAt : null;
      if (set.scheduledBy !== undefined) w.scheduledBy = set.scheduledBy === 'actor' ? actor.id : null;
      if (t.publishes === 'version') w.publishedVersions = Math.max(current.publishedVersions + 1, publishedVersion ?? 0);
      if (t.publishes === 'kill') w.publishedVersions = Math.max(current.publishedVersions, publishedVersion ?? 0);
      await updateStoryWorkflow(db, current.id, w);
      // What the desk approves of the photos is what publishes; back on the desk, the library's again.
      if (t.freezesPhotoCredits) await freezeApprovedPhotoCredits(db, current.id);
      else if (PHOTO_EDITABLE.has(w.status)) await thawApprovedPhotoCredits(db, current.id);
      const hadLock = current.lock;
      if (t.lock === 'take')
        await setStoryLock(db, current.id, lockFor(current, { staff: actor, sessionId: req.sessionId ?? null }, at, services.settings().lockTimeoutMinutes));
      else if (hadLock) await setStoryLock(db, current.id, null);
      const moved = await loadStory(db, current.id);
      if (t.milestone) await keepRevision(db, moved, t.milestone, actor, at);
      await insertAuditEvent(db, {
        storyId: current.id,
        actorId: actor.id,
        event: req.name,
        from: current.status,
        to: moved.status,
        note: auditNote(req, publishAt, publishedVersion),
        details: publishAt ? { publishAt } : publishedVersion !== null ? { publishedVersion } : openAtSubmit ? { openFindings: openAtSubmit } : undefined,
        at: at.toISOString(),
      });
      events.push(storyChanged(moved));
      if (hadLock !== null || moved.lock !== null) events.push(lockChanged(moved.id, moved.lock));
      return moved;
    });

  if (!t.publishes) return move(null);
  // The move's write joins the publisher's, which records the version: one commit, then the events.
  const done: { story?: Story } = {};
  await services.publisher.publish(story.id, actor, {
    ...(t.publishes === 'kill' ? { kill: { note: req.note } } : {}),
    commit: async (version) => {
      done.story = await move(version.version);
    },
  });
  if (!done.story) throw new ApiError('INTERNAL', 'Publishing did not record the story’s new status.');
  return done.story;
}
