// Rows for tests that write stories straight through db/ (the PostgreSQL adapter's own tests):
// a story's content and its workflow fields with everything but what the test names left plain.

import type { StoryContent, WorkflowFields } from '../../db/stories.js';
import { docFromParagraphs } from '../../shared/body.js';
import type { Status } from '../../shared/domain.js';

/** A one-paragraph story on `desk` (default World). */
export const storyContent = (headline: string, body: string, opts: { language?: string; desk?: string } = {}): StoryContent => ({
  slug: '',
  desk: opts.desk ?? 'World',
  headline,
  subheadlines: [],
  dateline: '',
  language: opts.language ?? 'en',
  body: docFromParagraphs([body]),
  bodyText: body,
  wordCount: body.split(' ').length,
});

/** A story moved to `status` at `at`, unclaimed, unscheduled, never published. */
export const workflowFields = (status: Status, at: string): WorkflowFields => ({
  status,
  claimedBy: null,
  sendBackNote: null,
  correctionNote: null,
  publishAt: null,
  scheduledBy: null,
  publishedVersions: 0,
  at,
});
