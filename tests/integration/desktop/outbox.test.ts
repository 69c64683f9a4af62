// The outbox and the offline copy on a real desktop.db: saves merge into the story's last waiting
// entry (its base version and saveId kept), a story created offline takes later saves into its
// create, a photo's bytes are on disk before its entry, a half-written row is set aside instead of
// stopping anything, and the copy searches its stories (Korean too) and forgets old ones except
// the person's own and those with changes waiting.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, Story } from '../../../shared/domain.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { openDesktopDatabase, type Db } from '../../../db/desktop/index.js';
import { DAMAGED_REASON, isLocalId, Outbox } from '../../../desktop/outbox.js';
import { OfflineCopy } from '../../../desktop/offlineCopy.js';
import { emptyAnswer } from '../../../desktop/replay.js';

const ji: Staff = { id: 1, name: 'Ji Da-gyum', email: 'ji@example.com', roles: ['reporter'], desks: ['North Korea'], active: true, passwordSet: true };

function story(id: number, headline: string, text: string, over: Partial<Story> = {}): Story {
  return {
    id,
    slug: `s-${id}`,
    desk: 'North Korea',
    headline,
    subheadlines: [],
    byline: [{ staffId: 2, name: 'Kim Min-ji', email: 'kim@example.com' }],
    dateline: '',
    body: docFromParagraphs([text]),
    language: 'en',
    status: 'draft',
    version: 3,
    lock: null,
    createdBy: 2,
    claimedBy: null,
    sendBackNote: null,
    correctionNote: null,
    publishAt: null,
    scheduledBy: null,
    publishedVersions: 0,
    wordCount: 2,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}

let dir: string;
let db: Db;
let now: Date;
let outbox: Outbox;
let copy: OfflineCopy;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-outbox-'));
  db = openDesktopDatabase(path.join(dir, 'desktop.db'));
  now = new Date('2026-12-07T10:00:00.000Z');
  outbox = new Outbox(db, dir, () => now);
  copy = new OfflineCopy(db, dir, () => now);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox', () => {
  it('keeps desktop.db private to its owner', () => {
    expect(statSync(path.join(dir, 'desktop.db')).mode & 0o077).toBe(0);
  });

  it('merges consecutive saves of a story into its waiting entry, keeping the first base version and saveId', () => {
    const first = outbox.queueSave({ id: 7, baseVersion: 3, changes: { headline: 'One' } }, ji.id, 'Story');
    now = new Date(now.getTime() + 1000);
    const second = outbox.queueSave({ id: 7, baseVersion: 3, changes: { body: docFromParagraphs(['Typed offline']) } }, ji.id, 'Story');
    expect(second.merged).toBe(true);
    expect(second.row.id).toBe(first.row.id);
    expect(second.row.save_id).toBe(first.row.save_id);
    expect(second.row.base_version).toBe(3);
    const pending = outbox.get(first.row.id)!;
    expect(pending.payload).toEqual({ kind: 'save', changes: { headline: 'One', body: docFromParagraphs(['Typed offline']) } });
    expect(outbox.waiting()).toBe(1);

    // Once it is being sent, a new save starts a new entry with its own key.
    outbox.markSending(first.row.id);
    const third = outbox.queueSave({ id: 7, baseVersion: 3, changes: { headline: 'Two' } }, ji.id, 'Story');
    expect(third.merged).toBe(false);
    expect(third.row.save_id).not.toBe(first.row.save_id);
    expect(outbox.entries().map((e) => [e.state, e.title])).toEqual([
      ['sending', 'One'],
      ['waiting', 'Two'],
    ]);
  });

  it('gives a story created offline a local id and a clientId, and takes its later saves into the create', () => {
    const create = outbox.queueCreate({ desk: 'North Korea', headline: '북한 기사' }, ji.id);
    expect(isLocalId(create.local_id!)).toBe(true);
    expect(create.client_id).toMatch(/^[0-9a-f-]{36}$/);
    const save = outbox.queueSave({ id: create.local_id!, baseVersion: 1, changes: { headline: '북한 기사 (수정)', body: docFromParagraphs(['본문']) } }, ji.id, '');
    expect(save.merged).toBe(true);
    expect(outbox.get(create.id)!.payload).toEqual({
      kind: 'create',
      input: { desk: 'North Korea', headline: '북한 기사 (수정)', body: docFromParagraphs(['본문']) },
    });
    expect(outbox.entries()).toHaveLength(1);
    expect(outbox.entries()[0]).toMatchObject({ kind: 'create', storyId: null, clientId: create.client_id, title: '북한 기사 (수정)' });

    // Once it arrived, saves go to the server's id.
    outbox.acknowledge(create.id, () => copy.storyArrived(create.local_id!, emptyAnswer(story(41, 'x', 'y')), ji));
    expect(outbox.serverId(create.local_id!)).toBe(41);
  });

  it('writes a photo’s bytes to disk before its entry, and removes them once acknowledged', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const row = await outbox.queuePhoto('press.jpg', bytes, ji.id);
    const entry = outbox.get(row.id)!;
    expect(entry.payload.kind).toBe('photo');
    const file = entry.payload.kind === 'photo' ? outbox.photoFile(entry.payload.file) : '';
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
    outbox.acknowledge(row.id);
    if (entry.payload.kind === 'photo') await outbox.removeFile(entry.payload.file);
    expect(existsSync(file)).toBe(false);
    expect(outbox.entries()).toEqual([]);
  });

  it('sets a half-written row aside with a clear reason and goes on to the next', () => {
    const good = outbox.queueSave({ id: 9, baseVersion: 1, changes: { headline: 'Fine' } }, ji.id, 'Fine');
    // As a power cut might leave it: the row is there, its payload is not JSON.
    db.prepare(
      `INSERT INTO outbox (kind, owner_id, story_id, save_id, title, state, reason, base_version, payload, created_at, updated_at)
      VALUES ('save', 1, 8, 'abcdefgh-1', 'Broken', 'waiting', 'x', 1, '{"changes":{"headl', '2026-12-07T09:00:00Z', '2026-12-07T09:00:00Z')`,
    ).run();
    db.prepare(`UPDATE outbox SET id = 0 WHERE title = 'Broken'`).run();
    const next = outbox.next();
    expect(next?.row.id).toBe(good.row.id);
    const broken = outbox.entries().find((e) => e.title === 'Broken')!;
    expect(broken.state).toBe('kept');
    expect(broken.reason).toBe(DAMAGED_REASON);
    expect(outbox.waiting()).toBe(1);
  });
});

