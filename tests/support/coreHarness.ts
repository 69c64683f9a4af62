// The one way tests drive a real core: a real SQLite file in a temp folder, the demo newsroom
// signed in (each person's session issued by the core's own issueSession, not through a
// password: scrypt for six people in every one of hundreds of harnesses would be slow; the tests
// of signing in itself go through session.signIn), and calls typed from the contract, so the type checker reads every test's input and
// result (`(await h.call('ji', 'stories.create', {...})).story` needs no cast). `callRaw` is only
// for tests that send what the contract forbids on purpose.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../core/core.js';
import type { CoreServices, Publisher } from '../../core/services.js';
import { IN_PROCESS_CLIENT } from '../../core/dispatch.js';
import { issueSession, SESSION_LIMITS, type SessionLimits } from '../../core/staff/sessions.js';
import { listStaff } from '../../db/staff.js';
import type { Db } from '../../db/index.js';
import { docFromParagraphs } from '../../shared/body.js';
import type { Input, MethodName, Result } from '../../shared/contract.js';
import type { ChangeEvent, DocNode, PublishedVersionSummary, Staff, Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { callCore, type Caller } from './callCore.js';
import { storageFor } from './postgres.js';

/** The demo newsroom's people, by first name. */
export const DEMO_STAFF = {
  ji: 'Ji Da-gyum', // reporter
  park: 'Park Soo-hyun',
  kim: 'Kim Min-ji', // desk editor
  lee: 'Lee Jae-won', // desk editor
  choi: 'Choi Yoon-seo', // photo editor
  han: 'Han Seung-woo', // admin
} as const;
export type Who = keyof typeof DEMO_STAFF;

export interface Clock {
  now: Date;
  advance(ms: number): void;
}

/** A clock that stands still at `iso` until a test moves it. */
export function makeClock(iso: string): Clock {
  return {
    now: new Date(iso),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
}

/** The machine's clock, for tests that do not care about time. */
function wallClock(): Clock {
  return {
    get now() {
      return new Date();
    },
    advance() {
      throw new Error('the wall clock cannot be moved: give the harness a clock from makeClock');
    },
  };
}

export interface HarnessOptions {
  /** A data folder to open (kept on close); default a fresh temp folder, removed on close. */
  dataDir?: string;
  /** Default: the machine's clock. */
  clock?: Clock;
  /**
   * 'recording' stands in for the publisher: it records each publish in `publishCalls` and
   * writes no files (publishing has its own tests). Default 'real'.
   */
  publisher?: 'real' | 'recording';
  /** Default: silent (several tests provoke internal errors on purpose). */
  onInternalError?: CoreOptions['onInternalError'];
  /**
   * The sessions' limits. Default: so long that no test's moved clock ends the harness's
   * sessions; tests of expiry pass SESSION_LIMITS (or shorter).
   */
  sessionLimits?: SessionLimits;
  /** A postgres:// URL to keep the newsroom in; default a fresh database when the tests run on PostgreSQL, else the folder's SQLite file. */
  database?: string;
}

/** Sessions that outlast any clock a test moves (a century). */
export const LASTING_SESSIONS: SessionLimits = { idleMs: 100 * 365 * 24 * 3_600_000, absoluteMs: 100 * 365 * 24 * 3_600_000 };
export { SESSION_LIMITS };

export interface Harness {
  core: Core;
  dir: string;
  clock: Clock;
  events: ChangeEvent[];
  /** The core's services (for driving the scheduler directly). */
  services: CoreServices;
  tokens: Record<Who, string>;
  /** Each person's session (as issued when the harness started). */
  sessionIds: Record<Who, number>;
  staff: Record<Who, Staff>;
  /** Returns once the core's background counting of open findings has caught up. */
  call<M extends MethodName>(who: Who | null, method: M, input: Input<M>): Promise<Result<M>>;
  /** Untyped, for input the contract forbids (malformed-input tests only). */
  callRaw(who: Who | null, method: string, input: unknown): Promise<unknown>;
  /** `call` bound to one person. */
  as(who: Who): Caller;
  /** The error a call fails with (throws if it succeeds). */
  fails<M extends MethodName>(who: Who | null, method: M, input: Input<M>): Promise<ApiError>;
  failsRaw(who: Who | null, method: string, input: unknown): Promise<ApiError>;
  /** The recording publisher's calls (publisher: 'recording' only). */
  publishCalls: { storyId: number; actor: string; kill?: string }[];
  /** While true, the recording publisher fails. */
  publisherFails: { value: boolean };
  /** While set, the recording publisher waits for this promise before writing anything (to stage races). */
  publisherGate: { value: Promise<void> | null };
  /** Every row of every table, for before/after comparisons. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

/** A real core with the demo newsroom, everyone signed in. */
export async function makeHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-core-'));
  const clock = opts.clock ?? wallClock();
  const publishCalls: Harness['publishCalls'] = [];
  const publisherFails = { value: false };
  const publisherGate: Harness['publisherGate'] = { value: null };
  let services: CoreServices | null = null;
  const sessionLimits = opts.sessionLimits ?? LASTING_SESSIONS;
  const database = opts.database ?? (await storageFor(dir)).database;
  const core = await createCore({
    dataDir: dir,
    ...(database ? { database } : {}),
    demo: true,
    sessionLimits,
    now: () => clock.now,
    ...(opts.publisher === 'recording' ? { publisher: recordingPublisher(clock, publishCalls, publisherFails, publisherGate) } : {}),
    onInternalError: opts.onInternalError ?? (() => undefined),
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
  // (TypeScript cannot see the hook's assignment: it takes `services` for null here.)
  const ready: CoreServices = services;
  const all = await listStaff(ready.db);
  const tokens = {} as Harness['tokens'];
  const sessionIds = {} as Harness['sessionIds'];
  const staff = {} as Harness['staff'];
  for (const [who, name] of Object.entries(DEMO_STAFF) as [Who, string][]) {
    const person = all.find((s) => s.name === name);
    if (!person) throw new Error(`demo staff ${name} missing`);
    staff[who] = person;
    const issued = await issueSession(ready, person.id, IN_PROCESS_CLIENT, sessionLimits);
    tokens[who] = issued.token;
    sessionIds[who] = issued.sessionId;
  }
  // Each call settles once the core's background counting of open findings has caught up, so a
  // test sees the queue counts its call caused and a snapshot is never taken mid-count.
  const settled = async <T>(answer: Promise<T>): Promise<T> => {
    try {
      return await answer;
    } finally {
      await core.idle();
    }
  };
  const tokenOf = (who: Who | null) => (who ? tokens[who] : null);
  const call = <M extends MethodName>(who: Who | null, method: M, input: Input<M>) => settled(callCore(core, tokenOf(who), method, input));
  const callRaw = (who: Who | null, method: string, input: unknown) => settled(core.call(tokenOf(who), method, input));
  const failsRaw = async (who: Who | null, method: string, input: unknown): Promise<ApiError> => {
    try {
      await callRaw(who, method, input);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error(`${method} succeeded but was expected to fail`);
  };
  return {
    core,
    dir,
    clock,
    events,
    services,
    tokens,
    sessionIds,
    staff,
    call,
    callRaw,
    as: (who) => (method, input) => call(who, method, input),
    fails: failsRaw,
    failsRaw,
    publishCalls,
    publisherFails,
    publisherGate,
    snapshot: () => snapshotTables(ready.db),
    async close() {
      await core.close();
      if (!opts.dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Like the real publisher, the version's record and the caller's commit share one transaction. */
function recordingPublisher(
  clock: Clock,
  calls: Harness['publishCalls'],
  fails: Harness['publisherFails'],
  gate: Harness['publisherGate'],
): NonNullable<CoreOptions['publisher']> {
  const versions = new Map<number, number>();
  return (base) => {
    const publisher: Publisher = {
      async publish(storyId, actor, opts): Promise<PublishedVersionSummary> {
        calls.push({ storyId, actor: actor.name, ...(opts?.kill ? { kill: opts.kill.note } : {}) });
        if (gate.value) await gate.value;
        if (fails.value) {
          calls.pop();
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
        if (opts?.commit) await base.db.transaction(async () => await opts.commit?.(summary));
        versions.set(storyId, version);
        return summary;
      },
      async preview() {
        return '<html></html>';
      },
    };
    return publisher;
  };
}

/**
 * Columns a call may change without changing anything a person would call data: noting that a
 * session was used (at most once a minute, even by a refused call).
 */
const BOOKKEEPING: Record<string, string[]> = { sessions: ['last_seen_at', 'expires_at'] };

/** Every row of every table (search indexes and bookkeeping columns aside), sorted, as one string. */
async function snapshotTables(db: Db): Promise<string> {
  const tables =
    db.dialect === 'sqlite'
      ? await db.column<string>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`)
      : await db.column<string>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
        );
  const blobs = (_k: string, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const skip = [...(BOOKKEEPING[t] ?? []), 'search_vector'];
    const all =
      db.dialect === 'sqlite'
        ? await db.column<string>(`SELECT name FROM pragma_table_info(?)`, t)
        : await db.column<string>(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
            t,
          );
    const list = all
      .filter((c) => !skip.includes(c))
      .map((c) => `"${c}"`)
      .join(', ');
    out[t] = (await db.rows(`SELECT ${list} FROM "${t}"`)).map((row) => JSON.stringify(row, blobs)).sort();
  }
  return JSON.stringify(out, blobs);
}

/** Asserts that a call fails with `code` and leaves every table exactly as it was. */
export async function refusedUnchanged<M extends MethodName>(h: Harness, who: Who | null, method: M, input: Input<M>, code: string): Promise<ApiError> {
  return refusedUnchangedRaw(h, who, method, input, code);
}

/** `refusedUnchanged` for input the contract forbids. */
export async function refusedUnchangedRaw(h: Harness, who: Who | null, method: string, input: unknown, code: string): Promise<ApiError> {
  // Imported here, not at the top: the benchmarks build newsrooms with this harness outside vitest.
  const { expect } = await import('vitest');
  const before = await h.snapshot();
  const error = await h.failsRaw(who, method, input);
  expect(error.code, error.message).toBe(code);
  expect(await h.snapshot()).toBe(before);
  return error;
}

export const doc = (...paragraphs: string[]): DocNode => docFromParagraphs(paragraphs);

/** A story by Ji on the North Korea desk with headline and body, still a draft. */
export async function draftStory(h: Harness, body = 'Pyongyang fired a missile on Tuesday, the military said.'): Promise<Story> {
  const { story } = await h.call('ji', 'stories.create', { desk: 'North Korea', headline: 'North Korea fires missile' });
  const saved = await h.call('ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: doc(body), dateline: 'SEOUL' } });
  return saved.story;
}

type Transition = Input<'stories.transition'>;

export async function transition(h: Harness, who: Who, id: number, action: Transition['action'], extra: Omit<Transition, 'id' | 'action'> = {}): Promise<Story> {
  return (await h.call(who, 'stories.transition', { id, action, ...extra })).story;
}

/** The core tests' harness: a standing clock and the recording publisher. */
export const makeRecordingHarness = (): Promise<Harness> => makeHarness({ publisher: 'recording', clock: makeClock('2026-11-26T09:00:00.000Z') });
