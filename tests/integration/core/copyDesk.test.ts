// The copy desk in the core: dismissing findings (who may, what may not be dismissed, the audit
// trail), the queue's counts of open findings, the desk's check settings, and the blocking
// checks on approve, schedule and submit.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Finding, Story, StoryListItem } from '../../../shared/domain.js';
import { doc, draftStory, makeRecordingHarness, refusedUnchanged, refusedUnchangedRaw, transition, type Harness } from '../../support/coreHarness.js';
import { callCore } from '../../support/callCore.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const check = async (id: number): Promise<Finding[]> => (await h.call('kim', 'stories.check', { id })).findings;
const row = async (id: number): Promise<StoryListItem> => {
  const { items } = await h.call('kim', 'stories.list', { limit: 200 });
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`story ${id} is not listed`);
  return item;
};
const events = async (id: number): Promise<AuditEvent[]> => (await h.call('kim', 'stories.history', { id })).events;

/** A draft with one doubled word and no dateline: two warnings, nothing blocking. */
async function storyWithWarnings(): Promise<{ story: Story; doubled: Finding; dateline: Finding }> {
  const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea', headline: 'Talks resume in Seoul' });
  const saved = await h.call('ji', 'stories.save', {
    id: story.id,
    baseVersion: story.version,
    changes: { body: doc('The the talks resumed on Monday, officials said.') },
  });
  const findings = await check(story.id);
  const doubled = findings.find((f) => f.id === 'doubled-word');
  const dateline = findings.find((f) => f.id === 'dateline-missing');
  if (!doubled || !dateline) throw new Error(`expected the two warnings, got ${findings.map((f) => f.id).join(', ')}`);
  return { story: saved.story, doubled, dateline };
}

describe('dismissing a finding', () => {
  it('a desk editor dismisses a warning with a note: marked in the checks, recorded in the audit trail, gone from the count', async () => {
    const { story, dateline } = await storyWithWarnings();
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 2 });
    h.events.length = 0;

    const { dismissal, findings } = await h.call('kim', 'stories.dismissFinding', {
      id: story.id,
      key: dateline.key,
      note: '  Wire copy: the dateline is added at the desk.  ',
    });
    expect(dismissal).toMatchObject({ key: dateline.key, note: 'Wire copy: the dateline is added at the desk.', by: h.staff.kim.id, byName: 'Kim Min-ji' });
    expect(findings.find((f) => f.key === dateline.key)?.dismissed).toEqual(dismissal);
    expect((await check(story.id)).find((f) => f.key === dateline.key)?.dismissed?.note).toBe(dismissal.note);

    const got = await h.call('ji', 'stories.get', { id: story.id });
    expect(got.dismissals).toEqual([dismissal]);
    const audit = (await events(story.id)).find((e) => e.event === 'finding.dismiss');
    expect(audit).toMatchObject({ actorName: 'Kim Min-ji' });
    expect(audit?.note).toContain('Wire copy: the dateline is added at the desk.');
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'story.changed', storyId: story.id, findings: 'dismissals' }));
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 1 });
  });

  it('the dismissal stays while the text around it changes', async () => {
    const { story, dateline } = await storyWithWarnings();
    await h.call('kim', 'stories.dismissFinding', { id: story.id, key: dateline.key, note: 'Desk adds it.' });
    await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: doc('A new first paragraph.', 'The the talks resumed on Monday, officials said.') },
    });
    expect((await check(story.id)).find((f) => f.id === 'dateline-missing')?.dismissed?.note).toBe('Desk adds it.');
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 1 });
  });

  it('a reporter may not dismiss (FORBIDDEN), and nothing changes', async () => {
    const { story, doubled } = await storyWithWarnings();
    await refusedUnchanged(h, 'ji', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: 'It is fine.' }, 'FORBIDDEN');
  });

  it('a photo editor may not dismiss (FORBIDDEN)', async () => {
    const { story, doubled } = await storyWithWarnings();
    await refusedUnchanged(h, 'choi', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: 'It is fine.' }, 'FORBIDDEN');
  });

  it('an admin who is not a desk editor may not dismiss (FORBIDDEN)', async () => {
    const { story, doubled } = await storyWithWarnings();
    await refusedUnchanged(h, 'han', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: 'It is fine.' }, 'FORBIDDEN');
  });

  it('a blocking finding is never dismissed (INVALID_STATE), even by a desk editor', async () => {
    const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea' });
    const blocking = (await check(story.id)).find((f) => f.severity === 'blocking');
    expect(blocking?.id).toBe('headline-missing');
    const error = await refusedUnchanged(h, 'kim', 'stories.dismissFinding', { id: story.id, key: blocking!.key, note: 'Headline later.' }, 'INVALID_STATE');
    expect(error.message).toMatch(/blocking/i);
  });

  it('a note is required (VALIDATION)', async () => {
    const { story, doubled } = await storyWithWarnings();
    await refusedUnchanged(h, 'kim', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: '   ' }, 'VALIDATION');
    await refusedUnchangedRaw(h, 'kim', 'stories.dismissFinding', { id: story.id, key: doubled.key }, 'VALIDATION');
  });

  it('a finding the saved story no longer has is NOT_FOUND', async () => {
    const { story, doubled } = await storyWithWarnings();
    await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc('The talks resumed on Monday.') } });
    const error = await refusedUnchanged(h, 'kim', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: 'Fine.' }, 'NOT_FOUND');
    expect(error.message).toMatch(/no longer applies/);
  });

  it('stories.get says who may dismiss: desk editors only', async () => {
    const story = await draftStory(h);
    const may = async (who: 'ji' | 'kim' | 'lee' | 'choi' | 'han') => (await h.call(who, 'stories.get', { id: story.id })).canDismissFindings;
    expect({ ji: await may('ji'), kim: await may('kim'), lee: await may('lee'), choi: await may('choi'), han: await may('han') }).toEqual({
      ji: false,
      kim: true,
      lee: true,
      choi: false,
      han: false,
    });
  });
});

