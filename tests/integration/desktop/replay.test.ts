// The outbox's replay on a real desktop.db against a scripted server: in order, a create before
// the saves of its story (which then go to the server's id and version); what each refusal
// makes of an entry; stopping with everything kept when the server cannot be reached or ends the
// session; an entry caught mid-send by a kill is sent again with the same key.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/contract.js';
import type { Staff, Story } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { openDesktopDatabase, type Db } from '../../../db/desktop/index.js';
import { Outbox } from '../../../desktop/outbox.js';
import { OfflineCopy } from '../../../desktop/offlineCopy.js';
import { Replay, type ReplayProgress } from '../../../desktop/replay.js';
import type { RemoteClient } from '../../../desktop/remoteClient.js';

const ji: Staff = { id: 1, name: 'Ji Da-gyum', email: 'ji@example.com', roles: ['reporter'], desks: ['North Korea'], active: true, passwordSet: true };

function serverStory(id: number, version: number, headline = 'h'): Story {
  return {
    id,
    slug: 's',
    desk: 'North Korea',
    headline,
    subheadlines: [],
    byline: [{ staffId: 1, name: ji.name, email: ji.email }],
    dateline: '',
    body: { type: 'doc', content: [{ type: 'paragraph' }] },
    language: 'en',
    status: 'draft',
    version,
    lock: null,
    createdBy: 1,
    claimedBy: null,
    sendBackNote: null,
    correctionNote: null,
    publishAt: null,
    scheduledBy: null,
    publishedVersions: 0,
    wordCount: 0,
    createdAt: '2026-12-07T00:00:00.000Z',
    updatedAt: '2026-12-07T00:00:00.000Z',
  };
}

type Script = (method: MethodName, input: Record<string, unknown>) => unknown;

let dir: string;
let db: Db;
let outbox: Outbox;
let copy: OfflineCopy;
let calls: [MethodName, Record<string, unknown>][];
let progress: (ReplayProgress | null)[];
let unauthenticated: number;
let unreachable: number;

