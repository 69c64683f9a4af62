// The text lock across computers: it is held by a person in one session. The same person on
// another computer is refused (LOCKED, naming the device) and may take the lock over; a lock whose
// session ended never counts; and a desk editor's forced unlock never lets the writer's late save
// overwrite the new holder's text: it is kept as a revision instead.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInfo } from '../../../core/dispatch.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import type { Story } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { callCore, type Caller } from '../../support/callCore.js';
import { doc, draftStory, makeClock, makeHarness, refusedUnchanged, transition, type Harness } from '../../support/coreHarness.js';

const LAPTOP: ClientInfo = { address: '192.0.2.10', device: 'Chrome on Linux' };
const DESKTOP: ClientInfo = { address: '192.0.2.11', device: 'Firefox on Windows' };

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T01:42:00.000Z') });
  await h.call('han', 'settings.update', { timeZone: 'Asia/Seoul' });
});
afterEach(async () => {
  await h.close();
});

/** Ji signs in on a device: a typed caller for that session. */
async function jiOn(client: ClientInfo) {
  const { token } = (await h.core.call(null, 'session.signIn', { email: 'dagyumji@heraldcorp.com', password: DEMO_PASSWORD }, client)) as { token: string };
  const call: Caller = (method, input) => callCore(h.core, token, method, input);
  return {
    token,
    call,
    fails: async (method: string, input: unknown): Promise<ApiError> => {
      try {
        await h.core.call(token, method, input, client);
      } catch (e) {
        if (e instanceof ApiError) return e;
        throw e;
      }
      throw new Error(`${method} succeeded`);
    },
  };
}

const get = async (id: number): Promise<Story> => (await h.call('kim', 'stories.get', { id })).story;

describe('the same person on two computers', () => {
  it('the other computer is refused with LOCKED naming the device, keeps what it typed, and may take the lock over', async () => {
    const laptop = await jiOn(LAPTOP);
    const desktop = await jiOn(DESKTOP);
    const { story } = await laptop.call('stories.create', { desk: 'North Korea', headline: 'Typed on the laptop' });
    expect(story.lock).toMatchObject({ staffId: h.staff.ji.id, device: 'Chrome on Linux', sessionId: expect.any(Number) });

    const refused = await desktop.fails('stories.lock', { id: story.id });
    expect(refused.code).toBe('LOCKED');
    expect(refused.message).toBe('You are editing this story on another computer (Chrome on Linux) since 10:42.');
    expect((refused.details as { lock: { device: string } }).lock.device).toBe('Chrome on Linux');
    expect((await desktop.call('stories.get', { id: story.id })).canEdit).toBe(false);
    expect((await laptop.call('stories.get', { id: story.id })).canEdit).toBe(true);

    // A save from the desktop is kept as a revision and changes nothing else.
    const late = await desktop.fails('stories.save', { id: story.id, baseVersion: story.version, changes: { headline: 'Typed on the desktop' } });
    expect(late.code).toBe('LOCKED');
    const keptId = (late.details as { keptAsRevision: number }).keptAsRevision;
    expect((await desktop.call('stories.revision', { id: story.id, revisionId: keptId })).headline).toBe('Typed on the desktop');
    expect((await get(story.id)).headline).toBe('Typed on the laptop');

    // Taking it over: no note, no desk editor needed; the laptop hears of it at once.
    h.events.length = 0;
    const { story: taken } = await desktop.call('stories.unlock', { id: story.id });
    expect(taken.lock).toMatchObject({ staffId: h.staff.ji.id, device: 'Firefox on Windows' });
    expect(h.events).toEqual([{ type: 'lock.changed', storyId: story.id, lock: taken.lock }]);
    const saved = await desktop.call('stories.save', { id: story.id, baseVersion: taken.version, changes: { headline: 'Now on the desktop' } });

    // The laptop's late save never lands over it: kept as a revision, refused LOCKED naming the desktop.
    const laptopLate = await laptop.fails('stories.save', { id: story.id, baseVersion: story.version, changes: { headline: 'Laptop, unsaved' } });
    expect(laptopLate).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/^You are editing this story on another computer \(Firefox on Windows\)/) });
    expect((laptopLate.details as { keptAsRevision?: number }).keptAsRevision).toBeGreaterThan(0);
    expect((await get(story.id)).headline).toBe(saved.story.headline);
  });

  it('the lock of a session that ended does not count, and is released when it ends', async () => {
    const laptop = await jiOn(LAPTOP);
    const desktop = await jiOn(DESKTOP);
    const { story } = await laptop.call('stories.create', { desk: 'North Korea', headline: 'Left on the laptop' });
    h.events.length = 0;
    await laptop.call('session.signOut', {});
    expect(h.events).toEqual([{ type: 'lock.changed', storyId: story.id, lock: null }]);
    expect((await get(story.id)).lock).toBeNull();
    expect((await desktop.call('stories.lock', { id: story.id })).story.lock?.device).toBe('Firefox on Windows');

    // An admin ending the desktop's session frees the story the same way.
    await h.call('han', 'staff.endSessions', { staffId: h.staff.ji.id });
    expect((await get(story.id)).lock).toBeNull();
    expect((await h.call('han', 'stories.history', { id: story.id })).events.filter((e) => e.event === 'signOutUnlock')).toHaveLength(2);
  });

  it('the holder’s own session unlocks as before', async () => {
    const laptop = await jiOn(LAPTOP);
    const { story } = await laptop.call('stories.create', { desk: 'North Korea', headline: 'Mine' });
    expect((await laptop.call('stories.unlock', { id: story.id })).story.lock).toBeNull();
  });
});

