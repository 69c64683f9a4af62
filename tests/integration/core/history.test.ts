// A story's history as one list (stories.history's entries) and what the desk changed since its
// writers last had it (stories.deskChanges): which revision is the reporter's last version, who on
// the desk changed the text, and when there is nothing of the desk's to show.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, Story } from '../../../shared/domain.js';
import { doc, draftStory, makeHarness, makeClock, refusedUnchanged, transition, type Harness, type Who } from '../../support/coreHarness.js';
import { b64, makeJpeg } from '../photos/helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T09:00:00.000Z') });
});
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;
const BODY = 'Pyongyang fired a missile on Tuesday, the military said.';

const entries = async (id: number): Promise<HistoryEntry[]> => (await h.call('kim', 'stories.history', { id })).entries;
const deskChanges = async (id: number, who: Who = 'ji') => (await h.call(who, 'stories.deskChanges', { id })).changes;

/** Saves as `who`, a minute later than the last thing that happened. */
async function save(who: Who, story: Story, body: string, headline?: string): Promise<Story> {
  h.clock.advance(MINUTE);
  return (await h.call(who, 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc(body), ...(headline ? { headline } : {}) } })).story;
}

async function move(who: Who, id: number, action: Parameters<typeof transition>[3], extra: Parameters<typeof transition>[4] = {}): Promise<Story> {
  h.clock.advance(MINUTE);
  return transition(h, who, id, action, extra);
}

/** Ji writes and submits; Kim claims, changes words and sends it back. */
async function sentBackWithEdits(): Promise<Story> {
  const story = await draftStory(h, BODY);
  await move('ji', story.id, 'submit');
  const claimed = await move('kim', story.id, 'claim');
  await save('kim', claimed, 'Pyongyang fired two ballistic missiles on Tuesday, the military said.');
  return move('kim', story.id, 'sendBack', { note: 'Check the number of missiles.' });
}

