// Saves and creates that happen once: a desktop's outbox sends a save again (saveId) or a story
// created offline again (clientId) when it cannot know whether the first arrived. A repeat
// answers as the first did and changes nothing: one version, one revision, one story, the same
// refusal with the same kept revision. Keys are one person's, bound to one method and story, and
// forgotten after 30 days.

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLIED_KEYS_KEPT_DAYS } from '../../../core/stories/appliedKeys.js';
import { ApiError } from '../../../shared/errors.js';
import { doc, draftStory, makeRecordingHarness, refusedUnchanged, type Harness } from '../../support/coreHarness.js';

const DAY = 24 * 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const revisions = async (id: number) => (await h.call('ji', 'stories.history', { id })).revisions;
const storiesOf = async () => (await h.call('kim', 'stories.list', {})).items;

describe('stories.save with a saveId', () => {
  it('applied once: a repeat answers the same story and changes nothing', async () => {
    const story = await draftStory(h);
    const saveId = randomUUID();
    const input = { id: story.id, baseVersion: story.version, changes: { body: doc('북한이 화요일 미사일을 발사했다.') }, saveId };
    const first = await h.call('ji', 'stories.save', input);
    expect(first.story.version).toBe(story.version + 1);
    const before = await h.snapshot();
    const eventsBefore = h.events.length;
    const again = await h.call('ji', 'stories.save', input);
    expect(again).toEqual(first);
    expect(await h.snapshot()).toBe(before);
    // Nobody is told of a change that did not happen.
    expect(h.events.length).toBe(eventsBefore);
  });

  it('a refused save is recorded too: the repeat gets the same CONFLICT naming the same kept revision, and keeps no second one', async () => {
    const story = await draftStory(h);
    await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('Second version.') } });
    const stale = { id: story.id, baseVersion: story.version, changes: { body: doc('Typed offline on the train.') }, saveId: randomUUID() };
    const first = await h.fails('ji', 'stories.save', stale);
    expect(first.code).toBe('CONFLICT');
    const kept = (first.details as { revisionId: number }).revisionId;
    const conflicts = (await revisions(story.id)).filter((r) => r.reason === 'conflict');
    expect(conflicts.map((r) => r.id)).toEqual([kept]);
    const again = await refusedUnchanged(h, 'ji', 'stories.save', stale, 'CONFLICT');
    expect(again.toBody()).toEqual(first.toBody());
    expect((await revisions(story.id)).filter((r) => r.reason === 'conflict')).toHaveLength(1);
  });

  it('a save refused by someone else’s lock keeps its text once, and its repeat says so with the same revision', async () => {
    const draft = await draftStory(h);
    const shared = (
      await h.call('ji', 'stories.save', { id: draft.id, baseVersion: draft.version, changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] } })
    ).story;
    const input = { id: draft.id, baseVersion: shared.version, changes: { body: doc('Park typed this.') }, saveId: randomUUID() };
    const first = await h.fails('park', 'stories.save', input);
    expect(first.code).toBe('LOCKED');
    const again = await refusedUnchanged(h, 'park', 'stories.save', input, 'LOCKED');
    expect(again.toBody()).toEqual(first.toBody());
    expect((again.details as { keptAsRevision: number }).keptAsRevision).toBeGreaterThan(0);
  });

  it('a repeat answers with the story as it is now when it was saved again since', async () => {
    const story = await draftStory(h);
    const saveId = randomUUID();
    const input = { id: story.id, baseVersion: story.version, changes: { headline: 'First' }, saveId };
    const first = (await h.call('ji', 'stories.save', input)).story;
    const later = (await h.call('ji', 'stories.save', { id: story.id, baseVersion: first.version, changes: { headline: 'Later' } })).story;
    const before = await h.snapshot();
    expect((await h.call('ji', 'stories.save', input)).story).toEqual(later);
    expect(await h.snapshot()).toBe(before);
  });

  it('the same key for another story or method is VALIDATION and changes nothing', async () => {
    const a = await draftStory(h);
    const b = await draftStory(h, 'Another story.');
    const saveId = randomUUID();
    await h.call('ji', 'stories.save', { id: a.id, baseVersion: a.version, changes: { headline: 'A' }, saveId });
    const other = await refusedUnchanged(h, 'ji', 'stories.save', { id: b.id, baseVersion: b.version, changes: { headline: 'B' }, saveId }, 'VALIDATION');
    expect(other.details).toEqual([{ path: 'saveId', message: 'already used' }]);
    const create = await refusedUnchanged(h, 'ji', 'stories.create', { desk: 'North Korea', clientId: saveId }, 'VALIDATION');
    expect(create.details).toEqual([{ path: 'clientId', message: 'already used' }]);
  });

  it('another person’s same key is their own: both saves apply', async () => {
    const jis = await draftStory(h);
    const parks = (await h.call('park', 'stories.create', { desk: 'North Korea', headline: 'Park’s story' })).story;
    const saveId = randomUUID();
    const a = await h.call('ji', 'stories.save', { id: jis.id, baseVersion: jis.version, changes: { headline: 'Ji saved' }, saveId });
    const b = await h.call('park', 'stories.save', { id: parks.id, baseVersion: parks.version, changes: { headline: 'Park saved' }, saveId });
    expect([a.story.headline, a.story.version]).toEqual(['Ji saved', jis.version + 1]);
    expect([b.story.headline, b.story.version]).toEqual(['Park saved', parks.version + 1]);
  });

  it('repeats sent at once apply once', async () => {
    const story = await draftStory(h);
    const input = { id: story.id, baseVersion: story.version, changes: { body: doc('Sent five times over a bad line.') }, saveId: randomUUID() };
    const before = (await revisions(story.id)).length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.call('ji', 'stories.save', input)));
    expect(new Set(answers.map((a) => a.story.version))).toEqual(new Set([story.version + 1]));
    expect((await h.call('ji', 'stories.get', { id: story.id })).story.version).toBe(story.version + 1);
    expect((await revisions(story.id)).length - before).toBeLessThanOrEqual(1);
  });

  it('a key is forgotten after 30 days, not before', async () => {
    const story = await draftStory(h);
    const input = { id: story.id, baseVersion: story.version, changes: { headline: 'Once' }, saveId: randomUUID() };
    await h.call('ji', 'stories.save', input);
    h.clock.advance((APPLIED_KEYS_KEPT_DAYS - 1) * DAY);
    await h.core.sweepSessions();
    expect((await h.call('ji', 'stories.save', input)).story.version).toBe(story.version + 1);
    h.clock.advance(2 * DAY);
    await h.core.sweepSessions();
    // Forgotten: the same save is a new one, based on a version long gone.
    expect((await h.fails('ji', 'stories.save', input)).code).toBe('CONFLICT');
  });
});

