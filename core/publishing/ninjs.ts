// The package's IPTC ninjs 3.1 document. Every value a person typed goes in as plain text (JSON
// escapes it); only bodies[].value holds HTML, marked contentType text/html.

import { bodyParagraphs } from '../../shared/body.js';
import { countBodyWords } from '../../shared/text.js';
import { articleBodyHtml, bylineText, type ImageHref } from './articleHtml.js';
import type { PackageInput, PackagePhoto, RenditionName } from './model.js';

/**
 * ninjs requires absolute URIs for identifiers and rendition hrefs. They start at the newsroom's
 * public address (settings.publicBaseUrl); until an admin sets one, packages use this reserved
 * (.invalid) base, which resolves nowhere. The path below either mirrors the app's own
 * /published/ layout, so `images/<file>` beside ninjs.json is always the rendition an href names.
 */
export const PACKAGE_BASE_URL = 'https://newsdesk.invalid';

export interface MadeRendition {
  name: RenditionName;
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface NinjsMeta {
  version: number;
  publishedAt: Date;
  firstPublishedAt: Date;
  /** The package's folder below published/, e.g. kor-jpn-security-talks/v2 */
  packagePath: string;
  /** The newsroom's public address (no trailing slash), or null for the placeholder. */
  publicBaseUrl: string | null;
  kill?: { note: string; html: string };
}

export type Ninjs = Record<string, unknown>;

export function storyUri(storyId: number): string {
  return `urn:newsdesk:story:${storyId}`;
}

export function buildNinjs(input: PackageInput, meta: NinjsMeta, renditions: MadeRendition[][], href: ImageHref): Ninjs {
  const { story } = input;
  const base = `${meta.publicBaseUrl ?? PACKAGE_BASE_URL}/published/${meta.packagePath.split('/').map(encodeURIComponent).join('/')}`;
  const doc: Ninjs = {
    uri: storyUri(story.id),
    type: 'text',
    version: String(meta.version),
    firstCreated: new Date(story.createdAt).toISOString(),
    versionCreated: meta.publishedAt.toISOString(),
    pubStatus: meta.kill ? 'canceled' : 'usable',
    language: story.language || 'en',
    slugline: story.slug,
    headlines: [
      { role: 'main', contentType: 'text/plain', value: story.headline },
      ...story.subheadlines.filter((s) => s.trim()).map((value) => ({ role: 'subheadline', contentType: 'text/plain', value })),
    ],
  };
  const by = bylineText(story.byline);
  if (by) doc.by = by;
  if (story.byline.length > 0) {
    doc.people = story.byline.map((b) => ({
      name: b.name,
      rel: 'author',
      ...(b.email ? { contactInfo: [{ type: 'email', value: b.email }] } : {}),
    }));
  }
  if (story.dateline.trim()) doc.located = story.dateline;
  if (meta.kill) {
    doc.edNote = `KILL: withdrawn. Do not use. ${meta.kill.note}`;
    doc.bodies = [{ role: 'main', contentType: 'text/html', value: meta.kill.html }];
    return doc;
  }
  const text = bodyParagraphs(story.body).join('\n\n');
  doc.bodies = [
    {
      role: 'main',
      contentType: 'text/html',
      value: articleBodyHtml(input, href),
      charCount: [...text].length,
      // The count the editor shows and the queue lists, in the story's language.
      wordCount: countBodyWords(story.body, story.language),
    },
  ];
  if (story.correctionNote?.trim()) {
    doc.descriptions = [{ role: 'correction', contentType: 'text/plain', value: story.correctionNote }];
    doc.edNote = `Correction: ${story.correctionNote}`;
  }
  if (input.photos.length > 0) {
    doc.associations = input.photos.map((photo, i) => association(photo, i, renditions[i] ?? [], base, meta));
  }
  return doc;
}

function association(photo: PackagePhoto, index: number, made: MadeRendition[], base: string, meta: NinjsMeta): Ninjs {
  const descriptions = [];
  if (photo.caption.trim()) descriptions.push({ role: 'caption', contentType: 'text/plain', value: photo.caption });
  if (photo.alt.trim()) descriptions.push({ role: 'alt', contentType: 'text/plain', value: photo.alt });
  const a: Ninjs = {
    name: photo.placement === 'lead' ? 'lead' : `inline-${index}`,
    rel: photo.placement === 'lead' ? 'leadPicture' : 'picture',
    uri: `urn:newsdesk:photo:${photo.hash}`,
    type: 'picture',
    version: String(meta.version),
    versionCreated: meta.publishedAt.toISOString(),
  };
  if (descriptions.length > 0) a.descriptions = descriptions;
  // Who made the picture: its creator, else the credit line (the only attribution a photo may carry).
  const by = photo.creator.trim() || photo.credit.trim();
  if (by) a.by = by;
  if (photo.credit.trim()) a.infoSources = [{ name: photo.credit, role: 'credit' }];
  // Never invented: a copyright notice only when the photo desk recorded one.
  if (photo.copyright.trim()) a.copyrightNotice = photo.copyright;
  a.renditions = made.map((r) => ({
    name: r.name,
    href: `${base}/images/${r.file}`,
    contentType: 'image/jpeg',
    width: r.width,
    height: r.height,
    sizeInBytes: r.bytes,
  }));
  return a;
}
