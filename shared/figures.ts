// Reconciling a story body's figures with the story's inline photos. The story_photos table says
// WHICH photos stand in the text; the body says WHERE and in what order. A body a client sends
// can therefore neither invent a figure (an unknown or lead photo, or a second copy) nor drop
// one: missing figures are put back where they stand in the server's body. Pure, so the core
// (every save) and the editor (a photo placed while someone types) use the same rule.

import type { DocNode } from './domain.js';
import { inlineText } from './body.js';

const figureId = (node: DocNode): number | null => (node.type === 'figure' && typeof node.attrs?.storyPhotoId === 'number' ? node.attrs.storyPhotoId : null);

/** The storyPhotoIds of the doc's figures, in reading order (figures are top-level blocks). */
export function bodyFigureIds(doc: DocNode): number[] {
  return (doc.content ?? []).map(figureId).filter((id): id is number => id !== null);
}

/** A block's identity for matching: its type and text. Empty blocks match nothing (too many alike). */
const anchorKey = (node: DocNode): string | null => {
  const text = inlineText(node).trim();
  return text === '' ? null : `${node.type}\u0000${text}`;
};

/** Index of the block of `blocks` with this key nearest to `near`, or -1. */
function findAnchor(blocks: DocNode[], key: string, near: number): number {
  let best = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (figureId(blocks[i]!) === null && anchorKey(blocks[i]!) === key && (best < 0 || Math.abs(i - near) < Math.abs(best - near))) best = i;
  }
  return best;
}

/**
 * `incoming` with its figures made to agree with `inlineIds` (the story's inline photos):
 * figures of photos not in `inlineIds`, and repeats, are dropped; inline photos with no figure
 * get one at the place they have in `reference` (the server's current body) — before the same
 * following block, else after the same preceding block (matched by text), else at the same
 * block index, clamped — and, when `reference` has no figure for them either, at the end.
 * Figures already in `incoming` keep their places. With `order: 'reference'` (merging a save
 * over a photo editor's changes) the figure slots are then filled in the reference's order, as
 * photos.reorder does, so a reorder made meanwhile survives. Returns `incoming` itself when
 * nothing changes.
 */
export function reconcileFigures(incoming: DocNode, reference: DocNode, inlineIds: readonly number[], opts: { order?: 'incoming' | 'reference' } = {}): DocNode {
  const allowed = new Set(inlineIds);
  const seen = new Set<number>();
  let changed = false;
  const blocks: DocNode[] = [];
  for (const node of incoming.content ?? []) {
    const id = figureId(node);
    if (node.type === 'figure' && (id === null || !allowed.has(id) || seen.has(id))) {
      changed = true;
      continue;
    }
    if (id !== null) seen.add(id);
    blocks.push(node);
  }

  // Figures put in by this pass: a run of them before or after one anchor keeps its order.
  const added = new Set<DocNode>();
  const ref = reference.content ?? [];
  const place = (id: number, refIndex: number) => {
    const figure: DocNode = { type: 'figure', attrs: { storyPhotoId: id } };
    let at = -1;
    if (refIndex >= 0) {
      const next = ref.slice(refIndex + 1).find((n) => figureId(n) === null && anchorKey(n) !== null);
      const nextAt = next ? findAnchor(blocks, anchorKey(next)!, refIndex) : -1;
      if (nextAt >= 0) at = nextAt;
      else {
        const prev = ref
          .slice(0, refIndex)
          .reverse()
          .find((n) => figureId(n) === null && anchorKey(n) !== null);
        const prevAt = prev ? findAnchor(blocks, anchorKey(prev)!, refIndex) : -1;
        if (prevAt >= 0) {
          at = prevAt + 1;
          while (at < blocks.length && added.has(blocks[at]!)) at++;
        } else {
          at = Math.min(refIndex, blocks.length);
        }
      }
    } else {
      at = blocks.length;
    }
    blocks.splice(at, 0, figure);
    added.add(figure);
    seen.add(id);
    changed = true;
  };

  // Missing photos in the order they stand in the reference, then any the reference lacks, in story order.
  ref.forEach((node, i) => {
    const id = figureId(node);
    if (id !== null && allowed.has(id) && !seen.has(id)) place(id, i);
  });
  for (const id of inlineIds) if (!seen.has(id)) place(id, -1);

  if (opts.order === 'reference') {
    const rank = new Map(bodyFigureIds(reference).map((id, i) => [id, i] as const));
    const slots = blocks.flatMap((n, i) => (figureId(n) !== null ? [i] : []));
    const ids = slots.map((i) => figureId(blocks[i]!)!);
    // Stable: photos the reference lacks keep their relative order, after the ones it places.
    const wanted = ids.map((id, i) => ({ id, i })).sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.i - b.i);
    slots.forEach((slot, k) => {
      const id = wanted[k]!.id;
      if (id !== ids[k]) {
        blocks[slot] = { type: 'figure', attrs: { ...blocks[slot]!.attrs, storyPhotoId: id } };
        changed = true;
      }
    });
  }

  if (!changed) return incoming;
  // The schema wants at least one block in a doc.
  if (blocks.length === 0) blocks.push({ type: 'paragraph' });
  return { ...incoming, content: blocks };
}
