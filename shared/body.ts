// The story body: the ProseMirror/tiptap JSON shape the editor and the core agree on, its
// validation (nothing outside the schema is ever stored) and its plain text (for search,
// word counts, diffs and copy checks).

import type { DocNode } from './domain.js';

export const BLOCK_NODES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'figure'] as const;
export const INLINE_NODES = ['text', 'hardBreak'] as const;
export const MARKS = ['bold', 'italic', 'link'] as const;

/** Largest body accepted, counted in characters of text. A 1,500-word story is about 10,000. */
export const MAX_BODY_TEXT = 200_000;
export const MAX_BODY_NODES = 20_000;

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** Link targets a published page may carry. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= 2048 && /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href);
}

const CONTAINERS: Record<string, readonly string[]> = {
  doc: ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'figure'],
  blockquote: ['paragraph', 'heading', 'bulletList', 'orderedList'],
  bulletList: ['listItem'],
  orderedList: ['listItem'],
  listItem: ['paragraph', 'bulletList', 'orderedList'],
  paragraph: INLINE_NODES,
  heading: INLINE_NODES,
  figure: [],
};

/**
 * Checks a body against the schema. Returns the problems found (empty when valid), each with
 * the path of the node, so a caller can say exactly what is wrong.
 */
export function validateBody(doc: unknown): string[] {
  const problems: string[] = [];
  let nodes = 0;
  let chars = 0;
  const visit = (node: unknown, path: string, allowed: readonly string[]): void => {
    if (problems.length > 20) return;
    nodes += 1;
    if (nodes > MAX_BODY_NODES) {
      if (nodes === MAX_BODY_NODES + 1) problems.push(`the body has more than ${MAX_BODY_NODES} nodes`);
      return;
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push(`${path}: not a node`);
      return;
    }
    const n = node as Record<string, unknown>;
    const type = n.type;
    if (typeof type !== 'string' || !allowed.includes(type)) {
      problems.push(`${path}: node type ${JSON.stringify(type)} is not allowed here`);
      return;
    }
    for (const key of Object.keys(n)) {
      if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) problems.push(`${path}: unknown key ${key}`);
    }
    if (type === 'text') {
      if (typeof n.text !== 'string' || n.text.length === 0) problems.push(`${path}: text node without text`);
      else chars += n.text.length;
      if (n.marks !== undefined) checkMarks(n.marks, path, problems);
      if (n.content !== undefined) problems.push(`${path}: text node with content`);
      return;
    }
    if (n.text !== undefined) problems.push(`${path}: only text nodes carry text`);
    if (n.marks !== undefined) problems.push(`${path}: only text nodes carry marks`);
    checkAttrs(type, n.attrs, path, problems);
    if (n.content !== undefined) {
      if (!Array.isArray(n.content)) {
        problems.push(`${path}: content is not a list`);
        return;
      }
      const children = CONTAINERS[type] ?? [];
      n.content.forEach((child, i) => visit(child, `${path}.${type}[${i}]`, children));
    }
  };
  visit(doc, 'body', ['doc']);
  if (chars > MAX_BODY_TEXT) problems.push(`the body is longer than ${MAX_BODY_TEXT} characters`);
  return problems;
}

function checkAttrs(type: string, attrs: unknown, path: string, problems: string[]): void {
  if (attrs === undefined || attrs === null) {
    if (type === 'heading' || type === 'figure') problems.push(`${path}: ${type} needs attrs`);
    return;
  }
  if (typeof attrs !== 'object' || Array.isArray(attrs)) {
    problems.push(`${path}: attrs is not an object`);
    return;
  }
  const a = attrs as Record<string, unknown>;
  switch (type) {
    case 'heading':
      if (a.level !== 2 && a.level !== 3) problems.push(`${path}: heading level must be 2 or 3`);
      break;
    case 'orderedList':
      if (a.start !== undefined && (!Number.isInteger(a.start) || (a.start as number) < 0)) problems.push(`${path}: bad list start`);
      break;
    case 'figure':
      if (!Number.isInteger(a.storyPhotoId) || (a.storyPhotoId as number) <= 0) problems.push(`${path}: figure needs a storyPhotoId`);
      break;
  }
  const known: Record<string, string[]> = {
    heading: ['level', 'textAlign'],
    orderedList: ['start', 'type'],
    figure: ['storyPhotoId'],
  };
  for (const key of Object.keys(a)) {
    if (!(known[type] ?? []).includes(key)) problems.push(`${path}: unknown attribute ${key} on ${type}`);
  }
}

function checkMarks(marks: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(marks)) {
    problems.push(`${path}: marks is not a list`);
    return;
  }
  for (const mark of marks) {
    const m = mark as { type?: unknown; attrs?: Record<string, unknown> } | null;
    if (!m || typeof m.type !== 'string' || !(MARKS as readonly string[]).includes(m.type)) {
      problems.push(`${path}: mark ${JSON.stringify(m?.type)} is not allowed`);
    } else if (m.type === 'link' && !isSafeHref(m.attrs?.href)) {
      problems.push(`${path}: link target must be http(s) or mailto`);
    }
  }
}

/** The body's blocks as plain-text paragraphs (headings and list items each one paragraph). Figures are left out. */
export function bodyParagraphs(doc: DocNode): string[] {
  const out: string[] = [];
  const walk = (node: DocNode): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      out.push(inlineText(node));
      return;
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return out;
}

export function inlineText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

/** The body as one plain text, paragraphs separated by blank lines. Offsets in copy checks and comment anchors count in this text. */
export function bodyText(doc: DocNode): string {
  return bodyParagraphs(doc).join('\n\n');
}

/** A body made of plain paragraphs (demo data, benchmarks, tests, and the raw-text fallback). */
export function docFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: 'doc',
    content: paragraphs.map((text) => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' })),
  };
}
