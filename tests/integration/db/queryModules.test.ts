// Every query module of db/ on both databases: the same calls with the same data on a SQLite file
// and on a PostgreSQL database, and the same answers from each (SQLite's are the reference). Each
// test runs one area's calls on both, in the same order, so ids and times agree.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as q from '../../../db/index.js';
import { ftsQuery } from '../../../db/ftsQuery.js';
import * as photos from '../../../db/photos.js';
import * as published from '../../../db/published.js';
import type { DocNode, Id } from '../../../shared/domain.js';
import { freshDatabase } from '../../support/postgres.js';

const T0 = '2026-12-07T05:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

const doc = (...paragraphs: string[]): DocNode => ({ type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) });

const content = (headline: string, body: string, desk = 'World'): q.StoryContent => ({
  slug: headline.toLowerCase().replace(/\W+/g, '-'),
  desk,
  headline,
  subheadlines: [`${headline} sub`],
  dateline: 'SEOUL',
  language: 'en',
  body: doc(body),
  bodyText: body,
  wordCount: body.split(/\s+/).length,
});

/** The people every area refers to, by the ids both databases gave them. */
interface Seed {
  kim: Id;
  lee: Id;
  park: Id;
  choi: Id;
  missile: Id;
  visit: Id;
  busan: Id;
}

async function seed(db: q.Db): Promise<Seed> {
  return db.transaction(async () => {
    await q.insertDesk(db, 'World');
    await q.insertDesk(db, '정치');
    await q.insertDesk(db, 'Business');
    const kim = await q.insertStaff(db, { name: 'Kim Min-ji', email: 'Kim@Example.org', roles: ['reporter'], desks: ['World', '정치'] });
    const lee = await q.insertStaff(db, { name: 'Lee Jae-won', email: 'lee@example.org', roles: ['desk_editor', 'reporter'], desks: ['World'] });
    const park = await q.insertStaff(db, { name: 'Park Soo-hyun', email: 'park@example.org', roles: ['photo_editor'], desks: [] });
    const choi = await q.insertStaff(db, { name: 'Choi Yoon-seo', email: 'choi@example.org', roles: ['admin'], desks: ['Business'] });
    const missile = await q.insertStory(db, {
      ...content('북한의 미사일 발사', '합동참모본부는 북한이 오늘 동해상으로 탄도미사일을 발사했다고 밝혔다.', '정치'),
      createdBy: kim,
      at: at(1),
      bylineIds: [lee, kim],
    });
    const visit = await q.insertStory(db, {
      ...content('Kim Jong-un visits the cabinet', 'The leader met officials; inflation rose 3.5% in May.'),
      createdBy: lee,
      at: at(2),
      bylineIds: [lee],
    });
    const busan = await q.insertStory(db, {
      ...content('Busan port reopens', 'Fishing boats left the harbour at dawn.', 'Business'),
      createdBy: kim,
      at: at(3),
      bylineIds: [],
    });
    return { kim, lee, park, choi, missile, visit, busan };
  });
}

const backends: { name: string; db: q.Db; seed: Seed }[] = [];
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-querymodules-'));
  const lite = q.sqliteStore(q.openDatabase(path.join(tmp, 'newsroom.db')));
  const pg = await q.openPostgres(await freshDatabase());
  for (const [name, db] of [
    ['sqlite', lite],
    ['postgres', pg],
  ] as const) {
    backends.push({ name, db, seed: await seed(db) });
  }
});

