// stories.*: create, read, list and search, save with optimistic versions and the text lock,
// workflow transitions, locks, history, diff, restore and copy checks. Every rule comes from
// shared/workflow.ts; this module only applies them.

import { attributeSave, countWordsByWriter } from '../../shared/authorship.js';
import { bodyText, emptyDoc, validateBody } from '../../shared/body.js';
import { blockingFindings, openFindingCounts } from '../../shared/checks/index.js';
import { diffWords } from '../../shared/diff.js';
import { reconcileFigures } from '../../shared/figures.js';
import type { Action, ChangeEvent, Finding, Staff, Story, StoryLock } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import type { ParsedInput } from '../../shared/contract.js';
import {
  allowedActions,
  dismissRefusal,
  isAuthor,
  isDeskEditor,
  hasRole,
  NOTE_REQUIRED,
  PHOTO_EDITABLE,
  photoEditRefusal,
  refusal,
  TRANSITIONS,
  textEditRefusal,
} from '../../shared/workflow.js';
import {
  deleteDismissal,
  deskExists,
  freezeApprovedPhotoCredits,
  getRevision,
  getStoryTextVersion,
  getTextAuthorship,
  insertAuditEvent,
  insertRevision,
  insertStory,
  listAuditEvents,
  listComments,
  listDismissals,
  listRevisions,
  listStories,
  listStoryPhotos,
  setByline,
  setStoryLock,
  setTextAuthorship,
  thawApprovedPhotoCredits,
  unknownStaffIds,
  updateStoryContent,
  updateStoryWorkflow,
  upsertDismissal,
  type ListCursor,
  type StoryContent,
  type WorkflowFields,
} from '../../db/index.js';
import { signedIn, type Handlers } from '../dispatch.js';
import { assertCanEditText, liveLock, lockFor } from './locks.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';
import { keepRevision, maybePeriodicRevision } from './revisions.js';
import type { CoreModule, CoreServices } from '../services.js';
import { plainBody, revisionText, slugify, wordCountOf } from './storyText.js';
import { findingsChanged, loadStory, storyChanged, write } from '../write.js';


function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.updatedAt, c.id])).toString('base64url');
}

function decodeCursor(s: string): ListCursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1]) && v[0].length < 64) return { updatedAt: v[0], id: v[1] as number };
  } catch {
    // fall through
  }
  throw new ApiError('VALIDATION', 'The list cursor is not valid; start again from the first page.', [{ path: 'cursor', message: 'invalid' }]);
}

/** Content fields of a story with the changes applied and plain text / word count derived. */
function contentOf(story: Story, changes: Partial<Pick<Story, 'slug' | 'desk' | 'headline' | 'subheadlines' | 'dateline' | 'language' | 'body'>>): StoryContent {
  const body = changes.body ?? story.body;
  const language = changes.language ?? story.language;
  const text = plainBody(body);
  const headline = changes.headline ?? story.headline;
  let slug = changes.slug ?? story.slug;
  if (changes.slug !== undefined) slug = slugify(changes.slug) || story.slug;
  return {
    slug,
    desk: changes.desk ?? story.desk,
    headline,
    subheadlines: changes.subheadlines ?? story.subheadlines,
    dateline: changes.dateline ?? story.dateline,
    language,
    body,
    bodyText: text,
    wordCount: wordCountOf(text, language),
  };
}

function workflowOf(story: Story, at: string): WorkflowFields {
  return {
    status: story.status,
    claimedBy: story.claimedBy,
    sendBackNote: story.sendBackNote,
    correctionNote: story.correctionNote,
    publishAt: story.publishAt,
    scheduledBy: story.scheduledBy,
    publishedVersions: story.publishedVersions,
    at,
  };
}

function assertDesk(services: CoreServices, desk: string): void {
  if (!deskExists(services.db, desk)) {
    throw new ApiError('VALIDATION', `There is no desk called ${desk}.`, [{ path: 'desk', message: 'unknown desk' }]);
  }
}

/**
 * A byline names one or more active staff. Someone already on it who has since been deactivated
 * may stay (the story is still theirs); nobody unknown or inactive may be added.
 */
