// Highlights the passages comments are anchored to, as ProseMirror decorations (never in the
// stored document). Anchors arrive by transaction meta and follow edits until replaced.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { locateQuote, posOf, textIndex } from './offsets.js';

export interface HighlightAnchor {
  id: number;
  from: number;
  to: number;
  quote: string;
  active: boolean;
}

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlights');

function build(doc: PMNode, anchors: HighlightAnchor[]): DecorationSet {
  if (anchors.length === 0) return DecorationSet.empty;
  const index = textIndex(doc);
  const decos: Decoration[] = [];
  for (const a of anchors) {
    const at = locateQuote(index.text, a);
    if (!at) continue;
    const from = posOf(index, at.from);
    const to = posOf(index, at.to);
    if (from === null || to === null || to <= from) continue;
    decos.push(
      Decoration.inline(from, to, {
        class: a.active ? 'comment-highlight active' : 'comment-highlight',
        'data-comment-id': String(a.id),
      }),
    );
  }
  return DecorationSet.create(doc, decos);
}

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, value) {
            const anchors = tr.getMeta(commentHighlightKey) as HighlightAnchor[] | undefined;
            if (anchors) return build(tr.doc, anchors);
            return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
          },
        },
        props: {
          decorations(state) {
            return commentHighlightKey.getState(state);
          },
        },
      }),
    ];
  },
});
