// Integrity rules found in review: four eyes survives byline edits, nobody moves a story while
// someone else types in it (and refused typing is kept), force-unlock takes an edited story over,
// bylines never empty, and the scheduler shares the per-story lock with stories.transition and
// says when a scheduled publish fails.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../../shared/domain.js';
import { publishDue } from '../../../core/publishing/scheduler.js';
import { doc, draftStory, makeRecordingHarness, refusedUnchanged as refusedUnchangedIn, transition, type Harness, type Who } from '../../support/coreHarness.js';
import type { Input, MethodName } from '../../../shared/contract.js';
import { TEST_BACKEND } from '../../support/postgres.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const refusedUnchanged = <M extends MethodName>(who: Who | null, method: M, input: Input<M>, code: string) => refusedUnchangedIn(h, who, method, input, code);

const get = async (who: Parameters<Harness['call']>[0], id: number) => (await h.call(who, 'stories.get', { id })).story;
const history = (id: number) => h.call('kim', 'stories.history', { id });

/** A draft by Ji, submitted, claimed by Lee (who holds the lock and is typing). */
async function claimedByLee(): Promise<Story> {
  const story = await draftStory(h);
  await transition(h, 'ji', story.id, 'submit');
  return transition(h, 'lee', story.id, 'claim');
}

describe('four eyes survives byline edits', () => {
  it('a desk editor who wrote a story, then took their name off, still cannot approve it', async () => {
    // Kim Min-ji is desk editor and reporter in the demo newsroom.
    expect(h.staff.kim.roles).toEqual(expect.arrayContaining(['desk_editor', 'reporter']));
    const { story } = await h.call('kim', 'stories.create', { desk: 'National', headline: 'Rates held' });
    const saved = await h.call('kim', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('The bank held rates.') } });
    await transition(h, 'kim', story.id, 'submit');
    const claimed = await transition(h, 'kim', story.id, 'claim');
    expect(claimed.version).toBe(saved.story.version);
    const bylined = await h.call('kim', 'stories.save', {
      id: story.id,
      baseVersion: claimed.version,
      changes: { byline: [{ staffId: h.staff.ji.id }] },
    });
    expect(bylined.story.byline.map((b) => b.name)).toEqual(['Ji Da-gyum']);
    expect(bylined.story.authorIds).toEqual(expect.arrayContaining([h.staff.kim.id, h.staff.ji.id]));

    const error = await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
    expect(error.message).toMatch(/another desk editor must approve/);
    expect((await h.call('kim', 'stories.get', { id: story.id })).allowedActions).not.toContain('approve');
    expect((await get('kim', story.id)).status).toBe('editing');

    // Lee, who never wrote it, approves once Kim lets go.
    await h.call('kim', 'stories.unlock', { id: story.id });
    expect((await transition(h, 'lee', story.id, 'approve')).status).toBe('approved');
  });

  it('having been added to the byline and removed again counts too', async () => {
    const story = await draftStory(h);
    const withLee = await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.lee.id }] },
    });
    await h.call('ji', 'stories.save', { id: story.id, baseVersion: withLee.story.version, changes: { byline: [{ staffId: h.staff.ji.id }] } });
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'lee', story.id, 'claim');
    await refusedUnchanged('lee', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
  });
});

describe('a live lock held by someone else stops every transition', () => {
  it('Kim cannot approve, send back or spike while Lee, who claimed it, is typing', async () => {
    const story = await claimedByLee();
    for (const [action, extra] of [
      ['approve', {}],
      ['sendBack', { note: 'Needs work' }],
      ['spike', {}],
    ] as const) {
      const error = await refusedUnchanged('kim', 'stories.transition', { id: story.id, action, ...extra }, 'LOCKED');
      expect((error.details as { lock: { staffId: number } }).lock.staffId, action).toBe(h.staff.lee.id);
      expect(error.message).toMatch(/Lee Jae-won/);
    }
    // Lee's own lock does not stop Lee.
    expect((await transition(h, 'lee', story.id, 'approve')).status).toBe('approved');
  });

  it('a desk editor cannot spike a draft its author is typing in; once the lock lapses they can', async () => {
    const story = await draftStory(h);
    await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'spike' }, 'LOCKED');
    h.clock.advance(31 * 60_000);
    expect((await transition(h, 'kim', story.id, 'spike')).status).toBe('spiked');
  });

  it('who may not act at all still hears FORBIDDEN or INVALID_STATE first', async () => {
    const story = await claimedByLee();
    await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
    await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'publish' }, 'INVALID_STATE');
  });
});

