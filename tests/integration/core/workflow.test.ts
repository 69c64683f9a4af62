// Every workflow path through core.call, as the right and the wrong people. A refused call
// (FORBIDDEN, INVALID_STATE, LOCKED, VALIDATION) leaves every table exactly as it was.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../../shared/domain.js';
import { doc, draftStory, makeRecordingHarness, refusedUnchanged as refusedUnchangedIn, transition, type Harness, type Who } from '../../support/coreHarness.js';
import type { Input, MethodName } from '../../../shared/contract.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const refusedUnchanged = <M extends MethodName>(who: Who | null, method: M, input: Input<M>, code: string) => refusedUnchangedIn(h, who, method, input, code);

const history = (id: number) => h.call('kim', 'stories.history', { id });

describe('the happy path', () => {
  it('create → submit → claim → approve → publish, with audit events, revisions and change events', async () => {
    const story = await draftStory(h);
    expect(story.status).toBe('draft');
    expect(story.byline.map((b) => b.email)).toEqual(['dagyumji@heraldcorp.com']);
    let s = await transition(h, 'ji', story.id, 'submit');
    expect(s.status).toBe('submitted');
    expect(s.lock).toBeNull();
    s = await transition(h, 'lee', story.id, 'claim');
    expect(s.status).toBe('editing');
    expect(s.claimedBy).toBe(h.staff.lee.id);
    expect(s.lock?.staffId).toBe(h.staff.lee.id);
    s = await transition(h, 'lee', story.id, 'approve');
    expect(s.status).toBe('approved');
    s = await transition(h, 'lee', story.id, 'publish');
    expect(s.status).toBe('published');
    expect(s.publishedVersions).toBe(1);
    expect(h.publishCalls).toEqual([{ storyId: story.id, actor: 'Lee Jae-won' }]);

    const { revisions, events } = await history(story.id);
    expect(events.map((e) => [e.event, e.from, e.to, e.actorName])).toEqual([
      ['create', null, 'draft', 'Ji Da-gyum'],
      ['submit', 'draft', 'submitted', 'Ji Da-gyum'],
      ['claim', 'submitted', 'editing', 'Lee Jae-won'],
      ['approve', 'editing', 'approved', 'Lee Jae-won'],
      ['publish', 'approved', 'published', 'Lee Jae-won'],
    ]);
    expect(events.every((e) => e.at === h.clock.now.toISOString())).toBe(true);
    expect(revisions.map((r) => r.reason).reverse()).toEqual(['create', 'submit', 'claim', 'approve', 'publish']);
    expect(h.events.filter((e) => e.type === 'story.changed' && e.storyId === story.id).length).toBeGreaterThanOrEqual(6);
    expect(h.events.some((e) => e.type === 'lock.changed')).toBe(true);
  });

  it('send back with a note, recall, spike and unspike, schedule, unschedule, reopen, correct, kill', async () => {
    const story = await draftStory(h);
    await transition(h, 'ji', story.id, 'submit');
    let s = await transition(h, 'ji', story.id, 'recall');
    expect(s.status).toBe('draft');
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    s = await transition(h, 'kim', story.id, 'sendBack', { note: 'Needs a second source.' });
    expect(s.status).toBe('draft');
    expect(s.sendBackNote).toBe('Needs a second source.');
    expect(s.claimedBy).toBeNull();
    s = await transition(h, 'ji', story.id, 'submit');
    expect(s.sendBackNote).toBeNull();
    await transition(h, 'kim', story.id, 'claim');
    await transition(h, 'kim', story.id, 'approve');
    s = await transition(h, 'kim', story.id, 'schedule', { publishAt: new Date(h.clock.now.getTime() + 3600_000).toISOString() });
    expect(s.status).toBe('scheduled');
    expect(s.scheduledBy).toBe(h.staff.kim.id);
    s = await transition(h, 'kim', story.id, 'unschedule');
    expect(s.status).toBe('approved');
    expect(s.publishAt).toBeNull();
    s = await transition(h, 'kim', story.id, 'reopen');
    expect(s.status).toBe('editing');
    expect(s.lock?.staffId).toBe(h.staff.kim.id);
    await transition(h, 'kim', story.id, 'approve');
    await transition(h, 'kim', story.id, 'publish');
    s = await transition(h, 'kim', story.id, 'correct', { note: 'Corrected the date of the launch.' });
    expect(s.status).toBe('editing');
    expect(s.correctionNote).toBe('Corrected the date of the launch.');
    await transition(h, 'kim', story.id, 'approve');
    s = await transition(h, 'kim', story.id, 'publish');
    expect(s.publishedVersions).toBe(2);
    expect(s.correctionNote).toBeNull();
    s = await transition(h, 'kim', story.id, 'kill', { note: 'Legal' });
    expect(s.status).toBe('killed');
    expect(h.publishCalls.at(-1)).toEqual({ storyId: story.id, actor: 'Kim Min-ji', kill: 'Legal' });

    const other = await draftStory(h);
    s = await transition(h, 'ji', other.id, 'spike');
    expect(s.status).toBe('spiked');
    await refusedUnchanged('ji', 'stories.transition', { id: other.id, action: 'unspike' }, 'FORBIDDEN');
    s = await transition(h, 'lee', other.id, 'unspike');
    expect(s.status).toBe('draft');
  });
});

