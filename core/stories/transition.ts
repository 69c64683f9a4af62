// stories.transition: the person's move of a story through the workflow, one at a time per
// story. Who may take which action comes from shared/workflow.ts; applyTransition does the move.

import { ApiError } from '../../shared/errors.js';
import { refusal, TRANSITIONS } from '../../shared/workflow.js';
import { signedIn, type Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';
import { applyTransition } from './applyTransition.js';
import { loadStory } from './loadStory.js';

export function storyTransitionHandlers(services: CoreServices) {
  return {
    'stories.transition': (input, ctx) => {
      const staff = signedIn(ctx);
      return services.serialize(input.id, async () => {
        const story = await loadStory(services.db, input.id);
        const refused = refusal(input.action, toWorkflowStory(story), toPerson(staff));
        if (refused) throw new ApiError(refused.code, refused.message);
        const moved = await applyTransition(services, {
          story,
          name: input.action,
          transition: TRANSITIONS[input.action],
          actor: staff,
          sessionId: ctx.sessionId,
          note: input.note?.trim() ?? '',
          publishAt: input.publishAt,
          at: services.now(),
        });
        return { story: moved };
      });
    },
  } satisfies Partial<Handlers>;
}
