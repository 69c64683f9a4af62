// The body's depth limit (MAX_BODY_DEPTH in shared/body.ts) in the editor, so it never makes a
// body the core would refuse to save. A paste that would nest deeper is flattened until it fits
// (its deepest lists become plain paragraphs) and says so; any other change that would (Tab on an
// item already at the deepest level, a drop) is refused with a message.
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { blockDepth, MAX_BODY_DEPTH, MAX_LIST_NESTING } from '../../shared/body.js';
import { LIST_NODES, TEXT_BLOCKS } from '../../shared/bodySchema.js';

export const FLATTENED_PASTE = `The pasted lists nest deeper than a story allows (${MAX_LIST_NESTING} levels); their deepest items were pasted as plain paragraphs.`;
export const REFUSED_CHANGE = `Lists nest at most ${MAX_LIST_NESTING} levels deep in a story; that change was not made.`;

/** How deep the editor's document nests, counted as the core counts a stored body. */
export function docDepth(doc: PMNode): number {
  return blockDepth(doc, (node) => (TEXT_BLOCKS.has(node.type.name) ? [] : node.content.content));
}

const isList = (node: PMNode): boolean => LIST_NODES.has(node.type.name);

function textblocksOf(node: PMNode, out: PMNode[]): void {
  node.descendants((child) => {
    if (child.isTextblock) out.push(child);
    return !child.isTextblock;
  });
}

/** How many lists stand inside one another in the fragment, at most. */
function listNesting(fragment: Fragment): number {
  let deepest = 0;
  fragment.forEach((node) => {
    if (node.isTextblock || node.isLeaf) return;
    deepest = Math.max(deepest, (isList(node) ? 1 : 0) + listNesting(node.content));
  });
  return deepest;
}

/** The fragment with lists nested more than `keep` deep replaced by their paragraphs (a list item may hold paragraphs). */
function flattenLists(fragment: Fragment, keep: number, lists = 0): Fragment {
  const out: PMNode[] = [];
  fragment.forEach((node) => {
    if (isList(node) && lists >= keep) textblocksOf(node, out);
    else if (node.isTextblock || node.isLeaf) out.push(node);
    else out.push(node.copy(flattenLists(node.content, keep, lists + (isList(node) ? 1 : 0))));
  });
  return Fragment.from(out);
}

/** The slice as plain paragraphs: the last resort when even a paste without lists would be too deep. */
function plainSlice(slice: Slice): Slice {
  const blocks: PMNode[] = [];
  slice.content.forEach((node) => (node.isTextblock ? blocks.push(node) : textblocksOf(node, blocks)));
  return Slice.maxOpen(Fragment.from(blocks), true);
}

/** Whether a change from `before` to `after` keeps within the limit (a body already deeper may only get shallower). */
function withinLimit(after: PMNode, before: PMNode): boolean {
  const depth = docDepth(after);
  return depth <= MAX_BODY_DEPTH || depth <= docDepth(before);
}

/**
 * Pastes `slice`, flattened as little as needed to keep within the limit. Returns false when the
 * slice fits as it is (the editor pastes it the usual way).
 */
function pasteWithinLimit(view: EditorView, slice: Slice, notify: (message: string) => void): boolean {
  const state: EditorState = view.state;
  const fits = (s: Slice) => withinLimit(state.tr.replaceSelection(s).doc, state.doc);
  if (fits(slice)) return false;
  const tries: Slice[] = [];
  for (let keep = listNesting(slice.content) - 1; keep >= 0; keep -= 1) tries.push(Slice.maxOpen(flattenLists(slice.content, keep), true));
  tries.push(plainSlice(slice));
  const flat = tries.find(fits);
  if (!flat) {
    notify(REFUSED_CHANGE);
    return true;
  }
  view.dispatch(state.tr.replaceSelection(flat).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
  notify(FLATTENED_PASTE);
  return true;
}

export interface DepthLimitOptions {
  /** Told, in words for the writer, when a paste was flattened or a change refused. */
  onLimit: (message: string) => void;
}

export const DepthLimit = Extension.create<DepthLimitOptions>({
  name: 'depthLimit',
  addOptions() {
    return { onLimit: () => undefined };
  },
  addProseMirrorPlugins() {
    const notify = (message: string) => this.options.onLimit(message);
    return [
      new Plugin({
        key: new PluginKey('depthLimit'),
        props: {
          handlePaste: (view, _event, slice) => pasteWithinLimit(view, slice, notify),
        },
        // The backstop for every other way in (Tab, drag and drop, commands).
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || withinLimit(tr.doc, state.doc)) return true;
          notify(REFUSED_CHANGE);
          return false;
        },
      }),
    ];
  },
});