describe('refusals change nothing', () => {
  it('the reporter cannot claim, approve or publish (FORBIDDEN)', async () => {
    const story = await draftStory(h);
    await transition(h, 'ji', story.id, 'submit');
    await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'claim' }, 'FORBIDDEN');
    await transition(h, 'lee', story.id, 'claim');
    await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
    await refusedUnchanged('choi', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
    await refusedUnchanged('han', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
    await transition(h, 'lee', story.id, 'approve');
    await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'publish' }, 'FORBIDDEN');
  });

  it('four eyes: a desk editor on the byline cannot approve', async () => {
    const { story } = await h.call('kim', 'stories.create', { desk: 'National', headline: 'Rates held' });
    await h.call('kim', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('The bank held rates.') } });
    await transition(h, 'kim', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    const error = await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
    expect(error.message).toMatch(/byline/);
    // Another desk editor claims it over (after send back) and approves.
    await transition(h, 'kim', story.id, 'sendBack', { note: 'Someone else must approve' });
    await transition(h, 'kim', story.id, 'submit');
    await transition(h, 'lee', story.id, 'claim');
    expect((await transition(h, 'lee', story.id, 'approve')).status).toBe('approved');
  });

  describe('four eyes by what was written', () => {
    const REPORTED = [
      'North Korea fired a short-range ballistic missile into the East Sea on Tuesday, the Joint Chiefs of Staff said.',
      'The launch came hours after Seoul and Washington began their annual spring exercises.',
      'Officials in Tokyo said the missile fell outside Japan’s exclusive economic zone.',
      'Analysts said the test was meant to show that the North can strike the South at short notice.',
      'The United Nations bans Pyongyang from testing ballistic missiles, but the country has ignored the ban for years.',
      'South Korea’s military said it had raised its readiness and was sharing information with its allies.',
    ];

    /** Ji's story, submitted and claimed by Lee (who holds its lock). */
    async function claimedByLee(): Promise<Story> {
      const story = await draftStory(h, REPORTED[0]);
      await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc(...REPORTED) } });
      await transition(h, 'ji', story.id, 'submit');
      return transition(h, 'lee', story.id, 'claim');
    }
    const get = (who: 'lee' | 'kim', id: number) => h.call(who, 'stories.get', { id });

    it('a desk editor who fixes a few words approves', async () => {
      const claimed = await claimedByLee();
      expect(claimed.textShares).toEqual([{ staffId: h.staff.ji.id, words: expect.any(Number), percent: 100 }]);
      const edited = REPORTED.map((para) => para.replace('on Tuesday', 'on Tuesday morning').replace('Analysts said', 'Experts said'));
      const { story } = await h.call('lee', 'stories.save', { id: claimed.id, baseVersion: claimed.version, changes: { body: doc(...edited) } });
      const lee = story.textShares?.find((s) => s.staffId === h.staff.lee.id);
      expect(lee).toMatchObject({ words: 2, percent: 2 });
      expect((await get('lee', story.id)).allowedActions).toContain('approve');
      expect((await transition(h, 'lee', story.id, 'approve')).status).toBe('approved');
    });

    it('a desk editor who rewrote most of it is refused with the figure, and another desk editor approves', async () => {
      const claimed = await claimedByLee();
      const rewritten = [
        'Pyongyang launched a ballistic missile toward the sea off its east coast early Tuesday, according to military officials in Seoul.',
        'It followed the start of joint drills by South Korean and American forces.',
        'Japan reported that the projectile landed beyond its economic waters.',
        'Experts believe the regime wanted to prove it could hit targets across the border quickly.',
        'Such launches breach Security Council resolutions, which the regime has long defied.',
        REPORTED[5]!,
      ];
      const { story } = await h.call('lee', 'stories.save', { id: claimed.id, baseVersion: claimed.version, changes: { body: doc(...rewritten) } });
      const share = story.textShares?.find((s) => s.staffId === h.staff.lee.id)?.percent ?? 0;
      expect(share).toBeGreaterThan(50);
      expect((await get('lee', story.id)).allowedActions).not.toContain('approve');
      const error = await refusedUnchanged('lee', 'stories.transition', { id: story.id, action: 'approve' }, 'FORBIDDEN');
      expect(error.message).toBe(`You wrote ${share}% of this story's text; the desk's limit for approving alone is 30%: another desk editor must approve it.`);
      // Lee hands over; Kim, who wrote none of it, sees Approve and approves.
      await h.call('lee', 'stories.unlock', { id: story.id });
      expect((await get('kim', story.id)).allowedActions).toContain('approve');
      expect((await transition(h, 'kim', story.id, 'approve')).status).toBe('approved');
    });

    it('the share follows the current text: what a desk editor wrote and then took out no longer counts', async () => {
      const claimed = await claimedByLee();
      const aside = 'A long aside the desk editor drafted here and then thought better of, with many words in it that no reader will ever see.';
      const first = await h.call('lee', 'stories.save', { id: claimed.id, baseVersion: claimed.version, changes: { body: doc(...REPORTED, aside) } });
      expect(first.story.textShares?.find((s) => s.staffId === h.staff.lee.id)?.percent).toBeGreaterThan(0);
      const second = await h.call('lee', 'stories.save', { id: claimed.id, baseVersion: first.story.version, changes: { body: doc(...REPORTED) } });
      expect(second.story.textShares?.map((s) => s.staffId)).toEqual([h.staff.ji.id]);
      expect((await transition(h, 'lee', claimed.id, 'approve')).status).toBe('approved');
    });
  });

  it('actions the state does not allow answer INVALID_STATE', async () => {
    const story = await draftStory(h);
    await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'approve' }, 'INVALID_STATE');
    await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'publish' }, 'INVALID_STATE');
    await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'kill', note: 'x' }, 'INVALID_STATE');
    await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'recall' }, 'INVALID_STATE');
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'recall' }, 'INVALID_STATE');
    // Kim hands over (releases her lock) and Lee approves.
    await h.call('kim', 'stories.unlock', { id: story.id });
    await transition(h, 'lee', story.id, 'approve');
    // Nobody edits an approved story's text (a photo editor's text is not kept: they do not write here).
    const s = (await h.call('kim', 'stories.get', { id: story.id })).story;
    await refusedUnchanged('choi', 'stories.save', { id: story.id, baseVersion: s.version, changes: { headline: 'x' } }, 'INVALID_STATE');
    await refusedUnchanged('kim', 'stories.save', { id: story.id, baseVersion: s.version, changes: { dateline: 'x' } }, 'INVALID_STATE');
  });

  it('notes, submit requirements and schedule times are VALIDATION', async () => {
    const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea' });
    const error = await refusedUnchanged('ji', 'stories.transition', { id: story.id, action: 'submit' }, 'VALIDATION');
    expect((error.details as { path: string }[]).map((d) => d.path)).toEqual(['headline', 'body']);
    const ready = await draftStory(h);
    await transition(h, 'ji', ready.id, 'submit');
    await refusedUnchanged('kim', 'stories.transition', { id: ready.id, action: 'sendBack' }, 'VALIDATION');
    await refusedUnchanged('kim', 'stories.transition', { id: ready.id, action: 'sendBack', note: '   ' }, 'VALIDATION');
    await transition(h, 'kim', ready.id, 'claim');
    await h.call('kim', 'stories.unlock', { id: ready.id });
    await transition(h, 'lee', ready.id, 'approve');
    await refusedUnchanged('kim', 'stories.transition', { id: ready.id, action: 'schedule' }, 'VALIDATION');
    await refusedUnchanged('kim', 'stories.transition', { id: ready.id, action: 'schedule', publishAt: '2020-01-01T00:00:00Z' }, 'VALIDATION');
    await transition(h, 'kim', ready.id, 'publish');
    await refusedUnchanged('kim', 'stories.transition', { id: ready.id, action: 'correct' }, 'VALIDATION');
    await refusedUnchanged('kim', 'stories.transition', { id: ready.id, action: 'kill' }, 'VALIDATION');
  });

  it('blocking copy checks stop approve with INVALID_STATE listing the findings', async () => {
    const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea', headline: 'Talks' });
    await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('Talks resumed.') } });
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    const s = (await h.call('kim', 'stories.get', { id: story.id })).story;
    await h.call('kim', 'stories.save', { id: story.id, baseVersion: s.version, changes: { headline: '' } });
    await h.call('kim', 'stories.unlock', { id: story.id });
    const error = await refusedUnchanged('lee', 'stories.transition', { id: story.id, action: 'approve' }, 'INVALID_STATE');
    const findings = (error.details as { findings: { id: string; severity: string }[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'blocking')).toBe(true);
  });

  it('a failed publish leaves the story approved', async () => {
    const story = await draftStory(h);
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    await h.call('kim', 'stories.unlock', { id: story.id });
    await transition(h, 'lee', story.id, 'approve');
    h.publisherFails.value = true;
    await refusedUnchanged('kim', 'stories.transition', { id: story.id, action: 'publish' }, 'INTERNAL');
    h.publisherFails.value = false;
    expect((await transition(h, 'kim', story.id, 'publish')).status).toBe('published');
  });

  it('signed-out callers are UNAUTHENTICATED, unknown stories NOT_FOUND', async () => {
    const story = await draftStory(h);
    await refusedUnchanged(null, 'stories.get', { id: story.id }, 'UNAUTHENTICATED');
    await refusedUnchanged(null, 'stories.create', { desk: 'National' }, 'UNAUTHENTICATED');
    await refusedUnchanged('ji', 'stories.get', { id: 9999 }, 'NOT_FOUND');
    await refusedUnchanged('kim', 'stories.transition', { id: 9999, action: 'claim' }, 'NOT_FOUND');
    await refusedUnchanged('choi', 'stories.create', { desk: 'National' }, 'FORBIDDEN');
    await refusedUnchanged('ji', 'stories.create', { desk: 'Sports' }, 'VALIDATION');
  });
});

