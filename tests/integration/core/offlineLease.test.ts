// "Take offline": the text lock held as a lease while its holder writes without the network. It
// is taken by whoever may type into the story now, lasts OFFLINE_LEASE_HOURS, is shown to
// everyone as offline work, survives saves and the session sweeper while its device session
// lives, becomes a plain lock with stories.lock, is broken by a desk editor with a note like any
// lock, and lapses when its time is up.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInfo } from '../../../core/dispatch.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { OFFLINE_LEASE_HOURS } from '../../../shared/contract.js';
import type { Story } from '../../../shared/domain.js';
import { callCore, type Caller } from '../../support/callCore.js';
import { doc, draftStory, makeClock, makeHarness, refusedUnchanged, SESSION_LIMITS, type Harness } from '../../support/coreHarness.js';

const HOUR = 3_600_000;
const LAPTOP: ClientInfo = { address: '192.0.2.10', device: 'node' };

let h: Harness;
beforeEach(async () => {
  // Browser sessions end after 12 idle hours here, as in a newsroom.
  h = await makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T09:00:00.000Z'), sessionLimits: SESSION_LIMITS });
});
afterEach(async () => {
  await h.close();
});

/** Ji's desktop: a device session, as the desktop app signs in to a server. */
async function jisDesktop(): Promise<Caller> {
  const { token } = (await h.core.call(
    null,
    'session.signIn',
    { email: 'dagyumji@heraldcorp.com', password: DEMO_PASSWORD, desktop: { name: 'ji-laptop' } },
    LAPTOP,
  )) as {
    token: string;
  };
  return (method, input) => callCore(h.core, token, method, input);
}

/** Ji's draft, taken offline on her desktop. */
async function takenOffline(): Promise<{ desktop: Caller; story: Story }> {
  const desktop = await jisDesktop();
  const { story: created } = await desktop('stories.create', { desk: 'North Korea', headline: 'Written on the train' });
  const { story } = await desktop('stories.takeOffline', { id: created.id });
  return { desktop, story };
}

const listed = async (id: number) => (await h.call('kim', 'stories.list', {})).items.find((i) => i.id === id)!;
const lockOf = async (id: number) => (await h.call('kim', 'stories.get', { id })).story.lock;

