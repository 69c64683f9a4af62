// What every copy check sees and returns. A check is a small pure function over the story.

import type { CheckField, CheckSettings, DocNode, FindingFix, FindingPlace, Id, Severity, Story, StoryPhoto } from '../domain.js';
import type { HousePerson } from './people.js';

export interface CheckInput {
  story: Story;
  photos: StoryPhoto[];
  settings: CheckSettings;
  /** The newsroom's people list (house spellings and aliases); none: names are compared by rule only. */
  people?: readonly HousePerson[];
}

/** A run of text inside the body, with its offset in bodyText(story.body). */
export interface TextSpan {
  text: string;
  from: number;
  marks: NonNullable<DocNode['marks']>;
}

/** Which part of the story a text is, for house-style rules ("headlines" = headline and subheadlines). */
export type TextKind = 'headlines' | 'body' | 'captions';

/**
 * A piece of text a check scans: the headline, a subheadline, one body paragraph or a caption.
 * `from` is where `text` starts in its field's string (a paragraph's offset in the body text; 0
 * elsewhere), so `from + i` is a range offset a finding can use directly.
 */
export interface TextSource {
  field: CheckField;
  storyPhotoId?: Id;
  index?: number;
  kind: TextKind;
  text: string;
  from: number;
  /** How a message names it: "headline", "subheadline", "body", `caption of photo "x.jpg"`. */
  label: string;
}

/** The story prepared once for all checks, so each check stays a few lines. */
export interface CheckContext extends CheckInput {
  /** The body's plain text; every body range counts in it. */
  text: string;
  /** Each paragraph (or heading, or list item paragraph) with its offset in `text`. */
  paragraphs: { text: string; from: number }[];
  /** The words of each paragraph (countWords), counted once for every check that needs them. */
  paragraphWords: number[];
  /** Every text node of the body with its marks and offset. */
  spans: TextSpan[];
  /** storyPhotoIds of the figures placed in the body. */
  figureIds: number[];
  /** The locale words are segmented in. */
  locale: string;
  /**
   * Every text a reader sees, in reading order: headline, subheadlines, captions of lead photos,
   * the body paragraph by paragraph, captions of inline photos.
   */
  sources: TextSource[];
}

/** What a check reports; the engine adds the check's id and severity and makes the key. */
export interface CheckResult {
  /**
   * What was found, for the key (`${id}:${subject}`): never an offset. A check that scans every
   * text (headline, subheadlines, body, captions) names the text too (keys.sourceSubject), so the
   * same slip in a caption and in the body are two keys and fixing one never renumbers the other.
   */
  subject: string;
  message: string;
  places: FindingPlace[];
  fixes?: FindingFix[];
}

export interface Check {
  id: string;
  severity: Severity;
  /**
   * Blocking until decided: a warning only a person can settle (which of two spellings is the
   * person's name), so the story is not approved while it is open. It is fixed, or a desk editor
   * dismisses it with a note saying why it stands. It counts as a warning everywhere else: the
   * queue counts it, submitting records it, and publishing a story already approved ignores it.
   */
  decideBeforeApproval?: true;
  run(ctx: CheckContext): CheckResult[];
}

/**
 * Most findings one check reports for a story. A pasted page of 50,000 brackets is one problem,
 * not 50,000 rows in the panel; the editor still marks the first of them.
 */
export const MAX_FINDINGS_PER_CHECK = 200;
