// The story body in tiptap, limited to the body schema, with its toolbar. Labelled "Story body"
// as a multi-line textbox. Pasted HTML is cleaned before parsing; a paste nested deeper than a
// body may be is flattened to fit (depthLimit.ts), and the writer is told.
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { DocNode } from '../../shared/domain.js';
import { sanitizePastedHtml } from './paste.js';
import { storyExtensions } from './schema.js';
import { Toolbar } from './Toolbar.js';

/** Memoized with stable options: tiptap compares options on every render and re-applies them when they differ. */
export const BodyEditor = memo(function BodyEditor({
  initial,
  editable,
  lang,
  onReady,
  onChange,
  onNotice,
}: {
  initial: DocNode;
  editable: boolean;
  lang: string;
  onReady(editor: Editor | null): void;
  onChange(editor: Editor): void;
  /** A message for the writer about what the editor did with their input (a paste flattened to fit). */
  onNotice(message: string): void;
}) {
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const noticeRef = useRef(onNotice);
  noticeRef.current = onNotice;
  const extensions = useMemo(() => storyExtensions({ onDepthLimit: (message) => noticeRef.current(message) }), []);
  const editorProps = useMemo(
    () => ({
      attributes: {
        'aria-label': 'Story body',
        role: 'textbox',
        'aria-multiline': 'true',
        // A read-only body stays reachable by keyboard, to read and to copy from.
        tabindex: '0',
        class: 'story-body',
        spellcheck: 'true',
        lang,
      },
      transformPastedHTML: sanitizePastedHtml,
      // Files dropped or pasted (images) have no place in the text: photos come from the library.
      handleDrop: (_view: unknown, event: Event) => !!(event as DragEvent).dataTransfer?.files?.length,
      handlePaste: (_view: unknown, event: ClipboardEvent) => !!event.clipboardData?.files?.length && !event.clipboardData.getData('text/html'),
    }),
    [lang],
  );
  const editor = useEditor({
    extensions,
    content: initial,
    editable,
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps,
    onUpdate: ({ editor: e, transaction }) => {
      if (transaction.getMeta('preventUpdate')) return;
      changeRef.current(e);
    },
  });

  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
    editor.view.dom.setAttribute('aria-readonly', editable ? 'false' : 'true');
  }, [editor, editable]);

  return (
    <div className="body-editor">
      {editable ? <Toolbar editor={editor} disabled={!editable} /> : null}
      <EditorContent editor={editor} className="body-content" />
    </div>
  );
});

/**
 * Puts `doc` into the editor (server text after take theirs, restore, another person's save, or a
 * figure a photo editor placed). Only the part that differs is replaced, so the selection and the
 * scroll position stay where they were unless they were inside the changed part. Returns false
 * when the editor already shows exactly this document.
 */
export function replaceDoc(editor: Editor, doc: DocNode, opts: { history: boolean }): boolean {
  const next = editor.schema.nodeFromJSON(doc);
  const current = editor.state.doc;
  const start = current.content.findDiffStart(next.content);
  if (start === null) return false;
  const end = current.content.findDiffEnd(next.content);
  let endA = end?.a ?? current.content.size;
  let endB = end?.b ?? next.content.size;
  // When the same text repeats around the change the two ends can cross; widen both alike.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  const tr = editor.state.tr.replace(start, endA, next.slice(start, endB)).setMeta('preventUpdate', true);
  if (!opts.history) tr.setMeta('addToHistory', false);
  editor.view.dispatch(tr);
  return true;
}