function assertByline(services: CoreServices, ids: number[], current: Story): void {
  if (ids.length === 0) throw new ApiError('VALIDATION', 'The byline must name at least one person.', [{ path: 'changes.byline', message: 'required' }]);
  const already = new Set(current.byline.map((b) => b.staffId));
  const refused = unknownStaffIds(services.db, ids).filter((id) => !already.has(id));
  if (refused.length > 0) {
    throw new ApiError('VALIDATION', 'The byline names someone who is not (or no longer) on the staff.', [
      { path: 'changes.byline', message: `unknown or inactive staff ${refused.join(', ')}` },
    ]);
  }
}

/** Actions the blocking copy checks stop: approving, and publishing now or at a set time. */
const CHECKED_ACTIONS: ReadonlySet<Action> = new Set<Action>(['approve', 'publish', 'schedule']);

/** The findings that stop approve and publish, as an INVALID_STATE refusal. */
function assertNoBlocking(findings: Finding[], action: Action): void {
  const blocking = blockingFindings(findings);
  if (blocking.length > 0) {
    const done = action === 'approve' ? 'approved' : action === 'schedule' ? 'scheduled' : 'published';
    throw new ApiError('INVALID_STATE', `The story cannot be ${done} until the copy checks pass: ${blocking.map((f) => f.message).join(' ')}`, {
      findings: blocking,
    });
  }
}

