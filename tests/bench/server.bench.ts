// Newsroom server benchmark (not a test): 200 simulated staff against one server process —
// 100 reporters autosaving every 5 s, 50 desk editors paging a queue and searching, 50 people
// idle on the event stream — for BENCH_SECONDS (default 60). The same load runs first in-process
// through core.call (the baseline, no HTTP), then over HTTP against `node dist/serve/cli.mjs`
// on loopback, in this one run. Prints p50/p95/p99 of save, queue page, search and event delivery
// (from the call that saved to another client's receipt of its story.changed), errors and saves
// lost, and writes bench-results/server.json.
//
//   npm run bench -- server            BENCH_SECONDS=20 npm run bench -- server

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../core/core.js';
import { docFromParagraphs, plainBody } from '../../shared/body.js';
import { splitMethod, type Input, type MethodName, type NewsdeskApi, type Result } from '../../shared/contract.js';
import type { ChangeEvent, DocNode } from '../../shared/domain.js';
import { createHttpApi, memoryTokenStore } from '../../shared/httpApi.js';
import { insertStory, openDatabase } from '../../db/index.js';
import { DEMO_STAFF } from '../../core/staff/demo.js';
import { summarize, type Summary } from './stats.js';
import { sqliteStore } from '../../db/sqlite/store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const REPORTERS = 100;
const EDITORS = 50;
const IDLE = 50;
const PERIOD_MS = 5_000;
const BACKGROUND_STORIES = 3_000;
const PASSWORD = 'bench-password-1';

/** What one simulated person calls: in-process or over HTTP, the same load. */
interface Client {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  close(): void;
}

interface Person {
  token: string;
  storyId?: number;
}

interface Samples {
  save: number[];
  queue: number[];
  search: number[];
  delivery: number[];
  errors: string[];
  saves: number;
  /** Per reporter story: the text of the last save the server acknowledged. */
  acknowledged: Map<number, string>;
}

const words = ['ministry', 'unification', 'pyongyang', 'summit', 'delegation', 'border', 'election', 'budget', '북한', '정부', '국회', '통일부'];
const paragraph = (i: number, n = 60): string => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ') + '.';

// ── the newsroom ─────────────────────────────────────────────────────────────

/** A demo newsroom with 200 accounts (each with a password and a live session) and 3,000 older stories. */
async function prepare(dir: string): Promise<{ reporters: Person[]; editors: Person[]; idle: Person[] }> {
  const core = await createCore({ dataDir: dir, demo: true, onInternalError: () => undefined });
  try {
    const admin = DEMO_STAFF.find((s) => s.roles.includes('admin'));
    if (!admin) throw new Error('the demo newsroom has no admin');
    const call = <M extends MethodName>(token: string | null, method: M, input: Input<M>) => core.call(token, method, input) as Promise<Result<M>>;
    const { token: adminToken } = await call(null, 'session.signIn', { email: admin.email, password: 'newsdesk-demo' });
    const person = async (i: number, role: 'reporter' | 'desk_editor' | 'photo_editor'): Promise<Person> => {
      const { setup } = await call(adminToken, 'staff.create', {
        name: `Bench ${role} ${i}`,
        email: `bench-${role}-${i}@newsroom.test`,
        roles: [role],
        desks: ['National'],
      });
      const { token } = await call(null, 'session.setUp', { code: setup.code, password: PASSWORD });
      return { token };
    };
    const reporters: Person[] = [];
    const editors: Person[] = [];
    const idle: Person[] = [];
    for (let i = 0; i < REPORTERS; i++) reporters.push(await person(i, 'reporter'));
    for (let i = 0; i < EDITORS; i++) editors.push(await person(i, 'desk_editor'));
    for (let i = 0; i < IDLE; i++) idle.push(await person(i, 'photo_editor'));
    for (const [i, r] of reporters.entries()) {
      const { story } = await call(r.token, 'stories.create', { desk: 'National', headline: `Bench story ${i}` });
      const body = docFromParagraphs(Array.from({ length: 12 }, (_, k) => paragraph(i + k)));
      const saved = await call(r.token, 'stories.save', { id: story.id, baseVersion: story.version, changes: { body } });
      r.storyId = saved.story.id;
      // Let go of the lock the creation took: each phase takes it again from its own session.
      await call(r.token, 'stories.unlock', { id: story.id });
    }
    return { reporters, editors, idle };
  } finally {
    await core.close();
  }
}