describe('stories.get', () => {
  it('reports allowed actions and edit rights from shared/workflow.ts', async () => {
    const story = await draftStory(h);
    const mine = await h.call('ji', 'stories.get', { id: story.id });
    expect(mine.allowedActions.sort()).toEqual(['spike', 'submit']);
    expect(mine.canEdit).toBe(true);
    // Ji holds the text lock while writing: the desk is offered nothing until it lapses or is broken.
    const desk = await h.call('lee', 'stories.get', { id: story.id });
    expect(desk.allowedActions).toEqual([]);
    expect(desk.canEdit).toBe(false);
    expect(desk.canEditPhotos).toBe(true);
    await h.call('ji', 'stories.unlock', { id: story.id });
    const free = await h.call('lee', 'stories.get', { id: story.id });
    expect(free.allowedActions).toEqual(['spike']);
  });

  it('names who may change the photos now, by the rule that refuses everyone else', async () => {
    const story = await draftStory(h);
    const editors = async () => (await h.call('park', 'stories.get', { id: story.id })).photoEditors;
    // A draft: desk and photo editors by their roles, and its author by name.
    expect(await editors()).toEqual({ roles: ['desk_editor', 'photo_editor'], people: [{ id: h.staff.ji.id, name: 'Ji Da-gyum' }] });
    await transition(h, 'ji', story.id, 'submit');
    expect(await editors()).toEqual({ roles: ['desk_editor', 'photo_editor'], people: [] });
    await transition(h, 'kim', story.id, 'claim');
    await h.call('kim', 'stories.unlock', { id: story.id });
    await transition(h, 'lee', story.id, 'approve');
    // Approved: no one, and the core refuses the photo editor too.
    expect(await editors()).toEqual({ roles: [], people: [] });
    expect((await h.call('choi', 'stories.get', { id: story.id })).canEditPhotos).toBe(false);
  });
});

