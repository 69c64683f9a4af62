// The people list in the core: desk editors and admins keep it, everyone signed in reads it, a
// spelling names one person only, and the name check on saved stories reads it (the house
// spelling is offered first; an alias no rule could pair is paired).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/domain.js';
import { doc, makeRecordingHarness, refusedUnchanged, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const leeYongHo = { name: 'Lee Yong-ho', aliases: [{ spelling: 'Ri Yong Ho', source: 'KCNA' }], note: 'North Korean foreign minister 2016-20' };

async function storyWith(...paragraphs: string[]): Promise<number> {
  const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea', headline: 'Talks' });
  await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body: doc(...paragraphs) } });
  return story.id;
}
const nameFindings = async (id: number): Promise<Finding[]> => (await h.call('kim', 'stories.check', { id })).findings.filter((f) => f.id === 'name-spelling');

describe('people list', () => {
  it('a desk editor adds a person; everyone signed in reads and finds them, by name, alias, note or Korean text', async () => {
    const { person } = await h.call('kim', 'people.save', { ...leeYongHo, aliases: [...leeYongHo.aliases, { spelling: ' Ri  Yong Ho ', source: '' }] });
    expect(person).toMatchObject({ name: 'Lee Yong-ho', aliases: [{ spelling: 'Ri Yong Ho', source: 'KCNA' }], updatedBy: 'Kim Min-ji' });
    await h.call('han', 'people.save', { name: 'Kim Yo-jong', aliases: [{ spelling: 'Kim Yo Jong', source: 'KCNA' }], note: '김여정, the leader\u2019s sister' });

    expect((await h.call('ji', 'people.list', {})).people.map((p) => p.name)).toEqual(['Kim Yo-jong', 'Lee Yong-ho']);
    expect((await h.call('ji', 'people.list', { query: 'ri yong' })).people.map((p) => p.name)).toEqual(['Lee Yong-ho']);
    expect((await h.call('ji', 'people.list', { query: 'RIYONGHO' })).people.map((p) => p.name)).toEqual(['Lee Yong-ho']);
    expect((await h.call('ji', 'people.list', { query: '김여정' })).people.map((p) => p.name)).toEqual(['Kim Yo-jong']);
    expect((await h.call('ji', 'people.list', { query: '50%_' })).people).toEqual([]);
    expect((await h.call('choi', 'people.all', {})).people.map((p) => p.name)).toEqual(['Kim Yo-jong', 'Lee Yong-ho']);
  });

  it('pages by name', async () => {
    for (const n of ['Ahn', 'Baek', 'Cho']) await h.call('kim', 'people.save', { name: `${n} Min-su`, aliases: [] });
    const first = await h.call('kim', 'people.list', { limit: 2 });
    expect([first.people.map((p) => p.name), first.total, first.nextCursor]).toEqual([['Ahn Min-su', 'Baek Min-su'], 3, '2']);
    const next = await h.call('kim', 'people.list', { limit: 2, cursor: first.nextCursor! });
    expect([next.people.map((p) => p.name), next.nextCursor]).toEqual([['Cho Min-su'], undefined]);
  });

  it('edits and removes a person', async () => {
    const { person } = await h.call('kim', 'people.save', leeYongHo);
    const { person: edited } = await h.call('lee', 'people.save', { id: person.id, name: 'Ri Yong Ho', aliases: [{ spelling: 'Lee Yong-ho', source: 'Yonhap' }] });
    expect(edited).toMatchObject({ id: person.id, name: 'Ri Yong Ho', aliases: [{ spelling: 'Lee Yong-ho', source: 'Yonhap' }], note: '', updatedBy: 'Lee Jae-won' });
    await h.call('kim', 'people.remove', { id: person.id });
    expect((await h.call('kim', 'people.list', {})).total).toBe(0);
    // The spellings went with the person: they may be listed again.
    await h.call('kim', 'people.save', leeYongHo);
  });

  it('refuses reporters and photo editors, a spelling already listed for someone else, and a person no longer listed, changing nothing', async () => {
    const { person } = await h.call('kim', 'people.save', leeYongHo);
    await refusedUnchanged(h, 'ji', 'people.save', leeYongHo, 'FORBIDDEN');
    await refusedUnchanged(h, 'choi', 'people.remove', { id: person.id }, 'FORBIDDEN');
    const taken = await refusedUnchanged(h, 'kim', 'people.save', { name: 'Ri Yong Gil', aliases: [{ spelling: 'RI YONG-HO', source: 'Reuters' }] }, 'CONFLICT');
    expect(taken.message).toBe('\u201cRI YONG-HO\u201d is already on the list, for Lee Yong-ho. A spelling can name only one person.');
    await refusedUnchanged(h, 'kim', 'people.save', { name: 'Ri Yong-ho', aliases: [] }, 'CONFLICT');
    await refusedUnchanged(h, 'kim', 'people.save', { id: person.id + 1, name: 'Pak Pong Ju', aliases: [] }, 'NOT_FOUND');
    await refusedUnchanged(h, 'kim', 'people.remove', { id: person.id + 1 }, 'NOT_FOUND');
    await refusedUnchanged(h, 'kim', 'people.save', { name: '  ', aliases: [] }, 'VALIDATION');
    await refusedUnchanged(h, 'kim', 'people.save', { name: '--', aliases: [] }, 'VALIDATION');
  });

  it('the name check on saved stories reads the list: the house spelling offered first, an alias alone flagged, a new entry applied at once', async () => {
    const id = await storyWith('Ri Yong Ho spoke on Monday, KCNA said.', 'Ri Yong Ho left for Beijing on Tuesday.');
    expect(await nameFindings(id)).toEqual([]);

    await h.call('kim', 'people.save', leeYongHo);
    const [f] = await nameFindings(id);
    expect(f!.message).toBe('Not the house spelling: "Ri Yong Ho" (body, 2 times). House spelling: Lee Yong-ho (KCNA spells it Ri Yong Ho).');
    expect(f!.fixes.map((x) => x.label)).toEqual(['Use the house spelling \u201cLee Yong-ho\u201d everywhere']);

    const shoigu = await storyWith('Sergei Shoigu met officials.', 'Sergey Shoygu said later.');
    expect(await nameFindings(shoigu)).toEqual([]);
    await h.call('kim', 'people.save', { name: 'Sergei Shoigu', aliases: [{ spelling: 'Sergey Shoygu', source: 'TASS' }] });
    expect((await nameFindings(shoigu)).map((x) => x.message)).toEqual([
      'Name spelled two ways: "Sergei Shoigu" (body) and "Sergey Shoygu" (body). House spelling: Sergei Shoigu (TASS spells it Sergey Shoygu).',
    ]);
  });
});