describe('refused saves keep what was typed', () => {
  it('LOCKED: a co-author’s text becomes a conflict revision; the story is untouched', async () => {
    const draft = await draftStory(h);
    const shared = (
      await h.call('ji', 'stories.save', {
        id: draft.id,
        baseVersion: draft.version,
        changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] },
      })
    ).story;
    const error = await h.fails('park', 'stories.save', { id: draft.id, baseVersion: shared.version, changes: { body: doc('Park typed this.') } });
    expect(error.code).toBe('LOCKED');
    const details = error.details as { lock: { staffId: number }; keptAsRevision: number };
    expect(details.lock.staffId).toBe(h.staff.ji.id);
    expect(details.keptAsRevision).toBeGreaterThan(0);
    expect(error.message).toMatch(/kept in its history/);
    expect(await get('park', draft.id)).toEqual(shared);
    const kept = await h.call('park', 'stories.revision', { id: draft.id, revisionId: details.keptAsRevision });
    expect(kept.revision).toMatchObject({ reason: 'conflict', authorName: 'Park Soo-hyun', version: shared.version });
    expect(kept.body).toEqual(doc('Park typed this.'));
    expect(kept.headline).toBe(shared.headline);
  });

  it('INVALID_STATE: a desk editor typing into a story just approved keeps the text', async () => {
    const story = await claimedByLee();
    const editing = await get('kim', story.id);
    await transition(h, 'lee', story.id, 'approve');
    const error = await h.fails('lee', 'stories.save', { id: story.id, baseVersion: editing.version, changes: { headline: 'Late headline' } });
    expect(error.code).toBe('INVALID_STATE');
    const id = (error.details as { keptAsRevision: number }).keptAsRevision;
    const kept = await h.call('lee', 'stories.revision', { id: story.id, revisionId: id });
    expect(kept).toMatchObject({ revision: { reason: 'conflict' }, headline: 'Late headline' });
    expect((await get('lee', story.id)).headline).toBe(editing.headline);
  });

  it('people who may not write here keep nothing (FORBIDDEN, or a photo editor), and a save carrying no text keeps nothing', async () => {
    const story = await claimedByLee();
    const s = await get('kim', story.id);
    await refusedUnchanged('kim', 'stories.save', { id: story.id, baseVersion: s.version, changes: { headline: 'x' } }, 'FORBIDDEN');
    await refusedUnchanged('choi', 'stories.save', { id: story.id, baseVersion: s.version, changes: { headline: 'x' } }, 'FORBIDDEN');
    await transition(h, 'lee', story.id, 'approve');
    await refusedUnchanged('choi', 'stories.save', { id: story.id, baseVersion: s.version, changes: { headline: 'x' } }, 'INVALID_STATE');
    const error = await refusedUnchanged('lee', 'stories.save', { id: story.id, baseVersion: s.version, changes: { dateline: 'BUSAN' } }, 'INVALID_STATE');
    expect(error.details).toBeUndefined();
  });
});

