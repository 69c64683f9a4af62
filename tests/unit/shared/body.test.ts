import { describe, expect, it } from 'vitest';
import {
  bodyDepth,
  bodyParagraphs,
  bodyText,
  docFromParagraphs,
  emptyDoc,
  isSafeHref,
  isWebHref,
  MAX_BODY_DEPTH,
  MAX_BODY_NODES,
  MAX_BODY_TEXT,
  MAX_LIST_NESTING,
  validateBody,
} from '../../../shared/body.js';
import type { DocNode } from '../../../shared/domain.js';
import { nestedLists } from '../../support/bodies.js';

const p = (text: string, marks?: DocNode['marks']): DocNode => ({
  type: 'paragraph',
  content: [marks ? { type: 'text', text, marks } : { type: 'text', text }],
});
const doc = (...content: unknown[]): unknown => ({ type: 'doc', content });

/** A body using every node and mark the schema allows. */
const FULL: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Talks resume' }] },
    { type: 'heading', attrs: { level: 3, textAlign: null }, content: [{ type: 'text', text: 'After five years' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Seoul ' },
        { type: 'text', text: 'and', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' Tokyo', marks: [{ type: 'italic' }, { type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'met', marks: [{ type: 'link', attrs: { href: 'https://www.koreaherald.com/' } }] },
        { type: 'text', text: ' — write to ' },
        { type: 'text', text: 'the desk', marks: [{ type: 'link', attrs: { href: 'mailto:desk@heraldcorp.com' } }] },
      ],
    },
    { type: 'figure', attrs: { storyPhotoId: 3 } },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p('First point')] },
        {
          type: 'listItem',
          content: [p('Second point'), { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p('Nested')] }] }],
        },
      ],
    },
    { type: 'orderedList', content: [{ type: 'listItem', content: [p('One')] }] },
    { type: 'blockquote', content: [p('“A quote,” she said.')] },
    { type: 'paragraph' },
  ],
};