describe('restoring a dismissed finding', () => {
  it('a desk editor restores it: it counts again, audited', async () => {
    const { story, doubled } = await storyWithWarnings();
    await h.call('kim', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: 'Intended.' });
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 1 });
    const { findings } = await h.call('lee', 'stories.restoreFinding', { id: story.id, key: doubled.key });
    expect(findings.find((f) => f.key === doubled.key)?.dismissed).toBeUndefined();
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 2 });
    expect((await events(story.id)).map((e) => e.event)).toContain('finding.restore');
  });

  it('a reporter may not restore (FORBIDDEN); a finding not dismissed is NOT_FOUND', async () => {
    const { story, doubled, dateline } = await storyWithWarnings();
    await h.call('kim', 'stories.dismissFinding', { id: story.id, key: doubled.key, note: 'Intended.' });
    await refusedUnchanged(h, 'ji', 'stories.restoreFinding', { id: story.id, key: doubled.key }, 'FORBIDDEN');
    await refusedUnchanged(h, 'kim', 'stories.restoreFinding', { id: story.id, key: dateline.key }, 'NOT_FOUND');
  });
});

describe('open findings in the queue', () => {
  it('are counted after each save, blocking and warnings apart', async () => {
    const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea' });
    // No headline, no body: blocking.
    expect((await row(story.id)).openFindings?.blocking).toBeGreaterThan(0);
    const saved = (
      await h.call('ji', 'stories.save', {
        id: story.id,
        baseVersion: story.version,
        changes: { headline: 'Talks resume in Seoul', dateline: 'SEOUL', body: doc('The talks resumed on Monday, officials said.') },
      })
    ).story;
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 0 });
    await h.call('ji', 'stories.save', { id: story.id, baseVersion: saved.version, changes: { body: doc('The talks  resumed on on Monday.') } });
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 2 });
  });

  it('stories never counted (an older database) are counted in the background', async () => {
    const { story } = await storyWithWarnings();
    await h.services.db.run(`UPDATE stories SET findings_blocking = NULL, findings_warning = NULL, findings_generation = 0`);
    expect((await row(story.id)).openFindings).toBeNull();
    h.services.copyDesk.countUncounted();
    await h.core.idle();
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 2 });
  });
});

