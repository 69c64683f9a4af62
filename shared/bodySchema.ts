// The story body's schema as data: which nodes and marks a body has, what each node holds, which
// attributes it carries and which links it may make. The one description the core and the editor
// share: shared/body.ts validates every body against it, the editor's tiptap extensions are
// configured from it (renderer/editor/schema.ts), and a unit test holds the schema the editor
// builds to it. Plain data, since shared/ imports no editor library.

/** A node of the body, in the terms of a ProseMirror node spec. */
export interface BodyNodeSpec {
  /** What the node holds: a ProseMirror content expression over node and group names. None for a leaf. */
  readonly content?: string;
  /** The groups it belongs to, space-separated as ProseMirror writes them. */
  readonly group?: string;
  /** The attributes a node may carry. */
  readonly attrs: readonly string[];
  /** Whether a node must carry attributes (a heading its level, a figure its photo). */
  readonly attrsRequired?: boolean;
}

// The order is the editor's: where a block must be made up (an empty document), it is a paragraph.
export const BODY_NODES = {
  doc: { content: 'block+', attrs: [] },
  paragraph: { content: 'inline*', group: 'block', attrs: [] },
  // textAlign is accepted (null) although the editor never sets it.
  heading: { content: 'inline*', group: 'block', attrs: ['level', 'textAlign'], attrsRequired: true },
  bulletList: { content: 'listItem+', group: 'block list', attrs: [] },
  orderedList: { content: 'listItem+', group: 'block list', attrs: ['start', 'type'] },
  /** A list item is a paragraph, then paragraphs or nested lists. */
  listItem: { content: 'paragraph (paragraph | bulletList | orderedList)*', attrs: [] },
  /** A quote holds text blocks and lists, never figures or other quotes. */
  blockquote: { content: '(paragraph | heading | bulletList | orderedList)+', group: 'block', attrs: [] },
  /** A photo placed in the text, by its story photo id. */
  figure: { group: 'block', attrs: ['storyPhotoId'], attrsRequired: true },
  text: { group: 'inline', attrs: [] },
  hardBreak: { group: 'inline', attrs: [] },
} as const satisfies Record<string, BodyNodeSpec>;

export type BodyNodeType = keyof typeof BODY_NODES;

const NODE_TYPES = Object.keys(BODY_NODES) as BodyNodeType[];

/** The spec of a node type, or undefined when the body has no such node. */
export function bodyNodeSpec(type: string): BodyNodeSpec | undefined {
  return Object.hasOwn(BODY_NODES, type) ? BODY_NODES[type as BodyNodeType] : undefined;
}

/** The nodes in a group ('block', 'inline', 'list'), in schema order. */
export function nodesInGroup(group: string): BodyNodeType[] {
  return NODE_TYPES.filter((type) => (bodyNodeSpec(type)?.group ?? '').split(' ').includes(group));
}

/** The node types a node of `type` may hold directly: the names in its content expression, groups expanded. */
export function childTypes(type: string): readonly string[] {
  return CHILDREN.get(type) ?? [];
}

const CHILDREN = new Map<string, readonly string[]>(
  NODE_TYPES.map((type) => {
    const names = bodyNodeSpec(type)?.content?.match(/[A-Za-z]+/g) ?? [];
    return [type, [...new Set(names.flatMap((name) => (bodyNodeSpec(name) ? [name] : nodesInGroup(name))))]];
  }),
);

/** Blocks that hold text (paragraph, heading): what they hold is inline, not a level of nesting. */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set(
  NODE_TYPES.filter((type) => {
    const children = childTypes(type);
    return children.length > 0 && children.every((child) => nodesInGroup('inline').includes(child as BodyNodeType));
  }),
);

/** The list nodes (bullet and numbered). */
export const LIST_NODES: ReadonlySet<string> = new Set(nodesInGroup('list'));

/** The heading levels a body has: 1 is the story's headline, never part of the body. */
export const HEADING_LEVELS = [2, 3] as const;

/** The marks text may carry. */
export const BODY_MARKS = ['bold', 'italic', 'link'] as const;

/**
 * The link schemes a body may carry: web pages (only these become links by themselves when typed
 * or pasted as text) and mail addresses. A link typed without a scheme is a web link.
 */
export const LINK_SCHEMES = { web: ['http', 'https'], other: ['mailto'], typed: 'https' } as const;

/** Longest link target kept. */
export const MAX_HREF_LENGTH = 2048;

/** Whether a figure's photo id is one (a story photo's id: a positive whole number). */
export function isStoryPhotoId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}
