// The story workflow and the permission matrix as pure functions, and
// each move's effects as data (TRANSITIONS): the core's applyTransition (core/stories/) applies
// them for stories.transition and the scheduler; the UI shows buttons with them. Nothing else decides.

import type { Action, Id, RevisionReason, Role, Severity, Status, StoryLock, Timestamp } from './domain.js';

/** What the rules need to know about a story. */
export interface WorkflowStory {
  status: Status;
  /** Who is on the byline now: they submit, recall and write the draft. */
  bylineIds: Id[];
  /**
   * Everyone who created the story or was ever on its byline, including people since removed
   * from it. Four eyes looks at these, so dropping your own name does not let you approve.
   */
  authorIds: Id[];
  /**
   * Each writer's share of the current text in whole percent of its words, as the core tracks it
   * save by save. A desk editor past APPROVE_ALONE_MAX_SHARE counts as an author for four eyes.
   */
  textShares: readonly { staffId: Id; percent: number }[];
  createdBy: Id;
  claimedBy: Id | null;
}

/** What the rules need to know about the signed-in person. */
export interface Person {
  id: Id;
  roles: Role[];
}

/**
 * What a move does to the story's workflow fields besides its status. Unnamed fields stay as
 * they are. 'actor' is the person moving it, 'note' the note they gave, 'requested' the
 * publishing time asked for; null clears the field.
 */
export interface FieldEffects {
  claimedBy?: 'actor' | null;
  sendBackNote?: 'note' | null;
  correctionNote?: 'note' | null;
  publishAt?: 'requested' | null;
  scheduledBy?: 'actor' | null;
}

export interface Transition {
  from: readonly Status[];
  to: Status;
  /** The text lock afterwards: the mover takes it (they edit next), or it is released. */
  lock: 'take' | 'release';
  /** The revision kept after the move, labelled so in the history; null keeps none. */
  milestone: Extract<RevisionReason, Action> | null;
  set: FieldEffects;
  /**
   * The copy checks: 'block' refuses the move while a blocking finding is open; 'approve' also
   * while a finding to decide before approval is open and not dismissed (approving is where the
   * desk decides); 'record' runs them and records the open counts with the move.
   */
  checks?: 'block' | 'approve' | 'record';
  /**
   * Writes a published version that commits with the move: 'version' the story (the count of
   * published versions goes up by one), 'kill' a kill notice (the count follows the recorded version).
   */
  publishes?: 'version' | 'kill';
  /** The photos' creator and copyright are frozen as approved (what the desk approved publishes). */
  freezesPhotoCredits?: true;
}

export const TRANSITIONS: Record<Action, Transition> = {
  submit: { from: ['draft'], to: 'submitted', lock: 'release', milestone: 'submit', set: { sendBackNote: null }, checks: 'record' },
  recall: { from: ['submitted'], to: 'draft', lock: 'release', milestone: null, set: {} },
  claim: { from: ['submitted'], to: 'editing', lock: 'take', milestone: 'claim', set: { claimedBy: 'actor' } },
  sendBack: { from: ['submitted', 'editing'], to: 'draft', lock: 'release', milestone: 'sendBack', set: { claimedBy: null, sendBackNote: 'note' } },
  approve: { from: ['editing'], to: 'approved', lock: 'release', milestone: 'approve', set: {}, checks: 'approve', freezesPhotoCredits: true },
  reopen: { from: ['approved', 'scheduled'], to: 'editing', lock: 'take', milestone: null, set: { claimedBy: 'actor', publishAt: null, scheduledBy: null } },
  publish: {
    from: ['approved'],
    to: 'published',
    lock: 'release',
    milestone: 'publish',
    set: { claimedBy: null, correctionNote: null, publishAt: null, scheduledBy: null },
    checks: 'block',
    publishes: 'version',
  },
  schedule: { from: ['approved'], to: 'scheduled', lock: 'release', milestone: null, set: { publishAt: 'requested', scheduledBy: 'actor' }, checks: 'block' },
  unschedule: { from: ['scheduled'], to: 'approved', lock: 'release', milestone: null, set: { publishAt: null, scheduledBy: null } },
  correct: { from: ['published'], to: 'editing', lock: 'take', milestone: 'correct', set: { claimedBy: 'actor', correctionNote: 'note' } },
  kill: { from: ['published'], to: 'killed', lock: 'release', milestone: null, set: {}, publishes: 'kill' },
  spike: {
    from: ['draft', 'submitted', 'editing', 'approved', 'scheduled'],
    to: 'spiked',
    lock: 'release',
    milestone: null,
    set: { publishAt: null, scheduledBy: null },
  },
  unspike: { from: ['spiked'], to: 'draft', lock: 'release', milestone: null, set: { claimedBy: null } },
};

