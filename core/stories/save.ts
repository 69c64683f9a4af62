// stories.create, stories.save and stories.restore: a story's text written with optimistic
// versions and the text lock. A refused save keeps the text it carried as a 'conflict' revision.
// A save with a saveId and a create with a clientId happen once (appliedKeys.ts).

import { emptyDoc, plainBody, validateBody } from '../../shared/body.js';
import type { ParsedInput } from '../../shared/contract.js';
import type { Staff, Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { hasRole, isAuthor, isDeskEditor } from '../../shared/workflow.js';
import {
  getRevision,
  getStoryTextVersion,
  insertAuditEvent,
  listAuditRecords,
  insertRevision,
  insertStory,
  lockStoryRow,
  setStoryLock,
  updateStoryContent,
} from '../../db/index.js';
import { lockStaffRow } from '../../db/postgres/rowLocks.js';
import { lockChanged, storyChanged } from '../changeEvents.js';
import type { Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';
import { write } from '../write.js';
import { answerOfRepeat, recordApplied } from './appliedKeys.js';
import { applyContent, assertByline, assertDesk, contentOf, newStoryBody, reconciledBody } from './content.js';
import { loadStory } from './loadStory.js';
import { assertCanEditText, editorOf, lockFor, newsroomZone } from './locks.js';
import { keepRevision, maybePeriodicRevision } from './revisions.js';
import { countBodyWords } from '../../shared/text.js';
import { defaultSlug, proposeSlug, slugify } from '../../shared/slug.js';

/** Whether `staff` may normally write on the story: an author on the byline who writes, or a desk editor. */
function mayWrite(story: Story, staff: Staff): boolean {
  const person = toPerson(staff);
  return isDeskEditor(person) || (hasRole(person, 'reporter') && isAuthor(toWorkflowStory(story), person));
}

/**
 * Whether a desk editor's forced unlock last took the story from `staffId` (they held its lock,
 * or had claimed it): their next save, refused now, still carries text they typed.
 */
async function lostToForcedUnlock(services: CoreServices, storyId: number, staffId: number): Promise<boolean> {
  const last = (await listAuditRecords(services.db, storyId)).filter((e) => e.event === 'forceUnlock').at(-1);
  const details = last?.details as { lockHolder?: unknown; previousClaimedBy?: unknown } | null | undefined;
  return details?.lockHolder === staffId || details?.previousClaimedBy === staffId;
}

/**
 * Keeps the text a refused save carried (headline, subheadlines, body over the stored ones) as
 * a 'conflict' revision and returns its id; null when the save carried no text and `always` is not set.
 */
async function keepCarriedText(services: CoreServices, story: Story, staff: Staff, input: ParsedInput<'stories.save'>, at: Date, always = false): Promise<number | null> {
  const { headline, subheadlines, body } = input.changes;
  if (!always && headline === undefined && subheadlines === undefined && body === undefined) return null;
  const carried = { headline: headline ?? story.headline, subheadlines: subheadlines ?? story.subheadlines, body: body ?? story.body };
  return await insertRevision(services.db, {
    storyId: story.id,
    version: input.baseVersion,
    reason: 'conflict',
    authorId: staff.id,
    at: at.toISOString(),
    wordCount: countBodyWords(carried.body, story.language),
    content: carried,
  });
}

export function storySaveHandlers(services: CoreServices) {
  const { db } = services;
  const timeout = () => services.settings().lockTimeoutMinutes;
  return {
    'stories.create': async (input, ctx) => {
      const editor = editorOf(ctx);
      const { staff } = editor;
      const keyed = input.clientId === undefined ? null : { staffId: staff.id, key: input.clientId, method: 'stories.create' as const, storyId: null };
      return await write(services, async (events) => {
        // A repeat (the desktop could not tell the first arrived) answers with the story the first
        // made; one sent at the same moment waits for the first to commit its key.
        if (keyed) await lockStaffRow(db, staff.id);
        const repeat = keyed && (await answerOfRepeat(services, keyed));
        if (repeat) return repeat;
        if (!hasRole(toPerson(staff), 'reporter') && !isDeskEditor(toPerson(staff))) {
          throw new ApiError('FORBIDDEN', 'Only reporters and desk editors create stories.');
        }
        await assertDesk(services, input.desk);
        const at = services.now();
        // A story written offline arrives whole, its text checked as a save's would be.
        const body = input.body === undefined ? emptyDoc() : newStoryBody(input.body);
        const headline = input.headline ?? '';
        const language = input.language ?? 'en';
        const text = plainBody(body);
        const id = await insertStory(db, {
          slug: input.slug !== undefined ? slugify(input.slug) : proposeSlug(headline),
          desk: input.desk,
          headline,
          subheadlines: input.subheadlines ?? [],
          dateline: input.dateline ?? '',
          language,
          body,
          bodyText: text,
          wordCount: countBodyWords(body, language),
          createdBy: staff.id,
          at: at.toISOString(),
          bylineIds: [staff.id],
        });
        let story = await loadStory(db, id);
        if (!story.slug) {
          await updateStoryContent(db, id, { ...contentOf(story, {}), slug: defaultSlug(id), version: story.version, at: at.toISOString() });
        }
        // The author starts typing at once: they hold the lock.
        await setStoryLock(db, id, lockFor(story, editor, at, timeout()));
        story = await loadStory(db, id);
        await keepRevision(db, story, 'create', staff, at);
        await insertAuditEvent(db, { storyId: id, actorId: staff.id, event: 'create', from: null, to: 'draft', at: at.toISOString() });
        events.push(storyChanged(story), lockChanged(id, story.lock));
        if (keyed) await recordApplied(services, { ...keyed, storyId: id }, { story });
        return { story };
      });
    },

    'stories.save': async (input, ctx) => {
      const editor = editorOf(ctx);
      const { staff } = editor;
      const keyed = input.saveId === undefined ? null : { staffId: staff.id, key: input.saveId, method: 'stories.save' as const, storyId: input.id };
      let conflict: ApiError | null = null;
      // A refusal that kept the text is committed with its revision (and its key), then thrown.
      const refuse = async (error: ApiError): Promise<null> => {
        if (keyed) await recordApplied(services, keyed, error);
        conflict = error;
        return null;
      };
      const result = await write(services, async (events) => {
        if (keyed) {
          // The story's row first: a repeat sent at the same moment (through another server
          // process) waits for the first to commit its key, then finds it.
          await lockStoryRow(db, input.id);
          // A repeat answers as the first did: the story it saved, or (thrown) the same refusal.
          const repeat = await answerOfRepeat(services, keyed);
          if (repeat) return repeat;
        }
        const at = services.now();
        const story = await loadStory(db, input.id);
        try {
          assertCanEditText(story, editor, at, newsroomZone(services));
        } catch (error) {
          // Someone who may write on the story, refused because of its lock or its status, or
          // because a desk editor took it from them: what they typed is kept as a 'conflict'
          // revision, so nothing is lost.
          const refusedError =
            error instanceof ApiError &&
            (error.code === 'LOCKED' || error.code === 'INVALID_STATE' || (error.code === 'FORBIDDEN' && (await lostToForcedUnlock(services, story.id, staff.id))))
              ? error
              : null;
          if (!refusedError || !mayWrite(story, staff)) throw error;
          const kept = await keepCarriedText(services, story, staff, input, at);
          if (kept === null) throw error;
          const details = refusedError.details && typeof refusedError.details === 'object' ? refusedError.details : {};
          return refuse(new ApiError(refusedError.code, `${refusedError.message} Your text was kept in its history.`, { ...details, keptAsRevision: kept }));
        }
        // A save based on an older version is merged when only photo layout changed since
        // (a photo editor placed, moved or removed a figure); a text change since is a conflict.
        // (Only an older base needs the version of the last text change: the common save skips the read.)
        const photoOnly = input.baseVersion < story.version && input.baseVersion >= ((await getStoryTextVersion(db, story.id)) ?? story.version);
        if (input.baseVersion !== story.version && !photoOnly) {
          // Nothing typed is lost: the text this save carried becomes a 'conflict' revision.
          const revisionId = await keepCarriedText(services, story, staff, input, at, true);
          return await refuse(
            new ApiError(
              'CONFLICT',
              `The story changed since you opened it (you edited version ${input.baseVersion}; it is now version ${story.version}). Your text was kept in its history.`,
              { currentVersion: story.version, revisionId },
            ),
          );
        }
        const changes =
          input.changes.body === undefined ? input.changes : { ...input.changes, body: await reconciledBody(services, input.changes.body, story, photoOnly) };
        if (changes.desk !== undefined && changes.desk !== story.desk) await assertDesk(services, changes.desk);
        const bylineIds = changes.byline?.map((b) => b.staffId);
        if (bylineIds) await assertByline(services, bylineIds, story);
        const saved = await applyContent(services, events, story, editor, contentOf(story, changes), bylineIds, at);
        await maybePeriodicRevision(db, saved, staff, at);
        if (keyed) await recordApplied(services, keyed, { story: saved });
        return { story: saved };
      });
      if (conflict) throw conflict;
      return result as { story: Story };
    },

    'stories.restore': async (input, ctx) => {
      const editor = editorOf(ctx);
      const { staff } = editor;
      return await write(services, async (events) => {
        const at = services.now();
        const story = await loadStory(db, input.id);
        const revision = await getRevision(db, story.id, input.revisionId);
        if (!revision) throw new ApiError('NOT_FOUND', `Story ${story.id} has no revision ${input.revisionId}.`);
        assertCanEditText(story, editor, at, newsroomZone(services));
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
        const body = await reconciledBody(services, revision.content.body, story);
        const saved = await applyContent(services, events, story, editor, contentOf(story, { headline, subheadlines, body }), undefined, at);
        await keepRevision(db, saved, 'restore', staff, at);
        await insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'restore',
          from: story.status,
          to: story.status,
          note: `Restored revision ${revision.summary.id} (version ${revision.summary.version})`,
          details: { revisionId: revision.summary.id, version: revision.summary.version },
          at: at.toISOString(),
        });
        return { story: saved };
      });
    },
  } satisfies Partial<Handlers>;
}
