// Two cores on one PostgreSQL database and one data folder, as two server processes of one
// newsroom are (the real processes: tests/integration/transport/server-processes.test.ts). The
// same action on the same 100 stories at the same moment through both: each time exactly one
// wins and the other gets the error one core alone gives the second caller. Changes made through
// one reach the other's listeners; the scheduler leads in one of them and hands over.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWSDESK_LOCK_SPACE, openPostgres } from '../../../db/index.js';
import { publishDue, SCHEDULER_LEADER_KEY } from '../../../core/publishing/scheduler.js';
import type { Input, MethodName, Result } from '../../../shared/contract.js';
import type { ChangeEvent, Story } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { callCore } from '../../support/callCore.js';
import { doc, makeClock, makeHarness, type Harness, type Who } from '../../support/coreHarness.js';
import { freshDatabase } from '../../support/postgres.js';

const N = 100;
let url: string;
let dir: string;
let a: Harness;
let b: Harness;
const clock = makeClock('2026-11-26T09:00:00.000Z');

beforeAll(async () => {
  url = await freshDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-two-cores-'));
  a = await makeHarness({ database: url, dataDir: dir, publisher: 'recording', clock });
  b = await makeHarness({ database: url, dataDir: dir, publisher: 'recording', clock });
}, 30_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A call through `h` with `token` (a session from either core: they share the database). */
const via = <M extends MethodName>(h: Harness, token: string, method: M, input: Input<M>): Promise<Result<M>> => callCore(h.core, token, method, input);

/** Its error code, or 'ok'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

/** Both cores' background work (the counting of open findings) caught up: each race starts on quiet servers. */
const settle = () => Promise.all([a.core.idle(), b.core.idle()]);

/** Settled, and the second core has emitted what the first told it of (no event for 300 ms). */
async function quiet(): Promise<void> {
  await settle();
  for (let seen = -1; seen !== b.events.length;) {
    seen = b.events.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The code one core answers the second of two such calls made one after the other. */
async function secondCallAlone(first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<string> {
  expect(await outcome(first())).toBe('ok');
  return outcome(second());
}

/** Both calls at once on each story; each pair must end with one 'ok' and one `expected`. */
async function race(stories: Story[], first: (s: Story) => Promise<unknown>, second: (s: Story) => Promise<unknown>, expected: string): Promise<void> {
  await settle();
  const results = await Promise.all(stories.map(async (s) => (await Promise.all([outcome(first(s)), outcome(second(s))])).sort()));
  const tally = new Map<string, number>();
  for (const pair of results) tally.set(pair.join(' + '), (tally.get(pair.join(' + ')) ?? 0) + 1);
  expect(Object.fromEntries(tally)).toEqual({ [[expected, 'ok'].sort().join(' + ')]: stories.length });
}

/** `fn` on every item, ten at a time: set-up work, not the race under test. */
async function each<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 10) out.push(...(await Promise.all(items.slice(i, i + 10).map((item, j) => fn(item, i + j)))));
  return out;
}

function drafts(count: number): Promise<Story[]> {
  return each(Array.from({ length: count }), async (_, i) => {
    const input = { desk: 'North Korea', headline: `Missile launch ${i}`, dateline: 'SEOUL', body: doc('Pyongyang fired a missile on Tuesday, the military said.') };
    return (await via(a, a.tokens.ji, 'stories.create', input)).story;
  });
}

const move = (h: Harness, who: Who, id: number, action: Input<'stories.transition'>['action']) => via(h, h.tokens[who], 'stories.transition', { id, action });

describe('two cores on one PostgreSQL database', () => {
  it('the same action on the same 100 stories at once: one wins, the other gets what one core answers the second caller', async () => {
    const stories = await drafts(N + 1);
    const [alone, ...many] = stories as [Story, ...Story[]];

    // Two saves on one base version through the same session (a desktop sending again through another server).
    const save = (h: Harness, s: Story, text: string) => via(h, a.tokens.ji, 'stories.save', { id: s.id, baseVersion: s.version, changes: { body: doc(text) } });
    const saveCode = await secondCallAlone(
      () => save(a, alone, 'first'),
      () => save(a, alone, 'second'),
    );
    expect(saveCode).toBe('CONFLICT');
    await race(
      many,
      (s) => save(a, s, 'through A'),
      (s) => save(b, s, 'through B'),
      saveCode,
    );
    // The loser's text is kept as a conflict revision, the winner's is the story's.
    const after = await via(b, b.tokens.kim, 'stories.get', { id: many[0]!.id });
    expect(after.story.version).toBe(many[0]!.version + 1);

    // The text lock, taken by the same person on two computers (one session through each core).
    await each(stories, (s) => via(a, a.tokens.ji, 'stories.unlock', { id: s.id }));
    const lockCode = await secondCallAlone(
      () => via(a, a.tokens.ji, 'stories.lock', { id: alone.id }),
      () => via(a, b.tokens.ji, 'stories.lock', { id: alone.id }),
    );
    expect(lockCode).toBe('LOCKED');
    await race(
      many,
      (s) => via(a, a.tokens.ji, 'stories.lock', { id: s.id }),
      (s) => via(b, b.tokens.ji, 'stories.lock', { id: s.id }),
      lockCode,
    );
    const locks = await each(many, async (s) => (await via(a, a.tokens.kim, 'stories.get', { id: s.id })).story.lock?.sessionId);
    expect(locks.every((id) => id === a.sessionIds.ji || id === b.sessionIds.ji)).toBe(true);

    // Submitted by its author, whichever of her sessions holds the lock.
    await each(stories, (s) => move(a, 'ji', s.id, 'submit'));

    // Two desk editors claim at once.
    const claimCode = await secondCallAlone(
      () => move(a, 'kim', alone.id, 'claim'),
      () => move(a, 'lee', alone.id, 'claim'),
    );
    expect(claimCode).toBe('INVALID_STATE');
    await race(
      many,
      (s) => move(a, 'kim', s.id, 'claim'),
      (s) => move(b, 'lee', s.id, 'claim'),
      claimCode,
    );

    // The claimer approves from two computers at once.
    const claimer = async (s: Story): Promise<Who> => ((await via(a, a.tokens.kim, 'stories.get', { id: s.id })).story.claimedBy === a.staff.kim.id ? 'kim' : 'lee');
    const claimers = new Map(await each(stories, async (s) => [s.id, await claimer(s)] as const));
    const approveCode = await secondCallAlone(
      () => move(a, claimers.get(alone.id)!, alone.id, 'approve'),
      () => move(b, claimers.get(alone.id)!, alone.id, 'approve'),
    );
    expect(approveCode).toBe('INVALID_STATE');
    await race(
      many,
      (s) => move(a, claimers.get(s.id)!, s.id, 'approve'),
      (s) => move(b, claimers.get(s.id)!, s.id, 'approve'),
      approveCode,
    );
    const { items } = await via(b, b.tokens.kim, 'stories.list', { status: ['approved'], limit: 200 });
    expect(items.length).toBe(N + 1);
  }, 120_000);

  it('a submit through one core reaches the other core’s listeners within a second, read back from the database', async () => {
    const [story] = await drafts(1);
    await quiet();
    const heard = new Promise<ChangeEvent>((resolve) => {
      const off = b.core.onEvent((e) => {
        if (e.type === 'story.changed' && e.storyId === story!.id && e.status === 'submitted') {
          off();
          resolve(e);
        }
      });
    });
    const started = Date.now();
    const { story: submitted } = await move(a, 'ji', story!.id, 'submit');
    const event = await heard;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event).toEqual({ type: 'story.changed', storyId: story!.id, status: 'submitted', version: submitted.version });
    // The lock released with the submit reached it too.
    await expect.poll(() => b.events.some((e) => e.type === 'lock.changed' && e.storyId === story!.id && e.lock === null)).toBe(true);
  });

  it('a write that rolls back tells the other core nothing; a settings change makes it read the settings again', async () => {
    const [story] = await drafts(1);
    await quiet();
    const seen = b.events.length;
    // Refused inside its write (Ji holds the lock): rolled back, announced to nobody.
    await expect(via(a, a.tokens.park, 'stories.lock', { id: story!.id })).rejects.toThrow(ApiError);
    await via(a, a.tokens.han, 'settings.update', { lockTimeoutMinutes: 45 });
    await expect.poll(() => b.events.slice(seen).some((e) => e.type === 'settings.changed')).toBe(true);
    expect(b.events.slice(seen).filter((e) => e.type === 'settings.changed' || ('storyId' in e && e.storyId === story!.id))).toEqual([
      { type: 'settings.changed', keys: ['lockTimeoutMinutes'] },
    ]);
    expect((await callCore(b.core, b.tokens.han, 'settings.get', {})).settings.lockTimeoutMinutes).toBe(45);
  });

  it('a name added to the people list through one core is checked by the other at once', async () => {
    const { story } = await via(b, b.tokens.ji, 'stories.create', { desk: 'North Korea', headline: 'Talks', body: doc('Ri Yong Ho spoke on Monday, KCNA said.') });
    const nameFindings = async () => (await via(b, b.tokens.kim, 'stories.check', { id: story.id })).findings.filter((f) => f.id === 'name-spelling');
    // The other core has read the list (still without him) for its checks.
    expect(await nameFindings()).toEqual([]);
    await via(a, a.tokens.kim, 'people.save', { name: 'Lee Yong-ho', aliases: [{ spelling: 'Ri Yong Ho', source: 'KCNA' }], note: '' });
    expect((await nameFindings()).map((f) => f.message)).toEqual([
      'Not the house spelling: "Ri Yong Ho" (body). House spelling: Lee Yong-ho (KCNA spells it Ri Yong Ho).',
    ]);
  });

  it('both cores running the scheduler’s pass at once publish a due story once; one core leads, and the other takes over when it closes', async () => {
    // One of the two cores holds the scheduler's lead: a third try is refused.
    const probe = await openPostgres(url);
    try {
      expect(await probe.tryLeadership(SCHEDULER_LEADER_KEY)).toBeNull();
    } finally {
      await probe.close();
    }
    expect(SCHEDULER_LEADER_KEY[0]).toBe(NEWSDESK_LOCK_SPACE);

    const due = async (): Promise<Story> => {
      const [s] = await drafts(1);
      await move(a, 'ji', s!.id, 'submit');
      await move(a, 'kim', s!.id, 'claim');
      await move(a, 'kim', s!.id, 'approve');
      return (await via(a, a.tokens.kim, 'stories.transition', { id: s!.id, action: 'schedule', publishAt: new Date(clock.now.getTime() + 60_000).toISOString() })).story;
    };
    const autoPublished = async (s: Story) => (await via(a, a.tokens.kim, 'stories.history', { id: s.id })).events.filter((e) => e.event === 'autoPublish').length;

    const first = await due();
    clock.advance(120_000);
    const [fromA, fromB] = await Promise.all([publishDue(a.services), publishDue(b.services)]);
    expect([...fromA.published, ...fromB.published]).toEqual([first.id]);
    expect(await autoPublished(first)).toBe(1);

    // The first core started first and leads; closed, it hands over, and the other publishes at once.
    const second = await due();
    clock.advance(120_000);
    await a.close();
    const closedAt = Date.now();
    await expect.poll(async () => (await via(b, b.tokens.kim, 'stories.get', { id: second.id })).story.status, { timeout: 8000, interval: 200 }).toBe('published');
    expect(Date.now() - closedAt).toBeLessThan(8000);
    expect((await via(b, b.tokens.kim, 'stories.history', { id: second.id })).events.filter((e) => e.event === 'autoPublish').length).toBe(1);
  }, 30_000);
});
