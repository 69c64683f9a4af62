// The editor's word count must equal the core's (what the queue row shows) for any body.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/body.js';
import type { DocNode } from '../../../shared/domain.js';
import { plainBody, wordCountOf } from '../../../core/stories/storyText.js';

// renderer/ belongs to the DOM project (tsconfig.web.json), so it is loaded by path here; the
// module itself uses nothing of the DOM.
const RENDERER_WORD_COUNT = '../../../renderer/editor/wordCount.js';
const { countBodyWords } = (await import(RENDERER_WORD_COUNT)) as { countBodyWords(body: DocNode, language: string): number };

const seed = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/seed-article/story.json'), 'utf8')) as {
  body_paragraphs: string[];
};
const core = (doc: DocNode, lang = 'en') => wordCountOf(plainBody(doc), lang);
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
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('Korea’s item one'))] }, { type: 'listItem', content: [p(t('two'))] }] },
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

  it('falls back to English for an unknown language tag, like the core', () => {
    const doc = docFromParagraphs(['two words']);
    expect(countBodyWords(doc, 'not a tag!')).toBe(2);
  });
});