/**
 * The scheduler's move when a scheduled story's time comes: a publish (the same effects, as the
 * desk editor who scheduled it), from 'scheduled', recorded as 'autoPublish'.
 */
export const SCHEDULED_PUBLISH: Transition & { audit: 'autoPublish' } = { ...TRANSITIONS.publish, from: ['scheduled'], audit: 'autoPublish' };

/** Actions that must carry a note (shown to the reporter, or printed with the story). */
export const NOTE_REQUIRED: ReadonlySet<Action> = new Set<Action>(['sendBack', 'correct', 'kill']);

/**
 * The largest share of a story's current text (in percent of its words) a desk editor may have
 * written and still approve it alone. Copy-editing changes a few words in a hundred; past this
 * the desk editor rewrote the story, and another desk editor must approve it.
 */
export const APPROVE_ALONE_MAX_SHARE = 30;

/** Statuses in which a photo editor may still attach, detach, reorder and re-caption photos. */
export const PHOTO_EDITABLE: ReadonlySet<Status> = new Set<Status>(['draft', 'submitted', 'editing']);

export const hasRole = (person: Person, role: Role): boolean => person.roles.includes(role);
export const isDeskEditor = (person: Person): boolean => hasRole(person, 'desk_editor');
/** Importing photos and editing the library's metadata is the photo desk's job. */
export const isPhotoEditor = (person: Pick<Person, 'roles'>): boolean => person.roles.includes('photo_editor');
export const isAuthor = (story: WorkflowStory, person: Person): boolean => story.bylineIds.includes(person.id);
/** Wrote the story at any time: created it, is on the byline, or ever was (four eyes). */
export const hasWritten = (story: WorkflowStory, person: Person): boolean =>
  story.createdBy === person.id || story.authorIds.includes(person.id) || isAuthor(story, person);

/** The person's share of the story's current text, in percent (0 when they wrote none of it). */
export const textShareOf = (story: WorkflowStory, person: Person): number => story.textShares.find((s) => s.staffId === person.id)?.percent ?? 0;

/**
 * Why four eyes stops `person` approving `story` alone, or null when it does not: they created it,
 * are or were on its byline, or wrote more than APPROVE_ALONE_MAX_SHARE of its current text.
 */
function fourEyesRefusal(story: WorkflowStory, person: Person): string | null {
  if (isAuthor(story, person)) return 'You cannot approve a story you are a byline on: another desk editor must approve it.';
  if (hasWritten(story, person)) return 'You cannot approve a story you wrote or were a byline on: another desk editor must approve it.';
  const share = textShareOf(story, person);
  if (share > APPROVE_ALONE_MAX_SHARE) {
    return `You wrote ${share}% of this story's text; the desk's limit for approving alone is ${APPROVE_ALONE_MAX_SHARE}%: another desk editor must approve it.`;
  }
  return null;
}

/** Whether `person` may take `action` on `story` by role alone, ignoring the status. */
function permitted(action: Action, story: WorkflowStory, person: Person): boolean {
  const desk = isDeskEditor(person);
  // Only people who write may use the writing side of the workflow.
  const writer = hasRole(person, 'reporter') || desk;
  switch (action) {
    case 'submit':
    case 'recall':
      return writer && isAuthor(story, person);
    case 'approve':
      // Four eyes: a desk editor never approves a story they wrote.
      return desk && fourEyesRefusal(story, person) === null;
    case 'spike':
      return desk || (writer && story.status === 'draft' && isAuthor(story, person));
    case 'claim':
    case 'sendBack':
    case 'reopen':
    case 'publish':
    case 'schedule':
    case 'unschedule':
    case 'correct':
    case 'kill':
    case 'unspike':
      return desk;
  }
}

