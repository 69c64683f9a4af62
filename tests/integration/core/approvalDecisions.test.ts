// Findings to decide before approval, in the core: a name spelled two ways stops approve until a
// desk editor fixes the text or dismisses the finding with a note (kept in the audit trail);
// submitting is not stopped; a blocking finding still cannot be dismissed; and warnings alone
// never stop the core (asking before approving with them open is the editor's part).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding, Story } from '../../../shared/domain.js';
import { doc, makeRecordingHarness, refusedUnchanged, transition, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const TWO_WAYS = ['Director-general Seo Min-jung met reporters on Monday.', 'Seo Min-jeong said the talks went well.'];
const check = async (id: number): Promise<Finding[]> => (await h.call('kim', 'stories.check', { id })).findings;
const status = async (id: number): Promise<string> => (await h.call('kim', 'stories.get', { id })).story.status;
const findingsOf = (details: unknown): Finding[] => (details as { findings: Finding[] }).findings;

/** Ji's story with these paragraphs (dateline set), submitted by Ji and claimed by Kim, who holds its lock. */
async function onTheDesk(paragraphs: string[], headline = 'Talks resume in Seoul'): Promise<Story> {
  const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea', headline });
  await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body: doc(...paragraphs) } });
  await transition(h, 'ji', story.id, 'submit');
  return transition(h, 'kim', story.id, 'claim');
}

async function nameFinding(id: number): Promise<Finding> {
  const found = (await check(id)).find((f) => f.id === 'name-spelling');
  if (!found) throw new Error('expected the name finding');
  return found;
}

describe('a name spelled two ways', () => {
  it('does not stop the reporter submitting; the submission records it as an open warning', async () => {
    const story = await onTheDesk(TWO_WAYS);
    const details = (await h.services.db.value(`SELECT details FROM audit_events WHERE story_id = ? AND event = 'submit'`, story.id)) as string;
    expect(JSON.parse(details)).toEqual({ openFindings: { blocking: 0, warning: 1 } });
    expect(story.status).toBe('editing');
  });

  it('stops approve while undecided: INVALID_STATE naming it, and nothing changes', async () => {
    const story = await onTheDesk(TWO_WAYS);
    const error = await refusedUnchanged(h, 'kim', 'stories.transition', { id: story.id, action: 'approve' }, 'INVALID_STATE');
    expect(error.message).toBe(
      'The story cannot be approved until this finding is decided (fixed, or dismissed with a note saying why it stands): Name spelled two ways: "Seo Min-jung" (body) and "Seo Min-jeong" (body). Check which is right.',
    );
    expect(findingsOf(error.details).map((f) => f.id)).toEqual(['name-spelling']);
    expect(await status(story.id)).toBe('editing');
  });

  it('approves once a desk editor dismisses it with a note: the decision is kept in the audit trail', async () => {
    const story = await onTheDesk(TWO_WAYS);
    const name = await nameFinding(story.id);
    // A reporter may not decide it.
    await refusedUnchanged(h, 'ji', 'stories.dismissFinding', { id: story.id, key: name.key, note: 'Both are fine.' }, 'FORBIDDEN');
    await refusedUnchanged(h, 'kim', 'stories.dismissFinding', { id: story.id, key: name.key, note: '  ' }, 'VALIDATION');

    await h.call('lee', 'stories.dismissFinding', { id: story.id, key: name.key, note: 'Two people: her sister is Seo Min-jeong. 자매입니다.' });
    const approved = await transition(h, 'kim', story.id, 'approve');
    expect(approved.status).toBe('approved');
    const { events } = await h.call('kim', 'stories.history', { id: story.id });
    const decision = events.find((e) => e.event === 'finding.dismiss');
    expect(decision).toMatchObject({ actorName: 'Lee Jae-won' });
    expect(decision?.note).toContain('Two people: her sister is Seo Min-jeong. 자매입니다.');
    expect(events.map((e) => e.event).indexOf('finding.dismiss')).toBeLessThan(events.map((e) => e.event).indexOf('approve'));
  });

  it('approves once the text is fixed to one spelling, with no dismissal', async () => {
    const story = await onTheDesk(TWO_WAYS);
    await h.call('kim', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: doc('Director-general Seo Min-jung met reporters on Monday.', 'Seo Min-jung said the talks went well.') },
    });
    expect((await check(story.id)).map((f) => f.id)).not.toContain('name-spelling');
    expect((await transition(h, 'kim', story.id, 'approve')).status).toBe('approved');
    expect((await h.call('kim', 'stories.get', { id: story.id })).dismissals).toEqual([]);
  });

  it('restored after a dismissal, it stops approve again', async () => {
    const story = await onTheDesk(TWO_WAYS);
    const name = await nameFinding(story.id);
    await h.call('kim', 'stories.dismissFinding', { id: story.id, key: name.key, note: 'Both are right.' });
    await h.call('lee', 'stories.restoreFinding', { id: story.id, key: name.key });
    await refusedUnchanged(h, 'kim', 'stories.transition', { id: story.id, action: 'approve' }, 'INVALID_STATE');
  });
});

describe('blocking findings and warnings', () => {
  it('a blocking finding still cannot be dismissed; with an undecided name, the refusal lists the blocking one first', async () => {
    const story = await onTheDesk(TWO_WAYS);
    // The desk editor empties the headline: blocking.
    await h.call('kim', 'stories.save', { id: story.id, baseVersion: story.version, changes: { headline: '' } });
    const blocking = (await check(story.id)).find((f) => f.severity === 'blocking');
    expect(blocking?.id).toBe('headline-missing');
    const refused = await refusedUnchanged(h, 'kim', 'stories.dismissFinding', { id: story.id, key: blocking!.key, note: 'Headline later.' }, 'INVALID_STATE');
    expect(refused.message).toMatch(/blocking/i);

    const error = await refusedUnchanged(h, 'kim', 'stories.transition', { id: story.id, action: 'approve' }, 'INVALID_STATE');
    expect(error.message).toMatch(
      /^The story cannot be approved until the copy checks pass: The story has no headline\. To decide before approval \(fixed, or dismissed/,
    );
    expect(findingsOf(error.details).map((f) => f.id)).toEqual(['headline-missing', 'name-spelling']);

    // Deciding the name leaves the blocking finding standing in the way.
    await h.call('kim', 'stories.dismissFinding', { id: story.id, key: (await nameFinding(story.id)).key, note: 'Both are right.' });
    const still = await refusedUnchanged(h, 'kim', 'stories.transition', { id: story.id, action: 'approve' }, 'INVALID_STATE');
    expect(findingsOf(still.details).map((f) => f.id)).toEqual(['headline-missing']);
  });

  it('warnings alone never stop the core: approve, schedule and publish go ahead with them open', async () => {
    const story = await onTheDesk(['The the talks resumed on Monday, officials said.']);
    const open = await check(story.id);
    expect(open.filter((f) => f.severity === 'warning').map((f) => f.id)).toEqual(['doubled-word']);
    expect((await transition(h, 'kim', story.id, 'approve')).status).toBe('approved');
    const publishAt = new Date(h.clock.now.getTime() + 3_600_000).toISOString();
    expect((await transition(h, 'kim', story.id, 'schedule', { publishAt })).status).toBe('scheduled');
    await transition(h, 'kim', story.id, 'unschedule');
    expect((await transition(h, 'kim', story.id, 'publish')).status).toBe('published');
  });
});