describe('a desk editor’s forced unlock', () => {
  it('in editing (a take-over): the writer’s next save is kept as a revision, never applied over the new holder’s text', async () => {
    const story = await draftStory(h);
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'lee', story.id, 'claim');
    const lees = await get(story.id);
    expect(lees.lock?.staffId).toBe(h.staff.lee.id);

    h.events.length = 0;
    await h.call('kim', 'stories.unlock', { id: story.id, note: 'Lee went home' });
    // Lee's computer hears it at once.
    expect(h.events).toContainEqual({ type: 'lock.changed', storyId: story.id, lock: null });
    const locked = (await h.call('kim', 'stories.lock', { id: story.id })).story;
    const kims = (await h.call('kim', 'stories.save', { id: story.id, baseVersion: locked.version, changes: { body: doc('Kim rewrote the lead.') } })).story;

    // Lee's autosave of what he had typed (on the version he had open).
    const late = await h.fails('lee', 'stories.save', { id: story.id, baseVersion: lees.version, changes: { body: doc('Lee’s unsaved paragraph.') } });
    expect(late.message).toMatch(/kept in its history/);
    const keptId = (late.details as { keptAsRevision: number }).keptAsRevision;
    expect(keptId).toBeGreaterThan(0);
    expect((await h.call('lee', 'stories.revision', { id: story.id, revisionId: keptId })).body).toEqual(doc('Lee’s unsaved paragraph.'));
    expect((await get(story.id)).body).toEqual(kims.body);
    expect((await get(story.id)).version).toBe(kims.version);
  });

  it('in draft (the lock is only released): once a co-author holds it the writer’s save is kept; while nobody does, the writer saves again', async () => {
    const story = await draftStory(h);
    const shared = (
      await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] } })
    ).story;
    await h.call('kim', 'stories.unlock', { id: story.id, note: 'Ji went home; Park finishes it' });
    expect((await get(story.id)).lock).toBeNull();

    // Nobody took the lock yet: Ji's save is the newest text and goes in (she holds the lock again).
    const again = (await h.call('ji', 'stories.save', { id: story.id, baseVersion: shared.version, changes: { body: doc('Ji’s last sentence.') } })).story;
    expect(again.lock?.staffId).toBe(h.staff.ji.id);

    // Broken again, and this time Park takes it and writes: Ji's late save is kept, not applied.
    await h.call('kim', 'stories.unlock', { id: story.id, note: 'Park finishes it' });
    const parks = (await h.call('park', 'stories.save', { id: story.id, baseVersion: again.version, changes: { body: doc('Park’s version.') } })).story;
    const late = await h.fails('ji', 'stories.save', { id: story.id, baseVersion: again.version, changes: { body: doc('Ji typed more.') } });
    expect(late.code).toBe('LOCKED');
    const keptId = (late.details as { keptAsRevision: number }).keptAsRevision;
    expect((await h.call('ji', 'stories.revision', { id: story.id, revisionId: keptId })).body).toEqual(doc('Ji typed more.'));
    expect((await get(story.id)).body).toEqual(parks.body);
    // And Ji cannot take it back over Park (his lock, not hers).
    await refusedUnchanged(h, 'ji', 'stories.unlock', { id: story.id }, 'FORBIDDEN');
  });
});
