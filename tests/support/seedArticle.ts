// The seed article (tests/fixtures/seed-article/story.json, a published Korea Herald story
// broken into fields): one type and one loader for every test and benchmark that rebuilds it.

import { readFileSync } from 'node:fs';

export interface SeedArticle {
  slug: string;
  desk: string;
  headline: string;
  subheadlines: string[];
  byline: { name: string; email: string };
  dateline: string;
  language: string;
  body_paragraphs: string[];
  /** `before_paragraph` is a 0-based index into body_paragraphs; the lead photo sits above the body. */
  photos: { file: string; placement: 'lead' | 'inline'; caption: string; credit: string; rendered_caption: string; before_paragraph?: number }[];
}

export function loadSeedArticle(): SeedArticle {
  return JSON.parse(readFileSync(new URL('../fixtures/seed-article/story.json', import.meta.url), 'utf8')) as SeedArticle;
}
