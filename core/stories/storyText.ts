// What the core derives from a story's text before storing it: plain body text (search, diff,
// checks), word count and slug.

import { bodyParagraphs, bodyText } from '../../shared/body.js';
import type { DocNode } from '../../shared/domain.js';
import { countWords } from '../../shared/text.js';

/** Plain text without control characters (they would confuse search snippets). */
export function plainBody(body: DocNode): string {
  return bodyText(body).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/** Words in the text: the one count shared with the editor and the queue (shared/text.ts). */
export function wordCountOf(text: string, language: string): number {
  try {
    return countWords(text, language);
  } catch {
    // An unknown language tag must not break a save.
    return countWords(text, 'en');
  }
}

/**
 * A slug: ASCII letters, digits and hyphens ('' when none). The case is kept, since desks write
 * sluglines like KOR-JPN-SECURITY-TALKS; the published folder name is normalized separately.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** The text a diff compares: headline, subheadlines and body paragraphs. */
export function revisionText(content: { headline: string; subheadlines: string[]; body: DocNode }): string {
  return [content.headline, ...content.subheadlines, ...bodyParagraphs(content.body)].join('\n\n');
}