describe('force-unlock', () => {
  it('in editing, the desk editor who breaks the lock takes the story over and can edit it', async () => {
    const story = await claimedByLee();
    await refusedUnchanged('kim', 'stories.unlock', { id: story.id }, 'VALIDATION');
    h.events.length = 0;
    const { story: taken } = await h.call('kim', 'stories.unlock', { id: story.id, note: 'Lee is off sick' });
    expect(taken).toMatchObject({ status: 'editing', claimedBy: h.staff.kim.id, lock: null });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'story.changed', storyId: story.id }));
    expect(h.events).toContainEqual({ type: 'lock.changed', storyId: story.id, lock: null });
    const { events } = await history(story.id);
    expect(events.at(-1)).toMatchObject({ event: 'forceUnlock', actorName: 'Kim Min-ji', from: 'editing', to: 'editing' });
    expect(events.at(-1)?.note).toMatch(/^Lee is off sick.*Lee Jae-won/);

    const locked = await h.call('kim', 'stories.lock', { id: story.id });
    expect(locked.story.lock?.staffId).toBe(h.staff.kim.id);
    const saved = await h.call('kim', 'stories.save', { id: story.id, baseVersion: locked.story.version, changes: { headline: 'Kim’s headline' } });
    expect(saved.story.headline).toBe('Kim’s headline');
    // Lee no longer holds it: his late save is refused, and what he typed is kept in the history, not lost.
    const late = await h.fails('lee', 'stories.save', { id: story.id, baseVersion: saved.story.version, changes: { headline: 'Lee' } });
    expect(late.code).toBe('FORBIDDEN');
    const kept = await h.call('lee', 'stories.revision', { id: story.id, revisionId: (late.details as { keptAsRevision: number }).keptAsRevision });
    expect(kept).toMatchObject({ revision: { reason: 'conflict', authorName: 'Lee Jae-won' }, headline: 'Lee' });
    expect((await get('kim', story.id)).headline).toBe('Kim’s headline');
  });

  it('in editing, a desk editor takes over a story whose claimer’s lock lapsed long ago, with a note', async () => {
    const story = await claimedByLee();
    h.clock.advance(3 * 60 * 60_000);
    // Without a note nothing happens (the lapsed lock is only tidied away): Lee still holds the claim.
    await h.call('kim', 'stories.unlock', { id: story.id });
    await refusedUnchanged('kim', 'stories.lock', { id: story.id }, 'FORBIDDEN');
    const { story: taken } = await h.call('kim', 'stories.unlock', { id: story.id, note: 'Lee went home' });
    expect(taken).toMatchObject({ status: 'editing', claimedBy: h.staff.kim.id });
    const { events } = await history(story.id);
    expect(events.at(-1)).toMatchObject({ event: 'forceUnlock', actorName: 'Kim Min-ji' });
    expect((await h.call('kim', 'stories.lock', { id: story.id })).story.lock?.staffId).toBe(h.staff.kim.id);
    // A reporter cannot take a desk editor's story over.
    await refusedUnchanged('ji', 'stories.unlock', { id: story.id, note: 'mine now' }, 'FORBIDDEN');
  });

  it('in draft, breaking the lock only releases it', async () => {
    const story = await draftStory(h);
    const { story: unlocked } = await h.call('kim', 'stories.unlock', { id: story.id, note: 'Ji went home' });
    expect(unlocked).toMatchObject({ status: 'draft', claimedBy: null, lock: null });
    await refusedUnchanged('kim', 'stories.lock', { id: story.id }, 'FORBIDDEN');
  });
});

describe('bylines', () => {
  it('are never emptied, and name only active staff', async () => {
    const story = await draftStory(h);
    await refusedUnchanged('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { byline: [] } }, 'VALIDATION');
    await refusedUnchanged('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { byline: [{ staffId: 9999 }] } }, 'VALIDATION');
    await h.call('han', 'staff.update', { id: h.staff.park.id, active: false });
    const error = await refusedUnchanged(
      'ji',
      'stories.save',
      { id: story.id, baseVersion: story.version, changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] } },
      'VALIDATION',
    );
    expect(error.message).toMatch(/no longer/);
  });

  it('someone deactivated after being bylined may stay on the byline', async () => {
    const story = await draftStory(h);
    const both = await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] },
    });
    await h.call('han', 'staff.update', { id: h.staff.park.id, active: false });
    const reordered = await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: both.story.version,
      changes: { byline: [{ staffId: h.staff.park.id }, { staffId: h.staff.ji.id }] },
    });
    expect(reordered.story.byline.map((b) => b.staffId)).toEqual([h.staff.park.id, h.staff.ji.id]);
  });
});

/** A story Kim scheduled for an hour from now, approved by Lee; the clock is then moved past it. */
async function dueStory(): Promise<Story> {
  const story = await claimedByLee();
  await transition(h, 'lee', story.id, 'approve');
  const s = await transition(h, 'kim', story.id, 'schedule', { publishAt: new Date(h.clock.now.getTime() + 3600_000).toISOString() });
  h.clock.advance(3600_000 + 1000);
  return s;
}

function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * Lets a call just started reach the story's lock: its session and story are read first,
 * asynchronously (on PostgreSQL over the network), so the scheduler's pass starts after.
 */
const inTheStoryLock = () => new Promise((resolve) => (TEST_BACKEND === 'postgres' ? setTimeout(resolve, 150) : setImmediate(resolve)));

