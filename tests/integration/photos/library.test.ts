// The library: full-text search (caption, credit, creator, keywords, file name — typed text is
// never FTS syntax), filters, paging, and metadata edits on one or many photos.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoAsset } from '../../../shared/domain.js';
import { makeClock, makeHarness, type Harness } from '../../support/coreHarness.js';
import { b64, fixture, iimDataset, makeJpeg, UTF8_MARKER, withIim } from './helpers.js';

type ListResult = { items: PhotoAsset[]; total: number; nextCursor?: string };

let h: Harness;
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await makeHarness({ clock: makeClock('2026-11-25T10:00:00.000Z') });
  const imp = async (name: string, data: Buffer) => {
    const { results } = await h.as('choi')('photos.import', { files: [{ name, data: b64(data) }] });
    ids[name] = results[0]!.asset!.id;
  };
  // Yesterday's photos…
  await imp('security-talks-seoul.jpg', fixture('security-talks-seoul.jpg'));
  await imp('bmd-exercise-east-sea.jpg', fixture('bmd-exercise-east-sea.jpg'));
  h.clock.advance(24 * 3600 * 1000);
  // …and today's.
  const korean = Buffer.concat([UTF8_MARKER(), iimDataset(2, 120, '북한이 동해상으로 탄도미사일을 발사했다'), iimDataset(2, 80, '김철수')]);
  await imp('nk-launch.jpg', withIim(await makeJpeg(80, 60, { seed: 1 }), korean));
  await imp('blank.jpg', await makeJpeg(80, 60, { seed: 2 }));
});
afterAll(() => h.close());

const list = (input: Record<string, unknown>) => h.as('choi')('photos.list', input);
const names = (r: ListResult) => r.items.map((a) => a.originalName).sort();

describe('photos.list search', () => {
  it('finds photos by caption words, credit, keywords and file name', async () => {
    expect(names(await list({ query: 'Foreign Ministry Seoul' }))).toEqual(['security-talks-seoul.jpg']);
    expect(names(await list({ query: 'ballistic missile' }))).toEqual(['bmd-exercise-east-sea.jpg']);
    expect(names(await list({ query: 'Yonhap' }))).toEqual(['security-talks-seoul.jpg']);
    expect(names(await list({ query: 'diplomacy' }))).toEqual(['security-talks-seoul.jpg']);
    expect(names(await list({ query: 'bmd' }))).toEqual(['bmd-exercise-east-sea.jpg']);
  });

  it('matches the last word as a prefix while typing', async () => {
    expect(names(await list({ query: 'Foreign Minis' }))).toEqual(['security-talks-seoul.jpg']);
    expect(names(await list({ query: 'Rep' }))).toEqual(['bmd-exercise-east-sea.jpg']);
  });

  it('finds Korean captions and creators, particles attached', async () => {
    expect(names(await list({ query: '북한' }))).toEqual(['nk-launch.jpg']); // 북한이
    expect(names(await list({ query: '동해 탄도' }))).toEqual(['nk-launch.jpg']);
    expect(names(await list({ query: '김철수' }))).toEqual(['nk-launch.jpg']);
  });

  it('never reads typed text as FTS syntax', async () => {
    for (const query of ['"', 'NEAR(a b)', 'caption:Seoul', 'Seoul OR', '*', 'a AND (', '-Seoul', "'; DROP TABLE photo_assets; --", '^Seo']) {
      await expect(list({ query })).resolves.toBeTruthy();
    }
    expect((await list({ query: 'caption:Seoul' })).total).toBe(0); // a column filter typed by a person is just words
  });
});

describe('photos.list filters and paging', () => {
  it('filters no caption, no credit, imported today and unused', async () => {
    expect(names(await list({ noCaption: true }))).toEqual(['blank.jpg']);
    expect(names(await list({ noCredit: true }))).toEqual(['blank.jpg', 'nk-launch.jpg']);
    expect(names(await list({ importedToday: true }))).toEqual(['blank.jpg', 'nk-launch.jpg']);
    expect((await list({ unused: true })).total).toBe(4);
  });

  it('pages newest first with a cursor', async () => {
    const first = await list({ limit: 3 });
    expect(first.total).toBe(4);
    expect(first.items).toHaveLength(3);
    expect(first.items[0]!.originalName).toBe('blank.jpg');
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((a) => a.originalName)).toEqual(['security-talks-seoul.jpg']);
    expect(second.nextCursor).toBeUndefined();
    await expect(list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('photos.update', () => {
  it('edits one photo and the search index follows', async () => {
    const { assets } = await h.as('choi')('photos.update', {
      ids: [ids['blank.jpg']!],
      changes: { caption: 'Protesters gather at Gwanghwamun Square', credit: 'Newsdesk', keywords: ['protest', 'Seoul', 'protest'] },
    });
    expect(assets[0]).toMatchObject({ caption: 'Protesters gather at Gwanghwamun Square', credit: 'Newsdesk', keywords: ['protest', 'Seoul'] });
    expect(names(await list({ query: 'Gwanghwamun' }))).toEqual(['blank.jpg']);
    expect(names(await list({ noCaption: true }))).toEqual([]);
    expect(h.events).toContainEqual({ type: 'photo.changed', assetId: ids['blank.jpg'] });
  });

  it('applies a template to a selection: only the ticked fields change', async () => {
    const selection = [ids['nk-launch.jpg']!, ids['bmd-exercise-east-sea.jpg']!];
    const before = await Promise.all(selection.map((id) => h.as('choi')('photos.get', { id })));
    const { assets } = await h.as('choi')('photos.update', {
      ids: selection,
      changes: { credit: 'Yonhap', copyright: '© Yonhap News Agency' },
    });
    expect(assets.map((a) => [a.credit, a.copyright])).toEqual([
      ['Yonhap', '© Yonhap News Agency'],
      ['Yonhap', '© Yonhap News Agency'],
    ]);
    assets.forEach((a, i) => expect(a.caption).toBe(before[i]!.asset.caption));
  });

  it('refuses unknown photos without changing any, and non photo editors', async () => {
    await expect(h.as('choi')('photos.update', { ids: [ids['blank.jpg']!, 9999], changes: { credit: 'X' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { asset } = await h.as('choi')('photos.get', { id: ids['blank.jpg']! });
    expect(asset.credit).toBe('Newsdesk');
    await expect(h.as('ji')('photos.update', { ids: [ids['blank.jpg']!], changes: { credit: 'X' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('photos.get says where a photo is used', async () => {
    const { asset, stories } = await h.as('ji')('photos.get', { id: ids['nk-launch.jpg']! });
    expect(asset.caption).toBe('북한이 동해상으로 탄도미사일을 발사했다');
    expect(stories).toEqual([]);
    await expect(h.as('ji')('photos.get', { id: 4242 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('imported today, in the newsroom time zone', () => {
  it('starts the day at midnight where the newsroom is, not where the computer is', async () => {
    // 2026-11-26T16:00Z is already 27 November, 01:00 in Seoul: the photos of 26 November 10:00Z were yesterday's there.
    h.clock.advance(6 * 3600 * 1000);
    await h.as('han')('settings.update', { timeZone: 'UTC' });
    expect(names(await list({ importedToday: true }))).toEqual(['blank.jpg', 'nk-launch.jpg']);
    await h.as('han')('settings.update', { timeZone: 'Asia/Seoul' });
    expect(names(await list({ importedToday: true }))).toEqual([]);
  });
});
