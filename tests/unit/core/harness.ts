// A real core on a real SQLite file in a temp folder, with a movable clock, the demo newsroom,
// and a recording publisher (publishing itself is tested by its own helper's tests).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { docFromParagraphs } from '../../../shared/body.js';
import type { ChangeEvent, DocNode, PublishedVersionSummary, Staff, Story } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { createCore, type Core } from '../../../core/core.js';
import type { CoreServices, Publisher } from '../../../core/services.js';
import { inTransaction } from '../../../db/statements.js';

export interface Harness {
  core: Core;
  dir: string;
  clock: { now: Date; advance(ms: number): void };
  events: ChangeEvent[];
  publishCalls: { storyId: number; actor: string; kill?: string }[];
  publisherFails: { value: boolean };
  /** While set, publish waits for this promise before writing anything (to stage races). */
  publisherGate: { value: Promise<void> | null };
  /** The core's services (for driving the scheduler directly). */
  services: CoreServices;
  /** Token per demo person, by first name: ji, park, kim, lee, choi, han. */
  tokens: Record<'ji' | 'park' | 'kim' | 'lee' | 'choi' | 'han', string>;
  staff: Record<'ji' | 'park' | 'kim' | 'lee' | 'choi' | 'han', Staff>;
  call<T = unknown>(who: keyof Harness['tokens'] | null, method: string, input: unknown): Promise<T>;
  /** The error code a call fails with (throws if it succeeds). */
  fails(who: keyof Harness['tokens'] | null, method: string, input: unknown): Promise<ApiError>;
  /** Every row of every table, for before/after comparisons. */
  snapshot(): string;
  close(): Promise<void>;
}

/** Asserts that a call fails with `code` and leaves every table exactly as it was. */
export async function refusedUnchanged(h: Harness, who: keyof Harness['tokens'] | null, method: string, input: unknown, code: string): Promise<ApiError> {
  const before = h.snapshot();
  const error = await h.fails(who, method, input);
  expect(error.code, error.message).toBe(code);
  expect(h.snapshot()).toBe(before);
  return error;
}

const NAMES = { ji: 'Ji Da-gyum', park: 'Park Soo-hyun', kim: 'Kim Min-ji', lee: 'Lee Jae-won', choi: 'Choi Yoon-seo', han: 'Han Seung-woo' } as const;

export async function makeHarness(): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-core-'));
  const clock = {
    now: new Date('2026-11-26T09:00:00.000Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const publishCalls: Harness['publishCalls'] = [];
  const publisherFails = { value: false };
  const publisherGate: Harness['publisherGate'] = { value: null };
  const versions = new Map<number, number>();
  // Like the real publisher: the version's record and the caller's commit share one transaction.
  const publisher = (base: Omit<CoreServices, 'publisher' | 'copyDesk'>): Publisher => ({
    async publish(storyId, actor, opts): Promise<PublishedVersionSummary> {
      publishCalls.push({ storyId, actor: actor.name, ...(opts?.kill ? { kill: opts.kill.note } : {}) });
      if (publisherGate.value) await publisherGate.value;
      if (publisherFails.value) {
        publishCalls.pop();
        throw new ApiError('INTERNAL', 'The package could not be written.');
      }
      const version = (versions.get(storyId) ?? 0) + 1;
      const summary: PublishedVersionSummary = {
        version,
        publishedAt: clock.now.toISOString(),
        publishedBy: actor.id,
        publishedByName: actor.name,
        pubStatus: opts?.kill ? 'canceled' : 'usable',
        correctionNote: null,
        path: `published/${storyId}/${version}`,
        exportStatus: 'none',
        exportError: null,
      };
      if (opts?.commit) inTransaction(base.db, () => opts.commit?.(summary));
      versions.set(storyId, version);
      return summary;
    },
    async preview() {
      return '<html></html>';
    },
  });
  let services: CoreServices | null = null;
  const core = await createCore({
    dataDir: dir,
    demo: true,
    now: () => clock.now,
    publisher,
    onInternalError: () => undefined,
    modules: [
      (s) => {
        services = s;
        return { handlers: {} };
      },
    ],
  });
  if (!services) throw new Error('the core did not hand its services to the harness');
  const events: ChangeEvent[] = [];
  core.onEvent((e) => events.push(e));
  const { staff: all } = (await core.call(null, 'staff.list', {})) as { staff: Staff[] };
  const tokens = {} as Harness['tokens'];
  const staff = {} as Harness['staff'];
  for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
    const person = all.find((s) => s.name === name);
    if (!person) throw new Error(`demo staff ${name} missing`);
    staff[key] = person;
    tokens[key] = ((await core.call(null, 'session.signIn', { staffId: person.id })) as { token: string }).token;
  }
  // Each call returns once the core's background counting of open findings has caught up, so a
  // test sees the queue counts its call caused and a snapshot is never taken mid-count.
  const call = async <T,>(who: keyof Harness['tokens'] | null, method: string, input: unknown): Promise<T> => {
    try {
      return (await core.call(who ? tokens[who] : null, method, input)) as T;
    } finally {
      await core.idle();
    }
  };
  const snapshotDb = new Database(path.join(dir, 'newsdesk.db'), { readonly: true });
  return {
    core,
    dir,
    clock,
    events,
    publishCalls,
    publisherFails,
    publisherGate,
    services,
    tokens,
    staff,
    call,
    async fails(who, method, input) {
      try {
        await call(who, method, input);
      } catch (error) {
        if (error instanceof ApiError) return error;
        throw error;
      }
      throw new Error(`${method} succeeded but was expected to fail`);
    },
    snapshot() {
      const tables = snapshotDb
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`)
        .pluck()
        .all() as string[];
      const out: Record<string, unknown[]> = {};
      for (const t of tables) {
        out[t] = (snapshotDb.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
          .map((row) => JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)))
          .sort();
      }
      return JSON.stringify(out, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
    },
    async close() {
      snapshotDb.close();
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const doc = (...paragraphs: string[]): DocNode => docFromParagraphs(paragraphs);

/** A story by Ji on the North Korea desk with headline and body, still a draft. */
export async function draftStory(h: Harness, body = 'Pyongyang fired a missile on Tuesday, the military said.'): Promise<Story> {
  const { story } = await h.call<{ story: Story }>('ji', 'stories.create', { desk: 'North Korea', headline: 'North Korea fires missile' });
  const saved = await h.call<{ story: Story }>('ji', 'stories.save', {
    id: story.id,
    baseVersion: story.version,
    changes: { body: doc(body), dateline: 'SEOUL' },
  });
  return saved.story;
}

export async function transition(h: Harness, who: keyof Harness['tokens'], id: number, action: string, extra: Record<string, unknown> = {}): Promise<Story> {
  return (await h.call<{ story: Story }>(who, 'stories.transition', { id, action, ...extra })).story;
}