export function storiesModule(services: CoreServices): CoreModule {
  const { db } = services;
  const now = () => services.now();
  const timeout = () => services.settings().lockTimeoutMinutes;

  const lockEvent = (id: number, lock: StoryLock | null): ChangeEvent => ({ type: 'lock.changed', storyId: id, lock });

  /**
   * Credits the words a save changed to the person making it; the rest keep their writers. Four
   * eyes reads each person's share of the text from this. A restore is credited the same way (the
   * revisions do not record their writers): whoever restores answers for the words it brings back.
   */
  const recordWriting = (story: Story, content: StoryContent, staff: Staff): void => {
    const before = revisionText(story);
    const after = revisionText(content);
    if (before === after && story.language === content.language) return;
    const authorship = attributeSave({ text: before, authorship: getTextAuthorship(db, story.id), writer: story.createdBy }, after, staff.id, content.language);
    // Another language splits words differently: count them all again.
    if (story.language !== content.language) authorship.words = countWordsByWriter(after, authorship.runs, content.language);
    setTextAuthorship(db, story.id, authorship);
  };

  /** Applies a text save (or restore) of `story`; the lock is taken or renewed. Returns the new story. */
  const applyContent = (
    events: ChangeEvent[],
    story: Story,
    staff: Staff,
    content: StoryContent,
    bylineIds: number[] | undefined,
    at: Date,
  ): Story => {
    const hadLock = liveLock(story, at);
    const version = story.version + 1;
    recordWriting(story, content, staff);
    updateStoryContent(db, story.id, { ...content, version, textVersion: version, at: at.toISOString() });
    if (bylineIds) setByline(db, story.id, bylineIds);
    setStoryLock(db, story.id, lockFor(story, staff, at, timeout()));
    const saved = loadStory(services, story.id);
    events.push(storyChanged(saved));
    if (!hadLock || hadLock.staffId !== staff.id) events.push(lockEvent(saved.id, saved.lock));
    return saved;
  };

  /**
   * The save's changes with the body's figures made to agree with the story's inline photos
   * (story_photos is the truth for which photos stand in the text): a body can neither drop nor
   * invent a figure; missing ones go back where they stand in the stored body.
   */
  const reconciledChanges = (
    changes: ParsedInput<'stories.save'>['changes'],
    story: Story,
    merging = false,
  ): ParsedInput<'stories.save'>['changes'] => {
    if (changes.body === undefined) return changes;
    const inline = listStoryPhotos(db, story.id)
      .filter((p) => p.placement === 'inline')
      .map((p) => p.id);
    // Merging over a photo editor's changes, their order of the photos wins; otherwise the body's.
    return { ...changes, body: reconcileFigures(changes.body, story.body, inline, { order: merging ? 'reference' : 'incoming' }) };
  };

  const runStoryChecks = (story: Story): Finding[] => services.copyDesk.findings(story);

  /** Whether `staff` may normally write on the story: an author on the byline who writes, or a desk editor. */
  const mayWrite = (story: Story, staff: Staff): boolean => {
    const person = toPerson(staff);
    return isDeskEditor(person) || (hasRole(person, 'reporter') && isAuthor(toWorkflowStory(story), person));
  };

  /**
   * Keeps the text a refused save carried (headline, subheadlines, body over the stored ones) as
   * a 'conflict' revision and returns its id; null when the save carried no text and `always` is not set.
   */
  function keepCarriedText(story: Story, staff: Staff, input: ParsedInput<'stories.save'>, at: Date, always = false): number | null {
    const { headline, subheadlines, body } = input.changes;
    if (!always && headline === undefined && subheadlines === undefined && body === undefined) return null;
    const carried = { headline: headline ?? story.headline, subheadlines: subheadlines ?? story.subheadlines, body: body ?? story.body };
    return insertRevision(db, {
      storyId: story.id,
      version: input.baseVersion,
      reason: 'conflict',
      authorId: staff.id,
      at: at.toISOString(),
      wordCount: wordCountOf(plainBody(carried.body), story.language),
      content: carried,
    });
  }

  const handlers: Partial<Handlers> = {
    'stories.create': (input, ctx) => {
      const staff = signedIn(ctx);
      if (!hasRole(toPerson(staff), 'reporter') && !isDeskEditor(toPerson(staff))) {
        throw new ApiError('FORBIDDEN', 'Only reporters and desk editors create stories.');
      }
      return write(services, (events) => {
        assertDesk(services, input.desk);
        const at = now();
        const body = emptyDoc();
        const headline = input.headline ?? '';
        const language = input.language ?? 'en';
        const text = plainBody(body);
        const id = insertStory(db, {
          slug: input.slug !== undefined ? slugify(input.slug) : slugify(headline.toLowerCase()),
          desk: input.desk,
          headline,
          subheadlines: [],
          dateline: '',
          language,
          body,
          bodyText: text,
          wordCount: wordCountOf(text, language),
          createdBy: staff.id,
          at: at.toISOString(),
          bylineIds: [staff.id],
        });
        let story = loadStory(services, id);
        if (!story.slug) {
          updateStoryContent(db, id, { ...contentOf(story, {}), slug: `story-${id}`, version: story.version, at: at.toISOString() });
        }
        // The author starts typing at once: they hold the lock.
        setStoryLock(db, id, lockFor(story, staff, at, timeout()));
        story = loadStory(services, id);
        keepRevision(db, story, 'create', staff, at);
        insertAuditEvent(db, { storyId: id, actorId: staff.id, event: 'create', from: null, to: 'draft', at: at.toISOString() });
        events.push(storyChanged(story), lockEvent(id, story.lock));
        return { story };
      });
    },

    'stories.get': (input, ctx) => {
      const staff = signedIn(ctx);
      const story = loadStory(services, input.id);
      const person = toPerson(staff);
      const ws = toWorkflowStory(story);
      const live = liveLock(story, now());
      return {
        story,
        photos: listStoryPhotos(db, story.id),
        comments: listComments(db, story.id),
        // While someone else holds the text lock every transition answers LOCKED, so offer none.
        allowedActions: live && live.staffId !== staff.id ? [] : allowedActions(ws, person),
        canEdit: textEditRefusal(ws, person) === null && (!live || live.staffId === staff.id),
        canEditPhotos: photoEditRefusal(ws, person) === null,
        dismissals: listDismissals(db, story.id),
        canDismissFindings: dismissRefusal(person, 'warning') === null,
      };
    },

    'stories.list': (input, ctx) => {
      signedIn(ctx);
      const result = listStories(
        db,
        { status: input.status, desk: input.desk, bylineStaffId: input.bylineStaffId, needsPhotos: input.needsPhotos, query: input.query },
        { limit: input.limit ?? 50, after: input.cursor ? decodeCursor(input.cursor) : null, now: now().toISOString() },
      );
      const page = { items: result.items, total: result.total, ...(result.totalCapped ? { totalCapped: true } : {}) };
      return result.next ? { ...page, nextCursor: encodeCursor(result.next) } : page;
    },

    'stories.save': (input, ctx) => {
      const staff = signedIn(ctx);
      let conflict: ApiError | null = null;
      const result = write(services, (events) => {
        const at = now();
        const story = loadStory(services, input.id);
        try {
          assertCanEditText(story, staff, at);
        } catch (error) {
          // Someone who may write on the story, refused because of its lock or its status: what
          // they typed is kept as a 'conflict' revision, so nothing is lost.
          const refusedError = error instanceof ApiError && (error.code === 'LOCKED' || error.code === 'INVALID_STATE') ? error : null;
          if (!refusedError || !mayWrite(story, staff)) throw error;
          const kept = keepCarriedText(story, staff, input, at);
          if (kept === null) throw error;
          const details = refusedError.details && typeof refusedError.details === 'object' ? refusedError.details : {};
          conflict = new ApiError(refusedError.code, `${refusedError.message} Your text was kept in its history.`, { ...details, keptAsRevision: kept });
          return null;
        }
        // A save based on an older version is merged when only photo layout changed since
        // (a photo editor placed, moved or removed a figure); a text change since is a conflict.
        const textVersion = getStoryTextVersion(db, story.id) ?? story.version;
        const photoOnly = input.baseVersion < story.version && input.baseVersion >= textVersion;
        if (input.baseVersion !== story.version && !photoOnly) {
          // Nothing typed is lost: the text this save carried becomes a 'conflict' revision.
          const revisionId = keepCarriedText(story, staff, input, at, true);
          conflict = new ApiError(
            'CONFLICT',
            `The story changed since you opened it (you edited version ${input.baseVersion}; it is now version ${story.version}). Your text was kept in its history.`,
            { currentVersion: story.version, revisionId },
          );
          return null;
        }
        const changes = reconciledChanges(input.changes, story, photoOnly);
        if (changes.desk !== undefined && changes.desk !== story.desk) assertDesk(services, changes.desk);
        const bylineIds = changes.byline?.map((b) => b.staffId);
        if (bylineIds) assertByline(services, bylineIds, story);
        const saved = applyContent(events, story, staff, contentOf(story, changes), bylineIds, at);
        maybePeriodicRevision(db, saved, staff, at);
        return { story: saved };
      });
      if (conflict) throw conflict;
      return result as { story: Story };
    },

    'stories.restore': (input, ctx) => {
      const staff = signedIn(ctx);
      return write(services, (events) => {
        const at = now();
        const story = loadStory(services, input.id);
        const revision = getRevision(db, story.id, input.revisionId);
        if (!revision) throw new ApiError('NOT_FOUND', `Story ${story.id} has no revision ${input.revisionId}.`);
        assertCanEditText(story, staff, at);
        if (input.baseVersion !== story.version) {
          throw new ApiError('CONFLICT', `The story changed since you opened it; it is now version ${story.version}.`, { currentVersion: story.version });
        }
        // A revision kept before bodies had their limits may hold one a save would refuse now.
        const problem = validateBody(revision.content.body)[0];
        if (problem !== undefined) {
          throw new ApiError('VALIDATION', `Revision ${revision.summary.id} cannot be restored: its body does not match the story schema (${problem}).`, [
            { path: 'revisionId', message: problem },
          ]);
        }
        const { headline, subheadlines } = revision.content;
        // The revision's figures are reconciled too: it may name photos detached since.
        const body = reconciledChanges({ body: revision.content.body }, story).body;
        const saved = applyContent(events, story, staff, contentOf(story, { headline, subheadlines, body }), undefined, at);
        keepRevision(db, saved, 'restore', staff, at);
        insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'restore',
          from: story.status,
          to: story.status,
          note: `Restored revision ${revision.summary.id} (version ${revision.summary.version})`,
          at: at.toISOString(),
        });
        return { story: saved };
      });
    },

    'stories.transition': async (input, ctx) => {
      const staff = signedIn(ctx);
      return services.serialize(input.id, async () => {
        const at = now();
        const story = loadStory(services, input.id);
        const action = input.action;
        const refused = refusal(action, toWorkflowStory(story), toPerson(staff));
        if (refused) throw new ApiError(refused.code, refused.message);
        // Nobody moves a story out from under someone typing in it (their own lock is fine).
        const live = liveLock(story, at);
        if (live && live.staffId !== staff.id) {
          throw new ApiError('LOCKED', `${live.name} is editing this story; ask them to finish, or break the lock with a note.`, { lock: live });
        }
        const note = input.note?.trim() ?? '';
        if (NOTE_REQUIRED.has(action) && note === '') {
          throw new ApiError('VALIDATION', `A note is required to ${action === 'sendBack' ? 'send a story back' : action} .`.replace(' .', '.'), [{ path: 'note', message: 'required' }]);
        }
        if (action === 'submit') {
          const missing: string[] = [];
          if (story.headline.trim() === '') missing.push('headline');
          if (bodyText(story.body).trim() === '') missing.push('body');
          if (story.byline.length === 0) missing.push('byline');
          if (missing.length > 0) {
            throw new ApiError('VALIDATION', `The story needs a ${missing.join(', ')} before it goes to the desk.`, missing.map((path) => ({ path, message: 'required' })));
          }
        }
        let publishAt: string | null = null;
        if (action === 'schedule') {
          if (!input.publishAt) throw new ApiError('VALIDATION', 'Choose when to publish.', [{ path: 'publishAt', message: 'required' }]);
          const when = new Date(input.publishAt);
          if (!(when.getTime() > at.getTime())) {
            throw new ApiError('VALIDATION', 'The publishing time must be in the future.', [{ path: 'publishAt', message: 'must be in the future' }]);
          }
          publishAt = when.toISOString();
        }
        // The core runs the checks on submit (recorded with the submission), approve and publish.
        const findings = action === 'submit' || CHECKED_ACTIONS.has(action) ? runStoryChecks(story) : [];
        if (CHECKED_ACTIONS.has(action)) assertNoBlocking(findings, action);
        const openAtSubmit =
          action === 'submit' ? openFindingCounts(findings, new Set(findings.filter((f) => f.dismissed).map((f) => f.key))) : null;

        /** Moves the story (status, lock, revision, audit); inside the publisher's transaction for publish and kill. */
        const move = (events: ChangeEvent[], publishedVersion: number | null): { story: Story } => {
          const current = loadStory(services, story.id);
          if (current.status !== story.status) throw new ApiError('CONFLICT', 'The story changed while this was being done; try again.', { currentVersion: current.version });
          const lockNow = liveLock(current, at);
          if (lockNow && lockNow.staffId !== staff.id) throw new ApiError('LOCKED', `${lockNow.name} is editing this story.`, { lock: lockNow });
          const w = workflowOf(current, at.toISOString());
          w.status = TRANSITIONS[action].to;
          let lock: 'keep' | 'release' | 'take' = 'release';
          switch (action) {
            case 'submit':
              w.sendBackNote = null;
              break;
            case 'claim':
              w.claimedBy = staff.id;
              lock = 'take';
              break;
            case 'sendBack':
              w.claimedBy = null;
              w.sendBackNote = note;
              break;
            case 'reopen':
              w.claimedBy = staff.id;
              w.publishAt = null;
              w.scheduledBy = null;
              lock = 'take';
              break;
            case 'publish':
              w.claimedBy = null;
              w.correctionNote = null;
              w.publishAt = null;
              w.scheduledBy = null;
              w.publishedVersions = Math.max(current.publishedVersions + 1, publishedVersion ?? 0);
              break;
            case 'schedule':
              w.publishAt = publishAt;
              w.scheduledBy = staff.id;
              break;
            case 'unschedule':
              w.publishAt = null;
              w.scheduledBy = null;
              break;
            case 'correct':
              w.claimedBy = staff.id;
              w.correctionNote = note;
              lock = 'take';
              break;
            case 'kill':
              w.publishedVersions = Math.max(current.publishedVersions, publishedVersion ?? 0);
              break;
            case 'spike':
              w.publishAt = null;
              w.scheduledBy = null;
              break;
            case 'unspike':
              w.claimedBy = null;
              break;
            case 'recall':
            case 'approve':
              break;
          }
          updateStoryWorkflow(db, current.id, w);
          // What the desk approves of the photos is what publishes; back on the desk, the library's again.
          if (action === 'approve') freezeApprovedPhotoCredits(db, current.id);
          else if (PHOTO_EDITABLE.has(w.status)) thawApprovedPhotoCredits(db, current.id);
          const hadLock = current.lock;
          if (lock === 'take') setStoryLock(db, current.id, lockFor(current, staff, at, timeout()));
          else if (lock === 'release' && hadLock) setStoryLock(db, current.id, null);
          const moved = loadStory(services, current.id);
          const milestone = (['submit', 'claim', 'sendBack', 'approve', 'publish', 'correct'] as const).find((m) => m === action);
          if (milestone) keepRevision(db, moved, milestone, staff, at);
          insertAuditEvent(db, {
            storyId: current.id,
            actorId: staff.id,
            event: action,
            from: current.status,
            to: moved.status,
            note: note || (publishAt ? `Scheduled for ${publishAt}` : null),
            details: publishAt
              ? { publishAt }
              : publishedVersion !== null
                ? { publishedVersion }
                : openAtSubmit
                  ? { openFindings: openAtSubmit }
                  : undefined,
            at: at.toISOString(),
          });
          events.push(storyChanged(moved));
          if (hadLock !== null || moved.lock !== null) events.push(lockEvent(moved.id, moved.lock));
          return { story: moved };
        };

        if (action !== 'publish' && action !== 'kill') return write(services, (events) => move(events, null));
        // Publishing writes the package first; its row and the story's move then commit together.
        const events: ChangeEvent[] = [];
        const done: { result?: { story: Story } } = {};
        await services.publisher.publish(story.id, staff, {
          ...(action === 'kill' ? { kill: { note } } : {}),
          commit: (version) => {
            done.result = move(events, version.version);
          },
        });
        for (const event of events) services.emit(event);
        if (!done.result) throw new ApiError('INTERNAL', 'Publishing did not record the story’s new status.');
        return done.result;
      });
    },

    'stories.lock': (input, ctx) => {
      const staff = signedIn(ctx);
      return write(services, (events) => {
        const at = now();
        const story = loadStory(services, input.id);
        assertCanEditText(story, staff, at);
        const had = liveLock(story, at);
        setStoryLock(db, story.id, lockFor(story, staff, at, timeout()));
        const locked = loadStory(services, story.id);
        if (!had) events.push(lockEvent(locked.id, locked.lock));
        return { story: locked };
      });
    },

    'stories.unlock': (input, ctx) => {
      const staff = signedIn(ctx);
      return write(services, (events) => {
        const at = now();
        const story = loadStory(services, input.id);
        const live = liveLock(story, at);
        const othersLock = live && live.staffId !== staff.id ? live : null;
        const note = input.note?.trim() ?? '';
        // In editing, a desk editor may take over a story another desk editor claimed, whether
        // their lock is live (broken here) or long lapsed (they went home), saying why.
        const claimedByOther = story.status === 'editing' && story.claimedBy !== null && story.claimedBy !== staff.id;
        if (!othersLock && !(claimedByOther && note !== '')) {
          if (story.lock && !live) setStoryLock(db, story.id, null); // a lapsed lock is tidied away
          else if (live) {
            setStoryLock(db, story.id, null);
            events.push(lockEvent(story.id, null));
          }
          return { story: loadStory(services, story.id) };
        }
        const holderName = othersLock?.name ?? 'the desk editor who claimed it';
        if (!isDeskEditor(toPerson(staff))) throw new ApiError('FORBIDDEN', `Only a desk editor may break ${holderName}'s lock.`);
        if (note === '') throw new ApiError('VALIDATION', `Say why you are breaking ${holderName}'s lock.`, [{ path: 'note', message: 'required' }]);
        // In a draft the lock is only released: the text stays the authors'.
        const takeOver = story.status === 'editing' && story.claimedBy !== staff.id;
        if (takeOver) updateStoryWorkflow(db, story.id, { ...workflowOf(story, at.toISOString()), claimedBy: staff.id });
        insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'forceUnlock',
          from: story.status,
          to: story.status,
          note: takeOver ? `${note} (took the story over from ${holderName})` : note,
          details: takeOver
            ? { lockHolder: othersLock?.staffId ?? null, previousClaimedBy: story.claimedBy, claimedBy: staff.id }
            : { lockHolder: othersLock?.staffId ?? null },
          at: at.toISOString(),
        });
        if (takeOver) {
          setStoryLock(db, story.id, null);
          const taken = loadStory(services, story.id);
          events.push(storyChanged(taken), lockEvent(taken.id, null));
          return { story: taken };
        }
        setStoryLock(db, story.id, null);
        const unlocked = loadStory(services, story.id);
        events.push(lockEvent(unlocked.id, null));
        return { story: unlocked };
      });
    },

    'stories.history': (input, ctx) => {
      signedIn(ctx);
      const story = loadStory(services, input.id);
      return { revisions: listRevisions(db, story.id), events: listAuditEvents(db, story.id) };
    },

    'stories.revision': (input, ctx) => {
      signedIn(ctx);
      const story = loadStory(services, input.id);
      const revision = getRevision(db, story.id, input.revisionId);
      if (!revision) throw new ApiError('NOT_FOUND', `Story ${story.id} has no revision ${input.revisionId}.`);
      return { revision: revision.summary, ...revision.content };
    },

    'stories.diff': (input: ParsedInput<'stories.diff'>, ctx) => {
      signedIn(ctx);
      const story = loadStory(services, input.id);
      const from = getRevision(db, story.id, input.fromRevision);
      const to = getRevision(db, story.id, input.toRevision);
      if (!from || !to) throw new ApiError('NOT_FOUND', `Story ${story.id} has no revision ${!from ? input.fromRevision : input.toRevision}.`);
      return { parts: diffWords(revisionText(from.content), revisionText(to.content), story.language || 'en'), from: from.summary, to: to.summary };
    },

    'stories.check': (input, ctx) => {
      signedIn(ctx);
      return { findings: runStoryChecks(loadStory(services, input.id)) };
    },

    'stories.dismissFinding': (input, ctx) => {
      const staff = signedIn(ctx);
      const story = loadStory(services, input.id);
      const before = runStoryChecks(story);
      const finding = before.find((f) => f.key === input.key);
      if (!finding) {
        throw new ApiError('NOT_FOUND', 'That finding no longer applies to the saved story (it may have been fixed, or the change is not saved yet).');
      }
      const refused = dismissRefusal(toPerson(staff), finding.severity);
      if (refused) throw new ApiError(refused.code, refused.message);
      const at = now().toISOString();
      const note = input.note.trim();
      write(services, (events) => {
        upsertDismissal(db, story.id, { key: finding.key, note, by: staff.id, at });
        insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'finding.dismiss',
          from: null,
          to: null,
          note: `Dismissed “${finding.message}”: ${note}`,
          details: { key: finding.key, check: finding.id },
          at,
        });
        events.push(findingsChanged(story, 'dismissals'));
      });
      services.copyDesk.recountSoon(story.id);
      // The story did not change: the findings are the ones just run, with this one now dismissed.
      const dismissal = { key: finding.key, note, by: staff.id, byName: staff.name, at };
      return { dismissal, findings: before.map((f) => (f.key === finding.key ? { ...f, dismissed: dismissal } : f)) };
    },

    'stories.restoreFinding': (input, ctx) => {
      const staff = signedIn(ctx);
      const story = loadStory(services, input.id);
      const refused = dismissRefusal(toPerson(staff), 'warning');
      if (refused) throw new ApiError(refused.code, refused.message);
      write(services, (events) => {
        if (!deleteDismissal(db, story.id, input.key)) throw new ApiError('NOT_FOUND', 'That finding is not dismissed.');
        insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'finding.restore',
          from: null,
          to: null,
          note: null,
          details: { key: input.key },
          at: now().toISOString(),
        });
        events.push(findingsChanged(story, 'dismissals'));
      });
      services.copyDesk.recountSoon(story.id);
      return { findings: runStoryChecks(story) };
    },
  };
  return { handlers };
}
