// A photo editor places, removes and reorders inline photos while the reporter holding the text
// lock keeps typing. The reporter's next save carries an older base version; when only photo
// layout changed since, the core merges (their text, the photo editor's figures) instead of
// answering CONFLICT. A real text conflict still conflicts. Every save's figures are reconciled
// with the story's inline photos, so a body can neither drop nor invent one.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs, inlineText } from '../../../shared/body.js';
import type { DocNode, PhotoAsset, Story } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { reconcileFigures } from '../../../shared/figures.js';
import { getStoryTextVersion } from '../../../db/stories.js';
import { makeHarness, type Harness } from '../../support/coreHarness.js';
import { b64, fixture, makeJpeg } from './helpers.js';

let h: Harness;
const assets: PhotoAsset[] = [];

beforeAll(async () => {
  h = await makeHarness();
  const files = [
    { name: 'security-talks-seoul.jpg', data: b64(fixture('security-talks-seoul.jpg')) },
    { name: 'bmd-exercise-east-sea.jpg', data: b64(fixture('bmd-exercise-east-sea.jpg')) },
    { name: 'third.jpg', data: b64(await makeJpeg(120, 80, { seed: 11 })) },
  ];
  const { results } = await h.as('choi')('photos.import', { files });
  for (const r of results) assets.push(r.asset!);
});
afterAll(() => h.close());

const reporter = () => h.as('ji');
const photo = () => h.as('choi');

/** A draft by the reporter (who holds its lock) with these paragraphs; returns it as saved. */
async function draft(paragraphs: string[]): Promise<Story> {
  const { story } = await reporter()('stories.create', { desk: 'North Korea', headline: 'Photo while writing' });
  const saved = await reporter()('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docFromParagraphs(paragraphs) } });
  return saved.story;
}

/** The body as a readable outline: paragraph texts and `[fig N]`. */
const outline = (body: DocNode) => (body.content ?? []).map((n) => (n.type === 'figure' ? `[fig ${n.attrs!.storyPhotoId as number}]` : inlineText(n)));

const figure = (storyPhotoId: number): DocNode => ({ type: 'figure', attrs: { storyPhotoId } });
const para = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const docOf = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });

async function expectCode(p: Promise<unknown>, code: string): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe(code);
    return e as ApiError;
  }
  throw new Error(`expected ${code}`);
}

/** The story's text version as stored (no call returns it). */
const textVersion = (id: number) => getStoryTextVersion(h.services.db, id);

