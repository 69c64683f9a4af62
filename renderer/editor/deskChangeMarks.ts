// The desk's changes marked in the body, in place: inserted words wrapped in <ins>, deleted words
// shown where they stood as <del> widgets (they are no longer in the text), each with a spoken
// cue for screen readers, since colour and strike say nothing to them. Decorations only: nothing
// enters the document. The marks arrive by transaction meta and follow any change until replaced.
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { DiffPart } from '../../shared/domain.js';
import { posOf, textIndex } from './offsets.js';

export const deskChangeMarksKey = new PluginKey<DecorationSet>('deskChangeMarks');

function cue(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'sr-only';
  span.textContent = text;
  return span;
}

/** A deleted passage where it stood: paragraph breaks inside it shown as ¶, so it stays on one line. */
function deletedWidget(text: string): HTMLElement {
  const del = document.createElement('del');
  del.className = 'desk-change-del';
  del.append(cue('[deleted: '), text.replace(/\n\n/g, ' ¶ ').replace(/\n/g, ' '), cue(']'));
  return del;
}

/**
 * The marks for `parts`, a word diff whose new side is the text `doc` holds (bodyText: paragraphs
 * joined by a blank line), or null when the document holds other text: marks placed on it would
 * point at the wrong words.
 */
export function deskChangeDecorations(doc: PMNode, parts: readonly DiffPart[]): DecorationSet | null {
  const index = textIndex(doc);
  const after = parts
    .filter((p) => p.kind !== 'delete')
    .map((p) => p.text)
    .join('');
  // The editor keeps an empty paragraph after a figure that ends the body (to type after it): the
  // stored text has none, and the offsets before it are the same.
  const trailing = index.text.slice(after.length);
  if (!index.text.startsWith(after) || !/^\n*$/.test(trailing)) return null;
  const decos: Decoration[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    if (part.kind === 'equal') {
      offset += part.text.length;
      return;
    }
    const at = posOf(index, offset);
    if (at === null) return;
    if (part.kind === 'delete') {
      decos.push(Decoration.widget(at, () => deletedWidget(part.text), { side: -1, marks: [], key: `del-${i}-${part.text}`, ignoreSelection: true }));
      return;
    }
    const end = posOf(index, offset + part.text.length);
    offset += part.text.length;
    if (end === null || end <= at) return;
    decos.push(
      Decoration.widget(at, () => cue('[inserted: '), { side: -1, marks: [], key: `ins-open-${i}` }),
      Decoration.inline(at, end, { nodeName: 'ins', class: 'desk-change-ins' }),
      Decoration.widget(end, () => cue(']'), { side: 1, marks: [], key: `ins-close-${i}` }),
    );
  });
  return DecorationSet.create(doc, decos);
}

/** Shows the marks for `parts` (null clears them). Returns false, showing nothing, when the editor holds other text. */
export function setDeskChangeMarks(editor: Editor, parts: readonly DiffPart[] | null): boolean {
  const decos = parts ? deskChangeDecorations(editor.state.doc, parts) : DecorationSet.empty;
  if (!decos) return false;
  editor.view.dispatch(editor.state.tr.setMeta(deskChangeMarksKey, decos).setMeta('addToHistory', false).setMeta('preventUpdate', true));
  return true;
}

export const DeskChangeMarks = Extension.create({
  name: 'deskChangeMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: deskChangeMarksKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, value) {
            const next = tr.getMeta(deskChangeMarksKey) as DecorationSet | undefined;
            if (next) return next;
            return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
          },
        },
        props: {
          decorations(state) {
            return deskChangeMarksKey.getState(state);
          },
        },
      }),
    ];
  },
});
