// The `figure` node of the body schema: an inline photo placed in the text, identified by its
// story photo id. Shown as a non-editable block with the thumbnail and "caption (credit)".
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { isStoryPhotoId } from '../../shared/bodySchema.js';
import { MarkedCaption } from '../photos/MarkedCaption.js';
import { useEditorPhotos } from './editorPhotos.js';

const photoIdOf = (el: HTMLElement): number | null => {
  const n = Number(el.getAttribute('data-story-photo-id'));
  return isStoryPhotoId(n) ? n : null;
};

/** The lead photo above the body, as the published page shows it (placed from the Photos tab). */
export function LeadPhoto() {
  const lead = useEditorPhotos((s) => s.photos.find((p) => p.placement === 'lead'));
  if (!lead) return null;
  return (
    <figure className="story-figure story-lead" aria-label="Lead photo">
      <img src={lead.asset.displayUrl} alt={lead.alt || lead.caption} loading="lazy" draggable={false} />
      <figcaption>
        {lead.caption ? <MarkedCaption photo={lead} /> : <em>No caption</em>} {lead.credit ? `(${lead.credit})` : <em>(no credit)</em>}
      </figcaption>
    </figure>
  );
}

function FigureView({ node, selected }: ReactNodeViewProps) {
  const id = node.attrs.storyPhotoId as number;
  const photo = useEditorPhotos((s) => s.photos.find((p) => p.id === id));
  return (
    <NodeViewWrapper as="figure" className={selected ? 'story-figure selected' : 'story-figure'} contentEditable={false} data-drag-handle="">
      {photo ? (
        <>
          <img src={photo.asset.thumbUrl} alt={photo.alt || photo.caption} loading="lazy" draggable={false} />
          <figcaption>
            {photo.caption ? <MarkedCaption photo={photo} /> : <em>No caption</em>} {photo.credit ? `(${photo.credit})` : <em>(no credit)</em>}
          </figcaption>
        </>
      ) : (
        <figcaption>
          <em>Photo {id} is not attached to this story.</em>
        </figcaption>
      )}
    </NodeViewWrapper>
  );
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      storyPhotoId: {
        default: null,
        parseHTML: (el: HTMLElement) => photoIdOf(el),
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-story-photo-id': attrs.storyPhotoId }),
      },
    };
  },

  parseHTML() {
    // Only our own figures (copied within the editor) come back as figures; pasted <figure>s from elsewhere do not.
    return [{ tag: 'figure[data-story-photo-id]', getAttrs: (el: HTMLElement) => (photoIdOf(el) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'story-figure' })];
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});