describe('stories.create with a clientId', () => {
  const whole = (clientId: string) => ({
    desk: 'North Korea',
    headline: '북한, 동해상으로 탄도미사일 발사',
    subheadlines: ['합참 “정밀 분석 중”'],
    dateline: 'SEOUL',
    // Written offline, before any photo was attached: a figure cannot stand in it.
    body: { type: 'doc', content: [...doc('북한이 화요일 동해상으로 탄도미사일을 발사했다.').content!, { type: 'figure', attrs: { storyPhotoId: 9 } }] },
    clientId,
  });

  it('arrives whole: headline, subheadlines, dateline and body in one version, searchable', async () => {
    const { story } = await h.call('ji', 'stories.create', whole(randomUUID()));
    expect(story).toMatchObject({ version: 1, headline: '북한, 동해상으로 탄도미사일 발사', subheadlines: ['합참 “정밀 분석 중”'], dateline: 'SEOUL', status: 'draft' });
    expect(story.body).toEqual(doc('북한이 화요일 동해상으로 탄도미사일을 발사했다.'));
    expect(story.wordCount).toBeGreaterThan(0);
    expect(story.lock?.staffId).toBe(h.staff.ji.id);
    expect((await revisions(story.id)).map((r) => r.reason)).toEqual(['create']);
    const found = await h.call('kim', 'stories.list', { query: '탄도미사일' });
    expect(found.items.map((i) => i.id)).toEqual([story.id]);
  });

  it('a repeat answers with the story the first made: one story', async () => {
    const input = whole(randomUUID());
    const first = await h.call('ji', 'stories.create', input);
    const before = await h.snapshot();
    expect(await h.call('ji', 'stories.create', input)).toEqual(first);
    expect(await h.snapshot()).toBe(before);
    const answers = await Promise.all(Array.from({ length: 4 }, () => h.call('ji', 'stories.create', input)));
    expect(answers.map((a) => a.story.id)).toEqual([first.story.id, first.story.id, first.story.id, first.story.id]);
    expect((await storiesOf()).filter((i) => i.headline === input.headline)).toHaveLength(1);
  });

  it('creates sent at once make one story', async () => {
    const input = whole(randomUUID());
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.call('ji', 'stories.create', input)));
    expect(new Set(answers.map((a) => a.story.id)).size).toBe(1);
    expect((await storiesOf()).filter((i) => i.headline === input.headline)).toHaveLength(1);
  });

  it('two people with the same key make two stories', async () => {
    const clientId = randomUUID();
    const a = await h.call('ji', 'stories.create', whole(clientId));
    const b = await h.call('park', 'stories.create', whole(clientId));
    expect(a.story.id).not.toBe(b.story.id);
    expect(b.story.byline.map((x) => x.name)).toEqual(['Park Soo-hyun']);
  });

  it('a create refused (an unknown desk, a person who may not create) records nothing: a corrected repeat applies', async () => {
    const clientId = randomUUID();
    await refusedUnchanged(h, 'ji', 'stories.create', { ...whole(clientId), desk: 'Nowhere' }, 'VALIDATION');
    await refusedUnchanged(h, 'choi', 'stories.create', whole(clientId), 'FORBIDDEN');
    const { story } = await h.call('ji', 'stories.create', whole(clientId));
    expect(story.desk).toBe('North Korea');
  });

  it('refuses a body the story schema does not allow, changing nothing', async () => {
    const error = await refusedUnchanged(h, 'ji', 'stories.create', { ...whole(randomUUID()), body: { type: 'doc', content: [{ type: 'script' }] } }, 'VALIDATION');
    expect(error).toBeInstanceOf(ApiError);
  });
});