describe('a stale save after photo-layout changes only', () => {
  it('merges an inline attach: the reporter’s words and the figure at its place, no conflict', async () => {
    const base = await draft(['One.', 'Two.', 'Three.', 'Four.']);
    // The photo editor places a photo before "Three." while the reporter types.
    const attached = await photo()('photos.attach', { storyId: base.id, assetId: assets[0]!.id, placement: 'inline', position: 2 });
    const fig = attached.photos[0]!.id;
    expect(attached.story.version).toBe(base.version + 1);
    expect(await textVersion(base.id)).toBe(base.version); // photo writes never move the text version

    // The reporter's autosave carries the old base version and a body without the figure.
    const { story } = await reporter()('stories.save', {
      id: base.id,
      baseVersion: base.version,
      changes: { body: docFromParagraphs(['One.', 'Two, and more typed.', 'Three.', 'Four.', 'Five, a new paragraph.']) },
    });
    expect(outline(story.body)).toEqual(['One.', 'Two, and more typed.', `[fig ${fig}]`, 'Three.', 'Four.', 'Five, a new paragraph.']);
    expect(story.version).toBe(attached.story.version + 1);
    expect(await textVersion(base.id)).toBe(story.version);
    // No conflict revision was kept: nothing was refused.
    const { revisions } = await reporter()('stories.history', { id: base.id });
    expect(revisions.some((r) => r.reason === 'conflict')).toBe(false);
    // Stored as returned.
    const got = await reporter()('stories.get', { id: base.id });
    expect(got.story.body).toEqual(story.body);
  });

  it('places the figure after the same preceding paragraph when the reporter is editing the following one', async () => {
    const base = await draft(['One.', 'Two.', 'Three.']);
    const { photos } = await photo()('photos.attach', { storyId: base.id, assetId: assets[1]!.id, placement: 'inline', position: 2 });
    const fig = photos[0]!.id;
    const { story } = await reporter()('stories.save', {
      id: base.id,
      baseVersion: base.version,
      changes: { body: docFromParagraphs(['One.', 'Two.', 'Three, being typed into right now']) },
    });
    expect(outline(story.body)).toEqual(['One.', 'Two.', `[fig ${fig}]`, 'Three, being typed into right now']);
  });

  it('merges a detach: the figure the reporter’s body still carries is dropped', async () => {
    const base0 = await draft(['One.', 'Two.', 'Three.']);
    const { story: withFig, photos } = await photo()('photos.attach', { storyId: base0.id, assetId: assets[0]!.id, placement: 'inline', position: 1 });
    const fig = photos[0]!.id;
    // The reporter's editor has the figure (their copy is at withFig's version).
    expect(outline(withFig.body)).toEqual(['One.', `[fig ${fig}]`, 'Two.', 'Three.']);
    const detached = await photo()('photos.detach', { id: fig });
    expect(detached.story.version).toBe(withFig.version + 1);
    const typed = docOf(para('One.'), figure(fig), para('Two.'), para('Three, typed.'));
    const { story } = await reporter()('stories.save', { id: base0.id, baseVersion: withFig.version, changes: { body: typed } });
    expect(outline(story.body)).toEqual(['One.', 'Two.', 'Three, typed.']);
  });

  it('merges a reorder: the photo editor’s order wins, the reporter’s text stays', async () => {
    const base0 = await draft(['One.', 'Two.', 'Three.']);
    const a = (await photo()('photos.attach', { storyId: base0.id, assetId: assets[0]!.id, placement: 'inline', position: 1 })).photos.at(-1)!.id;
    const { story: withBoth, photos } = await photo()('photos.attach', { storyId: base0.id, assetId: assets[1]!.id, placement: 'inline', position: 3 });
    const b = photos.find((p) => p.id !== a)!.id;
    expect(outline(withBoth.body)).toEqual(['One.', `[fig ${a}]`, 'Two.', `[fig ${b}]`, 'Three.']);
    const reordered = await photo()('photos.reorder', { storyId: base0.id, order: [b, a] });
    expect(outline(reordered.story.body)).toEqual(['One.', `[fig ${b}]`, 'Two.', `[fig ${a}]`, 'Three.']);
    expect(await textVersion(base0.id)).toBe(withBoth.version - 2); // neither attach nor reorder moved it

    const typed = docOf(para('One, typed.'), figure(a), para('Two.'), figure(b), para('Three.'), para('Four.'));
    const { story } = await reporter()('stories.save', { id: base0.id, baseVersion: withBoth.version, changes: { body: typed } });
    expect(outline(story.body)).toEqual(['One, typed.', `[fig ${b}]`, 'Two.', `[fig ${a}]`, 'Three.', 'Four.']);
  });

  it('merges a headline-only save over a photo change and keeps the stored body with its figure', async () => {
    const base = await draft(['One.', 'Two.']);
    const { photos } = await photo()('photos.attach', { storyId: base.id, assetId: assets[2]!.id, placement: 'inline' });
    const { story } = await reporter()('stories.save', { id: base.id, baseVersion: base.version, changes: { headline: 'A new headline' } });
    expect(story.headline).toBe('A new headline');
    expect(outline(story.body)).toEqual(['One.', 'Two.', `[fig ${photos[0]!.id}]`]);
  });

  it('re-captioning changes no version at all, so it never causes a conflict', async () => {
    const base = await draft(['One.']);
    const { photos } = await photo()('photos.attach', { storyId: base.id, assetId: assets[0]!.id, placement: 'lead' });
    const after = await photo()('photos.updatePlacement', { id: photos[0]!.id, caption: 'A new caption' });
    expect(await textVersion(base.id)).toBe(base.version);
    const { story } = await reporter()('stories.save', { id: base.id, baseVersion: after.story.version, changes: { body: docFromParagraphs(['One, typed.']) } });
    expect(outline(story.body)).toEqual(['One, typed.']);
  });
});

describe('a real text conflict', () => {
  it('still answers CONFLICT, changes nothing and keeps the carried text as a conflict revision', async () => {
    const base = await draft(['Original.']);
    // The same reporter saves from another window: a text change after base.
    const other = await reporter()('stories.save', { id: base.id, baseVersion: base.version, changes: { body: docFromParagraphs(['Original.', 'Saved elsewhere.']) } });
    // And a photo lands too.
    await photo()('photos.attach', { storyId: base.id, assetId: assets[1]!.id, placement: 'inline' });
    const before = await reporter()('stories.get', { id: base.id });
    const error = await expectCode(
      reporter()('stories.save', { id: base.id, baseVersion: base.version, changes: { body: docFromParagraphs(['Original.', 'Typed in the stale window.']) } }),
      'CONFLICT',
    );
    expect((error.details as { currentVersion: number }).currentVersion).toBe(before.story.version);
    const after = await reporter()('stories.get', { id: base.id });
    expect(after.story).toEqual(before.story);
    expect(outline(after.story.body)).toContain('Saved elsewhere.');
    expect(await textVersion(base.id)).toBe(other.story.version);
    const { revisions } = await reporter()('stories.history', { id: base.id });
    const kept = revisions.find((r) => r.reason === 'conflict');
    expect(kept).toBeTruthy();
    const revision = await reporter()('stories.revision', { id: base.id, revisionId: kept!.id });
    expect(outline(revision.body)).toContain('Typed in the stale window.');
  });

  it('a save after a merge, based on the version before it, is a conflict (the merge was a text change)', async () => {
    const base = await draft(['One.']);
    await photo()('photos.attach', { storyId: base.id, assetId: assets[0]!.id, placement: 'inline' });
    await reporter()('stories.save', { id: base.id, baseVersion: base.version, changes: { body: docFromParagraphs(['One, typed.']) } });
    await expectCode(reporter()('stories.save', { id: base.id, baseVersion: base.version, changes: { body: docFromParagraphs(['One, typed twice.']) } }), 'CONFLICT');
  });

  it('a base version from the future is a conflict, not a merge', async () => {
    const base = await draft(['One.']);
    await expectCode(reporter()('stories.save', { id: base.id, baseVersion: base.version + 5, changes: { body: docFromParagraphs(['x']) } }), 'CONFLICT');
  });
});

