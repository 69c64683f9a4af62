// Maps between offsets in bodyText() (paragraphs joined by a blank line, as comment anchors
// and copy-check ranges count) and ProseMirror positions in the live document.
import type { Node as PMNode } from '@tiptap/pm/model';

interface Block {
  /** Offset of the block's first character in bodyText. */
  from: number;
  /** ProseMirror position of the block's content start. */
  pos: number;
  length: number;
}

export interface TextIndex {
  text: string;
  blocks: Block[];
}

export function textIndex(doc: PMNode): TextIndex {
  const blocks: Block[] = [];
  let text = '';
  doc.descendants((node, pos) => {
    if (node.type.name === 'paragraph' || node.type.name === 'heading') {
      if (blocks.length > 0) text += '\n\n';
      let inner = '';
      node.forEach((child) => {
        // Text counts its characters, a hard break one newline: both are one position per character.
        inner += child.isText ? (child.text ?? '') : child.type.name === 'hardBreak' ? '\n' : ''.padEnd(child.nodeSize, ' ');
      });
      blocks.push({ from: text.length, pos: pos + 1, length: inner.length });
      text += inner;
      return false;
    }
    return true;
  });
  return { text, blocks };
}

/** The ProseMirror position of a bodyText offset (offsets between blocks snap to the nearest block). */
export function posOf(index: TextIndex, offset: number): number | null {
  const { blocks } = index;
  if (blocks.length === 0) return null;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((blocks[mid] as Block).from <= offset) lo = mid;
    else hi = mid - 1;
  }
  const b = blocks[lo] as Block;
  return b.pos + Math.max(0, Math.min(b.length, offset - b.from));
}

/** The bodyText offset of a ProseMirror position (positions outside text snap to the next block). */
export function offsetOf(index: TextIndex, pos: number): number {
  for (const b of index.blocks) {
    if (pos <= b.pos + b.length) return b.from + Math.max(0, pos - b.pos);
  }
  return index.text.length;
}

/**
 * Where an anchored quote is now: at its offsets when the text there still matches, otherwise
 * the occurrence of the quote nearest to where it was. Null when the quoted words are gone.
 */
export function locateQuote(text: string, anchor: { from: number; to: number; quote: string }): { from: number; to: number } | null {
  const { quote } = anchor;
  if (!quote) return null;
  if (text.slice(anchor.from, anchor.to) === quote) return { from: anchor.from, to: anchor.to };
  let best: number | null = null;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (best === null || Math.abs(i - anchor.from) < Math.abs(best - anchor.from)) best = i;
  }
  return best === null ? null : { from: best, to: best + quote.length };
}