describe('stories.history entries', () => {
  it('lists each move once, holding the revision it kept, newest first', async () => {
    const story = await sentBackWithEdits();
    const list = await entries(story.id);
    expect(list.map((e) => [e.event, e.actorName, e.revision?.reason ?? null])).toEqual([
      ['sendBack', 'Kim Min-ji', 'sendBack'],
      ['claim', 'Kim Min-ji', 'claim'],
      ['submit', 'Ji Da-gyum', 'submit'],
      ['create', 'Ji Da-gyum', 'create'],
    ]);
    expect(list[0]).toMatchObject({ from: 'editing', to: 'draft', note: 'Check the number of missiles.' });
    // Every revision and every event appears in exactly one entry.
    const { revisions, events } = await h.call('kim', 'stories.history', { id: story.id });
    const revisionIds = list.flatMap((e) => (e.revision ? [e.revision.id] : []));
    expect(revisionIds.sort()).toEqual(revisions.map((r) => r.id).sort());
    expect(list.filter((e) => e.event !== null)).toHaveLength(events.length);
    expect(new Set(list.map((e) => e.key)).size).toBe(list.length);
  });

  it('an autosave is a row of its own, unless a milestone right after holds the same text', async () => {
    let story = await draftStory(h, BODY);
    story = await save('ji', story, 'First draft.');
    h.clock.advance(10 * MINUTE);
    story = await save('ji', story, 'Second draft, kept by the five-minute autosave.');
    h.clock.advance(10 * MINUTE);
    story = await save('ji', story, 'Third draft, saved just before it was submitted.');
    await transition(h, 'ji', story.id, 'submit');
    const { revisions } = await h.call('kim', 'stories.history', { id: story.id });
    expect(revisions.map((r) => r.reason)).toEqual(['submit', 'periodic', 'periodic', 'create']);
    const list = await entries(story.id);
    expect(list.map((e) => e.event ?? e.revision?.reason)).toEqual(['submit', 'periodic', 'create']);
    expect(list[1]!.revision!.version).toBe(story.version - 1);
    expect(list[0]!.revision!.version).toBe(story.version);
  });

  it('a publish names the published version it made, its own sequence; a kill notice is the next', async () => {
    const story = await draftStory(h, BODY);
    await move('ji', story.id, 'submit');
    await move('kim', story.id, 'claim');
    await move('kim', story.id, 'approve');
    const published = await move('kim', story.id, 'publish');
    await move('kim', story.id, 'correct', { note: 'Two missiles, not three.' });
    await move('kim', story.id, 'approve');
    await move('kim', story.id, 'publish');
    await move('kim', story.id, 'kill', { note: 'Withdrawn.' });
    const list = await entries(story.id);
    expect(list.filter((e) => e.publishedVersion !== null).map((e) => [e.event, e.publishedVersion])).toEqual([
      ['kill', 3],
      ['publish', 2],
      ['publish', 1],
    ]);
    // The publish row holds the text it published: the story's version, the number the editor's header shows.
    expect(list.find((e) => e.publishedVersion === 1)!.revision).toMatchObject({ reason: 'publish', version: published.version });
  });

  it('a schedule says when for; the scheduled publish says which version, not the core’s note', async () => {
    const story = await draftStory(h, BODY);
    await move('ji', story.id, 'submit');
    await move('kim', story.id, 'claim');
    await move('kim', story.id, 'approve');
    const publishAt = new Date(h.clock.now.getTime() + 30 * MINUTE).toISOString();
    await move('kim', story.id, 'schedule', { publishAt });
    h.clock.advance(31 * MINUTE);
    const { publishDue } = await import('../../../core/publishing/scheduler.js');
    await publishDue(h.services, () => undefined);
    const list = await entries(story.id);
    expect(list[0]).toMatchObject({ event: 'autoPublish', publishedVersion: 1, note: null, revision: { reason: 'publish' } });
    expect(list[1]).toMatchObject({ event: 'schedule', publishAt, note: null });
  });

  it('a re-caption says which of the photo’s fields changed, by whom and when', async () => {
    const story = await draftStory(h, BODY);
    const { results } = await h.call('choi', 'photos.import', { files: [{ name: 'launch.jpg', data: b64(await makeJpeg(64, 48, { seed: 7 })) }] });
    const { photos } = await h.call('choi', 'photos.attach', {
      storyId: story.id,
      assetId: results[0]!.asset!.id,
      placement: 'lead',
      caption: 'Seo Min-jeong',
      credit: '(Yonhap)',
    });
    const photo = photos[0]!;
    h.clock.advance(MINUTE);
    // The caption form sends every field; only the caption changed.
    await h.call('choi', 'photos.updatePlacement', { id: photo.id, caption: 'Seo Min-jung at the ministry', credit: '(Yonhap)', alt: photo.alt });
    h.clock.advance(MINUTE);
    await h.call('choi', 'photos.updatePlacement', { id: photo.id, caption: 'Seo Min-jung at the ministry', credit: 'Yonhap', alt: 'A woman at a lectern' });
    const list = await entries(story.id);
    expect(list[0]).toMatchObject({ event: 'photo.recaption', actorName: 'Choi Yoon-seo', note: null, photo: { fields: ['credit', 'alt'], caption: null } });
    expect(list[1]).toMatchObject({
      event: 'photo.recaption',
      actorName: 'Choi Yoon-seo',
      at: new Date(h.clock.now.getTime() - MINUTE).toISOString(),
      photo: { fields: ['caption'], caption: 'Seo Min-jung at the ministry' },
    });
    // The core's words about the photo are what it recorded, not someone's note.
    expect(list[2]).toMatchObject({ event: 'photo.attach', note: null, detail: 'launch.jpg (lead)' });
  });

  it('a restore says which saved version’s text it brought back, and is one row with the revision it kept', async () => {
    let story = await draftStory(h, BODY);
    story = await save('ji', story, 'A second draft.');
    const { revisions } = await h.call('ji', 'stories.history', { id: story.id });
    const created = revisions.find((r) => r.reason === 'create')!;
    h.clock.advance(MINUTE);
    await h.call('ji', 'stories.restore', { id: story.id, revisionId: created.id, baseVersion: story.version });
    const [restore] = await entries(story.id);
    expect(restore).toMatchObject({ event: 'restore', restoredVersion: created.version, note: null, revision: { reason: 'restore' } });
  });
});

