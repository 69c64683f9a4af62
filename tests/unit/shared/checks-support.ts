// Stories for the copy-check tests: small ones built from plain paragraphs, and helpers that
// read what a finding points at and apply a fix the way the editor would.

import { expect } from 'vitest';
import { bodyText, docFromParagraphs } from '../../../shared/body.js';
import { applyTextEdits, DEFAULT_CHECK_SETTINGS, planFix, runChecks, type CheckInput } from '../../../shared/checks/index.js';
import type { CheckSettings, Finding, FindingFix, FindingPlace, Story, StoryPhoto } from '../../../shared/domain.js';
import { seedStory } from './seed.js';

export const only = (findings: Finding[], id: string): Finding[] => findings.filter((f) => f.id === id);
export const ids = (findings: Finding[]): string[] => findings.map((f) => f.id);

/** The seed article as check input, with the default settings. */
export function seed(change?: (s: CheckInput) => void): CheckInput {
  const input: CheckInput = { ...seedStory(), settings: structuredClone(DEFAULT_CHECK_SETTINGS) };
  change?.(input);
  return input;
}

/** A photo for a test story. */
export function photo(id: number, caption: string, extra: Partial<StoryPhoto> = {}): StoryPhoto {
  const base = seedStory().photos[0]!;
  return {
    ...base,
    id,
    order: id,
    placement: 'inline',
    caption,
    credit: 'Yonhap',
    alt: 'A photo',
    asset: { ...base.asset, id: 100 + id, originalName: `photo-${id}.jpg` },
    ...extra,
  };
}

/** A complete, clean story around the given paragraphs (headline, byline, dateline set). */
export function story(
  paragraphs: string[],
  opts: { headline?: string; subheadlines?: string[]; photos?: StoryPhoto[]; settings?: Partial<CheckSettings>; language?: string } = {},
): CheckInput {
  const base = seedStory().story;
  const s: Story = {
    ...base,
    headline: opts.headline ?? 'Talks resume in Seoul',
    subheadlines: opts.subheadlines ?? [],
    body: docFromParagraphs(paragraphs),
    language: opts.language ?? 'en',
  };
  return { story: s, photos: opts.photos ?? [], settings: { ...structuredClone(DEFAULT_CHECK_SETTINGS), ...opts.settings } };
}

export const check = (input: CheckInput): Finding[] => runChecks(input);

/** The text a place's range points into (the whole field's text). */
export function fieldText(input: CheckInput, place: FindingPlace): string {
  switch (place.field) {
    case 'body':
      return bodyText(input.story.body);
    case 'headline':
      return input.story.headline;
    case 'subheadlines':
      return input.story.subheadlines[place.index ?? -1] ?? '';
    case 'caption':
    case 'credit':
    case 'alt':
      return input.photos.find((p) => p.id === place.storyPhotoId)?.[place.field] ?? '';
    default:
      return '';
  }
}

/** The words a place marks. */
export function textAt(input: CheckInput, place: FindingPlace): string {
  const text = fieldText(input, place);
  return place.range ? text.slice(place.range.from, place.range.to) : text;
}

/**
 * Every finding well formed: a unique key of the check's id, places with ranges inside their
 * texts, fixes whose edits find what they expect, nothing the contract would refuse.
 */
export function expectWellFormed(input: CheckInput, findings: Finding[]): void {
  const keys = new Set<string>();
  for (const f of findings) {
    expect(f.key.startsWith(`${f.id}:`), f.key).toBe(true);
    expect(f.key.length).toBeLessThanOrEqual(1000);
    expect(f.key).not.toMatch(/[\n\r]/);
    expect(keys.has(f.key), `duplicate key ${f.key}`).toBe(false);
    keys.add(f.key);
    expect(f.places.length, f.key).toBeGreaterThan(0);
    for (const p of f.places) {
      if (p.field === 'caption' || p.field === 'credit' || p.field === 'alt') expect(p.storyPhotoId, f.key).toBeTypeOf('number');
      if (p.field === 'subheadlines') expect(p.index, f.key).toBeTypeOf('number');
      if (!p.range) continue;
      const text = fieldText(input, p);
      expect(p.range.from, f.key).toBeGreaterThanOrEqual(0);
      expect(p.range.to, f.key).toBeGreaterThanOrEqual(p.range.from);
      expect(p.range.to, f.key).toBeLessThanOrEqual(text.length);
    }
    for (const fix of f.fixes) {
      expect(fix.edits.length, fix.label).toBeGreaterThan(0);
      for (const e of fix.edits) expect(textAt(input, e.place), fix.label).toBe(e.find);
      expect(planFix(input, fix), fix.label).not.toBeNull();
    }
  }
}

/**
 * The story with a fix applied as the editor would: headline, subheadlines and photo fields
 * from planFix, the body's edits applied to its plain paragraphs (test stories have no marks).
 */
export function applyFix(input: CheckInput, fix: FindingFix): CheckInput {
  const plan = planFix(input, fix);
  if (!plan) throw new Error(`stale fix: ${fix.label}`);
  const next = structuredClone(input);
  if (plan.headline !== undefined) next.story.headline = plan.headline;
  if (plan.subheadlines) next.story.subheadlines = plan.subheadlines;
  for (const { storyPhotoId, ...fields } of plan.photos)
    Object.assign(
      next.photos.find((x) => x.id === storyPhotoId)!,
      fields,
    );
  if (plan.bodyEdits.length) {
    const text = applyTextEdits(bodyText(input.story.body), plan.bodyEdits);
    if (text === null) throw new Error('stale body edits');
    next.story.body = docFromParagraphs(text.split('\n\n'));
  }
  return next;
}