/** Why `person` may not take `action` on `story` now, or null when they may. */
export function refusal(action: Action, story: WorkflowStory, person: Person): { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string } | null {
  const transition = TRANSITIONS[action];
  if (!permitted(action, story, person)) {
    const fourEyes = action === 'approve' && isDeskEditor(person) ? fourEyesRefusal(story, person) : null;
    if (fourEyes) return { code: 'FORBIDDEN', message: fourEyes };
    return { code: 'FORBIDDEN', message: `You may not ${ACTION_VERBS[action]} this story.` };
  }
  if (!transition.from.includes(story.status)) {
    return {
      code: 'INVALID_STATE',
      message: `A story that is ${story.status} cannot be ${ACTION_PAST[action]}; it must be ${transition.from.join(' or ')}.`,
    };
  }
  return null;
}

/** Every action the person may take on the story right now. The one source of truth for buttons and enforcement. */
export function allowedActions(story: WorkflowStory, person: Person): Action[] {
  return (Object.keys(TRANSITIONS) as Action[]).filter((action) => refusal(action, story, person) === null);
}

/** Who may change the story's text in its current status (the lock decides between them). */
export function textEditRefusal(story: WorkflowStory, person: Person): { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string } | null {
  if (story.status === 'draft') {
    return isAuthor(story, person) && (hasRole(person, 'reporter') || isDeskEditor(person))
      ? null
      : { code: 'FORBIDDEN', message: 'Only an author on the byline may edit a draft.' };
  }
  if (story.status === 'editing') {
    if (!isDeskEditor(person)) return { code: 'FORBIDDEN', message: 'Only the desk editor handling the story may edit it now.' };
    return story.claimedBy === null || story.claimedBy === person.id ? null : { code: 'FORBIDDEN', message: 'Another desk editor has claimed this story.' };
  }
  return { code: 'INVALID_STATE', message: `A story that is ${story.status} cannot be edited.` };
}

export function canEditText(story: WorkflowStory, person: Person): boolean {
  return textEditRefusal(story, person) === null;
}

/** A lock still counts until it expires. */
export function isLockLive(lock: StoryLock | null, now: Timestamp): lock is StoryLock {
  return lock !== null && lock.expiresAt > now;
}

/** Photo editors (and the story's text editors) may change a story's photos until it is approved. */
export function photoEditRefusal(story: WorkflowStory, person: Person): { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string } | null {
  // Desk editors and the authors of a draft may also place photos; photo editors may on any story.
  if (!hasRole(person, 'photo_editor') && !isDeskEditor(person) && !canEditText(story, person)) {
    return { code: 'FORBIDDEN', message: 'Only a photo editor may change the photos of this story.' };
  }
  if (!PHOTO_EDITABLE.has(story.status)) {
    return { code: 'INVALID_STATE', message: `Photos cannot change on a story that is ${story.status}.` };
  }
  return null;
}

/**
 * Why `person` may not dismiss a finding of this severity, or null. The desk decides which
 * warnings do not apply; a blocking finding is fixed, never dismissed.
 */
export function dismissRefusal(person: Person, severity: Severity): { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string } | null {
  if (!isDeskEditor(person)) return { code: 'FORBIDDEN', message: 'Only a desk editor may dismiss a copy-check finding.' };
  if (severity === 'blocking') return { code: 'INVALID_STATE', message: 'A blocking finding cannot be dismissed; fix it before the story is approved.' };
  return null;
}

export const ACTION_VERBS: Record<Action, string> = {
  submit: 'submit',
  recall: 'recall',
  claim: 'claim',
  sendBack: 'send back',
  approve: 'approve',
  reopen: 'reopen',
  publish: 'publish',
  schedule: 'schedule',
  unschedule: 'unschedule',
  correct: 'correct',
  kill: 'kill',
  spike: 'spike',
  unspike: 'unspike',
};

const ACTION_PAST: Record<Action, string> = {
  submit: 'submitted',
  recall: 'recalled',
  claim: 'claimed',
  sendBack: 'sent back',
  approve: 'approved',
  reopen: 'reopened',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'unscheduled',
  correct: 'reopened for correction',
  kill: 'killed',
  spike: 'spiked',
  unspike: 'unspiked',
};

/** Button labels, named by what they do (the UI's accessible names). */
export const ACTION_LABELS: Record<Action, string> = {
  submit: 'Submit to desk',
  recall: 'Recall',
  claim: 'Claim',
  sendBack: 'Send back',
  approve: 'Approve',
  reopen: 'Reopen',
  publish: 'Publish',
  schedule: 'Schedule',
  unschedule: 'Unschedule',
  correct: 'Correct',
  kill: 'Kill',
  spike: 'Spike',
  unspike: 'Unspike',
};
