// Photos in stories through the API: the seed article gets its lead and inline photo with their
// captions; figures land in the body; re-caption, reorder and detach; permissions; audit; and
// approve refused while a photo lacks a credit.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/body.js';
import type { DocNode, PhotoAsset, StoryPhoto } from '../../../shared/domain.js';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { decideAsPrinted } from '../../support/seedNewsroom.js';
import { b64, fixture, makeJpeg } from './helpers.js';

interface SeedPhoto {
  file: string;
  placement: 'lead' | 'inline';
  caption: string;
  credit: string;
  rendered_caption: string;
  before_paragraph?: number;
}
const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/seed-article/story.json'), 'utf8')) as {
  headline: string;
  subheadlines: string[];
  dateline: string;
  body_paragraphs: string[];
  photos: SeedPhoto[];
};

let h: Harness;
let storyId: number;
const assets: Record<string, PhotoAsset> = {};

beforeAll(async () => {
  h = await makeHarness();
  const files = ['security-talks-seoul.jpg', 'bmd-exercise-east-sea.jpg'].map((name) => ({ name, data: b64(fixture(name)) }));
  const extra = { name: 'extra.jpg', data: b64(await makeJpeg(120, 80, { seed: 3 })) };
  const { results } = await h.as('choi')('photos.import', { files: [...files, extra] });
  for (const r of results) assets[r.asset!.originalName] = r.asset!;

  // The reporter writes the seed story and files it; a desk editor claims it.
  const reporter = h.as('ji');
  const { story } = await reporter('stories.create', { desk: 'North Korea', headline: seed.headline });
  storyId = story.id;
  await reporter('stories.lock', { id: storyId });
  await reporter('stories.save', {
    id: storyId,
    baseVersion: story.version,
    changes: {
      subheadlines: seed.subheadlines,
      dateline: seed.dateline,
      byline: [{ staffId: h.staff.ji.id }],
      body: docFromParagraphs(seed.body_paragraphs),
    },
  });
  await reporter('stories.transition', { id: storyId, action: 'submit' });
  await h.as('lee')('stories.transition', { id: storyId, action: 'claim' });
});
afterAll(() => h.close());

const get = () => h.as('choi')('stories.get', { id: storyId });
const figures = (body: DocNode) => (body.content ?? []).flatMap((n, i) => (n.type === 'figure' ? [{ index: i, id: n.attrs!.storyPhotoId as number }] : []));
const rendered = (p: StoryPhoto) => `${p.caption} (${p.credit})`;