/** Older stories straight into the database, so the queue and search have something to page through. */
async function addBackgroundStories(dir: string): Promise<void> {
  const db = openDatabase(path.join(dir, 'newsdesk.db'), { check: 'quick' });
  try {
    const insert = db.transaction(async () => {
      for (let i = 0; i < BACKGROUND_STORIES; i++) {
        const body = docFromParagraphs([paragraph(i), paragraph(i + 1)]);
        await insertStory(sqliteStore(db), {
          slug: `background-${i}`,
          desk: 'National',
          headline: `Background story ${i} ${words[i % words.length]}`,
          subheadlines: [],
          dateline: 'SEOUL',
          language: 'en',
          body,
          bodyText: plainBody(body),
          wordCount: 120,
          createdBy: 1,
          at: new Date(Date.now() - i * 60_000).toISOString(),
          bylineIds: [1],
          status: i % 3 === 0 ? 'submitted' : i % 3 === 1 ? 'editing' : 'published',
        });
      }
    });
    await insert();
  } finally {
    db.close();
  }
}

// ── the load ─────────────────────────────────────────────────────────────────

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runLoad(label: string, clientFor: (token: string) => Client, people: { reporters: Person[]; editors: Person[]; idle: Person[] }): Promise<Samples> {
  const s: Samples = { save: [], queue: [], search: [], delivery: [], errors: [], saves: 0, acknowledged: new Map() };
  /** When each (story, version) save was sent: delivery is measured from there. */
  const sentAt = new Map<string, number>();
  const clients: Client[] = [];
  const idleClients = people.idle.map((p) => {
    const c = clientFor(p.token);
    clients.push(c);
    c.onEvent((event) => {
      if (event.type !== 'story.changed') return;
      const t0 = sentAt.get(`${event.storyId}@${event.version}`);
      if (t0 !== undefined) s.delivery.push(performance.now() - t0);
    });
    return c;
  });
  void idleClients;
  // Give the event streams a moment to open.
  await sleep(1_000);
  const end = performance.now() + SECONDS * 1_000;
  const fail = (what: string, error: unknown) => {
    if (s.errors.length < 20) s.errors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    else s.errors.push('');
  };

  const reporter = async (p: Person, i: number) => {
    const c = clientFor(p.token);
    clients.push(c);
    const id = p.storyId!;
    await sleep(Math.random() * PERIOD_MS);
    let { story } = await c.call('stories.lock', { id });
    let paragraphs = (story.body.content ?? []).length;
    while (performance.now() < end) {
      const next = performance.now() + PERIOD_MS;
      const body: DocNode = docFromParagraphs([...Array.from({ length: paragraphs }, (_, k) => paragraph(i + k)), `Autosave ${paragraphs} of reporter ${i}.`]);
      const version = story.version + 1;
      const t0 = performance.now();
      sentAt.set(`${id}@${version}`, t0);
      try {
        ({ story } = await c.call('stories.save', { id, baseVersion: story.version, changes: { body } }));
        s.save.push(performance.now() - t0);
        s.saves++;
        s.acknowledged.set(id, plainBody(body));
        paragraphs++;
      } catch (error) {
        fail('save', error);
        ({ story } = await c.call('stories.get', { id }).catch(() => ({ story })));
      }
      await sleep(Math.max(0, next - performance.now()));
    }
  };

  const editor = async (p: Person, i: number) => {
    const c = clientFor(p.token);
    clients.push(c);
    await sleep(Math.random() * PERIOD_MS);
    let n = 0;
    while (performance.now() < end) {
      const next = performance.now() + PERIOD_MS;
      const t0 = performance.now();
      try {
        await c.call('stories.list', { status: ['submitted', 'editing'], limit: 50 });
        s.queue.push(performance.now() - t0);
      } catch (error) {
        fail('queue', error);
      }
      const t1 = performance.now();
      try {
        await c.call('stories.list', { query: `${words[(i + n) % words.length]} ${words[(i + n + 3) % words.length]}`, limit: 20 });
        s.search.push(performance.now() - t1);
      } catch (error) {
        fail('search', error);
      }
      n++;
      await sleep(Math.max(0, next - performance.now()));
    }
  };

  console.log(`  ${label}: ${REPORTERS} reporters, ${EDITORS} desk editors, ${IDLE} idle for ${SECONDS} s …`);
  // How busy the simulated staff kept this process: a saturated load generator would inflate every figure.
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  await Promise.all([...people.reporters.map(reporter), ...people.editors.map(editor)]);
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  console.log(`    the simulated staff's process: event loop ${(elu.utilization * 100).toFixed(0)}% busy, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
  // Events still in flight arrive within a moment.
  await sleep(1_000);
  // Saves lost: what the server acknowledged last must be what it holds.
  const check = clientFor(people.reporters[0]!.token);
  clients.push(check);
  for (const p of people.reporters) {
    const { story } = await check.call('stories.get', { id: p.storyId! });
    if (s.acknowledged.has(p.storyId!) && plainBody(story.body) !== s.acknowledged.get(p.storyId!)) s.errors.push(`lost: story ${p.storyId}`);
  }
  for (const c of clients) c.close();
  return s;
}

// ── the two ways in ──────────────────────────────────────────────────────────

function inProcess(core: Core): (token: string) => Client {
  return (token) => {
    const offs: (() => void)[] = [];
    return {
      call: (method, input) => core.call(token, method, input) as never,
      onEvent: (listener) => {
        const off = core.onEvent(listener);
        offs.push(off);
        return off;
      },
      close: () => offs.forEach((off) => off()),
    };
  };
}

function overHttp(baseUrl: string): (token: string) => Client {
  return (token) => {
    const api: NewsdeskApi = createHttpApi({ baseUrl, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(token) });
    const offs: (() => void)[] = [];
    return {
      call: (method, input) => {
        const [area, fn] = splitMethod(method);
        const group = api[area] as unknown as Record<string, (input: unknown) => Promise<unknown>>;
        return group[fn]!(input) as never;
      },
      onEvent: (listener) => {
        const off = api.onEvent(listener);
        offs.push(off);
        return off;
      },
      close: () => offs.forEach((off) => off()),
    };
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServerProcess(dir: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const cli = path.join(ROOT, 'dist/serve/cli.mjs');
  if (!fs.existsSync(cli)) throw new Error('dist/serve/cli.mjs is missing: run `npm run build` first.');
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--data-dir', dir, '--listen', `127.0.0.1:${port}`, '--no-access-log'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()).length > 100_000 && (output = output.slice(-50_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (i > 300) throw new Error(`the server never answered /healthz:\n${output}`);
    await sleep(100);
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ── report ───────────────────────────────────────────────────────────────────

function row(name: string, a: Summary, b: Summary): string {
  const f = (x: Summary) => `${x.p50.toFixed(1).padStart(7)} ${x.p95.toFixed(1).padStart(7)} ${x.p99.toFixed(1).padStart(7)} ${String(x.n).padStart(6)}`;
  return `${name.padEnd(16)} ${f(a)}   ${f(b)}`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-server-bench-'));
  try {
    console.log(`Preparing a newsroom with ${REPORTERS + EDITORS + IDLE} accounts and ${BACKGROUND_STORIES} older stories in ${dir} …`);
    const people = await prepare(dir);
    await addBackgroundStories(dir);

    const core = await createCore({ dataDir: dir, onInternalError: (m, e) => console.error(m, e) });
    const baseline = await runLoad('in-process (core.call)', inProcess(core), people);
    await core.close();

    const server = await startServerProcess(dir);
    let http: Samples;
    try {
      http = await runLoad(`over HTTP (${server.url})`, overHttp(server.url), people);
    } finally {
      await server.stop();
    }

    const names = ['save', 'queue', 'search', 'delivery'] as const;
    const labels = { save: 'save', queue: 'queue page', search: 'search', delivery: 'event delivery' };
    console.log(`\n${''.padEnd(16)} ${'in-process (ms)'.padEnd(30)}   over HTTP, one server process (ms)`);
    console.log(
      `${''.padEnd(16)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'n'.padStart(6)}   ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'n'.padStart(6)}`,
    );
    const result: Record<string, unknown> = { seconds: SECONDS, reporters: REPORTERS, editors: EDITORS, idle: IDLE, cores: os.cpus().length };
    for (const name of names) {
      const a = summarize(baseline[name]);
      const b = summarize(http[name]);
      console.log(row(labels[name], a, b));
      result[name] = { inProcess: a, http: b };
    }
    const lost = (x: Samples) => x.errors.filter((e) => e.startsWith('lost')).length;
    console.log(`\nsaves acknowledged: in-process ${baseline.saves}, over HTTP ${http.saves}`);
    console.log(`errors: in-process ${baseline.errors.length - lost(baseline)}, over HTTP ${http.errors.length - lost(http)}`);
    console.log(`saves lost: in-process ${lost(baseline)}, over HTTP ${lost(http)}`);
    for (const e of http.errors.filter(Boolean).slice(0, 10)) console.log(`  ${e}`);
    const save95 = summarize(http.save).p95;
    const delivery95 = summarize(http.delivery).p95;
    const targets = [
      [`save p95 ${save95.toFixed(1)} ms ≤ 50 ms`, save95 <= 50],
      [`event delivery p95 ${delivery95.toFixed(1)} ms ≤ 250 ms`, delivery95 <= 250],
      [`0 errors (${http.errors.length - lost(http)})`, http.errors.length === lost(http)],
      [`0 saves lost (${lost(http)})`, lost(http) === 0],
    ] as const;
    console.log('\ntargets (over HTTP):');
    for (const [what, ok] of targets) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${what}`);
    result.saves = { inProcess: baseline.saves, http: http.saves };
    result.errors = { inProcess: baseline.errors.length - lost(baseline), http: http.errors.length - lost(http) };
    result.lost = { inProcess: lost(baseline), http: lost(http) };
    fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench-results/server.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
