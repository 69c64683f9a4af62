// Walks the story once: the body's plain text with the offsets of its paragraphs and text
// nodes, counted exactly as bodyText() counts them, so a range points at the right words.

import { bodyText } from '../body.js';
import type { DocNode, StoryPhoto } from '../domain.js';
import type { CheckContext, CheckInput, TextSpan } from './types.js';

export function buildContext(input: CheckInput): CheckContext {
  const paragraphs: { text: string; from: number }[] = [];
  const spans: TextSpan[] = [];
  const figureIds: number[] = [];
  let offset = 0;

  const inline = (node: DocNode, acc: { text: string }, base: number): void => {
    if (node.type === 'text') {
      const t = node.text ?? '';
      spans.push({ text: t, from: base + acc.text.length, marks: node.marks ?? [] });
      acc.text += t;
    } else if (node.type === 'hardBreak') {
      acc.text += '\n';
    } else {
      node.content?.forEach((child) => inline(child, acc, base));
    }
  };

  const walk = (node: DocNode): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      // bodyText joins paragraphs with a blank line: the separator precedes every paragraph but the first.
      if (paragraphs.length > 0) offset += 2;
      const acc = { text: '' };
      inline(node, acc, offset);
      paragraphs.push({ text: acc.text, from: offset });
      offset += acc.text.length;
      return;
    }
    if (node.type === 'figure' && typeof node.attrs?.storyPhotoId === 'number') figureIds.push(node.attrs.storyPhotoId);
    node.content?.forEach(walk);
  };
  walk(input.story.body);

  return {
    ...input,
    text: bodyText(input.story.body),
    paragraphs,
    spans,
    figureIds,
    locale: input.story.language || 'en',
  };
}

/** How a finding names a photo: its file name, else the start of its caption, else its number. */
export function photoLabel(photo: StoryPhoto): string {
  const name = photo.asset?.originalName?.trim();
  if (name) return name;
  const caption = photo.caption.trim();
  if (caption) return caption.length > 40 ? `${caption.slice(0, 40)}…` : caption;
  return `#${photo.id}`;
}
