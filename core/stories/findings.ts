// The copy checks on a saved story: stories.check, and a desk editor's dismissing (with a note)
// and restoring of a finding. The checks themselves run in the copy desk (core/copyDesk/).

import { dismissRefusal } from '../../shared/workflow.js';
import { ApiError } from '../../shared/errors.js';
import { deleteDismissal, insertAuditEvent, upsertDismissal } from '../../db/index.js';
import { findingsChanged } from '../changeEvents.js';
import { signedIn, type Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { toPerson } from '../staff/people.js';
import { write } from '../write.js';
import { loadStory } from './loadStory.js';

export function storyFindingHandlers(services: CoreServices) {
  const { db, copyDesk } = services;
  return {
    'stories.check': async (input, ctx) => {
      signedIn(ctx);
      return { findings: await copyDesk.findings(await loadStory(db, input.id)) };
    },

    'stories.dismissFinding': async (input, ctx) => {
      const staff = signedIn(ctx);
      const story = await loadStory(db, input.id);
      const before = await copyDesk.findings(story);
      const finding = before.find((f) => f.key === input.key);
      if (!finding) {
        throw new ApiError('NOT_FOUND', 'That finding no longer applies to the saved story (it may have been fixed, or the change is not saved yet).');
      }
      const refused = dismissRefusal(toPerson(staff), finding.severity);
      if (refused) throw new ApiError(refused.code, refused.message);
      const at = services.now().toISOString();
      const note = input.note.trim();
      await write(services, async (events) => {
        await upsertDismissal(db, story.id, { key: finding.key, note, by: staff.id, at });
        await insertAuditEvent(db, {
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
      copyDesk.recountSoon(story.id);
      // The story did not change: the findings are the ones just run, with this one now dismissed.
      const dismissal = { key: finding.key, note, by: staff.id, byName: staff.name, at };
      return { dismissal, findings: before.map((f) => (f.key === finding.key ? { ...f, dismissed: dismissal } : f)) };
    },

    'stories.restoreFinding': async (input, ctx) => {
      const staff = signedIn(ctx);
      const story = await loadStory(db, input.id);
      const refused = dismissRefusal(toPerson(staff), 'warning');
      if (refused) throw new ApiError(refused.code, refused.message);
      await write(services, async (events) => {
        if (!(await deleteDismissal(db, story.id, input.key))) throw new ApiError('NOT_FOUND', 'That finding is not dismissed.');
        await insertAuditEvent(db, {
          storyId: story.id,
          actorId: staff.id,
          event: 'finding.restore',
          from: null,
          to: null,
          note: null,
          details: { key: input.key },
          at: services.now().toISOString(),
        });
        events.push(findingsChanged(story, 'dismissals'));
      });
      copyDesk.recountSoon(story.id);
      return { findings: await copyDesk.findings(story) };
    },
  } satisfies Partial<Handlers>;
}