describe('every save reconciles figures with the story’s inline photos', () => {
  it('puts back a figure the body dropped, drops invented, lead and repeated ones', async () => {
    const base = await draft(['One.', 'Two.', 'Three.']);
    const lead = (await photo()('photos.attach', { storyId: base.id, assetId: assets[0]!.id, placement: 'lead' })).photos[0]!.id;
    const inline = await photo()('photos.attach', { storyId: base.id, assetId: assets[1]!.id, placement: 'inline', position: 2 });
    const fig = inline.photos.find((p) => p.placement === 'inline')!.id;
    const current = inline.story;

    // Dropped: the figure comes back before "Three.".
    const dropped = await reporter()('stories.save', {
      id: base.id,
      baseVersion: current.version,
      changes: { body: docFromParagraphs(['One.', 'Two.', 'Three.', 'Four.']) },
    });
    expect(outline(dropped.story.body)).toEqual(['One.', 'Two.', `[fig ${fig}]`, 'Three.', 'Four.']);

    // Invented (no such story photo), the lead photo as a figure, and a second copy: all dropped.
    const invented = await reporter()('stories.save', {
      id: base.id,
      baseVersion: dropped.story.version,
      changes: { body: docOf(figure(99999), para('One.'), figure(lead), para('Two.'), figure(fig), para('Three.'), figure(fig), para('Four.')) },
    });
    expect(outline(invented.story.body)).toEqual(['One.', 'Two.', `[fig ${fig}]`, 'Three.', 'Four.']);

    // The writer moved the figure: body order decides, so it stays where they put it.
    const moved = await reporter()('stories.save', {
      id: base.id,
      baseVersion: invented.story.version,
      changes: { body: docOf(para('One.'), figure(fig), para('Two.'), para('Three.'), para('Four.')) },
    });
    expect(outline(moved.story.body)).toEqual(['One.', `[fig ${fig}]`, 'Two.', 'Three.', 'Four.']);
  });

  it('a body of nothing but an invented figure becomes one empty paragraph', async () => {
    const base = await draft(['One.']);
    const { story } = await reporter()('stories.save', { id: base.id, baseVersion: base.version, changes: { body: docOf(figure(123456)) } });
    expect(story.body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('reconcileFigures (pure)', () => {
  const ref = docOf(para('A'), figure(1), figure(2), para('B'), para('C'), figure(3));

  it('returns the same object when nothing needs changing', () => {
    const body = docOf(para('A x'), figure(1), figure(2), para('B'), para('C'), figure(3));
    expect(reconcileFigures(body, ref, [1, 2, 3])).toBe(body);
  });

  it('puts a run of missing figures back before the same block, in order', () => {
    const body = docOf(para('A typed'), para('B'), para('C'));
    expect(outline(reconcileFigures(body, ref, [1, 2, 3]))).toEqual(['A typed', '[fig 1]', '[fig 2]', 'B', 'C', '[fig 3]']);
  });

  it('falls back to after the preceding block, then to the same index, clamped', () => {
    const afterPrev = docOf(para('A'), para('B typed'), para('C'));
    expect(outline(reconcileFigures(afterPrev, ref, [1, 2]))).toEqual(['A', '[fig 1]', '[fig 2]', 'B typed', 'C']);
    const nothingMatches = docOf(para('x'), para('y'));
    expect(outline(reconcileFigures(nothingMatches, ref, [3]))).toEqual(['x', 'y', '[fig 3]']);
    expect(outline(reconcileFigures(nothingMatches, ref, [1]))).toEqual(['x', '[fig 1]', 'y']);
  });

  it('adds an inline photo the reference lacks at the end, and can take the reference’s order', () => {
    expect(outline(reconcileFigures(docOf(para('A')), docOf(para('A')), [7]))).toEqual(['A', '[fig 7]']);
    const swapped = docOf(para('A'), figure(2), para('B'), figure(1));
    expect(outline(reconcileFigures(swapped, ref, [1, 2], { order: 'reference' }))).toEqual(['A', '[fig 1]', 'B', '[fig 2]']);
    expect(outline(reconcileFigures(swapped, ref, [1, 2]))).toEqual(['A', '[fig 2]', 'B', '[fig 1]']);
  });
});
