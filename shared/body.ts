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

/** How many lists may stand inside one another. Word and Google Docs stop at 9, so what they paste fits. */
export const MAX_LIST_NESTING = 10;
/**
 * How deep a body's blocks may nest. A level is one block inside another: a top-level paragraph
 * is at level 1, a paragraph in an item of a top-level list at 3 (list, item, paragraph); text and
 * hard breaks are not levels. The deepest the schema allows within MAX_LIST_NESTING is a quote
 * holding lists that deep: 1 + 2 × 10 + 1. The editor never goes further (it refuses the Tab or
 * paste that would), and every walk over a body (HTML, plain text, checks) stays far from the stack's end.
 */
export const MAX_BODY_DEPTH = 2 * MAX_LIST_NESTING + 2;

/** Blocks that hold text; what they hold is inline, not a level. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading']);

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
 * the path of the node, so a caller can say exactly what is wrong. Walks with its own stack, not
 * recursion, and goes no deeper than MAX_BODY_DEPTH, so a hostile 100,000-deep document is refused
 * like any other bad body.
 */
export function validateBody(doc: unknown): string[] {
  const problems: string[] = [];
  let nodes = 0;
  let chars = 0;
  let tooDeep = false;
  // Children are pushed last-first so nodes are checked in document order.
  const stack: { node: unknown; path: string; allowed: readonly string[]; level: number }[] = [
    { node: doc, path: 'body', allowed: ['doc'], level: 0 },
  ];
  while (stack.length > 0 && problems.length <= 20) {
    const { node, path, allowed, level } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_BODY_NODES) {
      problems.push(`the body has more than ${MAX_BODY_NODES} nodes`);
      break;
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push(`${path}: not a node`);
      continue;
    }
    const n = node as Record<string, unknown>;
    const type = n.type;
    if (typeof type !== 'string' || !allowed.includes(type)) {
      problems.push(`${path}: node type ${JSON.stringify(type)} is not allowed here`);
      continue;
    }
    for (const key of Object.keys(n)) {
      if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) problems.push(`${path}: unknown key ${key}`);
    }
    if (type === 'text') {
      if (typeof n.text !== 'string' || n.text.length === 0) problems.push(`${path}: text node without text`);
      else chars += n.text.length;
      if (n.marks !== undefined) checkMarks(n.marks, path, problems);
      if (n.content !== undefined) problems.push(`${path}: text node with content`);
      continue;
    }
    if (n.text !== undefined) problems.push(`${path}: only text nodes carry text`);
    if (n.marks !== undefined) problems.push(`${path}: only text nodes carry marks`);
    checkAttrs(type, n.attrs, path, problems);
    if (n.content === undefined) continue;
    if (!Array.isArray(n.content)) {
      problems.push(`${path}: content is not a list`);
      continue;
    }
    const childLevel = TEXT_BLOCKS.has(type) ? level : level + 1;
    if (childLevel > MAX_BODY_DEPTH && n.content.length > 0) {
      if (!tooDeep) problems.push(`the body nests more than ${MAX_BODY_DEPTH} levels deep (lists inside lists at most ${MAX_LIST_NESTING} deep)`);
      tooDeep = true;
      continue;
    }
    const children = CONTAINERS[type] ?? [];
    for (let i = n.content.length - 1; i >= 0; i -= 1) {
      stack.push({ node: n.content[i], path: `${path}.${type}[${i}]`, allowed: children, level: childLevel });
    }
  }
  if (chars > MAX_BODY_TEXT) problems.push(`the body is longer than ${MAX_BODY_TEXT} characters`);
  return problems;
}

/**
 * The deepest level of the blocks under `root` (0 when it has none), counted as MAX_BODY_DEPTH
 * counts them, without recursion. `blocks` gives a node's block children: none for a text block.
 * The editor applies it to its own document nodes, the core to stored JSON.
 */
export function blockDepth<N>(root: N, blocks: (node: N) => readonly N[]): number {
  let deepest = 0;
  const stack: [N, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (level > deepest) deepest = level;
    for (const child of blocks(node)) stack.push([child, level + 1]);
  }
  return deepest;
}

/** How deep a stored body's blocks nest (see MAX_BODY_DEPTH). */
export function bodyDepth(doc: DocNode): number {
  return blockDepth(doc, (node) => (TEXT_BLOCKS.has(node.type) ? [] : (node.content ?? [])));
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
  // Its own stack, in document order: a body stored before the depth limit may nest deeper than recursion reaches.
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (TEXT_BLOCKS.has(node.type)) {
      out.push(inlineText(node));
      continue;
    }
    const content = node.content ?? [];
    for (let i = content.length - 1; i >= 0; i -= 1) stack.push(content[i]!);
  }
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