afterAll(async () => {
  for (const b of backends) await b.db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs `area` on SQLite and then on PostgreSQL; expects the same answer and returns it. */
async function same<T>(area: (db: q.Db, s: Seed) => Promise<T>): Promise<T> {
  const [lite, pg] = backends;
  const a = await area(lite!.db, lite!.seed);
  const b = await area(pg!.db, pg!.seed);
  expect(b).toEqual(a);
  return a;
}

describe('query modules on SQLite and PostgreSQL', () => {
  it('staff and desks: lists with roles and desks in order, e-mail whatever its case, counts', async () => {
    const r = await same(async (db, s) => {
      await q.setPasswordHash(db, s.choi, 'scrypt$hash');
      await q.updateStaffRecord(db, s.park, { name: 'Park Soo-hyun', email: 'park@example.org', active: false });
      return {
        list: await q.listStaff(db),
        one: await q.getStaff(db, s.lee),
        none: await q.getStaff(db, 999),
        byEmail: await q.findStaffByEmail(db, 'kim@example.ORG'),
        noEmail: await q.findStaffByEmail(db, 'nobody@example.org'),
        unknown: await q.unknownStaffIds(db, [s.kim, s.park, 999]),
        unknownNone: await q.unknownStaffIds(db, []),
        bylines: await q.storyIdsWithByline(db, s.lee),
        reindexed: await q.reindexBylinesOf(db, s.kim),
        hash: await q.getPasswordHash(db, s.choi),
        noHash: await q.getPasswordHash(db, s.kim),
        admins: await q.countActiveAdminsWithPassword(db),
        firstAdmin: await q.firstActiveAdmin(db),
        reporters: await q.countActiveWithRole(db, 'reporter'),
        desks: await q.listDesks(db),
        deskExists: [await q.deskExists(db, '정치'), await q.deskExists(db, 'Sports')],
        deskAgain: await q.insertDesk(db, 'World'),
      };
    });
    expect(r.list.map((x) => x.name)).toEqual(['Choi Yoon-seo', 'Kim Min-ji', 'Lee Jae-won', 'Park Soo-hyun']);
    expect(r.one).toMatchObject({ roles: ['desk_editor', 'reporter'], desks: ['World'], active: true, passwordSet: false });
    expect(r.list[0]).toMatchObject({ roles: ['admin'], desks: ['Business'], passwordSet: true });
    expect(r.list[3]).toMatchObject({ roles: ['photo_editor'], desks: [], active: false });
    expect(r.byEmail?.name).toBe('Kim Min-ji');
    expect(r.byEmail?.desks).toEqual(['World', '정치']);
    expect(r.noEmail).toBeNull();
    expect(r.unknown).toEqual([r.list[3]!.id, 999]);
    expect(r.reporters).toBe(2);
    expect(r.admins).toBe(1);
    expect(r.deskExists).toEqual([true, false]);
  });

  it('stories: the row, byline, authors, writers, locks held by a session, workflow and the search copy of the byline', async () => {
    const r = await same(async (db, s) => {
      await q.updateStoryContent(db, s.visit, { ...content('Kim Jong-un visits the cabinet', 'The leader met officials again.'), version: 2, at: at(4), textVersion: 2 });
      await q.setByline(db, s.visit, [s.kim, s.lee, s.kim]);
      await q.setTextAuthorship(db, s.visit, {
        runs: [[s.kim, 12]],
        words: [
          [s.kim, 5],
          [s.lee, 0],
        ],
      });
      const session = await q.insertSession(db, {
        tokenHash: Buffer.alloc(32, 1),
        staffId: s.kim,
        at: at(4),
        expiresAt: at(60),
        device: 'Laptop',
        address: '10.0.0.1',
        kind: 'desktop',
      });
      await q.setStoryLock(db, s.visit, { staffId: s.kim, acquiredAt: at(4), expiresAt: at(30), sessionId: session, offline: true });
      await q.setStoryLock(db, s.missile, { staffId: s.kim, acquiredAt: at(4), expiresAt: at(90), sessionId: session });
      const live = { visit: await q.getStory(db, s.visit), missile: await q.getStory(db, s.missile) };
      // The session ends before the missile story's lock would: the lock lapses with it.
      await q.endSessionRecord(db, session, at(10), 'signOut');
      const ended = await q.getStory(db, s.missile);
      await q.updateStoryWorkflow(db, s.busan, {
        status: 'scheduled',
        claimedBy: s.lee,
        sendBackNote: null,
        correctionNote: null,
        publishAt: at(20),
        scheduledBy: s.lee,
        publishedVersions: 0,
        at: at(5),
      });
      const bylineText = await db.value<string>(`SELECT byline_text FROM stories WHERE id = ?`, s.visit);
      await q.reindexStory(db, s.visit);
      await q.rebuildSearchIndex(db);
      await q.optimizeSearchIndex(db);
      return {
        live,
        ended,
        none: await q.getStory(db, 999),
        exists: [await q.storyExists(db, s.busan), await q.storyExists(db, 999)],
        textVersion: [await q.getStoryTextVersion(db, s.visit), await q.getStoryTextVersion(db, 999)],
        byline: await q.getByline(db, s.visit),
        authors: await q.getStoryAuthorIds(db, s.visit),
        authorship: await q.getTextAuthorship(db, s.visit),
        noAuthorship: await q.getTextAuthorship(db, s.busan),
        locks: await q.storyLocksOfSession(db, session),
        lockedBy: await q.storiesLockedBy(db, s.kim),
        due: [await q.dueScheduledStoryIds(db, at(19)), await q.dueScheduledStoryIds(db, at(20))],
        bylineText,
        afterReindex: await db.value<string>(`SELECT byline_text FROM stories WHERE id = ?`, s.visit),
      };
    });
    expect(r.live.visit?.lock).toMatchObject({ expiresAt: at(30), device: 'Laptop', offline: true, name: 'Kim Min-ji' });
    expect(r.live.missile?.lock?.expiresAt).toBe(at(60)); // the session expires first
    expect(r.ended?.lock?.expiresAt).toBe(at(10)); // and then it ended
    expect(r.live.missile?.byline.map((b) => b.name)).toEqual(['Lee Jae-won', 'Kim Min-ji']);
    expect(r.byline.map((b) => b.name)).toEqual(['Kim Min-ji', 'Lee Jae-won']);
    expect(r.bylineText).toBe('Kim Min-ji Kim@Example.org Lee Jae-won lee@example.org');
    expect(r.textVersion).toEqual([2, null]);
    expect(r.due[0]).toEqual([]);
    expect(r.due[1]).toHaveLength(1);
    expect(r.locks.map((l) => l.lockExpiresAt)).toEqual([at(90), at(30)]);
  });

  it('story lists: queues by status, desk, byline and missing photos, a page at a time', async () => {
    const r = await same(async (db, s) => {
      const now = at(6);
      const all = await q.listStories(db, {}, { limit: 2, after: null, now });
      const rest = await q.listStories(db, {}, { limit: 2, after: all.next, now });
      return {
        all,
        rest,
        several: await q.listStories(db, { status: ['draft', 'scheduled'] }, { limit: 10, after: null, now }),
        one: await q.listStories(db, { status: ['scheduled'] }, { limit: 10, after: null, now }),
        desk: await q.listStories(db, { desk: '정치' }, { limit: 10, after: null, now }),
        byline: await q.listStories(db, { bylineStaffId: s.lee }, { limit: 10, after: null, now }),
        needsPhotos: await q.listStories(db, { needsPhotos: true }, { limit: 10, after: null, now }),
        blank: await q.listStories(db, { query: '   ' }, { limit: 10, after: null, now }),
      };
    });
    expect(r.all.total).toBe(3);
    expect(r.all.items).toHaveLength(2);
    expect(r.rest.items).toHaveLength(1);
    expect(r.rest.next).toBeNull();
    expect(r.one.items.map((i) => i.status)).toEqual(['scheduled']);
    expect(r.several.total).toBe(3);
    expect(r.desk.items.map((i) => i.byline)).toEqual([['Lee Jae-won', 'Kim Min-ji']]);
    expect(r.byline.total).toBe(2);
  });

  it('search: 북한 finds 북한의, the last word as a prefix, paging by id, snippets, and whatever a person types is text', async () => {
    const hostile = [
      `"`,
      `'; DROP TABLE stories; --`,
      `NEAR(kim jong)`,
      `kim AND OR NOT`,
      `*`,
      `a:* & !b | (c`,
      `\\`,
      `'''`,
      `kim:*`,
      `北`,
      `x`.repeat(3000),
      `🙂 ☃`,
      `é`,
    ];
    const r = await same(async (db) => {
      const now = at(6);
      const search = (query: string, limit = 10, after: q.ListCursor | null = null) => q.listStories(db, { query }, { limit, after, now });
      const hostileResults = [];
      for (const text of hostile) hostileResults.push((await search(text)).items.map((i) => i.id));
      const first = await search('kim', 1);
      return {
        korean: await search('북한'),
        koreanBody: await search('탄도 발사'),
        prefix: await search('cabin'),
        phrase: await search('Jong-un'),
        byline: await search('lee@example.org'),
        none: await search('남한'),
        first,
        second: await search('kim', 1, first.next),
        withFilter: await q.listStories(db, { query: 'kim', desk: '정치' }, { limit: 10, after: null, now }),
        hostileResults,
        like: await q.likeSearchCount(db, 'harbour'),
      };
    });
    expect(r.korean.items.map((i) => i.headline)).toEqual(['북한의 미사일 발사']);
    expect(r.korean.items[0]?.snippet).toContain('<mark>북한이</mark>'); // the body's excerpt: the headline shows anyway
    expect(r.koreanBody.total).toBe(1);
    expect(r.prefix.items.map((i) => i.headline)).toEqual(['Kim Jong-un visits the cabinet']);
    expect(r.phrase.total).toBe(1);
    expect(r.byline.total).toBe(2);
    expect(r.none).toEqual({ items: [], next: null, total: 0, totalCapped: false });
    expect(r.first.total).toBe(2);
    expect(r.first.items[0]!.id).toBeGreaterThan(r.second.items[0]!.id);
    expect(r.second.next).toBeNull();
    expect(r.withFilter.items.map((i) => i.desk)).toEqual(['정치']);
    expect(r.like).toBe(1);
  });

  it('search counts up to the cap', async () => {
    const r = await same(async (db, s) => {
      await db.run(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO stories (slug, desk, headline, body, body_text, created_by, created_at, updated_at)
         SELECT 'bulk-' || i, 'World', 'Typhoon warning ' || i, '{}', 'Typhoon Hinnamnor nears Jeju', ?, ?, ? FROM n`,
        q.SEARCH_COUNT_CAP + 5,
        s.kim,
        at(7),
        at(7),
      );
      const page = await q.listStories(db, { query: 'hinnamnor' }, { limit: 3, after: null, now: at(8) });
      return { total: page.total, capped: page.totalCapped, ids: page.items.map((i) => i.id), snippet: page.items[0]?.snippet };
    });
    expect(r).toMatchObject({ total: q.SEARCH_COUNT_CAP, capped: true, snippet: 'Typhoon <mark>Hinnamnor</mark> nears Jeju' });
    expect(r.ids).toHaveLength(3);
    await same(async (db) => db.run(`DELETE FROM stories WHERE slug LIKE 'bulk-%'`));
  });

  it('revisions, comments and audit events', async () => {
    const r = await same(async (db, s) => {
      const rev1 = await q.insertRevision(db, {
        storyId: s.visit,
        version: 1,
        reason: 'create',
        authorId: s.lee,
        at: at(2),
        wordCount: 3,
        content: { headline: 'A', subheadlines: [], body: doc('one') },
      });
      await q.insertRevision(db, {
        storyId: s.visit,
        version: 2,
        reason: 'submit',
        authorId: s.kim,
        at: at(4),
        wordCount: 5,
        content: { headline: '북한', subheadlines: ['b'], body: doc('two') },
      });
      const root = await q.insertComment(db, {
        storyId: s.visit,
        parentId: null,
        authorId: s.lee,
        text: 'Source?',
        anchor: { from: 1, to: 5, quote: 'The ' },
        at: at(5),
      });
      await q.insertComment(db, { storyId: s.visit, parentId: root, authorId: s.kim, text: '연합뉴스', anchor: null, at: at(6) });
      await q.setCommentResolved(db, root, true, s.lee, at(7));
      await q.insertAuditEvent(db, {
        storyId: s.visit,
        actorId: s.kim,
        event: 'submit',
        from: 'draft',
        to: 'submitted',
        note: '확인',
        details: { version: 2 },
        at: at(4),
      });
      await q.insertAuditEvent(db, { storyId: s.visit, actorId: s.lee, event: 'create', at: at(2) });
      await q.insertAuditEvent(db, { storyId: null, actorId: s.lee, event: 'forceUnlock', at: at(3) });
      return {
        revisions: await q.listRevisions(db, s.visit),
        revision: await q.getRevision(db, s.visit, rev1),
        noRevision: await q.getRevision(db, s.missile, rev1),
        latestRevision: [await q.latestRevisionAt(db, s.visit), await q.latestRevisionAt(db, s.busan)],
        comments: await q.listComments(db, s.visit),
        comment: await q.getComment(db, root),
        noComment: await q.getComment(db, 999),
        records: await q.listAuditRecords(db, s.visit),
        events: await q.listAuditEvents(db, s.visit),
      };
    });
    expect(r.revisions.map((x) => x.version)).toEqual([2, 1]);
    expect(r.revision?.content).toEqual({ headline: 'A', subheadlines: [], body: doc('one') });
    expect(r.comments[0]).toMatchObject({ resolved: true, anchor: { from: 1, to: 5, quote: 'The ' } });
    expect(r.comments[1]).toMatchObject({ text: '연합뉴스', parentId: r.comments[0]!.id, anchor: null });
    expect(r.records.map((x) => [x.event, x.details])).toEqual([
      ['submit', { version: 2 }],
      ['create', null],
    ]);
  });

  it('copy-check findings: dismissals, counts and the stories left to count', async () => {
    const r = await same(async (db, s) => {
      await q.upsertDismissal(db, s.visit, { key: 'spelling:kim', note: 'house style', by: s.lee, at: at(5) });
      await q.upsertDismissal(db, s.visit, { key: 'spelling:kim', note: '확인함', by: s.kim, at: at(6) });
      await q.upsertDismissal(db, s.visit, { key: 'number:3.5', note: 'ok', by: s.lee, at: at(6) });
      const deleted = [await q.deleteDismissal(db, s.visit, 'number:3.5'), await q.deleteDismissal(db, s.visit, 'number:3.5')];
      const before = await q.getFindingCounts(db, s.visit);
      await q.setFindingCounts(db, s.visit, { blocking: 1, warning: 2 });
      await q.setFindingCounts(db, s.missile, null);
      const counted = await q.getFindingCounts(db, s.visit);
      const uncounted = await q.uncountedStoryIds(db, 10);
      await q.invalidateFindingCounts(db);
      return {
        dismissals: await q.listDismissals(db, s.visit),
        deleted,
        before,
        counted,
        uncounted,
        stale: await q.getFindingCounts(db, s.visit),
        none: await q.getFindingCounts(db, 999),
        generation: await q.checkGeneration(db),
        after: await q.uncountedStoryIds(db, 10),
      };
    });
    expect(r.dismissals).toEqual([expect.objectContaining({ key: 'spelling:kim', note: '확인함', byName: 'Kim Min-ji' })]);
    expect(r.deleted).toEqual([true, false]);
    expect(r.counted).toEqual({ counts: { blocking: 1, warning: 2 }, current: true });
    expect(r.stale).toEqual({ counts: { blocking: 1, warning: 2 }, current: false });
    expect(r.generation).toBe(2);
    expect(r.after).toHaveLength(3);
  });

  it('photos: import, library search and filters, placements in stories, frozen credits', async () => {
    const renditions = (hash: string): photos.Renditions => ({
      original: { file: `${hash}.jpg`, bytes: 10 },
      display: { file: `${hash}-d.jpg`, width: 10, height: 5, bytes: 5 },
      thumb: { file: `${hash}-t.jpg`, width: 2, height: 1, bytes: 1 },
    });
    const asset = (hash: string, caption: string, credit: string, minutes: number): photos.NewPhotoAsset => ({
      hash,
      originalName: `${hash}.jpg`,
      contentType: 'image/jpeg',
      width: 4000,
      height: 3000,
      bytes: 1234567,
      caption,
      headline: '',
      credit,
      creator: 'Yonhap/AP',
      copyright: '© Yonhap',
      source: '',
      keywords: ['북한', 'missile'],
      dateCreated: null,
      city: 'Seoul',
      country: 'KR',
      instructions: '',
      alt: '',
      metadataWarnings: [],
      renditions: renditions(hash),
      importedAt: at(minutes),
      importedBy: s0(),
    });
    let current: Seed;
    const s0 = () => current.park;
    const r = await same(async (db, s) => {
      current = s;
      const a = await photos.insertPhotoAsset(db, asset('aaa', '북한의 미사일 발사 장면', 'Yonhap', 10));
      const b = await photos.insertPhotoAsset(db, asset('bbb', 'Boats in Busan harbour', '', 11));
      const c = await photos.insertPhotoAsset(db, asset('ccc', '', 'AP', 12));
      const updated = await photos.updatePhotoAssets(db, [c.id, 999], { caption: 'Café in Jeju', keywords: ['coffee'] });
      const lead = await photos.insertStoryPhoto(db, { storyId: s.visit, assetId: a.id, placement: 'inline', order: 0, caption: 'Missile', credit: 'Yonhap', alt: '' });
      const second = await photos.insertStoryPhoto(db, {
        storyId: s.visit,
        assetId: b.id,
        placement: 'inline',
        order: await photos.nextStoryPhotoPosition(db, s.visit),
        caption: '',
        credit: '',
        alt: '',
      });
      const third = await photos.insertStoryPhoto(db, {
        storyId: s.busan,
        assetId: a.id,
        placement: 'lead',
        order: 0,
        caption: 'Launch',
        credit: 'Yonhap',
        alt: 'a missile',
      });
      await photos.updateStoryPhoto(db, second, { placement: 'lead', caption: 'Boats' });
      await photos.setStoryPhotoOrder(db, [second, lead]);
      await q.reindexStory(db, s.visit);
      await q.freezeApprovedPhotoCredits(db, s.busan);
      await q.updateStoryWorkflow(db, s.busan, {
        status: 'approved',
        claimedBy: s.lee,
        sendBackNote: null,
        correctionNote: null,
        publishAt: null,
        scheduledBy: null,
        publishedVersions: 0,
        at: at(13),
      });
      const frozen = await q.listStoryPhotos(db, s.busan);
      const uses = await q.approvedUsesOfAsset(db, a.id);
      await q.thawApprovedPhotoCredits(db, s.busan);
      const list = (filters: Partial<photos.PhotoFilters>, limit = 10, after: photos.PhotoCursor | null = null) =>
        photos.listPhotoAssets(db, { fts: null, ...filters }, { limit, after });
      const page1 = await list({}, 2);
      const hostile = [];
      for (const text of [`"`, `'; DROP TABLE photo_assets; --`, `a:* & !b`, `\\`, `*`]) hostile.push((await list({ fts: ftsQuery(text) })).total);
      const searchTerm = async (text: string) => (await list({ fts: ftsQuery(text) })).items.map((i) => i.hash);
      const result = {
        a,
        lead,
        second,
        dup: await photos.insertPhotoAsset(db, asset('aaa', 'again', '', 14)),
        asset: await photos.getPhotoAsset(db, a.id),
        none: await photos.getPhotoAsset(db, 999),
        byHash: await photos.findPhotoAssetByHash(db, 'ccc'),
        several: (await photos.getPhotoAssets(db, [c.id, 999, a.id])).map((x) => x.hash),
        renditions: [await photos.getPhotoRenditions(db, b.id), await photos.getPhotoRenditions(db, 999)],
        updated,
        page1,
        page2: await list({}, 2, page1.next),
        noCaption: await list({ noCaption: true }),
        noCredit: await list({ noCredit: true }),
        today: await list({ importedSince: at(11) }),
        unused: await list({ unused: true }),
        korean: await searchTerm('북한'),
        accent: await searchTerm('cafe'),
        keyword: await searchTerm('coffee'),
        prefixAndFilter: (await list({ fts: ftsQuery('bus'), noCredit: true })).items.map((i) => i.hash),
        hostile,
        using: await photos.storiesUsingAsset(db, a.id),
        usingIds: await photos.storyIdsUsingAsset(db, a.id),
        row: await photos.getStoryPhotoRow(db, second),
        noRow: await photos.getStoryPhotoRow(db, 999),
        order: await photos.storyPhotoIds(db, s.visit),
        next: await photos.nextStoryPhotoPosition(db, s.missile),
        photos: await q.listStoryPhotos(db, s.visit),
        frozen,
        uses,
        thawed: await q.approvedUsesOfAsset(db, a.id),
        captions: await db.value<string>(`SELECT captions_text FROM stories WHERE id = ?`, s.visit),
        queue: (await q.listStories(db, { needsPhotos: true }, { limit: 10, after: null, now: at(14) })).items.map((i) => [i.headline, i.photoCount, i.photosIncomplete]),
      };
      await photos.deleteStoryPhoto(db, third);
      return { ...result, afterDelete: await photos.storyIdsUsingAsset(db, a.id) };
    });
    expect(r.dup).toEqual({ id: r.a.id, created: false });
    expect(r.asset).toMatchObject({ keywords: ['북한', 'missile'], usedIn: 2, thumbUrl: '/media/aaa/thumb.jpg' });
    expect(r.several).toEqual(['ccc', 'aaa']);
    expect(r.page1.total).toBe(3);
    expect([...r.page1.items, ...r.page2.items].map((i) => i.hash)).toEqual(['ccc', 'bbb', 'aaa']);
    expect(r.noCaption.total).toBe(0);
    expect(r.noCredit.items.map((i) => i.hash)).toEqual(['bbb']);
    expect(r.today.total).toBe(2);
    expect(r.unused.items.map((i) => i.hash)).toEqual(['ccc']);
    expect(r.korean).toEqual(['bbb', 'aaa']); // by the keyword 북한
    expect(r.accent).toEqual(['ccc']);
    expect(r.keyword).toEqual(['ccc']);
    expect(r.prefixAndFilter).toEqual(['bbb']);
    expect(r.order).toEqual([r.second, r.lead]);
    expect(r.row).toMatchObject({ placement: 'lead', caption: 'Boats', order: 0 });
    expect(r.frozen[0]?.approved).toEqual({ creator: 'Yonhap/AP', copyright: '© Yonhap' });
    expect(r.uses).toHaveLength(1);
    expect(r.thawed).toEqual([]);
    expect(r.captions).toBe('Boats  Missile Yonhap');
    expect(r.afterDelete).toHaveLength(1);
  });

  it('published versions and the scheduler’s due stories', async () => {
    const r = await same(async (db, s) => {
      const v = (version: number, minutes: number): published.NewPublishedVersion => ({
        storyId: s.busan,
        version,
        publishedAt: at(minutes),
        publishedBy: s.lee,
        pubStatus: 'usable',
        correctionNote: version > 1 ? 'Fixed the port’s name' : null,
        path: `busan-port/v${version}`,
      });
      await published.insertPublishedVersion(db, v(1, 20));
      await published.insertPublishedVersion(db, v(2, 25));
      await published.setExportResult(db, s.busan, 2, 'failed', 'disk full');
      await q.updateStoryWorkflow(db, s.missile, {
        status: 'scheduled',
        claimedBy: null,
        sendBackNote: null,
        correctionNote: null,
        publishAt: at(30),
        scheduledBy: s.lee,
        publishedVersions: 0,
        at: at(26),
      });
      return {
        list: await published.listPublishedVersions(db, s.busan),
        one: await published.getPublishedVersion(db, s.busan, 2),
        none: await published.getPublishedVersion(db, s.busan, 3),
        latest: [await published.latestPublishedVersion(db, s.busan), await published.latestPublishedVersion(db, s.visit)],
        first: [await published.firstPublishedAt(db, s.busan), await published.firstPublishedAt(db, s.visit)],
        taken: [
          await published.packageDirTaken(db, 'busan-port', s.visit),
          await published.packageDirTaken(db, 'busan-port', s.busan),
          await published.packageDirTaken(db, 'busan', s.visit),
        ],
        recorded: [await published.packagePathRecorded(db, 'busan-port/v1'), await published.packagePathRecorded(db, 'busan-port/v3')],
        due: [await published.dueScheduledStories(db, at(29)), await published.dueScheduledStories(db, at(31))],
      };
    });
    expect(r.list.map((x) => [x.version, x.exportStatus, x.publishedByName])).toEqual([
      [1, 'none', 'Lee Jae-won'],
      [2, 'failed', 'Lee Jae-won'],
    ]);
    expect(r.latest).toEqual([2, 0]);
    expect(r.first).toEqual([at(20), null]);
    expect(r.taken).toEqual([true, false, false]);
    expect(r.recorded).toEqual([true, false]);
    expect(r.due[0]).toEqual([]);
    expect(r.due[1]).toEqual([{ id: expect.any(Number), scheduledBy: expect.any(Number), publishAt: at(30) }]);
  });

  it('sessions, setup codes, the sign-in throttle, the account log, settings, newsroom facts and applied keys', async () => {
    const r = await same(async (db, s) => {
      const token = Buffer.from('a'.repeat(64), 'hex');
      const one = await q.insertSession(db, {
        tokenHash: token,
        staffId: s.lee,
        at: at(0),
        expiresAt: at(30),
        device: 'Chrome on Linux',
        address: null,
        kind: 'browser',
      });
      const two = await q.insertSession(db, {
        tokenHash: Buffer.alloc(32, 2),
        staffId: s.lee,
        at: at(1),
        expiresAt: at(5),
        device: '맥북',
        address: '::1',
        kind: 'desktop',
      });
      await q.touchSession(db, one, at(10), at(40));
      const sessions = {
        found: await q.findLiveSession(db, token, at(20)),
        expired: await q.findLiveSession(db, token, at(40)),
        get: await q.getSession(db, two),
        live: await q.listLiveSessions(db, s.lee, at(4)),
        unended: await q.unendedSessionIds(db, s.lee),
        sweep: await q.expiredUnendedSessions(db, at(20)),
        ended: [await q.endSessionRecord(db, two, at(21), 'expired'), await q.endSessionRecord(db, two, at(22), 'signOut')],
        after: await q.getSession(db, two),
      };
      await q.replaceSetupCode(db, { codeHash: Buffer.alloc(32, 3), staffId: s.kim, firstAdmin: true, at: at(0), expiresAt: at(60) });
      await q.replaceSetupCode(db, { codeHash: Buffer.alloc(32, 4), staffId: s.kim, firstAdmin: false, at: at(1), expiresAt: at(60) });
      const current = await q.findSetupCode(db, Buffer.alloc(32, 4));
      // SQLite gives the deleted code's id to the next one, PostgreSQL never reuses an id: the ids are left out.
      const codes = { replaced: await q.findSetupCode(db, Buffer.alloc(32, 3)), current: current && { ...current, id: undefined } };
      await q.markSetupCodeUsed(db, current!.id, at(2));
      await q.dropUnusedSetupCodes(db, s.kim);
      await q.setThrottle(db, 'account:kim@example.org', { failures: 1, lastFailureAt: at(1) });
      await q.setThrottle(db, 'account:kim@example.org', { failures: 2, lastFailureAt: at(2) });
      await q.setThrottle(db, 'address:10.0.0.9', { failures: 1, lastFailureAt: at(0) });
      const throttle = { kim: await q.getThrottle(db, 'account:kim@example.org'), forgot: await q.forgetThrottlesBefore(db, at(1)) };
      await q.clearThrottle(db, 'account:kim@example.org');
      for (const [i, event] of (['signInFailed', 'signIn', 'signOut'] as const).entries()) {
        await q.insertAccountEvent(db, { staffId: s.kim, event, email: 'kim@example.org', address: '10.0.0.1', device: 'Laptop', at: at(i) });
      }
      await q.insertAccountEvent(db, { staffId: null, event: 'signInFailed', email: 'nobody@example.org', at: at(3) });
      await q.insertAccountEvent(db, { staffId: s.park, actorId: s.choi, event: 'deactivated', note: '퇴사', at: at(4) });
      const events = {
        all: await q.listAccountEvents(db, { limit: 10 }),
        kim: await q.listAccountEvents(db, { staffId: s.kim, limit: 2 }),
        older: await q.listAccountEvents(db, { staffId: s.kim, beforeId: 2, limit: 10 }),
        from: [
          await q.signedInFrom(db, s.kim, '10.0.0.1', at(0)),
          await q.signedInFrom(db, s.kim, '10.0.0.1', at(2)),
          await q.signedInFrom(db, s.kim, '10.0.0.2', at(0)),
        ],
      };
      await q.writeSetting(db, 'timeZone', 'Asia/Seoul');
      await q.writeSetting(db, 'timeZone', 'Europe/Berlin');
      await q.writeSetting(db, 'copyDesk.rules', { spelling: true, names: ['북한'] });
      await db.run(`INSERT INTO settings (key, value) VALUES ('broken', 'not json')`);
      await q.setNewsroomFact(db, 'demo', '1');
      await q.setNewsroomFact(db, 'demo', '0');
      await q.insertAppliedKey(db, { staffId: s.kim, key: 'save-1', method: 'stories.save', storyId: s.visit, outcome: { version: 3, words: ['북한'] }, at: at(1) });
      await q.insertAppliedKey(db, { staffId: s.kim, key: 'create-1', method: 'stories.create', storyId: s.busan, outcome: { id: s.busan }, at: at(5) });
      const applied = { found: await q.findAppliedKey(db, s.kim, 'save-1'), other: await q.findAppliedKey(db, s.lee, 'save-1') };
      return {
        sessions,
        codes,
        usedKept: (await q.findSetupCode(db, Buffer.alloc(32, 4)))?.usedAt,
        throttle,
        cleared: await q.getThrottle(db, 'account:kim@example.org'),
        left: await q.getThrottle(db, 'address:10.0.0.9'),
        events,
        settings: await q.readSettings(db),
        facts: [await q.getNewsroomFact(db, 'demo'), await q.getNewsroomFact(db, 'other')],
        applied,
        pruned: await q.pruneAppliedKeys(db, at(2)),
        afterPrune: await q.findAppliedKey(db, s.kim, 'save-1'),
      };
    });
    expect(r.sessions.found).toMatchObject({ lastSeenAt: at(10), expiresAt: at(40), kind: 'browser', address: null, endedAt: null });
    expect(r.sessions.expired).toBeNull();
    expect(r.sessions.live.map((x) => x.device)).toEqual(['맥북', 'Chrome on Linux']);
    expect(r.sessions.sweep.map((x) => x.device)).toContain('맥북');
    expect(r.sessions.ended).toEqual([true, false]);
    expect(r.sessions.after).toMatchObject({ endedAt: at(21), endReason: 'expired' });
    expect(r.codes.replaced).toBeNull();
    expect(r.codes.current).toMatchObject({ firstAdmin: false, usedAt: null });
    expect(r.usedKept).toBe(at(2));
    expect(r.throttle).toEqual({ kim: { failures: 2, lastFailureAt: at(2) }, forgot: 1 });
    expect(r.cleared).toBeNull();
    expect(r.left).toBeNull();
    expect(r.events.all.map((e) => e.event)).toEqual(['deactivated', 'signInFailed', 'signOut', 'signIn', 'signInFailed']);
    expect(r.events.all[0]).toMatchObject({ staffName: 'Park Soo-hyun', note: '퇴사' });
    expect(r.events.all[1]).toMatchObject({ staffId: null, staffName: null });
    expect(r.events.kim.map((e) => e.event)).toEqual(['signOut', 'signIn']);
    expect(r.events.from).toEqual([true, false, false]);
    expect(r.settings).toMatchObject({ timeZone: 'Europe/Berlin', 'copyDesk.rules': { spelling: true, names: ['북한'] } });
    expect(r.settings).not.toHaveProperty('broken');
    expect(r.facts).toEqual(['0', null]);
    expect(r.applied.found).toEqual({ method: 'stories.save', storyId: expect.any(Number), outcome: { version: 3, words: ['북한'] }, appliedAt: at(1) });
    expect(r.applied.other).toBeNull();
    expect(r.pruned).toBe(1);
    expect(r.afterPrune).toBeNull();
  });

  it('a story’s row held in one write transaction makes another wait for it, and then read what it committed', async () => {
    const r = await same(async (db, s) => {
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const first = db.transaction(async () => {
        expect(await q.lockStoryRow(db, s.busan)).toBe(true);
        locked();
        await held;
        await db.run(`UPDATE stories SET version = version + 1 WHERE id = ?`, s.busan);
        order.push('first wrote');
      });
      await isLocked;
      const second = db.transaction(async () => {
        await q.lockStoryRow(db, s.busan);
        order.push('second holds the row');
        return db.value<number>(`SELECT version FROM stories WHERE id = ?`, s.busan);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push('released');
      release();
      await first;
      const seen = await second;
      return {
        order,
        bumped: seen === (await db.value<number>(`SELECT version FROM stories WHERE id = ?`, s.busan)),
        none: await db.transaction(() => q.lockStoryRow(db, 999)),
      };
    });
    expect(r).toEqual({ order: ['released', 'first wrote', 'second holds the row'], bumped: true, none: false });
  });

  it('the people list: by name whatever its case, searched, with one person per spelling', async () => {
    const r = await same(async (db, s) => {
      const person = (name: string, aliases: string[], note: string): q.PersonWrite => ({
        name,
        aliases: aliases.map((spelling) => ({ spelling, source: 'AP' })),
        note,
        search: [name, ...aliases, note].join(' ').toLowerCase(),
        keys: [...new Set([name, ...aliases].map((x) => x.toLowerCase().replace(/[\s-]/g, '')))],
        updatedAt: at(1),
        updatedBy: s.kim,
      });
      const kim = await q.insertPerson(db, person('Kim Jong-un', ['Kim Jong Un', '김정은'], 'North Korean leader'));
      const choe = await q.insertPerson(db, person('choe Son-hui', ['Choe Son Hui'], 'Foreign minister 100%'));
      const yoon = await q.insertPerson(db, person('Yoon Suk-yeol', [], 'President_2022'));
      await q.updatePerson(db, choe, { ...person('Choe Son-hui', ['Choe Son Hui', '최선희'], 'Foreign minister 100%'), updatedAt: at(2) });
      const gone = await q.insertPerson(db, person('Nobody', [], ''));
      const deleted = [await q.deletePerson(db, gone), await q.deletePerson(db, gone)];
      return {
        ids: [kim, choe, yoon],
        page: await q.listPeople(db, { limit: 2, offset: 0 }),
        page2: await q.listPeople(db, { limit: 2, offset: 2 }),
        search: await q.listPeople(db, { search: 'korean', limit: 10, offset: 0 }),
        searchKey: await q.listPeople(db, { search: 'kim jong', searchKey: 'kimjong', limit: 10, offset: 0 }),
        percent: await q.listPeople(db, { search: '100%', limit: 10, offset: 0 }),
        underscore: await q.listPeople(db, { search: 'nt_2', limit: 10, offset: 0 }),
        wildcard: await q.listPeople(db, { search: 'sid_nt', limit: 10, offset: 0 }),
        korean: await q.listPeople(db, { search: '최선희', limit: 10, offset: 0 }),
        all: await q.allPeople(db),
        one: await q.getPerson(db, choe),
        none: await q.getPerson(db, 999),
        spellings: [...(await q.peopleBySpellingKeys(db, ['김정은', 'choesonhui', 'nobody']))],
        deleted,
      };
    });
    expect(r.all.map((p) => p.name)).toEqual(['Choe Son-hui', 'Kim Jong-un', 'Yoon Suk-yeol']);
    expect(r.page).toMatchObject({ total: 3, people: [{ name: 'Choe Son-hui', updatedBy: 'Kim Min-ji' }, { name: 'Kim Jong-un' }] });
    expect(r.page2.people.map((p) => p.name)).toEqual(['Yoon Suk-yeol']);
    expect(r.search.people.map((p) => p.name)).toEqual(['Kim Jong-un']);
    expect(r.searchKey.total).toBe(1);
    expect(r.percent.people.map((p) => p.name)).toEqual(['Choe Son-hui']);
    expect(r.underscore.people.map((p) => p.name)).toEqual(['Yoon Suk-yeol']);
    expect(r.wildcard.total).toBe(0);
    expect(r.korean.people.map((p) => p.name)).toEqual(['Choe Son-hui']);
    expect(r.one?.aliases).toEqual([
      { spelling: 'Choe Son Hui', source: 'AP' },
      { spelling: '최선희', source: 'AP' },
    ]);
    expect(r.spellings.map(([key, p]) => [key, p.name])).toEqual([
      ['김정은', 'Kim Jong-un'],
      ['choesonhui', 'Choe Son-hui'],
    ]);
    expect(r.deleted).toEqual([true, false]);
  });
});