describe('offline copy', () => {
  it('applies queued saves to the kept story at once, its version unchanged', () => {
    copy.keepStory(emptyAnswer(story(5, 'Old headline', 'old text')), ji);
    const saved = copy.applySave(5, { headline: 'New headline', body: docFromParagraphs(['new words here']) }, ji)!;
    expect(saved.version).toBe(3);
    expect(copy.story(5)!.story.headline).toBe('New headline');
    expect(copy.applySave(6, { headline: 'x' }, ji)).toBeNull();
  });

  it('searches the kept stories’ headlines and text, Korean words as prefixes, and treats typed syntax as words', () => {
    copy.keepStory(emptyAnswer(story(1, '북한의 미사일 발사', 'Pyongyang fired a missile')), ji);
    copy.keepStory(emptyAnswer(story(2, 'Budget vote', '국회 예산안 통과')), ji);
    copy.keepStory(emptyAnswer(story(3, 'Kim Jong-un speech', 'The leader spoke')), ji);
    const ids = (q: string) => copy.list({ query: q }).items.map((i) => i.id);
    expect(ids('북한')).toEqual([1]);
    expect(ids('예산')).toEqual([2]);
    expect(ids('missile')).toEqual([1]);
    expect(ids('Jong-un')).toEqual([3]);
    expect(ids('"budget*')).toEqual([2]);
    expect(ids('budget OR missile')).toEqual([]);
    expect(copy.list({ query: 'nothing-like-this' }).items).toEqual([]);
  });

  it('answers a queue from its last answer, and a queue never seen from the kept stories that fit it', () => {
    copy.keepStory(emptyAnswer(story(1, 'A', 'a', { status: 'submitted' })), ji);
    copy.keepStory(emptyAnswer(story(2, 'B', 'b', { status: 'draft' })), ji);
    expect(copy.list({ status: ['submitted'] }).items.map((i) => i.id)).toEqual([1]);
    const last = { items: [{ ...copy.list({ status: ['draft'] }).items[0]!, headline: 'B as listed' }], total: 1 };
    copy.keepAnswer('stories.list', { status: ['draft'] }, last);
    expect(copy.list({ status: ['draft'] }).items.map((i) => i.headline)).toEqual(['B as listed']);
    // Written here since: the queue shows this computer's line.
    copy.applySave(2, { headline: 'B, rewritten offline' }, ji);
    expect(copy.list({ status: ['draft'] }).items.map((i) => i.headline)).toEqual(['B, rewritten offline']);
  });

  it('forgets stories after 30 days, except the person’s own and those with changes waiting', () => {
    copy.keepStory(emptyAnswer(story(1, 'Opened', 'x')), ji);
    copy.keepStory(emptyAnswer(story(2, 'Mine', 'x', { createdBy: ji.id })), ji);
    copy.keepStory(emptyAnswer(story(3, 'Waiting', 'x')), ji);
    outbox.queueSave({ id: 3, baseVersion: 3, changes: { headline: 'Waiting!' } }, ji.id, 'Waiting');
    now = new Date(now.getTime() + 29 * 24 * 3600_000);
    expect(copy.prune(outbox.storyIds())).toBe(0);
    now = new Date(now.getTime() + 2 * 24 * 3600_000);
    copy.prune(outbox.storyIds());
    expect([1, 2, 3].map((id) => copy.story(id) !== null)).toEqual([false, true, true]);
  });

  it('keeps thumbnails under media/ only for rendition paths', async () => {
    const fetched: string[] = [];
    await copy.keepMedia(['/media/abcdef0123456789/thumb.jpg', '/media/../../etc/passwd', '/media/abcdef0123456789/thumb.jpg'], async (url) => {
      fetched.push(url);
      return new Uint8Array([1, 2, 3]);
    });
    expect(fetched).toEqual(['/media/abcdef0123456789/thumb.jpg']);
    expect(readFileSync(path.join(dir, 'media/abcdef0123456789/thumb.jpg'))).toEqual(Buffer.from([1, 2, 3]));
  });
});
