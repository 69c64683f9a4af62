// Signing out releases every text lock the person holds, in one write with its change events and
// audit, so a colleague can take the story at once instead of waiting for the idle timeout.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftStory, makeRecordingHarness, transition, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const lockOf = async (id: number) => (await h.call('han', 'stories.get', { id })).story.lock;

describe('session.signOut', () => {
  it('releases the live locks the person holds, announced and audited; others’ locks stay', async () => {
    // Ji writes two drafts (each save holds the text lock); Kim claims a third story (her lock).
    const first = await draftStory(h);
    const second = await draftStory(h, 'A second draft, open in another window.');
    const claimed = await draftStory(h, 'A story the desk is editing.');
    await transition(h, 'ji', claimed.id, 'submit');
    await transition(h, 'kim', claimed.id, 'claim');
    expect((await lockOf(first.id))?.staffId).toBe(h.staff.ji.id);
    expect((await lockOf(second.id))?.staffId).toBe(h.staff.ji.id);
    expect((await lockOf(claimed.id))?.staffId).toBe(h.staff.kim.id);

    h.events.length = 0;
    expect(await h.call('ji', 'session.signOut', {})).toEqual({ ok: true });

    expect(await lockOf(first.id)).toBeNull();
    expect(await lockOf(second.id)).toBeNull();
    expect((await lockOf(claimed.id))?.staffId).toBe(h.staff.kim.id);
    expect(h.events).toEqual([
      { type: 'lock.changed', storyId: first.id, lock: null },
      { type: 'lock.changed', storyId: second.id, lock: null },
    ]);
    for (const id of [first.id, second.id]) {
      const { events } = await h.call('han', 'stories.history', { id });
      expect(events.at(-1)).toMatchObject({ event: 'signOutUnlock', actorName: 'Ji Da-gyum', from: 'draft', to: 'draft' });
    }
    expect((await h.call('kim', 'stories.history', { id: claimed.id })).events.some((e) => e.event === 'signOutUnlock')).toBe(false);
    // The session is over: the token no longer signs anyone in.
    expect((await h.call('ji', 'session.current', {})).staff).toBeNull();
    expect((await h.fails('ji', 'stories.lock', { id: first.id })).code).toBe('UNAUTHENTICATED');
  });

  it('a lapsed lock is tidied away without an event or an audit line', async () => {
    const story = await draftStory(h);
    h.clock.advance(31 * 60_000);
    h.events.length = 0;
    await h.call('ji', 'session.signOut', {});
    expect(await lockOf(story.id)).toBeNull();
    expect(h.events).toEqual([]);
    expect((await h.call('han', 'stories.history', { id: story.id })).events.some((e) => e.event === 'signOutUnlock')).toBe(false);
  });

  it('a co-author takes the story the moment the holder signs out', async () => {
    const story = await draftStory(h);
    const { story: shared } = await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] },
    });
    expect((await h.fails('park', 'stories.lock', { id: story.id })).code).toBe('LOCKED');
    await h.call('ji', 'session.signOut', {});
    const { story: taken } = await h.call('park', 'stories.save', { id: story.id, baseVersion: shared.version, changes: { headline: 'Park takes over' } });
    expect(taken.lock?.staffId).toBe(h.staff.park.id);
  });

  it('signing out when not signed in changes nothing', async () => {
    await draftStory(h);
    const before = await h.snapshot();
    h.events.length = 0;
    expect(await h.call(null, 'session.signOut', {})).toEqual({ ok: true });
    expect(await h.snapshot()).toBe(before);
    expect(h.events).toEqual([]);
  });
});
