// The newsroom on both storage backends, side by side in one run (not a test):
//  1. the storage benchmark's newsroom (BENCH_STORIES stories, default 100,000, a tenth in Korean)
//     generated into a SQLite file and into a throw-away PostgreSQL cluster, then through the core:
//     queue page, three-word search, 1,500-word save and a cold start (open + first queue page);
//  2. BENCH_CLIENTS clients (default 100) saving their own stories for BENCH_SECONDS (default 20)
//     against one server process on SQLite and against two server processes on one PostgreSQL
//     database: throughput, p95, and saves lost (each answered save must be in the database).
// Prints a table and writes bench-results/postgres.json.
//
//   npm run bench -- postgres          BENCH_STORIES=10000 BENCH_CLIENTS=40 npm run bench -- postgres

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../core/core.js';
import { seedDemo } from '../../core/staff/demo.js';
import { DEMO_PASSWORD, demoPasswordHash } from '../../core/staff/passwords.js';
import { openDatabase, openPostgres, sqliteStore, type Db } from '../../db/index.js';
import { docFromParagraphs } from '../../shared/body.js';
import type { Staff, Status, Story } from '../../shared/domain.js';
import { startNewsdesk, type NewsdeskProcess } from '../support/newsdeskCli.js';
import { startPostgresCluster } from '../support/postgres.js';
import { desks, EN, generateStories, KO, ms, paragraphs, rand, round, stats } from './generatedNewsroom.js';

const COUNT = Number(process.env.BENCH_STORIES ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

type Stats = ReturnType<typeof stats>;
interface BackendResult {
  generateSeconds: number;
  queuePageMs: Stats;
  searchMs: Stats;
  saveMs: Stats;
  coldStartMs: Stats;
}

async function generate(db: Db, label: string): Promise<number> {
  const start = process.hrtime.bigint();
  process.stdout.write(`Generating ${COUNT.toLocaleString('en')} stories on ${label} …\n`);
  await seedDemo({ db }, await demoPasswordHash());
  await generateStories(db, COUNT, 2000);
  return ms(start) / 1000;
}

/** The same calls on either backend, through the core as the server makes them. */
async function measure(open: () => Promise<Core>, queries: string[]): Promise<Omit<BackendResult, 'generateSeconds'>> {
  const coldStart: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    const core = await open();
    const token = await signIn(core, 'minji.kim@heraldcorp.com');
    await core.call(token, 'stories.list', { status: ['submitted'], desk: 'National', limit: 50 });
    coldStart.push(ms(start));
    await core.close();
  }
  const core = await open();
  try {
    const kim = await signIn(core, 'minji.kim@heraldcorp.com');
    const ji = await signIn(core, 'dagyumji@heraldcorp.com');
    const statuses: Status[] = ['submitted', 'editing', 'draft', 'published', 'approved'];
    const queue: number[] = [];
    for (let i = 0; i < 330; i++) {
      const start = process.hrtime.bigint();
      await core.call(kim, 'stories.list', { status: [statuses[i % statuses.length]!], desk: desks[i % desks.length]!, limit: 50 });
      if (i >= 30) queue.push(ms(start));
    }
    const searches: number[] = [];
    for (const [i, query] of queries.entries()) {
      const start = process.hrtime.bigint();
      await core.call(kim, 'stories.list', { query, limit: 50 });
      if (i >= 10) searches.push(ms(start));
    }
    let { story } = (await core.call(ji, 'stories.create', { desk: 'North Korea', headline: 'Bench' })) as { story: Story };
    const saves: number[] = [];
    for (let i = 0; i < 200; i++) {
      const body = docFromParagraphs(paragraphs(1500, false));
      const start = process.hrtime.bigint();
      ({ story } = (await core.call(ji, 'stories.save', { id: story.id, baseVersion: story.version, changes: { body } })) as { story: Story });
      saves.push(ms(start));
      // A reporter's editor saves every few seconds: the copy desk has checked the last save by
      // the next one. Back to back, each save would also wait on the previous one's checks.
      await core.idle();
    }
    return { queuePageMs: stats(queue), searchMs: stats(searches), saveMs: stats(saves), coldStartMs: stats(coldStart) };
  } finally {
    await core.close();
  }
}

