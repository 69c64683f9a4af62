// The editor's word count must equal the core's (what the queue row shows) for any body. Both
// are countBodyWords (shared/text.ts): the editor counts the JSON of its document, the core the
// body it stored, so the editor's document, built by its own schema, must count as the body does.
import { getSchema } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyExtensions } from '../../../renderer/editor/schema.js';
import { docFromParagraphs } from '../../../shared/body.js';
import type { DocNode } from '../../../shared/domain.js';
import { countBodyWords as countStoredBody } from '../../../shared/text.js';

const schema = getSchema(storyExtensions());
/** What the editor counts: its document's JSON, as the editor builds it from the body. */
const countBodyWords = (body: DocNode, language: string) => countStoredBody(schema.nodeFromJSON(body).toJSON() as DocNode, language);

const seed = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/seed-article/story.json'), 'utf8')) as {
  body_paragraphs: string[];
};
const core = (doc: DocNode, lang = 'en') => countStoredBody(doc, lang);
const t = (text: string): DocNode => ({ type: 'text', text });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

describe('countBodyWords (editor) equals the core count', () => {
  it('on the seed article', () => {
    const doc = docFromParagraphs(seed.body_paragraphs);
    expect(countBodyWords(doc, 'en')).toBe(core(doc));
  });

  it('on joiners and digits at paragraph edges, lists, quotes, headings and hard breaks', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('Senior-level talks')] },
        p(t('ends with a hyphen -')),
        p(t('- starts with one, 5-year 17일')),
        p(t('a'), { type: 'hardBreak' }, t('b-c')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(t('Korea’s item one'))] },
            { type: 'listItem', content: [p(t('two'))] },
          ],
        },
        { type: 'blockquote', content: [p(t('“Quoted,” she said.'))] },
        p(),
        p(t('control\u0001char and 3.5 km')),
      ],
    };
    expect(countBodyWords(doc, 'en')).toBe(core(doc));
    expect(countBodyWords(doc, 'ko')).toBe(core(doc, 'ko'));
  });

  it('on a 10,000-word body, in well under a second', () => {
    const paragraphs: string[] = [];
    while (paragraphs.length < 290) paragraphs.push(...seed.body_paragraphs);
    const doc = docFromParagraphs(paragraphs);
    const started = performance.now();
    const n = countBodyWords(doc, 'en');
    const ms = performance.now() - started;
    expect(n).toBeGreaterThan(10_000);
    expect(ms).toBeLessThan(500);
    expect(n).toBe(core(doc));
  });

  it('counts a Latin paragraph in a Japanese story as the core always has', () => {
    // Counted over the whole text, as the core stores it: the editor once counted by paragraph and showed 8.
    const doc = docFromParagraphs(['Seoul,Tokyo and U.S. talks', '東京で会談した']);
    expect(countBodyWords(doc, 'ja')).toBe(core(doc, 'ja'));
    expect(countBodyWords(doc, 'ja')).toBe(9);
  });

  it('falls back to English for an unknown language tag, like the core', () => {
    const doc = docFromParagraphs(['two words']);
    expect(countBodyWords(doc, 'not a tag!')).toBe(2);
  });
});
