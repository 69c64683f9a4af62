// The story body: the ProseMirror/tiptap JSON shape the editor and the core agree on (its
// schema is shared/bodySchema.ts), its validation (nothing outside the schema is ever stored)
// and its plain text (for search, word counts, diffs and copy checks).

import { BODY_MARKS, bodyNodeSpec, childTypes, HEADING_LEVELS, isStoryPhotoId, LINK_SCHEMES, MAX_HREF_LENGTH, TEXT_BLOCKS } from './bodySchema.js';
import type { DocNode } from './domain.js';

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

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

const WEB_HREF = new RegExp(`^(${LINK_SCHEMES.web.join('|')}):\\/\\/`, 'i');
const SAFE_HREF = new RegExp(`^(${[...LINK_SCHEMES.web.map((s) => `${s}:\\/\\/`), ...LINK_SCHEMES.other.map((s) => `${s}:`)].join('|')})[^\\s<>"]+$`, 'i');

/** Link targets a published page may carry. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= MAX_HREF_LENGTH && SAFE_HREF.test(href);
}

/** Whether a URL is a web address, the only kind that becomes a link by itself when typed or pasted as text. */
export function isWebHref(url: string): boolean {
  return WEB_HREF.test(url);
}

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
  const stack: { node: unknown; path: string; allowed: readonly string[]; level: number }[] = [{ node: doc, path: 'body', allowed: ['doc'], level: 0 }];
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
    const children = childTypes(type);
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
    if (bodyNodeSpec(type)?.attrsRequired) problems.push(`${path}: ${type} needs attrs`);
    return;
  }
  if (typeof attrs !== 'object' || Array.isArray(attrs)) {
    problems.push(`${path}: attrs is not an object`);
    return;
  }
  const a = attrs as Record<string, unknown>;
  switch (type) {
    case 'heading':
      if (!(HEADING_LEVELS as readonly unknown[]).includes(a.level)) problems.push(`${path}: heading level must be ${HEADING_LEVELS.join(' or ')}`);
      break;
    case 'orderedList':
      if (a.start !== undefined && (!Number.isInteger(a.start) || (a.start as number) < 0)) problems.push(`${path}: bad list start`);
      break;
    case 'figure':
      if (!isStoryPhotoId(a.storyPhotoId)) problems.push(`${path}: figure needs a storyPhotoId`);
      break;
  }
  const known: readonly string[] = bodyNodeSpec(type)?.attrs ?? [];
  for (const key of Object.keys(a)) {
    if (!known.includes(key)) problems.push(`${path}: unknown attribute ${key} on ${type}`);
  }
}

function checkMarks(marks: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(marks)) {
    problems.push(`${path}: marks is not a list`);
    return;
  }
  for (const mark of marks) {
    const m = mark as { type?: unknown; attrs?: Record<string, unknown> } | null;
    if (!m || typeof m.type !== 'string' || !(BODY_MARKS as readonly string[]).includes(m.type)) {
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

/** The body's plain text as stored for search and counted for words: bodyText without control characters (they would confuse search snippets). */
export function plainBody(doc: DocNode): string {
  return bodyText(doc).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/** A body made of plain paragraphs (demo data, benchmarks, tests, and the raw-text fallback). */
export function docFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: 'doc',
    content: paragraphs.map((text) => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' })),
  };
}
