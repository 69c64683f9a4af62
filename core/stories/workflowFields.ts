// A story's workflow fields as stored, for a move to change some of them and write them back.

import type { WorkflowFields } from '../../db/index.js';
import type { Story } from '../../shared/domain.js';

export function workflowOf(story: Story, at: string): WorkflowFields {
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