describe('locks', () => {
  it('someone else’s live lock answers LOCKED; it lapses after the idle timeout', async () => {
    const story = await draftStory(h);
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    const s = (await h.call('kim', 'stories.get', { id: story.id })).story;
    // Lee is a desk editor but Kim claimed it: FORBIDDEN by the workflow.
    await refusedUnchanged('lee', 'stories.save', { id: story.id, baseVersion: s.version, changes: { headline: 'x' } }, 'FORBIDDEN');
    // Ji's own draft locked by a co-author? Use a co-bylined draft instead.
    const draft = await draftStory(h);
    await h.call('ji', 'stories.save', { id: draft.id, baseVersion: draft.version, changes: { byline: [{ staffId: h.staff.ji.id }, { staffId: h.staff.park.id }] } });
    const d = (await h.call('park', 'stories.get', { id: draft.id })).story;
    // A co-author's refused text is kept as a revision (see integrity.test.ts); the story is untouched.
    const locked = await h.fails('park', 'stories.save', { id: draft.id, baseVersion: d.version, changes: { headline: 'Park' } });
    expect(locked.code).toBe('LOCKED');
    expect((locked.details as { lock: { staffId: number } }).lock.staffId).toBe(h.staff.ji.id);
    expect((await h.call('park', 'stories.get', { id: draft.id })).story).toEqual(d);
    await refusedUnchanged('park', 'stories.lock', { id: draft.id }, 'LOCKED');
    h.clock.advance(31 * 60_000);
    const taken = await h.call('park', 'stories.save', { id: draft.id, baseVersion: d.version, changes: { headline: 'Park' } });
    expect(taken.story.lock?.staffId).toBe(h.staff.park.id);
  });

  it('the holder unlocks; a desk editor force-unlocks only with a note, audited', async () => {
    const story = await draftStory(h);
    await refusedUnchanged('park', 'stories.unlock', { id: story.id }, 'FORBIDDEN');
    await refusedUnchanged('kim', 'stories.unlock', { id: story.id }, 'VALIDATION');
    const { story: unlocked } = await h.call('kim', 'stories.unlock', { id: story.id, note: 'Ji went home' });
    expect(unlocked.lock).toBeNull();
    const { events } = await history(story.id);
    expect(events.at(-1)).toMatchObject({ event: 'forceUnlock', note: 'Ji went home', actorName: 'Kim Min-ji' });
    const relocked = await h.call('ji', 'stories.lock', { id: story.id });
    expect(relocked.story.lock?.staffId).toBe(h.staff.ji.id);
    expect((await h.call('ji', 'stories.unlock', { id: story.id })).story.lock).toBeNull();
  });
});