describe('the scheduler shares the story lock with stories.transition', () => {
  it('a spike that gets in first means no publish at all', async () => {
    const story = await dueStory();
    const spiking = transition(h, 'kim', story.id, 'spike');
    await inTheStoryLock();
    const pass = publishDue(h.services, () => undefined);
    expect((await spiking).status).toBe('spiked');
    expect(await pass).toEqual({ published: [], failed: [] });
    expect(h.publishCalls).toEqual([]);
    expect((await get('kim', story.id)).status).toBe('spiked');
  });

  it('an unschedule or a reopen that gets in first means no publish either', async () => {
    for (const action of ['unschedule', 'reopen'] as const) {
      const story = await dueStory();
      const moving = transition(h, 'kim', story.id, action);
      await inTheStoryLock();
      const pass = publishDue(h.services, () => undefined);
      await moving;
      expect((await pass).published).toEqual([]);
      expect(
        h.publishCalls.filter((c) => c.storyId === story.id),
        action,
      ).toEqual([]);
    }
  });

  it('a publish that gets in first finishes before the spike is even considered', async () => {
    const story = await dueStory();
    const g = gate();
    h.publisherGate.value = g.promise;
    const pass = publishDue(h.services, () => undefined);
    const spiking = h.fails('kim', 'stories.transition', { id: story.id, action: 'spike' });
    // The pass reaches the (gated) publisher holding the story's lock; the spike waits behind it.
    for (const deadline = Date.now() + 5000; h.publishCalls.length === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    expect(h.publishCalls).toHaveLength(1);
    g.open();
    expect((await pass).published).toEqual([story.id]);
    expect((await spiking).code).toBe('INVALID_STATE');
    const published = await get('kim', story.id);
    expect(published).toMatchObject({ status: 'published', publishedVersions: 1, publishAt: null });
  });

  it('a story rescheduled for later while the pass waits is not published early', async () => {
    const story = await dueStory();
    const later = new Date(h.clock.now.getTime() + 3600_000).toISOString();
    const unscheduling = transition(h, 'kim', story.id, 'unschedule').then(() => transition(h, 'kim', story.id, 'schedule', { publishAt: later }));
    await inTheStoryLock();
    const pass = publishDue(h.services, () => undefined);
    await unscheduling;
    await pass;
    expect(h.publishCalls).toEqual([]);
    expect((await get('kim', story.id)).status).toBe('scheduled');
  });
});

describe('a failed scheduled publish is visible', () => {
  it('is audited once per distinct error with a story.changed event, stays scheduled and is retried', async () => {
    const story = await dueStory();
    h.publisherFails.value = true;
    h.events.length = 0;
    const first = await publishDue(h.services, () => undefined);
    expect(first.failed).toEqual([{ id: story.id, error: 'The package could not be written.' }]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'story.changed', storyId: story.id, status: 'scheduled' }));
    // The next passes fail the same way: no new event, no new change.
    h.events.length = 0;
    await publishDue(h.services, () => undefined);
    await publishDue(h.services, () => undefined);
    expect(h.events).toEqual([]);
    let events = (await history(story.id)).events.filter((e) => e.event === 'scheduleFailed');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ note: 'The package could not be written.', actorName: 'Kim Min-ji', from: 'scheduled', to: 'scheduled' });
    expect((await get('kim', story.id)).status).toBe('scheduled');

    // A different error is recorded again.
    h.publisherFails.value = false;
    const diskFull = Promise.reject(new Error('The disk is full.'));
    // Handled by the pass when it reaches the publisher, which on PostgreSQL is after a few round trips.
    diskFull.catch(() => undefined);
    h.publisherGate.value = diskFull;
    await publishDue(h.services, () => undefined);
    events = (await history(story.id)).events.filter((e) => e.event === 'scheduleFailed');
    expect(events.map((e) => e.note)).toEqual(['The package could not be written.', 'The disk is full.']);

    // Then it succeeds.
    h.publisherGate.value = null;
    expect((await publishDue(h.services, () => undefined)).published).toEqual([story.id]);
    expect((await get('kim', story.id)).status).toBe('published');
    expect((await history(story.id)).events.at(-1)).toMatchObject({ event: 'autoPublish', from: 'scheduled', to: 'published' });
  });
});
