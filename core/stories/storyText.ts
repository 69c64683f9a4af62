// What the core derives from a story's text before storing it, besides what it shares with the
// editor (the plain body text in shared/body.ts, the word count in shared/text.ts, the slug in
// shared/slug.ts): the text a diff compares.

import { bodyParagraphs } from '../../shared/body.js';
import type { DocNode } from '../../shared/domain.js';

/** The text a diff compares: headline, subheadlines and body paragraphs. */
export function revisionText(content: { headline: string; subheadlines: string[]; body: DocNode }): string {
  return [content.headline, ...content.subheadlines, ...bodyParagraphs(content.body)].join('\n\n');
}
