// comments.*: anyone on the staff may comment on a story; the comment's author, the story's
// authors and desk editors may resolve.

import { bodyText } from '../../shared/body.js';
import { ApiError } from '../../shared/errors.js';
import { isAuthor, isDeskEditor } from '../../shared/workflow.js';
import { getComment, insertComment, setCommentResolved } from '../../db/index.js';
import { signedIn, type Handlers } from '../dispatch.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';
import type { CoreServices } from '../services.js';
import { storyChanged } from '../changeEvents.js';
import { write } from '../write.js';
import { loadStory } from './loadStory.js';

export function commentsModule(services: CoreServices) {
  const { db } = services;
  const handlers = {
    'comments.add': async (input, ctx) => {
      const staff = signedIn(ctx);
      return await write(services, async (events) => {
        const story = await loadStory(db, input.storyId);
        if (input.parentId !== undefined) {
          const parent = await getComment(db, input.parentId);
          if (!parent || parent.storyId !== story.id) throw new ApiError('NOT_FOUND', `Story ${story.id} has no comment ${input.parentId}.`);
        }
        const anchor = input.anchor ?? null;
        if (anchor) {
          const length = bodyText(story.body).length;
          if (anchor.from > anchor.to || anchor.to > length) {
            throw new ApiError('VALIDATION', 'The comment is anchored outside the story text.', [{ path: 'anchor', message: 'out of range' }]);
          }
        }
        const id = await insertComment(db, {
          storyId: story.id,
          parentId: input.parentId ?? null,
          authorId: staff.id,
          text: input.text,
          anchor,
          at: services.now().toISOString(),
        });
        events.push(storyChanged(story));
        const comment = await getComment(db, id);
        if (!comment) throw new Error('comment vanished');
        return { comment };
      });
    },

    'comments.resolve': async (input, ctx) => {
      const staff = signedIn(ctx);
      return await write(services, async (events) => {
        const comment = await getComment(db, input.id);
        if (!comment) throw new ApiError('NOT_FOUND', `There is no comment ${input.id}.`);
        const story = await loadStory(db, comment.storyId);
        const person = toPerson(staff);
        if (comment.authorId !== staff.id && !isDeskEditor(person) && !isAuthor(toWorkflowStory(story), person)) {
          throw new ApiError('FORBIDDEN', 'Only the comment’s author, the story’s authors or a desk editor may resolve it.');
        }
        await setCommentResolved(db, comment.id, input.resolved, staff.id, services.now().toISOString());
        events.push(storyChanged(story));
        const updated = await getComment(db, comment.id);
        if (!updated) throw new Error('comment vanished');
        return { comment: updated };
      });
    },
  } satisfies Partial<Handlers>;
  return { handlers };
}
