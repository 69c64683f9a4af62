// What every copy check sees and returns. A check is a small pure function over the story.

import type { DocNode, Finding, Severity, Story, StoryPhoto } from '../domain.js';

export interface CheckInput {
  story: Story;
  photos: StoryPhoto[];
}

/** A run of text inside the body, with its offset in bodyText(story.body). */
export interface TextSpan {
  text: string;
  from: number;
  marks: NonNullable<DocNode['marks']>;
}

/** The story prepared once for all checks, so each check stays a few lines. */
export interface CheckContext extends CheckInput {
  /** The body's plain text; every finding's range counts in it. */
  text: string;
  /** Each paragraph (or heading, or list item paragraph) with its offset in `text`. */
  paragraphs: { text: string; from: number }[];
  /** Every text node of the body with its marks and offset. */
  spans: TextSpan[];
  /** storyPhotoIds of the figures placed in the body. */
  figureIds: number[];
  /** The locale words are segmented in. */
  locale: string;
}

export interface Check {
  id: string;
  severity: Severity;
  run(ctx: CheckContext): Omit<Finding, 'id' | 'severity'>[];
}
