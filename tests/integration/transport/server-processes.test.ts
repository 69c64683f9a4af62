// Two newsroom server processes (the bundled cli, as `npm run server -- --database …` runs it)
// on one fresh PostgreSQL database and one data folder, driven over HTTP as browsers and
// scripts drive them: the same action on the same stories at once through both, a change on one
// seen through the other, a session of one used on the other, the scheduler handed over when
// its leader is killed, and no acknowledged save lost when a process is killed mid-burst.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import type { Input, MethodName, Result } from '../../../shared/contract.js';
import type { ChangeEvent, Story } from '../../../shared/domain.js';
import { doc } from '../../support/coreHarness.js';
import { cliBundle, freePort, startNewsdesk, type NewsdeskProcess } from '../../support/newsdeskCli.js';
import { freshDatabase } from '../../support/postgres.js';

let url: string;
let dir: string;
let a: NewsdeskProcess;
let b: NewsdeskProcess;
const tokens: Record<'ji' | 'jiOnB' | 'kim' | 'lee', string> = { ji: '', jiOnB: '', kim: '', lee: '' };

class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A script's call: POST /api/<method> with a bearer token. */
async function call<M extends MethodName>(server: NewsdeskProcess, token: string | null, method: M, input: Input<M>): Promise<Result<M>> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  if (!res.ok) throw new CallError(body.error?.code ?? String(res.status), body.error?.message ?? '');
  return body as Result<M>;
}

async function signIn(server: NewsdeskProcess, name: string): Promise<string> {
  const { demoAccounts } = await call(server, null, 'session.access', {});
  const person = demoAccounts.find((s) => s.name === name)!;
  return (await call(server, null, 'session.signIn', { email: person.email, password: DEMO_PASSWORD })).token;
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof CallError) return error.code;
    throw error;
  }
}

async function each<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 10) out.push(...(await Promise.all(items.slice(i, i + 10).map(fn))));
  return out;
}

const drafts = (count: number, headline = 'Missile launch') =>
  each(
    Array.from({ length: count }, (_, i) => i),
    async (i) => {
      const input = { desk: 'North Korea', headline: `${headline} ${i}`, dateline: 'SEOUL', body: doc('Pyongyang fired a missile on Tuesday, the military said.') };
      return (await call(a, tokens.ji, 'stories.create', input)).story;
    },
  );

async function race(stories: Story[], first: (s: Story) => Promise<unknown>, second: (s: Story) => Promise<unknown>, expected: string): Promise<void> {
  const pairs = await Promise.all(stories.map(async (s) => (await Promise.all([outcome(first(s)), outcome(second(s))])).sort().join(' + ')));
  const tally: Record<string, number> = {};
  for (const p of pairs) tally[p] = (tally[p] ?? 0) + 1;
  expect(tally).toEqual({ [[expected, 'ok'].sort().join(' + ')]: stories.length });
}

/** The code one server answers the second of two calls made one after the other. */
async function secondAlone(first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<string> {
  expect(await outcome(first())).toBe('ok');
  return outcome(second());
}

const serverArgs = () => ['--data-dir', dir, '--demo', '--no-access-log', '--database', url];

beforeAll(async () => {
  url = await freshDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-two-servers-'));
  // One after the other: the first creates the schema and the demo newsroom.
  a = await startNewsdesk('server A', serverArgs());
  b = await startNewsdesk('server B', serverArgs());
  tokens.ji = await signIn(a, 'Ji Da-gyum');
  tokens.jiOnB = await signIn(b, 'Ji Da-gyum');
  tokens.kim = await signIn(a, 'Kim Min-ji');
  tokens.lee = await signIn(b, 'Lee Jae-won');
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the cli to its end: its exit code and everything it printed. */
async function runToEnd(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  const bundle = await cliBundle();
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: stdout + stderr });
    });
  });
}

describe('starting a server on PostgreSQL', () => {
  it('refuses --backup, pointing to pg_dump, and a database it cannot reach, naming host:port/database but never the password', async () => {
    const backup = await runToEnd(['--data-dir', dir, '--database', url, '--backup', path.join(dir, 'copy.db')]);
    expect(backup.code).toBe(2);
    expect(backup.output).toContain('pg_dump');
    const port = await freePort();
    // From the environment, so the password is not on the command line.
    const away = await runToEnd(['--data-dir', dir, '--port', '0'], { NEWSDESK_DATABASE_URL: `postgres://newsdesk:s3cret-pw@127.0.0.1:${port}/newsroom` });
    expect(away.code).toBe(1);
    expect(away.output).toContain(`127.0.0.1:${port}/newsroom`);
    expect(away.output).not.toContain('s3cret-pw');
  });
});