describe('stories.takeOffline', () => {
  it('holds the lock as a lease for OFFLINE_LEASE_HOURS that everyone sees as offline work', async () => {
    const { desktop, story } = await takenOffline();
    const until = new Date(h.clock.now.getTime() + OFFLINE_LEASE_HOURS * HOUR).toISOString();
    expect(story.lock).toMatchObject({ staffId: h.staff.ji.id, name: 'Ji Da-gyum', offline: true, expiresAt: until, device: 'Newsdesk desktop on ji-laptop' });
    expect(h.events.filter((e) => e.type === 'lock.changed').at(-1)).toEqual({ type: 'lock.changed', storyId: story.id, lock: story.lock });
    expect(await listed(story.id)).toMatchObject({ lockedBy: 'Ji Da-gyum', lockedOffline: true });
    expect(await lockOf(story.id)).toMatchObject({ offline: true });
    // Others are kept out as by any lock, and told why.
    await refusedUnchanged(h, 'park', 'stories.takeOffline', { id: story.id }, 'FORBIDDEN');
    // Kim, on the byline now, may write on the story but not while Ji works offline on it.
    await desktop('stories.save', { id: story.id, baseVersion: story.version, changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.kim.id }] } });
    expect((await refusedUnchanged(h, 'kim', 'stories.lock', { id: story.id }, 'LOCKED')).message).toBe('Ji Da-gyum is working offline on this story.');
    expect((await refusedUnchanged(h, 'ji', 'stories.lock', { id: story.id }, 'LOCKED')).message).toMatch(
      /^You took this story offline on another computer \(Newsdesk desktop on ji-laptop\) at \d\d:\d\d\.$/,
    );
  });

  it('is refused to whoever may not type into the story now, changing nothing', async () => {
    const story = await draftStory(h);
    await refusedUnchanged(h, 'choi', 'stories.takeOffline', { id: story.id }, 'FORBIDDEN');
    // Ji's own lock in her browser keeps her desktop out, as it would keep out a second lock.
    const desktop = await jisDesktop();
    const locked = await desktop('stories.takeOffline', { id: story.id }).catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: 'LOCKED' });
    await h.call('ji', 'stories.transition', { id: story.id, action: 'submit' });
    await refusedUnchanged(h, 'ji', 'stories.takeOffline', { id: story.id }, 'INVALID_STATE');
  });

  it('outlasts the plain lock’s timeout and the session sweeper while the device session lives', async () => {
    const { story } = await takenOffline();
    h.clock.advance(24 * HOUR);
    // Every browser session has expired and been swept; the desktop's lives on, and so does its lease.
    expect(await h.core.sweepSessions()).toBeGreaterThan(0);
    h.clock.advance(24 * HOUR);
    await h.core.sweepSessions();
    const lock = await callCore(h.core, await signInKim(), 'stories.get', { id: story.id }).then((r) => r.story.lock);
    expect(lock).toMatchObject({ staffId: h.staff.ji.id, offline: true });
    const kim = await signInKim();
    expect((await callCore(h.core, kim, 'stories.list', {})).items.find((i) => i.id === story.id)).toMatchObject({ lockedOffline: true });
  });

  it('lapses when its time is up: the story is free again', async () => {
    const { story } = await takenOffline();
    h.clock.advance(OFFLINE_LEASE_HOURS * HOUR + 60_000);
    await h.core.sweepSessions();
    const kim = await signInKim();
    const item = (await callCore(h.core, kim, 'stories.list', {})).items.find((i) => i.id === story.id);
    expect(item).toMatchObject({ lockedBy: null, lockedOffline: false });
  });

  it('saves keep it a lease and never shorten it', async () => {
    const { desktop, story } = await takenOffline();
    h.clock.advance(2 * HOUR);
    const { story: saved } = await desktop('stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: doc('Typed offline, sent later.') },
      saveId: 'save-0001',
    });
    expect(saved.lock).toMatchObject({ offline: true, expiresAt: story.lock!.expiresAt, acquiredAt: story.lock!.acquiredAt });
    // Near its end, a save renews it for a plain lock's time at least.
    h.clock.advance((OFFLINE_LEASE_HOURS - 2) * HOUR - 60_000);
    const { story: late } = await desktop('stories.save', { id: story.id, baseVersion: saved.version, changes: { headline: 'Still writing' } });
    expect(late.lock).toMatchObject({ offline: true, expiresAt: new Date(h.clock.now.getTime() + 30 * 60_000).toISOString() });
  });

  it('stories.lock makes it a plain lock again, and everyone hears so', async () => {
    const { desktop, story } = await takenOffline();
    h.clock.advance(HOUR);
    const { story: locked } = await desktop('stories.lock', { id: story.id });
    expect(locked.lock?.offline).toBeUndefined();
    expect(locked.lock).toMatchObject({
      staffId: h.staff.ji.id,
      acquiredAt: story.lock!.acquiredAt,
      expiresAt: new Date(h.clock.now.getTime() + 30 * 60_000).toISOString(),
    });
    expect(h.events.filter((e) => e.type === 'lock.changed').at(-1)).toEqual({ type: 'lock.changed', storyId: story.id, lock: locked.lock });
    expect(await listed(story.id)).toMatchObject({ lockedBy: 'Ji Da-gyum', lockedOffline: false });
  });

  it('a desk editor breaks it with a note, recorded as a forced unlock; without a note, and for anyone else, it stands', async () => {
    const { story } = await takenOffline();
    await refusedUnchanged(h, 'kim', 'stories.unlock', { id: story.id }, 'VALIDATION');
    await refusedUnchanged(h, 'park', 'stories.unlock', { id: story.id, note: 'I need it' }, 'FORBIDDEN');
    const { story: broken } = await h.call('kim', 'stories.unlock', { id: story.id, note: 'Running it tonight; Ji is unreachable.' });
    expect(broken.lock).toBeNull();
    expect(h.events.at(-1)).toEqual({ type: 'lock.changed', storyId: story.id, lock: null });
    const { events } = await h.call('kim', 'stories.history', { id: story.id });
    expect(events.at(-1)).toMatchObject({ event: 'forceUnlock', actorName: 'Kim Min-ji', note: 'Running it tonight; Ji is unreachable.' });
    expect(await listed(story.id)).toMatchObject({ lockedBy: null, lockedOffline: false });
  });

  it('ends with its device session', async () => {
    const { desktop, story } = await takenOffline();
    await desktop('session.signOut', {});
    expect(await lockOf(story.id)).toBeNull();
  });
});

/** Kim signs in afresh (after a moved clock ended the harness's browser sessions). */
async function signInKim(): Promise<string> {
  return ((await h.core.call(null, 'session.signIn', { email: 'minji.kim@heraldcorp.com', password: DEMO_PASSWORD })) as { token: string }).token;
}