describe('validateBody', () => {
  it('accepts a body with every allowed node and mark', () => {
    expect(validateBody(FULL)).toEqual([]);
    expect(validateBody(emptyDoc())).toEqual([]);
    expect(validateBody(docFromParagraphs(['One', '', 'Two']))).toEqual([]);
  });

  it('rejects what is not a document', () => {
    for (const bad of [null, undefined, 'text', 42, [], { type: 'paragraph' }, { content: [] }]) {
      expect(validateBody(bad).length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });

  it('rejects script-like and unknown nodes', () => {
    for (const type of ['script', 'iframe', 'image', 'html', 'codeBlock', 'doc']) {
      expect(validateBody(doc({ type, content: [] })).length, type).toBeGreaterThan(0);
    }
    expect(validateBody(doc({ type: 'paragraph', content: [{ type: 'script', text: 'alert(1)' }] }))).not.toEqual([]);
    // Blocks only where blocks belong, text only inside them.
    expect(validateBody(doc({ type: 'text', text: 'loose' }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'listItem', content: [p('x')] }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'paragraph', content: [p('nested')] }))).not.toEqual([]);
  });

  it('rejects unknown attributes, keys and marks', () => {
    expect(validateBody(doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'heading', attrs: { level: 2, style: 'x' }, content: [] }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'heading', attrs: { level: 1 }, content: [] }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'heading', content: [] }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'figure', attrs: { storyPhotoId: 3, src: 'http://x/y.jpg' } }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'figure', attrs: { storyPhotoId: 0 } }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'paragraph', html: '<b>x</b>' }))).not.toEqual([]);
    expect(validateBody(doc(p('x', [{ type: 'underline' }])))).not.toEqual([]);
    expect(validateBody(doc({ type: 'paragraph', marks: [{ type: 'bold' }] }))).not.toEqual([]);
    expect(validateBody(doc({ type: 'paragraph', content: [{ type: 'text', text: '' }] }))).not.toEqual([]);
  });

  it('rejects javascript: and other unsafe links', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.com', 'https://a b', undefined]) {
      expect(validateBody(doc(p('click', [{ type: 'link', attrs: { href } }]))).length, String(href)).toBeGreaterThan(0);
      expect(isSafeHref(href)).toBe(false);
    }
    expect(isSafeHref('https://example.com/a?b=c#d')).toBe(true);
    expect(isSafeHref('mailto:dagyumji@heraldcorp.com')).toBe(true);
    expect(isSafeHref(`https://x.com/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('makes links of web addresses by themselves, never of mail addresses', () => {
    expect(isWebHref('https://example.com')).toBe(true);
    expect(isWebHref('HTTP://example.com')).toBe(true);
    expect(isWebHref('mailto:desk@heraldcorp.com')).toBe(false);
    expect(isWebHref('example.com')).toBe(false);
  });

  it('rejects huge bodies, by text and by node count', () => {
    const long = docFromParagraphs(Array.from({ length: 21 }, () => 'x'.repeat(10_000)));
    expect(validateBody(long)).toContain(`the body is longer than ${MAX_BODY_TEXT} characters`);
    const many = docFromParagraphs(Array.from({ length: MAX_BODY_NODES }, () => 'x'));
    expect(validateBody(many).join(' ')).toContain(`more than ${MAX_BODY_NODES} nodes`);
    // A 1,500-word story is nowhere near either limit.
    expect(validateBody(docFromParagraphs(Array.from({ length: 60 }, () => 'word '.repeat(25).trim())))).toEqual([]);
  });

  it('stops listing problems after a handful', () => {
    const bad = doc(...Array.from({ length: 500 }, () => ({ type: 'script' })));
    expect(validateBody(bad).length).toBeLessThan(30);
  });
});

describe('the depth limit', () => {
  it('counts block levels: a top paragraph is 1, list and item add one each, a quote one', () => {
    expect(bodyDepth(docFromParagraphs(['a']))).toBe(1);
    expect(bodyDepth(emptyDoc())).toBe(1);
    expect(bodyDepth(nestedLists(1))).toBe(3);
    expect(bodyDepth(nestedLists(2))).toBe(5);
    expect(bodyDepth(nestedLists(1, { inQuote: true }))).toBe(4);
    expect(bodyDepth(FULL)).toBe(5);
    expect(MAX_BODY_DEPTH).toBe(2 * MAX_LIST_NESTING + 2);
  });

  it('accepts the deepest body the editor makes: lists nested to the limit, in a quote', () => {
    const deepest = nestedLists(MAX_LIST_NESTING, { inQuote: true });
    expect(bodyDepth(deepest)).toBe(MAX_BODY_DEPTH);
    expect(validateBody(deepest)).toEqual([]);
    expect(validateBody(nestedLists(MAX_LIST_NESTING))).toEqual([]);
    expect(bodyParagraphs(deepest)).toHaveLength(MAX_LIST_NESTING);
  });

  it('refuses one list more, in a quote or not, saying how deep a body may go', () => {
    for (const body of [nestedLists(MAX_LIST_NESTING + 1), nestedLists(MAX_LIST_NESTING + 1, { inQuote: true })]) {
      const problems = validateBody(body);
      expect(problems).toEqual([`the body nests more than ${MAX_BODY_DEPTH} levels deep (lists inside lists at most ${MAX_LIST_NESTING} deep)`]);
    }
  });

  it('refuses 1,000 nested lists (which used to pass and then overflow the stack in preview and publish)', () => {
    const body = nestedLists(1000);
    expect(JSON.stringify(body).length).toBeLessThan(2_000_000);
    expect(validateBody(body).join(' ')).toMatch(/nests more than 22 levels deep/);
  });

  it('refuses a hostile 100,000-deep document without overflowing the stack, quickly', () => {
    // The smallest nodes the schema lets nest (a list item holding only a list): far more than a 2 MB request carries.
    let hostile: unknown = { type: 'paragraph' };
    for (let i = 0; i < 100_000; i += 1) hostile = { type: 'bulletList', content: [{ type: 'listItem', content: [hostile] }] };
    const started = performance.now();
    const problems = validateBody({ type: 'doc', content: [hostile] });
    expect(performance.now() - started).toBeLessThan(200);
    expect(problems).toEqual([`the body nests more than ${MAX_BODY_DEPTH} levels deep (lists inside lists at most ${MAX_LIST_NESTING} deep)`]);
    const lists = nestedLists(100_000);
    expect(validateBody(lists).join(' ')).toMatch(/nests more than/);
    // The helpers that walk any stored body do not overflow either.
    expect(bodyDepth(lists)).toBe(200_001);
    expect(bodyParagraphs(lists)).toHaveLength(100_000);
  });

  it('still reports other problems in order, and the node limit, while walking without recursion', () => {
    const problems = validateBody(doc(p('ok'), { type: 'script' }, { type: 'paragraph', attrs: { onclick: 'x' } }));
    expect(problems).toEqual(['body.doc[1]: node type "script" is not allowed here', 'body.doc[2]: unknown attribute onclick on paragraph']);
  });
});

describe('bodyParagraphs and bodyText', () => {
  it('gives headings, paragraphs and list items as paragraphs, leaving figures out', () => {
    expect(bodyParagraphs(FULL)).toEqual([
      'Talks resume',
      'After five years',
      'Seoul and Tokyo\nmet — write to the desk',
      'First point',
      'Second point',
      'Nested',
      'One',
      '“A quote,” she said.',
      '',
    ]);
  });

  it('joins paragraphs with a blank line', () => {
    expect(bodyText(docFromParagraphs(['One.', 'Two.']))).toBe('One.\n\nTwo.');
    expect(bodyText(emptyDoc())).toBe('');
  });

  it('round-trips plain paragraphs', () => {
    const paragraphs = ['South Korea and Japan on Monday agreed…', '북한이 미사일을 발사했다', ''];
    expect(bodyParagraphs(docFromParagraphs(paragraphs))).toEqual(paragraphs);
  });
});