describe('counting in the background', () => {
  it('a story the checks cannot read holds up no other: it is reported and the rest are counted', async () => {
    const stories = [await storyWithWarnings(), await storyWithWarnings(), await storyWithWarnings()].map((s) => s.story);
    const newest = stories.at(-1)!;
    await h.services.db.run(`UPDATE stories SET findings_blocking = NULL, findings_warning = NULL, findings_generation = 0`);
    // Damage the newest (counted first): its body is no longer JSON.
    await h.services.db.run(`UPDATE stories SET body = '{not json' WHERE id = ?`, newest.id);
    h.services.copyDesk.countUncounted();
    await h.core.idle();
    for (const s of stories.slice(0, -1)) expect((await row(s.id)).openFindings).toEqual({ blocking: 0, warning: 2 });
    expect(await h.services.db.value(`SELECT findings_generation FROM stories WHERE id = ?`, newest.id)).toBeGreaterThan(0);
  });

  it('after a house-style change the old counts show until the new ones are in, and only changed counts send events', async () => {
    const a = (await storyWithWarnings()).story;
    const b = (await storyWithWarnings()).story;
    await h.services.db.run(`UPDATE stories SET body = ? WHERE id = ?`, JSON.stringify(doc('The SPY radar tracked it.')), b.id);
    h.events.length = 0;
    await h.services.copyDesk.recountAll();
    // Before the background count gets there, the queue still shows the old counts.
    expect((await callCore(h.core, h.tokens.kim, 'stories.list', { limit: 200 })).items.find((i) => i.id === a.id)?.openFindings).toEqual({
      blocking: 0,
      warning: 2,
    });
    await h.core.idle();
    expect((await row(a.id)).openFindings).toEqual({ blocking: 0, warning: 2 });
    expect((await row(b.id)).openFindings).toEqual({ blocking: 0, warning: 1 });
    // a's counts did not change: only b's story.changed went out.
    expect(h.events.filter((e) => e.type === 'story.changed').map((e) => 'storyId' in e && e.storyId)).toEqual([b.id]);
  });
});

describe('the copy desk’s settings', () => {
  const rule = { preferred: 'Aegis', avoid: ['AEGIS'], where: 'everywhere' as const };

  it('a desk editor edits the house style and the limits; every story is counted again', async () => {
    const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea', headline: 'Navies drill' });
    await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { dateline: 'SEOUL', body: doc('The KDX destroyer used its SPY radar in the drill.') },
    });
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 0 });
    const houseStyle = [{ preferred: 'SPY-1', avoid: ['SPY'], where: 'body' as const, note: 'The radar’s full name.' }];
    const { settings } = await h.call('kim', 'settings.update', { houseStyle, headlineMaxChars: 60, sentenceMaxWords: 30 });
    expect(settings).toMatchObject({ houseStyle, headlineMaxChars: 60, sentenceMaxWords: 30 });
    expect((await row(story.id)).openFindings).toEqual({ blocking: 0, warning: 1 });
    expect((await check(story.id)).find((f) => f.id === 'house-style')?.message).toContain('SPY-1');
  });

  it('a reporter may not change the house style (FORBIDDEN)', async () => {
    const before = await h.snapshot();
    const error = await h.fails('ji', 'settings.update', { houseStyle: [rule] });
    expect(error.code).toBe('FORBIDDEN');
    expect(await h.snapshot()).toBe(before);
  });

  it('a photo editor may not change the house style (FORBIDDEN)', async () => {
    const error = await h.fails('choi', 'settings.update', { houseStyle: [rule] });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('the house-style list');
  });

  it('a desk editor may not change the other settings (FORBIDDEN)', async () => {
    const error = await h.fails('lee', 'settings.update', { lockTimeoutMinutes: 5, houseStyle: [rule] });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('the lock timeout');
    expect((await h.call('lee', 'settings.get', {})).settings.houseStyle).not.toEqual([rule]);
  });

  it('a rule that avoids its own preferred form is refused (VALIDATION)', async () => {
    const error = await h.fails('kim', 'settings.update', { houseStyle: [{ preferred: 'Aegis', avoid: ['Aegis'], where: 'body' }] });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('the core runs the checks on submit, approve and schedule', () => {
  it('submit records the open findings with the submission', async () => {
    const { story } = await storyWithWarnings();
    await transition(h, 'ji', story.id, 'submit');
    const details = (await h.services.db.value(`SELECT details FROM audit_events WHERE story_id = ? AND event = 'submit'`, story.id)) as string;
    expect(JSON.parse(details)).toEqual({ openFindings: { blocking: 0, warning: 2 } });
  });

  it('warnings do not stop approve; a blocking finding does, and schedule too', async () => {
    const { story } = await storyWithWarnings();
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'kim', story.id, 'claim');
    await h.call('kim', 'stories.unlock', { id: story.id });
    await transition(h, 'lee', story.id, 'approve');
    // A headline lost while approved (the text is frozen here, so only damage can do it).
    await h.services.db.run(`UPDATE stories SET headline = '' WHERE id = ?`, story.id);
    const error = await refusedUnchanged(
      h,
      'lee',
      'stories.transition',
      { id: story.id, action: 'schedule', publishAt: new Date(h.clock.now.getTime() + 3_600_000).toISOString() },
      'INVALID_STATE',
    );
    expect(error.message).toMatch(/cannot be scheduled until the copy checks pass/);
    expect((error.details as { findings: Finding[] }).findings.map((f) => f.id)).toEqual(['headline-missing']);
  });
});
