import { describe, expect, it } from 'vitest';
import { applyTextEdits, editTargets, planFix, runChecks } from '../../../shared/checks/index.js';
import type { FindingFix } from '../../../shared/domain.js';
import { only, seed } from './checks-support.js';

const edit = (from: number, to: number, find: string, replace: string) => ({ range: { from, to }, find, replace });

describe('applyTextEdits', () => {
  it('applies edits from the last to the first, in whatever order they come', () => {
    const text = 'Seo Min-jeong met Seo Min-jeong.';
    expect(applyTextEdits(text, [edit(0, 13, 'Seo Min-jeong', 'Seo Min-jung'), edit(18, 31, 'Seo Min-jeong', 'Seo Min-jung')])).toBe('Seo Min-jung met Seo Min-jung.');
    expect(applyTextEdits(text, [edit(18, 31, 'Seo Min-jeong', 'X'), edit(0, 13, 'Seo Min-jeong', 'Y')])).toBe('Y met X.');
    expect(applyTextEdits('abc', [])).toBe('abc');
    expect(applyTextEdits('abc', [edit(3, 3, '', 'd'), edit(0, 0, '', '>')])).toBe('>abcd');
    expect(applyTextEdits('a  b', [edit(1, 3, '  ', ' ')])).toBe('a b');
    expect(applyTextEdits('abc', [edit(0, 3, 'abc', '')])).toBe('');
  });

  it('takes FixEdits (range in place) as well', () => {
    expect(applyTextEdits('AEGIS radar', [{ place: { field: 'headline', range: { from: 0, to: 5 } }, find: 'AEGIS', replace: 'Aegis' }])).toBe('Aegis radar');
  });

  it('refuses a stale edit, overlapping edits and ranges outside the text', () => {
    expect(applyTextEdits('Seo Min-jung', [edit(0, 12, 'Seo Min-jeong', 'X')])).toBeNull();
    expect(applyTextEdits('abcdef', [edit(0, 3, 'abc', 'x'), edit(2, 4, 'cd', 'y')])).toBeNull();
    expect(applyTextEdits('abcdef', [edit(1, 1, '', 'x'), edit(1, 1, '', 'y')])).toBeNull();
    expect(applyTextEdits('abc', [edit(2, 5, 'c', 'x')])).toBeNull();
    expect(applyTextEdits('abc', [edit(-1, 1, 'a', 'x')])).toBeNull();
    expect(applyTextEdits('abc', [edit(2, 1, '', 'x')])).toBeNull();
    // Touching edits are fine.
    expect(applyTextEdits('abcdef', [edit(0, 3, 'abc', 'x'), edit(3, 6, 'def', 'y')])).toBe('xy');
  });
});

describe('fixes across fields', () => {
  const input = seed(({ story, photos }) => {
    story.headline = 'North Korea fires AEGIS-tracked missile';
    photos[1]!.caption = 'An AEGIS destroyer at sea.';
  });
  const fix: FindingFix = {
    label: 'test',
    edits: [
      { place: { field: 'caption', storyPhotoId: 11, range: { from: 3, to: 8 } }, find: 'AEGIS', replace: 'Aegis' },
      { place: { field: 'headline', range: { from: 0, to: 11 } }, find: 'North Korea', replace: 'N. Korea' },
      { place: { field: 'subheadlines', index: 0, range: { from: 0, to: 8 } }, find: 'S. Korea', replace: 'South Korea' },
      { place: { field: 'body', range: { from: 0, to: 11 } }, find: 'South Korea', replace: 'Seoul' },
      { place: { field: 'caption', storyPhotoId: 10, range: { from: 0, to: 12 } }, find: 'Seo Min-jung', replace: 'Seo Min-jeong' },
    ],
  };

  it('groups a fix’s edits by the text they change', () => {
    expect(editTargets(fix).map((g) => [g.target, g.edits.length])).toEqual([
      [{ field: 'caption', storyPhotoId: 11 }, 1],
      [{ field: 'headline' }, 1],
      [{ field: 'subheadlines', index: 0 }, 1],
      [{ field: 'body' }, 1],
      [{ field: 'caption', storyPhotoId: 10 }, 1],
    ]);
  });

  it('works out new headline, subheadlines and captions, and checks the body edits, against the story as it is', () => {
    const plan = planFix(input, fix)!;
    expect(plan.headline).toBe('N. Korea fires AEGIS-tracked missile');
    expect(plan.subheadlines).toEqual(['South Korea, US, Japan conduct ballistic missile defense exercise against NK threats']);
    expect(plan.photos).toEqual([
      { storyPhotoId: 11, caption: 'An Aegis destroyer at sea.' },
      { storyPhotoId: 10, caption: expect.stringMatching(/^Seo Min-jeong \(second from left\)/) },
    ]);
    expect(plan.bodyEdits).toEqual([fix.edits[3]]);
  });

  it('refuses a fix when any of its texts changed since, or points at a photo no longer there', () => {
    const changed = seed(({ story }) => void (story.headline = 'Something else'));
    expect(planFix(changed, fix)).toBeNull();
    const gone = seed(({ photos }) => void photos.splice(1, 1));
    expect(planFix(gone, fix)).toBeNull();
    const bodyChanged = seed(({ story }) => void (story.body = { type: 'doc', content: [] }));
    expect(planFix({ ...bodyChanged, story: { ...bodyChanged.story, headline: input.story.headline } }, fix)).toBeNull();
  });

  it('plans the seed’s name fix: one body edit, or one caption edit', () => {
    const f = only(runChecks(seed()), 'name-spelling')[0]!;
    const plain = seed();
    expect(planFix(plain, f.fixes[0]!)).toMatchObject({ photos: [], bodyEdits: [{ find: 'Seo Min-jeong', replace: 'Seo Min-jung' }] });
    expect(planFix(plain, f.fixes[1]!)).toMatchObject({ photos: [{ storyPhotoId: 10 }], bodyEdits: [] });
  });
});
