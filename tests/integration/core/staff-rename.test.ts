// Renaming a staff member (staff.update name/email) reindexes the stories they are on the byline
// of, in the same transaction: search finds the new name and no longer the old one.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecordingHarness, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeRecordingHarness();
});
afterAll(() => h.close());

const search = async (query: string) => (await h.call('ji', 'stories.list', { query })).items.map((i) => i.id);

describe('staff.update reindexes bylines', () => {
  it('a renamed reporter is found by the new name and email, not the old', async () => {
    const story = (await h.call('ji', 'stories.create', { desk: 'National', headline: 'Harbour dredging resumes' })).story;
    const other = (await h.call('kim', 'stories.create', { desk: 'National', headline: 'Unrelated story' })).story;
    expect(await search('Da-gyum')).toContain(story.id);

    h.events.length = 0;
    await h.call('han', 'staff.update', { id: h.staff.ji.id, name: 'Ji Hyeon-woo', email: 'hyeonwoo.ji@example.com' });
    // One event tells every open window to refetch the staff and its queues.
    expect(h.events).toEqual([{ type: 'staff.changed', staffId: h.staff.ji.id }]);

    expect(await search('Hyeon-woo')).toEqual([story.id]);
    expect(await search('hyeonwoo.ji')).toEqual([story.id]);
    expect(await search('Da-gyum')).toEqual([]);
    expect(await search('dagyumji')).toEqual([]);
    // The list shows the new name; the other story's index is untouched.
    const items = (await h.call('ji', 'stories.list', { query: 'Harbour' })).items;
    expect(items.find((i) => i.id === story.id)?.byline).toEqual(['Ji Hyeon-woo']);
    expect(await search('Unrelated')).toEqual([other.id]);
  });

  it('a refused update (the last admin deactivating themself) leaves the index as it was', async () => {
    await h.call('han', 'staff.update', { id: h.staff.han.id, roles: ['admin', 'reporter'], desks: ['National'] });
    const story = (await h.call('han', 'stories.create', { desk: 'National', headline: 'Admin wrote this' })).story;
    const error = await h.fails('han', 'staff.update', { id: h.staff.han.id, name: 'Renamed Admin', active: false });
    expect(error.code).toBe('INVALID_STATE');
    expect(await search('Seung-woo')).toContain(story.id);
    expect(await search('Renamed')).toEqual([]);
  });
});
