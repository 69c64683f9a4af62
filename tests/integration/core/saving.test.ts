// Saves: optimistic versions, conflicts that keep the typed text, periodic revisions (not per
// save), word-level diffs and restores, and search.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../../shared/domain.js';
import { doc, draftStory, makeRecordingHarness, transition, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const revisions = async (id: number) => (await h.call('ji', 'stories.history', { id })).revisions;

describe('stories.save', () => {
  it('bumps the version, renews the lock and derives text, word count and slug', async () => {
    const story = await draftStory(h);
    expect(story.version).toBe(2);
    expect(story.wordCount).toBe(9);
    h.clock.advance(60_000);
    const { story: saved } = await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: 2,
      changes: { headline: 'New headline', subheadlines: ['A sub'], slug: 'Custom Slug!', body: doc('One two three.') },
    });
    expect(saved).toMatchObject({ version: 3, headline: 'New headline', subheadlines: ['A sub'], slug: 'Custom-Slug', wordCount: 3 });
    expect(saved.lock?.expiresAt).toBe(new Date(h.clock.now.getTime() + 30 * 60_000).toISOString());
  });

  it('a stale save answers CONFLICT, keeps the text as a conflict revision and changes nothing else', async () => {
    const story = await draftStory(h);
    await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('Second version.') } });
    const before = await revisions(story.id);
    const error = await h.fails('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('Typed in a stale window.') } });
    expect(error.code).toBe('CONFLICT');
    expect((error.details as { currentVersion: number }).currentVersion).toBe(story.version + 1);
    const after = await revisions(story.id);
    expect(after.length).toBe(before.length + 1);
    const kept = after[0]!;
    expect(kept.reason).toBe('conflict');
    const rev = await h.call('ji', 'stories.revision', { id: story.id, revisionId: kept.id });
    expect(JSON.stringify(rev.body)).toContain('Typed in a stale window.');
    const current = (await h.call('ji', 'stories.get', { id: story.id })).story;
    expect(current.version).toBe(story.version + 1);
    expect(JSON.stringify(current.body)).toContain('Second version.');
  });

  it('keeps a periodic revision at most every five minutes of saving, not per save', async () => {
    const story = await draftStory(h);
    const start = (await revisions(story.id)).length;
    let version = story.version;
    for (let i = 0; i < 60; i++) {
      h.clock.advance(10_000); // a save every 10 s for 10 minutes
      version = (await h.call('ji', 'stories.save', { id: story.id, baseVersion: version, changes: { body: doc(`Draft ${i}`) } })).story.version;
    }
    const periodic = (await revisions(story.id)).filter((r) => r.reason === 'periodic');
    expect(periodic.length).toBeGreaterThanOrEqual(1);
    expect(periodic.length).toBeLessThanOrEqual(2);
    expect((await revisions(story.id)).length - start).toBe(periodic.length);
  });

  it('diffs two revisions word by word and restores an old one as a new version', async () => {
    const story = await draftStory(h, 'The army fired two missiles on Tuesday.');
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    const s = (await h.call('kim', 'stories.get', { id: story.id })).story;
    await h.call('kim', 'stories.save', { id: s.id, baseVersion: s.version, changes: { body: doc('The army fired three missiles on Wednesday.') } });
    await transition(h, 'kim', story.id, 'sendBack', { note: 'Check the day' });
    const revs = await revisions(story.id);
    const submit = revs.find((r) => r.reason === 'submit')!;
    const sendBack = revs.find((r) => r.reason === 'sendBack')!;
    const { parts } = await h.call('kim', 'stories.diff', { id: story.id, fromRevision: submit.id, toRevision: sendBack.id });
    expect(parts.filter((p) => p.kind === 'delete').map((p) => p.text.trim())).toEqual(['two', 'Tuesday']);
    expect(parts.filter((p) => p.kind === 'insert').map((p) => p.text.trim())).toEqual(['three', 'Wednesday']);
    expect(
      parts
        .filter((p) => p.kind !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toContain('The army fired two missiles on Tuesday.');

    const current = (await h.call('ji', 'stories.get', { id: story.id })).story;
    const restored = await h.call('ji', 'stories.restore', { id: story.id, revisionId: submit.id, baseVersion: current.version });
    expect(restored.story.version).toBe(current.version + 1);
    expect(JSON.stringify(restored.story.body)).toContain('two missiles on Tuesday');
    const after = await revisions(story.id);
    expect(after[0]!.reason).toBe('restore');
    expect(after.length).toBe(revs.length + 1);
    expect((await h.fails('ji', 'stories.restore', { id: story.id, revisionId: submit.id, baseVersion: current.version })).code).toBe('CONFLICT');
    expect((await h.fails('ji', 'stories.diff', { id: story.id, fromRevision: submit.id, toRevision: 99999 })).code).toBe('NOT_FOUND');
  });
});