describe('staff and settings', () => {
  it('only admins manage staff and settings; the last admin stays', async () => {
    await refusedUnchanged('kim', 'staff.create', { name: 'X', email: 'x@example.com', roles: ['reporter'] }, 'FORBIDDEN');
    const { staff } = await h.call('han', 'staff.create', {
      name: 'New Reporter',
      email: 'new@example.com',
      roles: ['reporter'],
      desks: ['Business'],
    });
    expect(staff.desks).toEqual(['Business']);
    await refusedUnchanged('han', 'staff.create', { name: 'Dup', email: 'NEW@example.com', roles: ['reporter'] }, 'VALIDATION');
    await refusedUnchanged('han', 'staff.update', { id: h.staff.han.id, roles: ['reporter'] }, 'INVALID_STATE');
    await refusedUnchanged('han', 'staff.update', { id: 999, name: 'Nobody' }, 'NOT_FOUND');
    await refusedUnchanged('kim', 'settings.update', { lockTimeoutMinutes: 5 }, 'FORBIDDEN');
    const { settings } = await h.call('han', 'settings.update', { lockTimeoutMinutes: 5 });
    expect(settings.lockTimeoutMinutes).toBe(5);
    expect((await h.call('ji', 'settings.get', {})).settings.lockTimeoutMinutes).toBe(5);
    // Deactivated staff lose their session.
    await h.call('han', 'staff.update', { id: h.staff.park.id, active: false });
    await refusedUnchanged('park', 'stories.list', {}, 'UNAUTHENTICATED');
  });
});

describe('comments', () => {
  it('anyone comments; authors, desk editors and the commenter resolve', async () => {
    const story = await draftStory(h);
    const { comment } = await h.call('choi', 'comments.add', {
      storyId: story.id,
      text: 'Which photo?',
      anchor: { from: 0, to: 9, quote: 'Pyongyang' },
    });
    await refusedUnchanged('park', 'comments.resolve', { id: comment.id }, 'FORBIDDEN');
    await refusedUnchanged('ji', 'comments.add', { storyId: story.id, text: 'x', anchor: { from: 5, to: 100000, quote: '' } }, 'VALIDATION');
    await refusedUnchanged('ji', 'comments.add', { storyId: story.id, text: 'x', parentId: 999 }, 'NOT_FOUND');
    const reply = await h.call('ji', 'comments.add', { storyId: story.id, text: 'The lead', parentId: comment.id });
    expect(reply.comment.parentId).toBe(comment.id);
    const resolved = await h.call('ji', 'comments.resolve', { id: comment.id });
    expect(resolved.comment).toMatchObject({ resolved: true, resolvedBy: h.staff.ji.id });
    const got = await h.call('kim', 'stories.get', { id: story.id });
    expect(got.comments).toHaveLength(2);
  });
});
