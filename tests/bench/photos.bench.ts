// Photo import benchmark: 100 generated 24-megapixel JPEGs through the real import pipeline.
// Reports images/s, p95 per image, peak RSS and the longest event-loop stall, beside
// ImageMagick's `convert -thumbnail` on the same files when real ImageMagick is installed.
// Then hostile files (100,000 IIM keywords and kin) through a real core beside an ordinary photo
// of similar size: import time and the longest wait of another client's staff.list meanwhile.
// Then the metadata readers on the ExifTool oracle cases: fields that agree, and time per file of
// Newsdesk's worker against ExifTool kept open (as exiftool-vendored would run it).
// Run: npx tsx tests/bench/photos.bench.ts [count]   → bench-results/photos.json
// (PHOTO_BENCH_COUNT sets the count too, e.g. PHOTO_BENCH_COUNT=20 npm run bench -- photos)

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { openDatabase } from '../../db/sqlite/connection.js';
import { insertStaff } from '../../db/staff.js';
import { createCore } from '../../core/core.js';
import { metadataReader } from '../../core/photos/metadata/reader.js';
import { importOne, type ImportOutcome } from '../../core/photos/pipeline.js';
import { writerFor } from '../../core/write.js';
import type { NewsroomAccess, PhotoAsset } from '../../shared/domain.js';
import { DEMO_PASSWORD } from '../../core/staff/passwords.js';
import { exifTiff, iimKeywordFlood, pngWithExif, pngWithXmp, xmpKeywordBag } from '../integration/photos/hostileFiles.js';
import { withXmp, xmpPacket } from '../integration/photos/helpers.js';
import { probeLatency } from '../integration/photos/latencyProbe.js';
import { compareWithExiftool, generateMwgCases, readWithExiftool } from '../integration/photos/mwgCases.js';
import { sqliteStore } from '../../db/sqlite/store.js';

const COUNT = Number(process.argv[2] === '--generate' ? process.argv[4] : (process.argv[2] ?? process.env.PHOTO_BENCH_COUNT ?? 100));
const WIDTH = 6000;
const HEIGHT = 4000;
const CONCURRENCY = Number(process.env.PHOTO_CONCURRENCY ?? 2);
const TARGETS = { imagesPerSecond: 8, maxStallMs: 50, peakRssMb: 1024 };

const DISTINCT = 4;

