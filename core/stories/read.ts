// Reading stories: stories.get (with what the person may do now), stories.list (queues and
// search), stories.history (core/stories/history.ts makes its entries), stories.revision and stories.diff.

import { diffWords } from '../../shared/diff.js';
import { ROLES, type Staff } from '../../shared/domain.js';
import { allowedActions, dismissRefusal, photoEditRefusal, textEditRefusal, type WorkflowStory } from '../../shared/workflow.js';
import { ApiError } from '../../shared/errors.js';
import { getRevision, listAuditRecords, listComments, listDismissals, listRevisions, listStaff, listStories, listStoryPhotos } from '../../db/index.js';
import { signedIn, type Handlers } from '../dispatch.js';
import { decodeCursor, encodeCursor } from '../paging.js';
import type { CoreServices } from '../services.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';
import { historyEntries } from './history.js';
import { loadStory } from './loadStory.js';
import { heldElsewhere, liveLock } from './locks.js';
import { revisionText } from './storyText.js';

/**
 * Who may change the story's photos now, asked of photoEditRefusal: the roles that allow it by
 * themselves (asked for someone holding only that role and no part in the story: no staff id is
 * 0), then by name the active staff it allows through the story alone (an author of a draft).
 */
function photoEditorsOf(ws: WorkflowStory, staff: Staff[]): { roles: Staff['roles']; people: { id: number; name: string }[] } {
  const roles = ROLES.filter((role) => photoEditRefusal(ws, { id: 0, roles: [role] }) === null);
  const people = staff
    .filter((s) => s.active && !s.roles.some((r) => roles.includes(r)) && photoEditRefusal(ws, toPerson(s)) === null)
    .map(({ id, name }) => ({ id, name }));
  return { roles, people };
}

export function storyReadHandlers(services: CoreServices) {
  const { db } = services;
  return {
    'stories.get': async (input, ctx) => {
      const staff = signedIn(ctx);
      const story = await loadStory(db, input.id);
      const person = toPerson(staff);
      const ws = toWorkflowStory(story);
      const live = liveLock(story, services.now());
      return {
        story,
        photos: await listStoryPhotos(db, story.id),
        comments: await listComments(db, story.id),
        // While someone else holds the text lock every transition answers LOCKED, so offer none.
        allowedActions: live && live.staffId !== staff.id ? [] : allowedActions(ws, person),
        // Their own lock on another computer too: they may take it over (stories.unlock), not type over it.
        canEdit: textEditRefusal(ws, person) === null && (!live || !heldElsewhere(live, { staff, sessionId: ctx.sessionId })),
        canEditPhotos: photoEditRefusal(ws, person) === null,
        photoEditors: photoEditorsOf(ws, await listStaff(db)),
        dismissals: await listDismissals(db, story.id),
        canDismissFindings: dismissRefusal(person, 'warning') === null,
      };
    },

    'stories.list': async (input, ctx) => {
      signedIn(ctx);
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      const result = await listStories(
        db,
        { status: input.status, desk: input.desk, bylineStaffId: input.bylineStaffId, needsPhotos: input.needsPhotos, query: input.query },
        { limit: input.limit ?? 50, after: after && { updatedAt: after[0], id: after[1] }, now: services.now().toISOString() },
      );
      const page = { items: result.items, total: result.total, ...(result.totalCapped ? { totalCapped: true } : {}) };
      return result.next ? { ...page, nextCursor: encodeCursor([result.next.updatedAt, result.next.id]) } : page;
    },

    'stories.history': async (input, ctx) => {
      signedIn(ctx);
      const story = await loadStory(db, input.id);
      const revisions = await listRevisions(db, story.id);
      const records = await listAuditRecords(db, story.id);
      return { revisions, events: records.map(({ details: _details, ...event }) => event), entries: historyEntries(revisions, records) };
    },

    'stories.revision': async (input, ctx) => {
      signedIn(ctx);
      const story = await loadStory(db, input.id);
      const revision = await getRevision(db, story.id, input.revisionId);
      if (!revision) throw new ApiError('NOT_FOUND', `Story ${story.id} has no revision ${input.revisionId}.`);
      return { revision: revision.summary, ...revision.content };
    },

    'stories.diff': async (input, ctx) => {
      signedIn(ctx);
      const story = await loadStory(db, input.id);
      const from = await getRevision(db, story.id, input.fromRevision);
      const to = await getRevision(db, story.id, input.toRevision);
      if (!from || !to) throw new ApiError('NOT_FOUND', `Story ${story.id} has no revision ${!from ? input.fromRevision : input.toRevision}.`);
      return { parts: diffWords(revisionText(from.content), revisionText(to.content), story.language || 'en'), from: from.summary, to: to.summary };
    },
  } satisfies Partial<Handlers>;
}
