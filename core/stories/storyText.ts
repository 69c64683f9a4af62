// What the core derives from a story's text before storing it, besides the plain body text and
// word count it shares with the editor (plainBody in shared/body.ts, countBodyWords in
// shared/text.ts): the slug and the text a diff compares.

import { bodyParagraphs } from '../../shared/body.js';
import type { DocNode } from '../../shared/domain.js';

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