describe('two server processes on one PostgreSQL database', () => {
  it('says at start which database the newsroom is in, naming no password', () => {
    expect(a.output()).toContain(`The newsroom's database: PostgreSQL at 127.0.0.1:${new URL(url).port}${new URL(url).pathname}`);
  });

  it('the same action on the same 100 stories at the same moment through both: one wins, the other gets the error one server gives', async () => {
    const [alone, ...many] = await drafts(101);
    // The same session saving one base version through both servers (a desktop sending again through the other).
    const save = (server: NewsdeskProcess, s: Story, text: string) =>
      call(server, tokens.ji, 'stories.save', { id: s.id, baseVersion: s.version, changes: { body: doc(text) } });
    const saveCode = await secondAlone(
      () => save(a, alone!, 'first'),
      () => save(a, alone!, 'second'),
    );
    expect(saveCode).toBe('CONFLICT');
    await race(
      many,
      (s) => save(a, s, 'through A'),
      (s) => save(b, s, 'through B'),
      saveCode,
    );

    // The text lock, by one person from two computers.
    await each([alone!, ...many], (s) => call(a, tokens.ji, 'stories.unlock', { id: s.id }));
    const lockCode = await secondAlone(
      () => call(a, tokens.ji, 'stories.lock', { id: alone!.id }),
      () => call(a, tokens.jiOnB, 'stories.lock', { id: alone!.id }),
    );
    expect(lockCode).toBe('LOCKED');
    await race(
      many,
      (s) => call(a, tokens.ji, 'stories.lock', { id: s.id }),
      (s) => call(b, tokens.jiOnB, 'stories.lock', { id: s.id }),
      lockCode,
    );

    // Two desk editors claim at once, one on each server.
    await each([alone!, ...many], (s) => call(a, tokens.ji, 'stories.transition', { id: s.id, action: 'submit' }));
    const claimCode = await secondAlone(
      () => call(a, tokens.kim, 'stories.transition', { id: alone!.id, action: 'claim' }),
      () => call(a, tokens.lee, 'stories.transition', { id: alone!.id, action: 'claim' }),
    );
    expect(claimCode).toBe('INVALID_STATE');
    await race(
      many,
      (s) => call(a, tokens.kim, 'stories.transition', { id: s.id, action: 'claim' }),
      (s) => call(b, tokens.lee, 'stories.transition', { id: s.id, action: 'claim' }),
      claimCode,
    );
  }, 120_000);

  it('a submit on A is in the queue listed through B and in B’s event stream within a second; A’s session works on B', async () => {
    const [story] = await drafts(1, 'Summit');
    const controller = new AbortController();
    const res = await fetch(`${b.url}/api/events`, { headers: { Authorization: `Bearer ${tokens.kim}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    const heard = (async (): Promise<ChangeEvent> => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
        for (const line of buffer.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const event = JSON.parse(line.slice(6)) as ChangeEvent;
          if (event.type === 'story.changed' && event.storyId === story!.id && event.status === 'submitted') return event;
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
    })();
    const started = Date.now();
    await call(a, tokens.ji, 'stories.transition', { id: story!.id, action: 'submit' });
    const event = await heard;
    const inQueue = (await call(b, tokens.kim, 'stories.list', { status: ['submitted'], limit: 200 })).items.some((i) => i.id === story!.id);
    expect(Date.now() - started).toBeLessThan(1000);
    controller.abort();
    expect(event).toMatchObject({ type: 'story.changed', storyId: story!.id, status: 'submitted' });
    expect(inQueue).toBe(true);
    // Ji signed in on A; the same token is a live session on B.
    expect((await call(b, tokens.ji, 'stories.get', { id: story!.id })).story.status).toBe('submitted');
  });

  it('the scheduler runs in one process; killed, the other takes over and publishes the due story once', async () => {
    const leader = a.output().includes('now runs the scheduler') ? a : b;
    const other = leader === a ? b : a;
    const otherToken = other === a ? tokens.kim : tokens.lee;
    expect(other.output()).not.toContain('now runs the scheduler');
    const [story] = await drafts(1, 'Scheduled');
    await call(a, tokens.ji, 'stories.transition', { id: story!.id, action: 'submit' });
    await call(a, tokens.kim, 'stories.transition', { id: story!.id, action: 'claim' });
    await call(a, tokens.kim, 'stories.transition', { id: story!.id, action: 'approve' });
    await call(a, tokens.kim, 'stories.transition', { id: story!.id, action: 'schedule', publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    // Due now, as if the hour had passed (a test cannot wait for it).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('UPDATE stories SET publish_at = $1 WHERE id = $2', [new Date(Date.now() - 1000).toISOString(), story!.id]);
    } finally {
      await client.end();
    }
    await leader.stop('SIGKILL');
    await expect.poll(async () => (await call(other, otherToken, 'stories.get', { id: story!.id })).story.status, { timeout: 10_000, interval: 200 }).toBe('published');
    expect(other.output()).toContain('now runs the scheduler');
    await leader.restart();
    const { events } = await call(other, otherToken, 'stories.history', { id: story!.id });
    expect(events.filter((e) => e.event === 'autoPublish')).toHaveLength(1);
    expect((await call(other, otherToken, 'published.list', { storyId: story!.id })).versions).toHaveLength(1);
  }, 60_000);

  it('a process killed while clients save through it loses no save it acknowledged, and leaves nothing half-written', async () => {
    const stories = await drafts(20, 'Burst');
    const acknowledged = new Map<number, { version: number; text: string }>();
    let stop = false;
    const writers = stories.map(async (s) => {
      let version = s.version;
      for (let n = 1; !stop; n++) {
        const text = `Burst save ${n} of story ${s.id}`;
        try {
          const { story } = await call(b, tokens.ji, 'stories.save', { id: s.id, baseVersion: version, changes: { body: doc(text) } });
          version = story.version;
          acknowledged.set(s.id, { version, text });
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await b.stop('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThan(0);
    for (const s of stories) {
      const { story } = await call(a, tokens.ji, 'stories.get', { id: s.id });
      const acked = acknowledged.get(s.id);
      if (!acked) continue;
      // The acknowledged save is there; at most one more, unanswered, committed after it.
      expect(story.version === acked.version || story.version === acked.version + 1).toBe(true);
      if (story.version === acked.version) expect(JSON.stringify(story.body)).toContain(acked.text);
      else expect(JSON.stringify(story.body)).toMatch(/Burst save \d+ of story/);
    }
    await b.restart();
  }, 60_000);
});