describe('stories.deskChanges', () => {
  it('after a send back: the reporter’s submitted text against the text the desk returned, word by word, with who changed it', async () => {
    const story = await sentBackWithEdits();
    const changes = await deskChanges(story.id);
    expect(changes).not.toBeNull();
    expect(changes!.base).toMatchObject({ reason: 'submit', authorName: 'Ji Da-gyum' });
    expect(changes!.writers).toEqual([{ staffId: h.staff.ji.id, name: 'Ji Da-gyum' }]);
    expect(changes!.editors).toEqual([{ staffId: h.staff.kim.id, name: 'Kim Min-ji' }]);
    expect(changes!.body).toEqual([
      { kind: 'equal', text: 'Pyongyang fired ' },
      { kind: 'delete', text: 'a missile' },
      { kind: 'insert', text: 'two ballistic missiles' },
      { kind: 'equal', text: ' on Tuesday, the military said.' },
    ]);
    expect(changes!.headline).toEqual([{ kind: 'equal', text: 'North Korea fires missile' }]);
    expect({ added: changes!.added, removed: changes!.removed }).toEqual({ added: 3, removed: 2 });
    // Anyone may look; the answer is the same.
    expect(await deskChanges(story.id, 'lee')).toEqual(changes);
  });

  it('the reporter’s last version is the last revision a writer kept before the desk took the story, round after round', async () => {
    let story = await sentBackWithEdits();
    // Round two: she rewrites the headline, resubmits; Lee claims, cuts a word, sends it back.
    story = await save('ji', story, 'Pyongyang fired two ballistic missiles on Tuesday, the military said.', 'North Korea fires two missiles');
    await move('ji', story.id, 'submit');
    const claimed = await move('lee', story.id, 'claim');
    await save('lee', claimed, 'Pyongyang fired two missiles on Tuesday, the military said.');
    story = await move('lee', story.id, 'sendBack', { note: 'Shorter.' });
    const changes = (await deskChanges(story.id))!;
    expect(changes.base).toMatchObject({ reason: 'submit', authorName: 'Ji Da-gyum' });
    const { revisions } = await h.call('ji', 'stories.history', { id: story.id });
    expect(changes.base.id).toBe(revisions.filter((r) => r.reason === 'submit')[0]!.id);
    expect(changes.editors.map((e) => e.name)).toEqual(['Lee Jae-won']);
    expect(changes.headline.every((p) => p.kind === 'equal')).toBe(true);
    expect(changes.body.filter((p) => p.kind !== 'equal')).toEqual([{ kind: 'delete', text: 'ballistic ' }]);
    expect({ added: changes.added, removed: changes.removed }).toEqual({ added: 0, removed: 1 });
  });

  it('stays while the desk has the story on through publication, and names each desk editor who changed it', async () => {
    const story = await draftStory(h, BODY);
    await move('ji', story.id, 'submit');
    const claimed = await move('kim', story.id, 'claim');
    await save('kim', claimed, 'Pyongyang fired a short-range missile on Tuesday, the military said.');
    // Lee takes it over (a force unlock), and edits more while it is still in edit.
    await h.call('lee', 'stories.unlock', { id: story.id, note: 'Kim is off shift.' });
    const current = (await h.call('lee', 'stories.get', { id: story.id })).story;
    await save('lee', current, 'Pyongyang fired a short-range missile into the sea on Tuesday, the military said.');
    // Kim wrote words of the text now; Lee holds the story and changed it since the last revision.
    expect((await deskChanges(story.id))!.editors.map((e) => e.name)).toEqual(['Kim Min-ji', 'Lee Jae-won']);
    await move('lee', story.id, 'approve');
    const published = await move('kim', story.id, 'publish');
    expect(published.status).toBe('published');
    const changes = (await deskChanges(story.id))!;
    expect(changes.base.reason).toBe('submit');
    expect(changes.editors.map((e) => e.name)).toEqual(['Kim Min-ji', 'Lee Jae-won']);
    expect(changes.body.filter((p) => p.kind === 'insert').map((p) => p.text)).toEqual(['short-range ', ' into the sea']);
  });

  it('is null while there is nothing of the desk’s: a draft never submitted, a story submitted but not touched, one sent back unchanged', async () => {
    const story = await draftStory(h, BODY);
    expect(await deskChanges(story.id)).toBeNull();
    await move('ji', story.id, 'submit');
    expect(await deskChanges(story.id)).toBeNull();
    await move('kim', story.id, 'claim');
    // Claimed, not yet edited: the desk has it, but the text is hers.
    expect(await deskChanges(story.id)).toBeNull();
    await move('kim', story.id, 'sendBack', { note: 'Needs a second source.' });
    expect(await deskChanges(story.id)).toBeNull();
  });

  it('goes once the reporter saves the story after it came back: the difference is no longer the desk’s alone', async () => {
    const story = await sentBackWithEdits();
    expect(await deskChanges(story.id)).not.toBeNull();
    await h.call('ji', 'stories.lock', { id: story.id });
    const current = (await h.call('ji', 'stories.get', { id: story.id })).story;
    await save('ji', current, 'Pyongyang fired two ballistic missiles on Tuesday morning, the military said.');
    expect(await deskChanges(story.id)).toBeNull();
  });

  it('survives a photo placed in the body after it came back (a figure is not a text change)', async () => {
    const story = await sentBackWithEdits();
    const { results } = await h.call('choi', 'photos.import', { files: [{ name: 'launch.jpg', data: b64(await makeJpeg(64, 48, { seed: 9 })) }] });
    const attached = await h.call('choi', 'photos.attach', { storyId: story.id, assetId: results[0]!.asset!.id, placement: 'inline', position: 0 });
    expect(attached.story.version).toBeGreaterThan(story.version);
    const changes = await deskChanges(story.id);
    expect(changes?.body.some((p) => p.kind === 'insert' && p.text === 'two ballistic missiles')).toBe(true);
  });

  it('marks Korean text word by word', async () => {
    const story = await draftStory(h, '북한이 화요일 탄도미사일 한 발을 발사했다고 군이 밝혔다.');
    await move('ji', story.id, 'submit');
    const claimed = await move('kim', story.id, 'claim');
    await save('kim', claimed, '북한이 화요일 단거리 탄도미사일 두 발을 발사했다고 합동참모본부가 밝혔다.');
    await move('kim', story.id, 'sendBack', { note: '출처 확인' });
    const changes = (await deskChanges(story.id))!;
    expect(changes.body.filter((p) => p.kind === 'insert').map((p) => p.text)).toEqual(['단거리 ', '두', '합동참모본부가']);
    expect(changes.body.filter((p) => p.kind === 'delete').map((p) => p.text)).toEqual(['한', '군이']);
    expect({ added: changes.added, removed: changes.removed }).toEqual({ added: 3, removed: 2 });
  });

  it('refuses an unknown story (NOT_FOUND) and a caller who is not signed in, changing nothing', async () => {
    const story = await draftStory(h, BODY);
    await refusedUnchanged(h, 'ji', 'stories.deskChanges', { id: story.id + 100 }, 'NOT_FOUND');
    await refusedUnchanged(h, null, 'stories.deskChanges', { id: story.id }, 'UNAUTHENTICATED');
  });
});
