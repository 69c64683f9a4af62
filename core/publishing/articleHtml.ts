// The published article page: one self-contained HTML file (inline CSS, no scripts, no remote
// resources). Publishing and preview both call renderArticle; they differ only in where an
// image's src points (images/… inside the package, /media/… in preview) and in the line under the
// byline, where a preview says it is not published yet instead of claiming a publication time.
// Dates a reader sees are in the newsroom's time zone; the <time> elements carry UTC.

import { offsetLabel, offsetMinutes, wallClock } from '../../shared/timeZone.js';
import { bodyToHtml } from './bodyHtml.js';
import { escapeHtml } from './escape.js';
import type { PackageInput, PackagePhoto } from './model.js';

/** Where a photo's large rendition is found by whoever reads the page. */
export type ImageHref = (photo: PackagePhoto, index: number) => string;

export interface RenderMeta {
  /** The version this page is published as. */
  version: number;
  publishedAt: Date;
  /** When the first version went out (equal to publishedAt for version 1). */
  firstPublishedAt: Date;
  /** The IANA zone a reader's dates are shown in (the newsroom's). */
  timeZone: string;
}

/**
 * What a preview knows of the story's publication: a preview is not published, so it never
 * claims a publication time; it says so, or when the story is scheduled to go out.
 */
export interface PreviewMeta {
  timeZone: string;
  /** When its first and its latest version went out; null when it never was published. */
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  /** The story's status is published: the preview is the version out now. */
  isPublished: boolean;
  /** When a scheduled story goes out; null when it is not scheduled. */
  scheduledFor: Date | null;
}

const CSS = `
:root{color-scheme:light}
body{margin:0;background:#fff;color:#1a1a1a;font:18px/1.6 Georgia,"Times New Roman",serif}
article{max-width:42rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2.1rem;line-height:1.2;margin:0 0 .75rem}
.subheadline{font-size:1.25rem;line-height:1.4;color:#444;margin:0 0 1rem}
.byline,.dateline,.published{font:600 .95rem/1.4 system-ui,sans-serif;margin:.15rem 0;color:#333}
.published{font-weight:400;color:#666}
figure{margin:1.5rem 0}
figure img{display:block;width:100%;height:auto;background:#eee}
figcaption{font:.9rem/1.45 system-ui,sans-serif;color:#555;margin-top:.5rem}
blockquote{margin:1.25rem 0;padding-left:1rem;border-left:3px solid #bbb;color:#333}
.correction,.notice{font:1rem/1.5 system-ui,sans-serif;background:#fff8e1;border:1px solid #e0c060;padding:.75rem 1rem;margin:2rem 0 0}
.notice{background:#fdecea;border-color:#d9534f}
a{color:#0645ad}
`.trim();

