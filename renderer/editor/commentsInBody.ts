// The story's open comments in the body: their passages highlighted (the active one stronger),
// and a comment's passage selected when it is chosen in the Comments tab.
import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import type { Comment } from '../../shared/domain.js';
import { commentHighlightKey, type HighlightAnchor } from './commentHighlights.js';
import { locateQuote, posOf, textIndex } from './offsets.js';

export function useCommentHighlights(editor: Editor | null, comments: Comment[] | undefined, activeComment: number | null) {
  useEffect(() => {
    if (!editor || !comments) return;
    const anchors: HighlightAnchor[] = comments
      .filter((c) => c.anchor && !c.resolved && c.parentId === null)
      .map((c) => ({ id: c.id, ...c.anchor!, active: c.id === activeComment }));
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, anchors).setMeta('addToHistory', false));
  }, [editor, comments, activeComment]);
}

/** Selects and shows a passage: where its quote is now, else where its offsets fall. */
export function selectRange(e: Editor | null, range: { from: number; to: number }, quote?: string) {
  if (!e) return;
  const index = textIndex(e.state.doc);
  const at = quote ? locateQuote(index.text, { ...range, quote }) : range;
  if (!at) return;
  const from = posOf(index, at.from);
  const to = posOf(index, at.to);
  if (from === null || to === null) return;
  e.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
}
