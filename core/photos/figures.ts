// Inline photos live in the story body as figure nodes {type:'figure', attrs:{storyPhotoId}}.
// These pure functions add, remove and reorder them without touching any other node.

import type { DocNode } from '../../shared/domain.js';

const isFigure = (node: DocNode, id?: number) => node.type === 'figure' && (id === undefined || node.attrs?.storyPhotoId === id);

/** A copy of the doc with a figure before top-level block `index` (clamped; default: at the end). */
export function insertFigure(doc: DocNode, storyPhotoId: number, index?: number): DocNode {
  const blocks = [...(doc.content ?? [])];
  const at = index === undefined ? blocks.length : Math.max(0, Math.min(index, blocks.length));
  blocks.splice(at, 0, { type: 'figure', attrs: { storyPhotoId } });
  return { ...doc, content: blocks };
}

/** A copy of the doc without the figures of this story photo (wherever they are). */
export function removeFigures(doc: DocNode, storyPhotoId: number): DocNode {
  const strip = (node: DocNode): DocNode => {
    if (!node.content) return node;
    return { ...node, content: node.content.filter((c) => !isFigure(c, storyPhotoId)).map(strip) };
  };
  const out = strip(doc);
  // The schema wants at least one block in a doc.
  if (!out.content || out.content.length === 0) out.content = [{ type: 'paragraph' }];
  return out;
}

/** The storyPhotoIds of the doc's figures, in reading order. */
export function figureIds(doc: DocNode): number[] {
  const ids: number[] = [];
  const walk = (node: DocNode) => {
    if (isFigure(node) && typeof node.attrs?.storyPhotoId === 'number') ids.push(node.attrs.storyPhotoId);
    node.content?.forEach(walk);
  };
  walk(doc);
  return ids;
}

/**
 * Puts the inline photos into the given order while keeping the places figures stand in: the
 * first figure slot gets the first photo of `order`, and so on. Photos not in `order` keep theirs.
 */
export function reorderFigures(doc: DocNode, order: number[]): DocNode {
  const present = figureIds(doc);
  const ordered = new Set(order.filter((id) => present.includes(id)));
  const wanted = order.filter((id) => ordered.has(id));
  let w = 0;
  // Each slot that held an ordered photo takes the next photo of the wanted order.
  const queue = present.map((id) => (ordered.has(id) ? wanted[w++]! : id));
  let slot = 0;
  const walk = (node: DocNode): DocNode => {
    if (isFigure(node)) return { ...node, attrs: { ...node.attrs, storyPhotoId: queue[slot++] } };
    return node.content ? { ...node, content: node.content.map(walk) } : node;
  };
  return walk(doc);
}