function page(title: string, language: string, articleHtml: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language || 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Belt and braces: even a page someone edits by hand cannot run script or fetch from elsewhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    articleHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** "By A (a@x)", "By A (a@x) and B (b@x)", "By A (a@x), B (b@x) and C (c@x)". */
export function bylineText(byline: { name: string; email: string }[]): string {
  const people = byline.map((b) => (b.email ? `${b.name} (${b.email})` : b.name));
  if (people.length === 0) return '';
  const joined = people.length === 1 ? people[0] : `${people.slice(0, -1).join(', ')} and ${people[people.length - 1]}`;
  return `By ${joined}`;
}

/** Caption then a space then "(Credit)", as the seed article prints it. */
export function captionLine(photo: Pick<PackagePhoto, 'caption' | 'credit'>): string {
  const caption = photo.caption.trim();
  const credit = photo.credit.trim();
  if (!credit) return caption;
  return caption ? `${caption} (${credit})` : `(${credit})`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A reader's date in the newsroom's zone with its offset ("April 17, 2023 18:30 UTC+9"): a fixed
 * format, not the runtime's locale data, so the same input always gives the same bytes.
 */
export function displayTime(d: Date, timeZone: string): string {
  const c = wallClock(d, timeZone);
  const hh = String(c.hour).padStart(2, '0');
  const mm = String(c.minute).padStart(2, '0');
  return `${MONTHS[c.month - 1]} ${c.day}, ${c.year} ${hh}:${mm} ${offsetLabel(offsetMinutes(d, timeZone))}`;
}

const timeHtml = (d: Date, text: string) => `<time datetime="${d.toISOString()}">${escapeHtml(text)}</time>`;

/** The line under the byline: when the page went out (and was last updated). */
function publishedLine(meta: RenderMeta): string {
  const when =
    meta.version > 1
      ? `Published ${displayTime(meta.firstPublishedAt, meta.timeZone)} · Updated ${displayTime(meta.publishedAt, meta.timeZone)}`
      : `Published ${displayTime(meta.publishedAt, meta.timeZone)}`;
  return `<p class="published">${timeHtml(meta.publishedAt, when)}</p>`;
}

/** A preview's line: the times of what is out, then what this page is (not yet published, or scheduled). */
function previewLine(meta: PreviewMeta): string {
  const at = (d: Date) => timeHtml(d, displayTime(d, meta.timeZone));
  const parts: string[] = [];
  if (meta.firstPublishedAt) {
    parts.push(`Published ${at(meta.firstPublishedAt)}`);
    if (meta.lastPublishedAt && meta.lastPublishedAt.getTime() !== meta.firstPublishedAt.getTime()) parts.push(`Updated ${at(meta.lastPublishedAt)}`);
  }
  const update = meta.firstPublishedAt !== null;
  if (meta.scheduledFor) parts.push(`${update ? 'Update scheduled' : 'Scheduled'} for ${at(meta.scheduledFor)} — preview`);
  else if (meta.isPublished && update) parts.push('Preview');
  else parts.push(`${update ? 'Update not yet published' : 'Not yet published'} — preview`);
  return `<p class="published preview">${parts.join(' · ')}</p>`;
}

export function figureHtml(photo: PackagePhoto, index: number, href: ImageHref, cls: string): string {
  return [
    `<figure class="${cls}">`,
    `<img src="${escapeHtml(href(photo, index))}" alt="${escapeHtml(photo.alt || photo.caption)}">`,
    `<figcaption>${escapeHtml(captionLine(photo))}</figcaption>`,
    '</figure>',
  ].join('\n');
}

/**
 * The body as HTML with inline photos at their figure positions. Inline photos the body does
 * not place yet follow the text, so a photo on the story is never silently dropped.
 */
export function articleBodyHtml(input: PackageInput, href: ImageHref): string {
  const placed = new Set<number>();
  const byId = new Map(input.photos.map((p, i) => [p.storyPhotoId, { p, i }] as const));
  const html = bodyToHtml(input.story.body, (id) => {
    const hit = byId.get(id);
    if (!hit || hit.p.placement !== 'inline' || placed.has(id)) return '';
    placed.add(id);
    return figureHtml(hit.p, hit.i, href, 'inline');
  });
  const rest = input.photos
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.placement === 'inline' && !placed.has(p.storyPhotoId))
    .map(({ p, i }) => figureHtml(p, i, href, 'inline'));
  return [html, ...rest].filter((s) => s !== '').join('\n');
}

export function renderArticle(input: PackageInput, meta: RenderMeta | PreviewMeta, href: ImageHref): string {
  const { story } = input;
  const parts: string[] = ['<article>', '<header>', `<h1>${escapeHtml(story.headline)}</h1>`];
  for (const sub of story.subheadlines) if (sub.trim()) parts.push(`<p class="subheadline">${escapeHtml(sub)}</p>`);
  const by = bylineText(story.byline);
  if (by) parts.push(`<p class="byline">${escapeHtml(by)}</p>`);
  if (story.dateline.trim()) parts.push(`<p class="dateline">${escapeHtml(story.dateline)}</p>`);
  parts.push('version' in meta ? publishedLine(meta) : previewLine(meta));
  parts.push('</header>');
  const lead = input.photos.findIndex((p) => p.placement === 'lead');
  if (lead >= 0) parts.push(figureHtml(input.photos[lead] as PackagePhoto, lead, href, 'lead'));
  parts.push('<div class="body">', articleBodyHtml(input, href), '</div>');
  if (story.correctionNote?.trim()) {
    parts.push(`<aside class="correction" role="note"><strong>Correction:</strong> ${escapeHtml(story.correctionNote)}</aside>`);
  }
  parts.push('</article>');
  return page(story.headline, story.language, parts.join('\n'));
}

/** The page a kill publishes in place of the story: the withdrawal notice and its note. */
export function renderKillNotice(input: PackageInput, meta: RenderMeta, note: string): string {
  const { story } = input;
  const parts = [
    '<article class="kill">',
    '<header>',
    '<h1>Story withdrawn</h1>',
    `<p class="published">${timeHtml(meta.publishedAt, `Withdrawn ${displayTime(meta.publishedAt, meta.timeZone)}`)}</p>`,
    '</header>',
    `<div class="notice" role="alert"><p>The story “${escapeHtml(story.headline)}” (${escapeHtml(story.slug)}), first published ${escapeHtml(displayTime(meta.firstPublishedAt, meta.timeZone))}, has been withdrawn. Do not use or republish it.</p>`,
    `<p><strong>Note:</strong> ${escapeHtml(note)}</p></div>`,
    '</article>',
  ];
  return page(`Withdrawn: ${story.headline}`, story.language, parts.join('\n'));
}
