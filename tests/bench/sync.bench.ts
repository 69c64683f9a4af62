// Connected desktop benchmark (not a test), against real processes: one newsroom server, one
// desktop (`serve --connect`) reaching it through a proxy that plays the network.
//
// 1. Replay: a reporter makes 500 saves over 50 stories (ten rounds of one save on each) online
//    through the desktop — the baseline — and then the same 500 saves with the network down, which
//    wait in the outbox; the network comes back and the outbox replays. Prints the total time and
//    the time per save of each, side by side, and how many outbox entries the 500 saves became.
// 2. Opening: the reporter's offline copy holds 10,000 stories (paged through once, as the queue
//    lines; the desktop keeps a part of them whole); the desktop process is started and timed from
//    its start to the first answer of the reporter's draft queue, with the server unreachable (the
//    answer comes from the copy) and reachable (from the server).
//
// Writes bench-results/sync.json.   npm run bench -- sync      SYNC_BENCH_STORIES=2000 npm run bench -- sync

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docFromParagraphs, plainBody } from '../../shared/body.js';
import { insertStory, openDatabase } from '../../db/index.js';
import { startFaultProxy } from '../support/faultProxy.js';
import { sleep, type NewsdeskProcess } from '../support/newsdeskCli.js';
import { clientOf, DEMO, signIn, startDesktop, startServer, statusOf, staffId, textOf, waitForConnection, waitUntil, type Client } from '../support/connectedDesktop.js';
import { summarize, type Summary } from './stats.js';
import { sqliteStore } from '../../db/sqlite/store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STORIES = 50;
const ROUNDS = 10;
const COPY_STORIES = Number(process.env.SYNC_BENCH_STORIES ?? 10_000);
/**
 * The reporter pages through all of their stories before the timing: every story is in the copy
 * as a queue line, and the desktop keeps the first 50 of each page whole (fetching each from the
 * server). Paced under the server's 3,000 calls a minute per session, which those fetches would
 * otherwise exceed.
 */
const PAGE_EVERY_MS = 1_500;
const OPENINGS = 3;

const words = ['ministry', 'unification', 'pyongyang', 'summit', 'delegation', 'border', 'election', 'budget', '북한', '정부', '국회', '통일부'];
const paragraph = (i: number, n = 40): string => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ') + '.';
const bodyOf = (story: number, round: number, phase: string) =>
  docFromParagraphs([paragraph(story), paragraph(story + 1), `${phase} save ${round + 1} of story ${story}.`]);

interface ReplayFigures {
  online: { totalMs: number; perSave: Summary };
  offline: { queueMs: number; perSave: Summary; entries: number; replayMs: number; replayPerSaveMs: number; replayPerEntryMs: number };
  lost: number;
}

/** 500 saves online (the baseline), then the same 500 offline and their replay. */
async function replay(server: NewsdeskProcess, dir: string): Promise<ReplayFigures> {
  const proxy = await startFaultProxy(server.url);
  const desktop = await startDesktop('desktop', proxy.url, path.join(dir, 'replay-desktop'));
  try {
    const a = await signIn(desktop.url, DEMO.park);
    await waitForConnection(desktop, 'online');
    const ids: number[] = [];
    const versions = new Map<number, number>();
    for (let i = 0; i < STORIES; i++) {
      const { story } = await a.api.stories.create({ desk: 'National', headline: `Replay story ${i}` });
      ids.push(story.id);
      versions.set(story.id, story.version);
    }
    const saveAll = async (phase: string): Promise<{ totalMs: number; samples: number[] }> => {
      const samples: number[] = [];
      const t0 = performance.now();
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, id] of ids.entries()) {
          const t = performance.now();
          const { story } = await a.api.stories.save({ id, baseVersion: versions.get(id)!, changes: { body: bodyOf(i, round, phase) } });
          samples.push(performance.now() - t);
          versions.set(id, story.version);
        }
      }
      return { totalMs: performance.now() - t0, samples };
    };

    console.log(`  ${STORIES * ROUNDS} saves over ${STORIES} stories, online through the desktop …`);
    const online = await saveAll('Online');

    console.log(`  the same ${STORIES * ROUNDS} saves with the network down …`);
    await proxy.setMode('refuse');
    await waitForConnection(desktop, 'offline', 15_000);
    const offline = await saveAll('Offline');
    const entries = (await statusOf(desktop)).waiting;

    console.log(`  replaying ${entries} outbox entries …`);
    const t0 = performance.now();
    await proxy.setMode('pass');
    await a.api.desktop.retry({});
    await waitUntil(
      'the outbox to be sent',
      () => statusOf(desktop),
      (s) => s.connection === 'online' && s.waiting === 0 && s.sending === null,
      300_000,
      10,
    );
    const replayMs = performance.now() - t0;

    const there = await signIn(server.url, DEMO.park);
    let lost = 0;
    for (const [i, id] of ids.entries()) {
      const { story } = await there.api.stories.get({ id });
      if (textOf(story.body) !== plainBody(bodyOf(i, ROUNDS - 1, 'Offline'))) lost++;
    }
    return {
      online: { totalMs: online.totalMs, perSave: summarize(online.samples) },
      offline: {
        queueMs: offline.totalMs,
        perSave: summarize(offline.samples),
        entries,
        replayMs,
        replayPerSaveMs: replayMs / (STORIES * ROUNDS),
        replayPerEntryMs: replayMs / Math.max(1, entries),
      },
      lost,
    };
  } finally {
    await desktop.stop('SIGKILL');
    await proxy.close();
  }
}

interface OpeningFigures {
  stories: number;
  prefetchMs: number;
  offline: number[];
  online: number[];
}