/** A realistic-looking 24 MP photo: a smooth gradient under fine gaussian noise, so JPEG has real work to do. */
async function generateBase(file: string, i: number): Promise<void> {
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="hsl(${(i * 83) % 360},60%,60%)"/><stop offset="1" stop-color="#203040"/>` +
      `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 24 } } })
    .raw()
    .toBuffer();
  await sharp(gradient)
    .composite([{ input: noise, raw: { width: WIDTH, height: HEIGHT, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .toFile(file);
}

/**
 * Writes COUNT distinct files: a few generated photos, each copy made unique by a JPEG comment
 * segment (different bytes and hash, the same decoding work), so setup takes seconds, not minutes.
 */
async function generateAll(dir: string, count: number): Promise<string[]> {
  const bases: Buffer[] = [];
  for (let i = 0; i < Math.min(DISTINCT, count); i++) {
    const file = path.join(dir, `base-${i}.jpg`);
    await generateBase(file, i);
    bases.push(fs.readFileSync(file));
    fs.rmSync(file);
  }
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const text = Buffer.from(`newsdesk bench copy ${i}`);
    const com = Buffer.alloc(4);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(text.length + 2, 2);
    const file = path.join(dir, `bench-${String(i).padStart(3, '0')}.jpg`);
    fs.writeFileSync(file, Buffer.concat([base.subarray(0, 2), com, text, base.subarray(2)]));
    files.push(file);
  }
  return files;
}

/** An ordinary photo (gaussian noise, so JPEG has real work) of about `bytes` bytes. */
async function ordinaryPhoto(bytes: number): Promise<Buffer> {
  const edge = Math.round(Math.sqrt(bytes / 0.33)); // this noise at quality 85: about 0.44 bytes a pixel
  return sharp({ create: { width: edge, height: Math.round(edge * 0.75), channels: 3, background: '#567', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

type ImportAnswer = { results: { ok: boolean; asset?: PhotoAsset; error?: string }[] };

/**
 * Each file imported alone through a real core (as the photo editor, raw bytes as over IPC)
 * while another client calls staff.list every 10 ms, after an ordinary JPEG and PNG to warm up.
 */
async function hostileCase(work: string) {
  const flood = await iimKeywordFlood(100_000);
  const cases: [string, Buffer][] = [
    ['ordinary photo (baseline)', await ordinaryPhoto(flood.length)],
    ['100,000 IIM keywords', flood],
    ['100,000-keyword XMP bag (PNG)', await pngWithXmp(xmpKeywordBag(100_000))],
    ['60 KB XMP start tag of junk', withXmp(await ordinaryPhoto(64 * 1024), xmpPacket('').replace("rdf:about=''", `rdf:about='' ${'a'.repeat(60_000)}`))],
    ['6 MB EXIF (PNG eXIf)', await pngWithExif(exifTiff({ entries: 65_535, creators: 500_000 }))],
    // Unpacked no further than the XMP limit; the image decoder is given the file without its text chunks.
    ['25 MB XMP deflated into a 2.6 MB PNG', await pngWithXmp(xmpKeywordBag(1_000_000), { compressed: true })],
  ];
  const dataDir = path.join(work, 'hostile');
  const core = await createCore({ dataDir, demo: true, onInternalError: () => undefined });
  try {
    const { demoAccounts } = (await core.call(null, 'session.access', {})) as NewsroomAccess;
    const editor = demoAccounts.find((s) => s.roles.includes('photo_editor'))!;
    const { token } = (await core.call(null, 'session.signIn', { email: editor.email, password: DEMO_PASSWORD })) as { token: string };
    const importFile = (name: string, data: Buffer) => core.call(token, 'photos.import', { files: [{ name, data: new Uint8Array(data) }] }) as Promise<ImportAnswer>;
    const rows: Record<string, Record<string, unknown>> = {};
    const warm = await ordinaryPhoto(200_000);
    await importFile('warm-up.jpg', warm);
    await importFile('warm-up.png', await sharp(warm).png().toBuffer());
    for (const [label, data] of cases) {
      const probed = await probeLatency(core, token, () => importFile(`${label}.jpg`, data));
      const r = probed.result.results[0]!;
      rows[label] = {
        mb: Number((data.length / 1024 / 1024).toFixed(2)),
        importMs: Math.round(probed.ms),
        staffListCalls: probed.latencies.length,
        staffListMaxMs: Number(probed.maxLatencyMs.toFixed(1)),
        staffListP50Ms: Number(percentile(probed.latencies, 50).toFixed(1)),
        outcome: r.ok ? `imported, ${r.asset?.keywords.length ?? 0} keywords` : `refused: ${r.error}`,
      };
    }
    return rows;
  } finally {
    await core.close();
  }
}

function realImageMagick(): boolean {
  if (!fs.existsSync('/usr/bin/convert')) return false;
  const out = spawnSync('/usr/bin/convert', ['-version'], { encoding: 'utf8' });
  return out.status === 0 && /ImageMagick/.test(out.stdout);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** ExifTool kept running (-stay_open), the way exiftool-vendored drives it: one command per file. */
function stayOpenExiftool() {
  const proc = spawn('exiftool', ['-stay_open', 'True', '-@', '-'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let buffered = '';
  let waiting: (() => void) | null = null;
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    if (buffered.includes('{ready}') && waiting) {
      buffered = '';
      const done = waiting;
      waiting = null;
      done();
    }
  });
  return {
    read: (file: string) =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        proc.stdin.write(['-j', '-use', 'MWG', '-MWG:all', file, '-execute', ''].join('\n'));
      }),
    close: () => {
      proc.stdin.write('-stay_open\nFalse\n');
      proc.stdin.end();
    },
  };
}

/**
 * The metadata readers on the ExifTool oracle's cases (tests/integration/photos/mwgCases.ts):
 * how many fields agree, and the time per file of Newsdesk's worker against ExifTool's, the
 * maintained reference a library such as exiftool-vendored would bring (a Perl process beside
 * the app, kept open).
 */
async function metadataReaders(work: string) {
  const dir = path.join(work, 'mwg');
  fs.mkdirSync(dir);
  const cases = await generateMwgCases(dir);
  const comparison = compareWithExiftool(cases, readWithExiftool(cases));
  const ROUNDS = 10;
  const files = cases.map((c) => fs.readFileSync(c.file));
  const reader = metadataReader();
  for (const f of files) await reader.read(f); // warm
  let t = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const f of files) await reader.read(f);
  const newsdeskMs = (performance.now() - t) / (ROUNDS * files.length);
  const exiftool = stayOpenExiftool();
  await exiftool.read(cases[0]!.file); // warm (Perl compiles ExifTool's modules once)
  t = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const c of cases) await exiftool.read(c.file);
  const exiftoolMs = (performance.now() - t) / (ROUNDS * cases.length);
  exiftool.close();
  t = performance.now();
  execFileSync('exiftool', ['-j', '-use', 'MWG', '-MWG:all', cases[0]!.file], { stdio: 'ignore' });
  const exiftoolColdMs = performance.now() - t;
  return {
    cases: comparison.cases,
    fieldsCompared: comparison.fieldsCompared,
    agree: comparison.agree,
    explained: comparison.explained,
    disagreements: comparison.disagreements,
    msPerFile: {
      newsdeskWorker: Number(newsdeskMs.toFixed(2)),
      exiftoolStayOpen: Number(exiftoolMs.toFixed(2)),
      exiftoolOneProcessPerFile: Math.round(exiftoolColdMs),
    },
  };
}

async function main() {
  const work = fs.mkdtempSync(path.join(process.env.PHOTO_BENCH_TMP ?? os.tmpdir(), 'newsdesk-photo-bench-'));
  const srcDir = path.join(work, 'src');
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(srcDir);
  fs.mkdirSync(dataDir);
  console.log(`Generating ${COUNT} ${WIDTH}×${HEIGHT} JPEGs in ${srcDir} (not timed)…`);
  // Generated in a child process, so the import's peak memory is the import's alone.
  const gen = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--generate', srcDir, String(COUNT)], {
    stdio: 'inherit',
  });
  if (gen.status !== 0) throw new Error('generating the bench images failed');
  const files = fs
    .readdirSync(srcDir)
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => path.join(srcDir, f));
  const totalBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`  ${(totalBytes / COUNT / 1024 / 1024).toFixed(1)} MB per file on average`);

  const db = sqliteStore(openDatabase(path.join(dataDir, 'newsdesk.db')));
  const staffId = await insertStaff(db, { name: 'Bench', email: 'bench@example.com', roles: ['photo_editor'], desks: [] });
  const deps = { db, write: writerFor({ db, emit: () => undefined }), dataDir, now: () => new Date(), maxBytes: 100 * 1024 * 1024, staffId };

  // The one synchronous step of an import is the SQLite write (better-sqlite3; with synchronous=FULL
  // each commit waits for fsync). Timed here so a stall can be told apart from the machine's load.
  let longestSqlWriteMs = 0;
  const statementProto = Object.getPrototypeOf(db.raw.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
  const originalRun = statementProto.run;
  statementProto.run = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return originalRun.apply(this, args);
    } finally {
      longestSqlWriteMs = Math.max(longestSqlWriteMs, performance.now() - started);
    }
  };

  // Peak RSS sampled often; the event-loop histogram measures every stall of this process.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const perImage: number[] = [];
  const outcomes: ImportOutcome[] = [];

  // The same monitor on an idle loop for a few seconds first: on a shared, busy machine the
  // scheduler alone delays the loop, and that baseline tells it apart from the import's own stalls.
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  // Meanwhile the metadata worker starts (from sources that means compiling them, about a second;
  // a built app starts it in tens of milliseconds), so its start is not timed as an import.
  const workerStarted = performance.now();
  await metadataReader().read(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer(),
  );
  const metadataWorkerStartMs = Math.round(performance.now() - workerStarted);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  idle.disable();
  const idleBaselineMaxStallMs = Number((idle.max / 1e6).toFixed(1));

  // GC pauses are reported apart: they stall the loop too, and tell allocation churn from blocking work.
  let maxGcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) maxGcMs = Math.max(maxGcMs, e.duration);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const loadBefore = os.loadavg()[0]!;
  loop.enable();
  const t0 = performance.now();
  // When the long stalls happen (ms from the start): at the start is warm-up, spread out is load.
  const stallsOver50: { atMs: number; ms: number }[] = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - lastTick > 55) stallsOver50.push({ atMs: Math.round(lastTick - t0), ms: Math.round(now - lastTick - 5) });
    lastTick = now;
  }, 5);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const start = performance.now();
      // Reading the file stands in for the bytes arriving over IPC (outside the pipeline).
      const data = await fs.promises.readFile(file);
      outcomes.push(await importOne(deps, { name: path.basename(file), data }));
      perImage.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  loop.disable();
  clearInterval(sampler);
  clearInterval(ticker);
  gcObserver.disconnect();
  const loadAfter = os.loadavg()[0]!;

  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length) console.error('Failures:', failed.slice(0, 3));
  const sharpResult = {
    images: COUNT,
    imported: outcomes.filter((o) => o.ok).length,
    concurrency: CONCURRENCY,
    libvipsThreads: sharp.concurrency(),
    seconds: Number(elapsed.toFixed(2)),
    imagesPerSecond: Number((COUNT / elapsed).toFixed(2)),
    p50Ms: Math.round(percentile(perImage, 50)),
    p95Ms: Math.round(percentile(perImage, 95)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    maxEventLoopStallMs: Number((loop.max / 1e6).toFixed(1)),
    p99EventLoopDelayMs: Number((loop.percentile(99) / 1e6).toFixed(1)),
    idleBaselineMaxStallMs,
    metadataWorkerStartMs,
    maxGcPauseMs: Number(maxGcMs.toFixed(1)),
    longestSqlWriteMs: Number(longestSqlWriteMs.toFixed(1)),
    stallsOver50,
    /** 1-minute load average before and after: on a shared machine, other work skews every figure. */
    loadAverage: [Number(loadBefore.toFixed(2)), Number(loadAfter.toFixed(2))],
  };

  let imagemagick: Record<string, unknown> = { skipped: 'ImageMagick not installed — baseline skipped' };
  if (realImageMagick()) {
    const outDir = path.join(work, 'im');
    fs.mkdirSync(outDir);
    const times: number[] = [];
    const ti = performance.now();
    for (const file of files) {
      const s = performance.now();
      execFileSync('/usr/bin/convert', [file, '-auto-orient', '-thumbnail', '400x400', path.join(outDir, path.basename(file))]);
      times.push(performance.now() - s);
    }
    const seconds = (performance.now() - ti) / 1000;
    imagemagick = {
      command: 'convert IN -auto-orient -thumbnail 400x400 OUT (one process per file, sequential)',
      seconds: Number(seconds.toFixed(2)),
      imagesPerSecond: Number((COUNT / seconds).toFixed(2)),
      p95Ms: Math.round(percentile(times, 95)),
    };
  } else {
    console.log('ImageMagick not installed — baseline skipped');
  }

  console.log('Hostile files (each imported alone through a real core, another client calling staff.list every 10 ms)…');
  const hostile = await hostileCase(work);

  console.log('Metadata readers on the ExifTool oracle cases…');
  const hasExiftool = spawnSync('exiftool', ['-ver']).status === 0;
  const metadata = hasExiftool ? await metadataReaders(work) : { skipped: 'ExifTool not installed (apt-get install libimage-exiftool-perl)' };

  const verdict = {
    imagesPerSecond: sharpResult.imagesPerSecond >= TARGETS.imagesPerSecond,
    maxStall: sharpResult.maxEventLoopStallMs <= TARGETS.maxStallMs,
    peakRss: sharpResult.peakRssMb < TARGETS.peakRssMb,
  };
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', node: process.version, sharp: sharp.versions },
    input: { count: COUNT, width: WIDTH, height: HEIGHT, averageBytes: Math.round(totalBytes / COUNT), tmp: path.dirname(work) },
    newsdesk: sharpResult,
    imagemagick,
    hostile,
    metadata,
    targets: TARGETS,
    meetsTargets: verdict,
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/photos.json', `${JSON.stringify(report, null, 2)}\n`);
  console.table({ newsdesk: sharpResult });
  console.log('imagemagick:', imagemagick);
  console.table(hostile);
  console.log('metadata readers:', metadata);
  console.log('targets met:', verdict);
  db.close();
  fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[2] === '--generate') {
  void generateAll(process.argv[3]!, COUNT).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  void main();
}
