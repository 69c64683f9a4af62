// The story body (tiptap JSON, shape checked by shared/body.ts) as HTML. Written by hand rather
// than with the editor's own serializer so the core needs no DOM, and so that nothing outside
// the schema — unknown nodes, unsafe links, raw markup in text — can reach a published page.

import { isSafeHref } from '../../shared/body.js';
import type { DocNode } from '../../shared/domain.js';
import { escapeHtml } from './escape.js';

/** Renders a figure node (an inline photo) or returns '' when the photo is not on the story. */
export type FigureRenderer = (storyPhotoId: number) => string;

export function bodyToHtml(doc: DocNode, figure: FigureRenderer): string {
  return (doc.content ?? [])
    .map((node) => block(node, figure))
    .filter((s) => s !== '')
    .join('\n');
}

function block(node: DocNode, figure: FigureRenderer): string {
  const children = (): string =>
    (node.content ?? [])
      .map((child) => block(child, figure))
      .filter((s) => s !== '')
      .join('\n');
  switch (node.type) {
    case 'paragraph': {
      const inner = inline(node);
      return inner.trim() === '' ? '' : `<p>${inner}</p>`;
    }
    case 'heading': {
      const level = node.attrs?.level === 3 ? 3 : 2;
      const inner = inline(node);
      return inner.trim() === '' ? '' : `<h${level}>${inner}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>\n${children()}\n</ul>`;
    case 'orderedList': {
      const start = node.attrs?.start;
      const startAttr = typeof start === 'number' && Number.isInteger(start) && start !== 1 ? ` start="${start}"` : '';
      return `<ol${startAttr}>\n${children()}\n</ol>`;
    }
    case 'listItem':
      return `<li>${children()}</li>`;
    case 'blockquote':
      return `<blockquote>\n${children()}\n</blockquote>`;
    case 'figure': {
      const id = node.attrs?.storyPhotoId;
      return typeof id === 'number' ? figure(id) : '';
    }
    default:
      return ''; // not in the schema: never published
  }
}

function inline(node: DocNode): string {
  return (node.content ?? []).map(inlineNode).join('');
}

function inlineNode(node: DocNode): string {
  if (node.type === 'hardBreak') return '<br>';
  if (node.type !== 'text' || typeof node.text !== 'string') return '';
  let html = escapeHtml(node.text);
  const marks = node.marks ?? [];
  // Innermost first: italic inside bold inside link, whatever order the editor stored them in.
  if (marks.some((m) => m.type === 'italic')) html = `<em>${html}</em>`;
  if (marks.some((m) => m.type === 'bold')) html = `<strong>${html}</strong>`;
  const link = marks.find((m) => m.type === 'link');
  const href = link?.attrs?.href;
  if (link && isSafeHref(href)) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  return html;
}
