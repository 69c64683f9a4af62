// What the desk approved of a story's photos is what publishes: the photo desk editing the
// library record afterwards (caption, credit, creator, copyright) changes nothing in the package,
// and the story's history says the library now differs. Reopened, the story follows the library
// again, and its next approval takes the new values.

import fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { seed } from './env.js';
import { openNewsroom, writeSeedArticle } from '../../support/seedNewsroom.js';
import type { Harness } from '../../support/coreHarness.js';

const opened: Harness[] = [];
afterEach(async () => {
  for (const n of opened.splice(0)) {
    await n.core.close();
    fs.rmSync(n.dir, { recursive: true, force: true });
  }
});

interface Picture {
  by?: string;
  copyrightNotice?: string;
  descriptions: { role: string; value: string }[];
}

const pictures = (ninjs: unknown) => (ninjs as { associations: Picture[] }).associations;

describe('photo credits frozen at approval', () => {
  test('approve, the photo desk edits the asset, publish: the package has what was approved', async () => {
    const n = await openNewsroom();
    opened.push(n);
    const id = await writeSeedArticle(n);
    const desk = n.as('kim');
    const photo = n.as('choi');
    const lead = async () => (await desk('stories.get', { id })).photos.find((p) => p.placement === 'lead')!;
    const assetId = (await lead()).assetId;

    // The photographer and rights are recorded while the story is back on the desk, then approved.
    await desk('stories.transition', { id, action: 'reopen' });
    await photo('photos.update', { ids: [assetId], changes: { creator: 'Lee Ji-hoon', copyright: '© Yonhap 2023' } });
    await desk('stories.transition', { id, action: 'approve' });
    expect((await lead()).approved).toEqual({ creator: 'Lee Ji-hoon', copyright: '© Yonhap 2023' });

    // After approval the photo desk changes the library record.
    const changes = { caption: 'A different caption', credit: 'Another agency', creator: 'Someone else', copyright: '© Someone else 2024' };
    const { assets } = await photo('photos.update', { ids: [assetId], changes });
    expect(assets[0]).toMatchObject(changes);

    // The desk sees it in the story's history: what changed, and that the story keeps its values.
    const { events } = await desk('stories.history', { id });
    const told = events.filter((e) => e.event === 'photo.libraryChanged');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ actorName: 'Choi Yoon-seo' });
    expect(told[0]!.note).toMatch(
      /caption, credit, creator, copyright of security-talks-seoul\.jpg changed after this story was approved; the story keeps what was approved/,
    );

    await desk('stories.transition', { id, action: 'publish' });
    const v1 = await desk('published.get', { storyId: id, version: 1 });
    const [picture] = pictures(v1.ninjs);
    const leadSeed = seed.photos.find((p) => p.placement === 'lead')!;
    expect(picture).toMatchObject({ by: 'Lee Ji-hoon', copyrightNotice: '© Yonhap 2023' });
    expect(picture!.descriptions.find((d) => d.role === 'caption')?.value).toBe(leadSeed.caption);
    expect(v1.html).toContain(leadSeed.credit);
    for (const value of Object.values(changes)) {
      expect(v1.html).not.toContain(value);
      expect(JSON.stringify(v1.ninjs)).not.toContain(value);
    }

    // A correction puts the story back on the desk: it follows the library until approved again.
    await desk('stories.transition', { id, action: 'correct', note: 'Updates the photo credit.' });
    expect((await lead()).approved).toBeUndefined();
    await desk('stories.transition', { id, action: 'approve' });
    await desk('stories.transition', { id, action: 'publish' });
    const v2 = await desk('published.get', { storyId: id, version: 2 });
    // Creator and copyright come from the library; caption and credit stay the story's own.
    expect(pictures(v2.ninjs)[0]).toMatchObject({ by: 'Someone else', copyrightNotice: '© Someone else 2024' });
    expect(pictures(v2.ninjs)[0]!.descriptions.find((d) => d.role === 'caption')?.value).toBe(leadSeed.caption);
  });

  test('library edits on a story still on the desk are not reported, and unchanged values never are', async () => {
    const n = await openNewsroom();
    opened.push(n);
    const id = await writeSeedArticle(n);
    const desk = n.as('kim');
    const photo = n.as('choi');
    const { photos } = await desk('stories.get', { id });
    const lead = photos.find((p) => p.placement === 'lead')!;
    // Approved: a "change" to the values the story already has tells nobody.
    await photo('photos.update', { ids: [lead.assetId], changes: { caption: lead.caption, keywords: ['talks'] } });
    // Back on the desk: the library is the story's again, nothing to report.
    await desk('stories.transition', { id, action: 'reopen' });
    await photo('photos.update', { ids: [lead.assetId], changes: { creator: 'New name' } });
    const { events } = await desk('stories.history', { id });
    expect(events.filter((e) => e.event === 'photo.libraryChanged')).toEqual([]);
  });
});
