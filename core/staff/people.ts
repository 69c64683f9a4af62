// Adapters from domain records to what shared/workflow.ts reasons about.

import type { Staff, Story } from '../../shared/domain.js';
import type { Person, WorkflowStory } from '../../shared/workflow.js';

export const toPerson = (staff: Staff): Person => ({ id: staff.id, roles: staff.roles });

export const toWorkflowStory = (story: Story): WorkflowStory => ({
  status: story.status,
  bylineIds: story.byline.map((b) => b.staffId),
  // The core's stories always carry authorIds; creator and byline are the floor either way.
  authorIds: story.authorIds ?? [story.createdBy, ...story.byline.map((b) => b.staffId)],
  textShares: story.textShares ?? [],
  createdBy: story.createdBy,
  claimedBy: story.claimedBy,
});