describe('attaching the seed photos', () => {
  it('attaches the lead and the inline photo with their captions, without the text lock', async () => {
    const before = (await get()).story;
    expect(before.lock).not.toBeNull(); // the desk editor holds the text lock; the photo editor does not need it
    const photo = h.as('choi');
    const [leadSeed, inlineSeed] = seed.photos as [SeedPhoto, SeedPhoto];
    await photo('photos.attach', { storyId, assetId: assets['security-talks-seoul.jpg']!.id, placement: 'lead' });
    const { story, photos } = await photo('photos.attach', {
      storyId,
      assetId: assets['bmd-exercise-east-sea.jpg']!.id,
      placement: 'inline',
      position: inlineSeed.before_paragraph,
    });
    expect(photos.map((p) => [p.placement, p.asset.originalName])).toEqual([
      ['lead', 'security-talks-seoul.jpg'],
      ['inline', 'bmd-exercise-east-sea.jpg'],
    ]);
    // Caption and credit start from the asset's IPTC values and render as the article printed them.
    expect(rendered(photos[0]!)).toBe(leadSeed.rendered_caption);
    expect(rendered(photos[1]!)).toBe(inlineSeed.rendered_caption);
    expect(photos[0]!.caption).toBe(leadSeed.caption);
    expect(photos[1]!.credit).toBe(inlineSeed.credit);
    // The inline photo is a figure node before paragraph 10; that body change is a new version.
    expect(figures(story.body)).toEqual([{ index: 10, id: photos[1]!.id }]);
    expect(story.version).toBe(before.version + 1);
    expect(h.events).toContainEqual({ type: 'story.changed', storyId, status: 'editing', version: story.version, photos: true });
  });

  it('makes the story findable by its captions', async () => {
    const { items } = await h.as('lee')('stories.list', { query: 'Funakoshi' });
    expect(items.map((i) => i.id)).toContain(storyId);
  });

  it('refuses a second lead photo', async () => {
    await expect(h.as('choi')('photos.attach', { storyId, assetId: assets['extra.jpg']!.id, placement: 'lead' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('lets a reporter who does not hold the story change nothing', async () => {
    await expect(h.as('ji')('photos.attach', { storyId, assetId: assets['extra.jpg']!.id, placement: 'inline' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('re-caption, reorder, detach', () => {
  it('re-captions one placement without touching the asset', async () => {
    const { photos } = await get();
    const lead = photos[0]!;
    const { photos: after } = await h.as('choi')('photos.updatePlacement', { id: lead.id, alt: 'Officials at a table' });
    expect(after[0]!.alt).toBe('Officials at a table');
    expect(after[0]!.caption).toBe(lead.caption);
    const { asset } = await h.as('choi')('photos.get', { id: lead.assetId });
    expect(asset.alt).toBe('');
  });

  it('reorders inline photos, moving their figures in the body', async () => {
    const photo = h.as('choi');
    const { photos: three } = await photo('photos.attach', { storyId, assetId: assets['extra.jpg']!.id, placement: 'inline', position: 3 });
    const [lead, bmd, extra] = three as [StoryPhoto, StoryPhoto, StoryPhoto];
    let story = (await get()).story;
    expect(figures(story.body)).toEqual([
      { index: 3, id: extra.id },
      { index: 11, id: bmd.id },
    ]);
    const result = await photo('photos.reorder', { storyId, order: [lead.id, extra.id, bmd.id] });
    expect(result.photos.map((p) => p.id)).toEqual([lead.id, extra.id, bmd.id]);
    story = result.story;
    // Figure slots stay; which photo stands in each follows the new order… already reading order here.
    expect(figures(story.body).map((f) => f.id)).toEqual([extra.id, bmd.id]);
    const swapped = await photo('photos.reorder', { storyId, order: [lead.id, bmd.id, extra.id] });
    expect(figures(swapped.story.body)).toEqual([
      { index: 3, id: bmd.id },
      { index: 11, id: extra.id },
    ]);
    await expect(photo('photos.reorder', { storyId, order: [lead.id] })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('detaches an inline photo and its figure', async () => {
    const { photos } = await get();
    const extra = photos.find((p) => p.asset.originalName === 'extra.jpg')!;
    const { story, photos: after } = await h.as('choi')('photos.detach', { id: extra.id });
    expect(after.map((p) => p.asset.originalName)).toEqual(['security-talks-seoul.jpg', 'bmd-exercise-east-sea.jpg']);
    expect(figures(story.body).map((f) => f.id)).not.toContain(extra.id);
    expect(figures(story.body)).toHaveLength(1);
  });

  it('audits every change', async () => {
    const { events } = await h.as('lee')('stories.history', { id: storyId });
    const photoEvents = events.filter((e) => e.event.startsWith('photo.')).map((e) => e.event);
    expect(photoEvents).toEqual(['photo.attach', 'photo.attach', 'photo.recaption', 'photo.attach', 'photo.reorder', 'photo.reorder', 'photo.detach']);
    expect(events.every((e) => !e.event.startsWith('photo.') || e.actorId === h.staff.choi.id)).toBe(true);
  });
});

describe('approval and photo credits', () => {
  it('refuses approve while a photo has no credit, naming the photo', async () => {
    const { photos } = await get();
    const lead = photos[0]!;
    await h.as('choi')('photos.updatePlacement', { id: lead.id, credit: '' });
    const { findings } = await h.as('lee')('stories.check', { id: storyId });
    const blocking = findings.filter((f) => f.severity === 'blocking');
    expect(blocking).toEqual([expect.objectContaining({ id: 'photo-credit-missing', places: [{ field: 'credit', storyPhotoId: lead.id }] })]);
    expect(blocking[0]!.message).toContain('security-talks-seoul.jpg');
    await expect(h.as('lee')('stories.transition', { id: storyId, action: 'approve' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('security-talks-seoul.jpg'),
    });
    expect((await get()).story.status).toBe('editing');
  });

  it('approves once the credit is back, after which photos are frozen', async () => {
    const { photos } = await get();
    await h.as('choi')('photos.updatePlacement', { id: photos[0]!.id, credit: 'Yonhap' });
    // The caption and the body spell the director-general two ways: the desk decides before approving.
    await decideAsPrinted(h.as('lee'), storyId);
    const { story } = await h.as('lee')('stories.transition', { id: storyId, action: 'approve' });
    expect(story.status).toBe('approved');
    await expect(h.as('choi')('photos.updatePlacement', { id: photos[0]!.id, credit: 'X' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await expect(h.as('choi')('photos.detach', { id: photos[1]!.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