async function signIn(core: Core, email: string): Promise<string> {
  return ((await core.call(null, 'session.signIn', { email, password: DEMO_PASSWORD })) as { token: string; staff: Staff }).token;
}

// ── clients saving through real server processes ─────────────────────────────

interface LoadResult {
  processes: number;
  clients: number;
  seconds: number;
  savesAnswered: number;
  savesPerSecond: number;
  saveMs: Stats;
  refused: number;
  savesLost: number;
}

/**
 * One API call over a kept-alive connection from the client's own loopback address (127.0.0.2,
 * .3, …): the server's per-address rate limit then applies to each client as it would to
 * colleagues at their own computers, not to all hundred at once.
 */
function post<T>(agent: http.Agent, base: string, method: string, input: unknown, token?: string): Promise<{ ok: boolean; value: T }> {
  const body = JSON.stringify(input);
  const url = new URL(`${base}/api/${method}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ ok: (res.statusCode ?? 500) < 300, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function load(servers: NewsdeskProcess[], versionOf: (id: number) => Promise<number>): Promise<LoadResult> {
  const clients: { base: string; agent: http.Agent; token: string; story: Story; answered: number }[] = [];
  // One after another: a sign-in counts as a failed attempt until its password checks out, so a
  // hundred at once for one account would trip its throttle.
  for (let i = 0; i < CLIENTS; i++) {
    const base = servers[i % servers.length]!.url;
    const agent = new http.Agent({ keepAlive: true, localAddress: `127.0.${Math.floor(i / 250)}.${2 + (i % 250)}` });
    const signedIn = await post<{ token: string }>(agent, base, 'session.signIn', { email: 'dagyumji@heraldcorp.com', password: DEMO_PASSWORD });
    if (!signedIn.ok) throw new Error(`client ${i} could not sign in: ${JSON.stringify(signedIn.value)}`);
    const created = await post<{ story: Story }>(agent, base, 'stories.create', { desk: 'North Korea', headline: `Load ${i}` }, signedIn.value.token);
    if (!created.ok) throw new Error(`client ${i} could not create its story: ${JSON.stringify(created.value)}`);
    clients.push({ base, agent, token: signedIn.value.token, story: created.value.story, answered: 0 });
  }
  const latencies: number[] = [];
  let refused = 0;
  const until = Date.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (c, i) => {
      let n = 0;
      while (Date.now() < until) {
        const body = docFromParagraphs([`Client ${i} save ${++n}: ${paragraphs(60, i % 10 === 0).join(' ')}`]);
        const start = process.hrtime.bigint();
        const r = await post<{ story: Story }>(c.agent, c.base, 'stories.save', { id: c.story.id, baseVersion: c.story.version, changes: { body } }, c.token);
        if (r.ok) {
          latencies.push(ms(start));
          c.story = r.value.story;
          c.answered += 1;
        } else refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const c of clients) c.agent.destroy();
  let lost = 0;
  for (const c of clients) lost += Math.max(0, c.story.version - (await versionOf(c.story.id)));
  const answered = clients.reduce((n, c) => n + c.answered, 0);
  return {
    processes: servers.length,
    clients: CLIENTS,
    seconds: round(seconds),
    savesAnswered: answered,
    savesPerSecond: Math.round(answered / seconds),
    saveMs: stats(latencies),
    refused,
    savesLost: lost,
  };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pgbench-'));
  const cluster = await startPostgresCluster();
  try {
    const queries: string[] = [];
    for (let i = 0; i < 110; i++) {
      const ko = i % 10 === 0;
      const vocab = ko ? KO : EN;
      const w = () => vocab[50 + Math.floor(rand() * 400)]!;
      queries.push(`${w()} ${w()} ${w().slice(0, ko ? 2 : 4)}`);
    }

    // SQLite: the data folder's file, as the desktop and a one-machine server keep it.
    const sqliteDir = path.join(root, 'sqlite');
    fs.mkdirSync(sqliteDir);
    const raw = openDatabase(path.join(sqliteDir, 'newsdesk.db'));
    raw.pragma('synchronous = OFF'); // bulk load only
    const sqliteGen = await generate(sqliteStore(raw), 'SQLite');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const sqlite: BackendResult = { generateSeconds: round(sqliteGen), ...(await measure(() => createCore({ dataDir: sqliteDir }), queries)) };
    console.log('SQLite', JSON.stringify(sqlite));

    // PostgreSQL: a database on the throw-away cluster, the data folder holding only media/ and published/.
    const url = await cluster.createDatabase('newsdesk_bench');
    const pgDir = path.join(root, 'postgres');
    fs.mkdirSync(pgDir);
    const pg = await openPostgres(url);
    const pgGen = await generate(pg, 'PostgreSQL');
    await pg.run('ANALYZE');
    await pg.close();
    const postgres: BackendResult = { generateSeconds: round(pgGen), ...(await measure(() => createCore({ dataDir: pgDir, database: url }), queries)) };
    console.log('PostgreSQL', JSON.stringify(postgres));

    // Clients saving: one process on SQLite (it takes one writer), two on PostgreSQL.
    const sqliteServer = await startNewsdesk('sqlite server', ['--data-dir', sqliteDir]);
    const sqliteCheck = sqliteStore(openDatabase(path.join(sqliteDir, 'newsdesk.db'), { readonly: true }));
    const sqliteLoad = await load([sqliteServer], async (id) => (await sqliteCheck.value<number>('SELECT version FROM stories WHERE id = ?', id)) ?? 0);
    await sqliteServer.stop();
    await sqliteCheck.close();
    const serverArgs = ['--data-dir', pgDir, '--database', url];
    const a = await startNewsdesk('postgres server A', serverArgs);
    const b = await startNewsdesk('postgres server B', serverArgs);
    const pgCheck = await openPostgres(url);
    const pgLoad = await load([a, b], async (id) => (await pgCheck.value<number>('SELECT version FROM stories WHERE id = ?', id)) ?? 0);
    await Promise.all([a.stop(), b.stop()]);
    await pgCheck.close();

    const results = {
      stories: COUNT,
      sqlite,
      postgres,
      serversSaving: { sqlite: sqliteLoad, postgres: pgLoad },
      targets: { postgres: { queuePageP95: 5, searchP95: 30, saveP95: 15 } },
      node: process.version,
      cpus: os.cpus().length,
      at: new Date().toISOString(),
    };
    const row = (name: string, s: Stats, t: Stats, target?: number) =>
      `${name.padEnd(26)} ${String(s.p50).padStart(9)} ${String(s.p95).padStart(9)}   ${String(t.p50).padStart(9)} ${String(t.p95).padStart(9)} ${target === undefined ? '' : `${String(target).padStart(7)}  ${t.p95 <= target ? 'ok' : 'MISSED'}`}`;
    console.log(
      `\n${'measure (ms)'.padEnd(26)} ${'SQLite p50'.padStart(9)} ${'p95'.padStart(9)}   ${'Postgres p50'.padStart(9)} ${'p95'.padStart(9)} ${'target'.padStart(7)}`,
    );
    console.log(row('queue page (50)', sqlite.queuePageMs, postgres.queuePageMs, 5));
    console.log(row('three-word search', sqlite.searchMs, postgres.searchMs, 30));
    console.log(row('save 1,500 words', sqlite.saveMs, postgres.saveMs, 15));
    console.log(row('cold start + first page', sqlite.coldStartMs, postgres.coldStartMs));
    for (const [name, r] of [
      ['SQLite, 1 process', sqliteLoad],
      ['PostgreSQL, 2 processes', pgLoad],
    ] as const) {
      console.log(
        `${name}: ${r.clients} clients for ${r.seconds} s — ${r.savesPerSecond} saves/s, p50 ${r.saveMs.p50} ms, p95 ${r.saveMs.p95} ms, ${r.refused} refused, ${r.savesLost} saves lost`,
      );
    }
    console.log(`generated ${COUNT.toLocaleString('en')} stories in ${sqlite.generateSeconds} s (SQLite) and ${postgres.generateSeconds} s (PostgreSQL)`);
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync('bench-results/postgres.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('Wrote bench-results/postgres.json');
    if (pgLoad.savesLost > 0 || sqliteLoad.savesLost > 0) process.exitCode = 1;
  } finally {
    await cluster.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
