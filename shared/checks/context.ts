// Walks the story once: the body's plain text with the offsets of its paragraphs and text
// nodes, counted exactly as bodyText() counts them, so a range points at the right words; and
// every text a reader sees as a source the text checks scan alike.

import type { DocNode, FindingPlace, FixEdit, StoryPhoto } from '../domain.js';
import { countWords } from '../text.js';
import type { CheckContext, CheckInput, TextSource, TextSpan } from './types.js';

export function buildContext(input: CheckInput): CheckContext {
  const paragraphs: { text: string; from: number }[] = [];
  const spans: TextSpan[] = [];
  const figureIds: number[] = [];
  let offset = 0;

  // Pieces are collected and joined once: a paragraph of many text nodes stays linear.
  const inline = (node: DocNode, pieces: string[], at: { n: number }): void => {
    if (node.type === 'text') {
      const t = node.text ?? '';
      spans.push({ text: t, from: at.n, marks: node.marks ?? [] });
      pieces.push(t);
      at.n += t.length;
    } else if (node.type === 'hardBreak') {
      pieces.push('\n');
      at.n += 1;
    } else {
      node.content?.forEach((child) => inline(child, pieces, at));
    }
  };

  const walk = (node: DocNode): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      // bodyText joins paragraphs with a blank line: the separator precedes every paragraph but the first.
      if (paragraphs.length > 0) offset += 2;
      const pieces: string[] = [];
      inline(node, pieces, { n: offset });
      const text = pieces.join('');
      paragraphs.push({ text, from: offset });
      offset += text.length;
      return;
    }
    if (node.type === 'figure' && typeof node.attrs?.storyPhotoId === 'number') figureIds.push(node.attrs.storyPhotoId);
    node.content?.forEach(walk);
  };
  walk(input.story.body);

  const { story } = input;
  const locale = story.language || 'en';
  const caption = (p: StoryPhoto): TextSource => ({
    field: 'caption',
    storyPhotoId: p.id,
    kind: 'captions',
    text: p.caption,
    from: 0,
    label: `caption of photo "${photoLabel(p)}"`,
  });
  const photos = orderedPhotos(input.photos);
  const sources: TextSource[] = [
    { field: 'headline', kind: 'headlines', text: story.headline, from: 0, label: 'headline' },
    ...story.subheadlines.map((text, index): TextSource => ({ field: 'subheadlines', index, kind: 'headlines', text, from: 0, label: 'subheadline' })),
    ...photos.filter((p) => p.placement === 'lead').map(caption),
    ...paragraphs.map((p): TextSource => ({ field: 'body', kind: 'body', text: p.text, from: p.from, label: 'body' })),
    ...photos.filter((p) => p.placement !== 'lead').map(caption),
  ];

  let text: string | null = null;
  return {
    ...input,
    // bodyText(story.body), without walking the body again: its paragraphs joined by a blank
    // line, when first asked for (no check needs the whole body as one string).
    get text(): string {
      return (text ??= paragraphs.map((p) => p.text).join('\n\n'));
    },
    paragraphs,
    // Paragraph by paragraph: V8's Intl.Segmenter, which countWords uses for Japanese and
    // Chinese, slows down super-linearly on one long string.
    paragraphWords: paragraphs.map((p) => countWords(p.text, locale)),
    spans,
    figureIds,
    locale,
    sources,
  };
}

/** Lead photos first, then the rest, each by its order: how a reader meets their captions. */
function orderedPhotos(photos: readonly StoryPhoto[]): StoryPhoto[] {
  return [...photos].sort((a, b) => Number(b.placement === 'lead') - Number(a.placement === 'lead') || a.order - b.order);
}

/** How a finding names a photo: its file name, else the start of its caption, else its number. */
export function photoLabel(photo: StoryPhoto): string {
  const name = photo.asset?.originalName?.trim();
  if (name) return name;
  const caption = photo.caption.trim();
  if (caption) return caption.length > 40 ? `${caption.slice(0, 40)}…` : caption;
  return `#${photo.id}`;
}

/** The place of text[from, to) of a source, as a finding range in its field. */
export function placeIn(src: TextSource, from: number, to: number): FindingPlace & { range: { from: number; to: number } } {
  const place: FindingPlace & { range: { from: number; to: number } } = { field: src.field, range: { from: src.from + from, to: src.from + to } };
  if (src.storyPhotoId !== undefined) place.storyPhotoId = src.storyPhotoId;
  if (src.index !== undefined) place.index = src.index;
  return place;
}

/** An edit replacing text[from, to) of a source. */
export function editIn(src: TextSource, from: number, to: number, replace: string): FixEdit {
  return { place: placeIn(src, from, to), find: src.text.slice(from, to), replace };
}

/** The whole of a field, as a place without a range. */
export function fieldPlace(src: Pick<TextSource, 'field' | 'storyPhotoId' | 'index'>): FindingPlace {
  const place: FindingPlace = { field: src.field };
  if (src.storyPhotoId !== undefined) place.storyPhotoId = src.storyPhotoId;
  if (src.index !== undefined) place.index = src.index;
  return place;
}

/** " in the headline", " in the caption of photo …", or "" for the body (where most findings are). */
export function inWhere(src: TextSource): string {
  return src.field === 'body' ? '' : ` in the ${src.label}`;
}