describe('stories.list and search', () => {
  async function story(headline: string, body: string, who: 'ji' | 'kim' = 'ji', desk = 'North Korea'): Promise<Story> {
    const { story } = await h.call(who, 'stories.create', { desk, headline });
    h.clock.advance(1000);
    return (await h.call(who, 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc(body) } })).story;
  }
  const list = (input: Record<string, unknown>) => h.call('ji', 'stories.list', input);

  it('pages newest first with a cursor and counts the total', async () => {
    for (let i = 0; i < 7; i++) await story(`Story ${i}`, `Body ${i}`);
    const first = await list({ limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((i) => i.headline)).toEqual(['Story 6', 'Story 5', 'Story 4']);
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((i) => i.headline)).toEqual(['Story 3', 'Story 2', 'Story 1']);
    const third = await list({ limit: 3, cursor: second.nextCursor });
    expect(third.items.map((i) => i.headline)).toEqual(['Story 0']);
    expect(third.nextCursor).toBeUndefined();
    expect((await h.fails('ji', 'stories.list', { cursor: 'garbage!' })).code).toBe('VALIDATION');
  });

  it('filters by status, desk, byline and needsPhotos', async () => {
    const a = await story('Alpha', 'alpha text');
    await story('Beta', 'beta text', 'kim', 'National');
    await transition(h, 'ji', a.id, 'submit');
    expect((await list({ status: ['submitted'] })).items.map((i) => i.headline)).toEqual(['Alpha']);
    expect((await list({ status: ['draft', 'submitted'] })).total).toBe(2);
    expect((await list({ desk: 'National' })).items.map((i) => i.headline)).toEqual(['Beta']);
    expect((await list({ bylineStaffId: h.staff.kim.id })).items.map((i) => i.headline)).toEqual(['Beta']);
    expect((await list({ needsPhotos: true })).total).toBe(2);
    expect((await list({ status: ['submitted'], desk: 'National' })).total).toBe(0);
  });

  it('searches with prefixes and highlighted, escaped snippets', async () => {
    await story('Missile launch <b>', 'Pyongyang launched a ballistic missile & more, officials said.');
    await story('Budget', 'The assembly passed the budget.', 'kim', 'National');
    const r = await list({ query: 'ballistic miss' });
    expect(r.items.map((i) => i.headline)).toEqual(['Missile launch <b>']);
    expect(r.items[0]!.snippet).toContain('<mark>ballistic</mark>');
    expect(r.items[0]!.snippet).toContain('&amp;');
    expect(r.items[0]!.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect((await list({ query: 'Ji Da' })).total).toBe(1); // byline
    expect((await list({ query: 'kim' })).items.map((i) => i.headline)).toEqual(['Budget']);
    expect((await list({ query: 'budget', desk: 'North Korea' })).total).toBe(0);
  });

  it('finds Korean words with particles attached (북한 → 북한의)', async () => {
    await story('북한 미사일', '북한의 탄도미사일 발사에 대해 합동참모본부는 밝혔다.');
    await story('English', 'Nothing Korean here.');
    expect((await list({ query: '북한' })).items.map((i) => i.headline)).toEqual(['북한 미사일']);
    expect((await list({ query: '탄도' })).total).toBe(1);
    expect((await list({ query: '합동참모본부' })).total).toBe(1);
    expect((await list({ query: '북한 발사' })).total).toBe(1);
    expect((await list({ query: '남한' })).total).toBe(0);
  });

  it('never raises a syntax error, whatever is typed', async () => {
    await story('Quotes "and" stars', 'He said "AND" NEAR the border - twice.');
    const hostile = [
      '"',
      '""',
      '"unbalanced',
      '*',
      'AND',
      'OR',
      'NOT',
      'a AND',
      '-border',
      'NEAR(',
      'NEAR(a b',
      'border)',
      '(',
      '^',
      ':',
      'headline:border',
      "'; DROP TABLE stories; --",
      '\\',
      '%',
      '_',
      '   ',
      '{}',
      '😀',
      'bor*der',
      '"AND"',
      '\u0000',
      'a'.repeat(500),
      'x '.repeat(240),
    ];
    for (const query of hostile) {
      const r = await list({ query });
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    expect((await list({ query: 'NEAR(' })).total).toBe(1);
    expect((await list({ query: '"AND' })).total).toBe(1);
    expect((await list({ query: '-border' })).total).toBe(1);
  });
});