function replayWith(script: Script): Replay {
  const remote: RemoteClient = {
    call: async (method, input) => {
      calls.push([method, input as Record<string, unknown>]);
      return script(method, input as Record<string, unknown>);
    },
    onEvent: () => () => undefined,
    onConnection: () => () => undefined,
    reconnectEvents: () => undefined,
  };
  return new Replay({
    outbox,
    copy,
    remote: () => remote,
    person: () => ji,
    onProgress: (p) => progress.push(p),
    onUnauthenticated: () => void (unauthenticated += 1),
    onUnreachable: () => void (unreachable += 1),
    onSent: () => undefined,
    random: () => 0,
  });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-replay-'));
  db = openDesktopDatabase(path.join(dir, 'desktop.db'));
  outbox = new Outbox(db, dir, () => new Date());
  copy = new OfflineCopy(db, dir, () => new Date());
  calls = [];
  progress = [];
  unauthenticated = 0;
  unreachable = 0;
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('replay', () => {
  it('sends a create first, then the story’s saves to its server id and version, reporting progress', async () => {
    const create = outbox.queueCreate({ desk: 'North Korea', headline: 'Written on the train' }, ji.id);
    outbox.markSending(create.id);
    // A save made after the create started sending: its own entry, on the local id.
    outbox.queueSave({ id: create.local_id!, baseVersion: 1, changes: { headline: 'Written on the train, then more' } }, ji.id, '');
    outbox.queueSave({ id: 77, baseVersion: 5, changes: { headline: 'Other story' } }, ji.id, '');
    const replay = replayWith((method, input) => {
      if (method === 'stories.create') return { story: serverStory(500, 2, input.headline as string) };
      if (method === 'stories.save')
        return { story: serverStory(input.id as number, (input.baseVersion as number) + 1, (input.changes as { headline: string }).headline) };
      throw new Error(method);
    });
    await replay.run();
    expect(calls.map(([m, i]) => [m, i.id ?? null, i.baseVersion ?? null])).toEqual([
      ['stories.create', null, null],
      ['stories.save', 500, 2],
      ['stories.save', 77, 5],
    ]);
    expect(calls[0]![1].clientId).toBe(create.client_id);
    expect(typeof calls[1]![1].saveId).toBe('string');
    expect(outbox.entries()).toEqual([]);
    expect(progress.filter((p) => p !== null)).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
    ]);
    expect(progress.at(-1)).toBeNull();
    expect(copy.serverIdOf(create.local_id!)).toBe(500);
    // The editor still holding version 1 of the local story saves as version 3 of the server's.
    expect(replay.fixups.translate(500, 1)).toBe(3);
  });

  it('keeps a conflicting save as a conflict with the revision the server kept, and a deleted story’s text as kept', async () => {
    outbox.queueSave({ id: 1, baseVersion: 1, changes: { headline: 'Mine' } }, ji.id, '');
    outbox.queueSave({ id: 2, baseVersion: 1, changes: { headline: 'Gone' } }, ji.id, '');
    outbox.queueSave({ id: 3, baseVersion: 1, changes: { headline: 'Fine' } }, ji.id, '');
    const replay = replayWith((_method, input) => {
      if (input.id === 1) throw new ApiError('CONFLICT', 'The story changed since you opened it.', { currentVersion: 4, revisionId: 99 });
      if (input.id === 2) throw new ApiError('NOT_FOUND', 'No such story.');
      return { story: serverStory(3, 2) };
    });
    await replay.run();
    const entries = outbox.entries();
    expect(entries.map((e) => [e.storyId, e.state, e.revisionId])).toEqual([
      [1, 'conflict', 99],
      [2, 'kept', null],
    ]);
    expect(entries[1]!.reason).toMatch(/deleted on the server/);
    expect(outbox.waiting()).toBe(0);
  });

  it('stops with everything kept when the session is refused, and when the server cannot be reached', async () => {
    outbox.queueSave({ id: 1, baseVersion: 1, changes: { headline: 'A' } }, ji.id, '');
    outbox.queueSave({ id: 2, baseVersion: 1, changes: { headline: 'B' } }, ji.id, '');
    let refuse: ApiError = new ApiError('UNAUTHENTICATED', 'Your session has ended.');
    const replay = replayWith(() => {
      throw refuse;
    });
    await replay.run();
    expect(unauthenticated).toBe(1);
    expect(calls).toHaveLength(1);
    expect(outbox.entries().map((e) => e.state)).toEqual(['waiting', 'waiting']);
    expect(outbox.entries()[0]!.reason).toMatch(/sign in/);

    refuse = new ApiError('OFFLINE', 'The newsroom server did not answer within 5 seconds.');
    await replay.run();
    expect(unreachable).toBe(1);
    expect(outbox.entries().map((e) => [e.state, e.attempts])).toEqual([
      ['waiting', 2],
      ['waiting', 0],
    ]);
    replay.close();
  });

  it('sends an entry a kill caught mid-send again, with the same saveId', async () => {
    const { row } = outbox.queueSave({ id: 4, baseVersion: 2, changes: { headline: 'Once' } }, ji.id, '');
    outbox.markSending(row.id);
    // The process died here. A new replay (the next start) finds it still in the outbox.
    const replay = replayWith((_m, input) => ({ story: serverStory(4, 3, (input.changes as { headline: string }).headline) }));
    await replay.run();
    expect(calls).toHaveLength(1);
    expect(calls[0]![1].saveId).toBe(row.save_id);
    expect(outbox.entries()).toEqual([]);
  });

  it('uploads a photo imported offline from its file, removes the file once the server has it, and keeps one it refuses', async () => {
    const good = await outbox.queuePhoto('press.jpg', new Uint8Array([1, 2, 3]), ji.id);
    const bad = await outbox.queuePhoto('notes.txt', new Uint8Array([4, 5]), ji.id);
    const files = [good, bad].map((row) => outbox.get(row.id)!.payload).map((p) => (p.kind === 'photo' ? outbox.photoFile(p.file) : ''));
    const replay = replayWith((_method, input) => {
      const [file] = input.files as { name: string; data: Uint8Array }[];
      expect(file!.data).toBeInstanceOf(Uint8Array);
      return { results: [file!.name === 'press.jpg' ? { name: file!.name, ok: true } : { name: file!.name, ok: false, error: 'Not a photo Newsdesk can read.' }] };
    });
    await replay.run();
    expect(calls.map(([m, i]) => [m, (i.files as { name: string }[])[0]!.name])).toEqual([
      ['photos.import', 'press.jpg'],
      ['photos.import', 'notes.txt'],
    ]);
    expect(outbox.entries().map((e) => [e.title, e.state, e.reason])).toEqual([
      ['notes.txt', 'kept', 'The server did not take this photo: Not a photo Newsdesk can read.'],
    ]);
    expect(existsSync(files[0]!)).toBe(false);
    expect(existsSync(files[1]!)).toBe(true);
  });
});