/** The time from the desktop's start to its first answer of the draft queue, with a copy of COPY_STORIES stories. */
async function opening(server: NewsdeskProcess, serverDir: string, dir: string): Promise<OpeningFigures> {
  // The reporter's stories go straight into the server's database (the server stopped), as a
  // newsroom's years of drafts would be there.
  const admin = await signIn(server.url, DEMO.han);
  const parkId = await staffId(admin, DEMO.park);
  await server.stop('SIGTERM');
  const db = openDatabase(path.join(serverDir, 'newsdesk.db'), { check: 'quick' });
  try {
    await db.transaction(async () => {
      for (let i = 0; i < COPY_STORIES; i++) {
        const body = docFromParagraphs([paragraph(i), paragraph(i + 1)]);
        await insertStory(sqliteStore(db), {
          slug: `copy-${i}`,
          desk: 'National',
          headline: `Copy story ${i} ${words[i % words.length]}`,
          subheadlines: [],
          dateline: 'SEOUL',
          language: 'en',
          body,
          bodyText: plainBody(body),
          wordCount: 80,
          createdBy: parkId,
          at: new Date(Date.now() - i * 60_000).toISOString(),
          bylineIds: [parkId],
        });
      }
    })();
  } finally {
    db.close();
  }
  await server.restart();

  const proxy = await startFaultProxy(server.url);
  const dataDir = path.join(dir, 'opening-desktop');
  const desktop = await startDesktop('desktop', proxy.url, dataDir, { pollMs: 5 });
  try {
    let a: Client = await signIn(desktop.url, DEMO.park);
    await waitForConnection(desktop, 'online');
    // The reporter pages through all of them once (the copy keeps each line, the desktop some whole), then the queue.
    console.log(`  filling the desktop's offline copy: the reporter pages through ${COPY_STORIES} stories …`);
    const queue = { bylineStaffId: parkId, status: ['draft' as const], limit: 50 };
    const t0 = performance.now();
    const all: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await a.api.stories.list({ bylineStaffId: parkId, limit: 200, ...(cursor ? { cursor } : {}) });
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      await sleep(PAGE_EVERY_MS);
    } while (cursor);
    await a.api.stories.list(queue);
    const prefetchMs = performance.now() - t0;
    const token = a.tokens.get();

    const figures: OpeningFigures = { stories: all.length, prefetchMs, offline: [], online: [] };
    for (const reachable of [false, true]) {
      for (let run = 0; run < OPENINGS; run++) {
        await desktop.stop('SIGTERM');
        await proxy.setMode(reachable ? 'pass' : 'refuse');
        const started = performance.now();
        await desktop.restart();
        a = clientOf(desktop.url, token);
        const answer = await waitUntil(
          'the first queue answer',
          () => a.api.stories.list(queue),
          (r) => r.items.length > 0,
          120_000,
          5,
        );
        const ms = performance.now() - started;
        (reachable ? figures.online : figures.offline).push(ms);
        console.log(`    ${reachable ? 'online ' : 'offline'} start ${run + 1}: ${ms.toFixed(0)} ms to the first queue (${answer.total} drafts)`);
        await sleep(500);
      }
    }
    return figures;
  } finally {
    await desktop.stop('SIGKILL');
    await proxy.close();
  }
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-sync-bench-'));
  const serverDir = path.join(dir, 'server');
  const server = await startServer(serverDir, undefined, ['--no-access-log']);
  try {
    console.log('Replay of queued saves');
    const r = await replay(server, dir);
    const saves = STORIES * ROUNDS;
    console.log(`\n${saves} saves over ${STORIES} stories   ${'online (baseline)'.padEnd(22)} offline, then replayed`);
    console.log(`${'total'.padEnd(34)} ${ms(r.online.totalMs).padEnd(22)} ${ms(r.offline.replayMs)} to replay (${ms(r.offline.queueMs)} to queue them)`);
    console.log(
      `${'per save'.padEnd(34)} ${`${r.online.perSave.p50.toFixed(1)} ms p50, ${r.online.perSave.p95.toFixed(1)} p95`.padEnd(22)} ${r.offline.replayPerSaveMs.toFixed(1)} ms replayed (queued: ${r.offline.perSave.p50.toFixed(1)} ms p50, ${r.offline.perSave.p95.toFixed(1)} p95)`,
    );
    console.log(
      `${'sent to the server as'.padEnd(34)} ${`${saves} saves`.padEnd(22)} ${r.offline.entries} outbox entries (${r.offline.replayPerEntryMs.toFixed(1)} ms each)`,
    );
    console.log(`${'saves lost'.padEnd(34)} ${'0'.padEnd(22)} ${r.lost}`);
    console.log('\nOpening a desktop with a large offline copy');
    const o = await opening(server, serverDir, dir);
    console.log(`\nfirst queue answer after the desktop starts, offline copy of ${o.stories} stories (paged through in ${ms(o.prefetchMs)}):`);
    console.log(`  server unreachable (from the copy): ${o.offline.map(ms).join(', ')}   median ${ms(median(o.offline))}`);
    console.log(`  server reachable:                   ${o.online.map(ms).join(', ')}   median ${ms(median(o.online))}`);

    const result = {
      cores: os.cpus().length,
      replay: { saves, stories: STORIES, ...r },
      opening: { ...o, offlineMedianMs: median(o.offline), onlineMedianMs: median(o.online) },
    };
    fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench-results/sync.json'), JSON.stringify(result, null, 2) + '\n');
    if (r.lost > 0) throw new Error(`${r.lost} stories lost their last save`);
  } finally {
    await server.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
