// The generated newsroom the storage benchmarks measure: deterministic English and Korean text
// (Zipf-distributed words, a tenth of the stories in Korean) and a bulk load of stories through
// the storage port, the same on SQLite and PostgreSQL.

import { docFromParagraphs } from '../../shared/body.js';
import type { Status } from '../../shared/domain.js';
import { insertStory, optimizeSearchIndex, type Db } from '../../db/index.js';

// ── deterministic text ───────────────────────────────────────────────────────
let seed = 0x2f6b1d;
export const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const CONSONANTS = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';
function englishWord(): string {
  const syllables = 1 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick([...CONSONANTS]) + pick([...VOWELS]) + (rand() < 0.3 ? pick([...CONSONANTS]) : '');
  return w;
}
function koreanWord(): string {
  const n = 2 + Math.floor(rand() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += String.fromCharCode(0xac00 + Math.floor(rand() * 11172));
  return w;
}
const PARTICLES = ['의', '는', '을', '를', '에서', '이', '가', '에', '와'];

function vocabulary(size: number, make: () => string): string[] {
  const set = new Set<string>();
  while (set.size < size) set.add(make());
  return [...set];
}
export const EN = vocabulary(20_000, englishWord);
export const KO = vocabulary(8_000, koreanWord);

/** Zipf(s=1) sampler over a vocabulary. */
function zipf(n: number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
const enIndex = zipf(EN.length);
const koIndex = zipf(KO.length);

export function paragraphs(words: number, korean: boolean): string[] {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 40 + Math.floor(rand() * 80));
    const ws: string[] = [];
    for (let i = 0; i < n; i++) {
      ws.push(korean ? KO[koIndex()]! + (rand() < 0.5 ? pick(PARTICLES) : '') : EN[enIndex()]!);
    }
    out.push(`${ws.join(' ')}.`);
    left -= n;
  }
  return out;
}

// ── measuring ────────────────────────────────────────────────────────────────
export function stats(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]!), n: s.length };
}
export const round = (x: number) => Math.round(x * 1000) / 1000;
export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export const desks = ['North Korea', 'National', 'Business'];

/** Adds `count` stories of 500–1,500 words to a newsroom that has its staff, in transactions of `batch`. */
export async function generateStories(db: Db, count: number, batch = 5000): Promise<void> {
  const staffIds = await db.column<number>('SELECT id FROM staff');
  const statuses: [Status, number][] = [
    ['draft', 0.2],
    ['submitted', 0.15],
    ['editing', 0.1],
    ['approved', 0.05],
    ['scheduled', 0.02],
    ['published', 0.4],
    ['killed', 0.03],
    ['spiked', 0.05],
  ];
  const status = (): Status => {
    let x = rand();
    for (const [s, p] of statuses) if ((x -= p) < 0) return s;
    return 'draft';
  };
  const t0 = Date.parse('2025-11-26T00:00:00Z');
  for (let done = 0; done < count; done += batch) {
    await db.transaction(async () => {
      for (let i = done; i < Math.min(count, done + batch); i++) {
        const korean = i % 10 === 0;
        const words = 500 + Math.floor(rand() * 1001);
        const paras = paragraphs(words, korean);
        const headline = paragraphs(8, korean)[0]!.slice(0, 90);
        const at = new Date(t0 + (i / count) * 365 * 86400_000 + Math.floor(rand() * 60_000)).toISOString();
        const bodyText = paras.join('\n\n');
        await insertStory(db, {
          slug: `story-${i}`,
          desk: desks[i % desks.length]!,
          headline,
          subheadlines: [],
          dateline: korean ? '서울' : 'SEOUL',
          language: korean ? 'ko' : 'en',
          body: docFromParagraphs(paras),
          bodyText,
          wordCount: words,
          createdBy: staffIds[i % staffIds.length]!,
          at,
          bylineIds: [staffIds[i % 3]!],
          status: status(),
        });
      }
    });
    if ((done / batch) % 4 === 3) process.stdout.write(`  ${(done + batch).toLocaleString('en')}\n`);
  }
  // A newsroom's stories have their open findings counted as they are written; counting 100,000
  // generated ones would take minutes here, so they are marked counted (the upgrade path that
  // counts them in the background is tested in tests/integration/core/copyDesk.test.ts).
  await db.run(`UPDATE stories SET findings_blocking = 0, findings_warning = 0, findings_generation = 1`);
  await optimizeSearchIndex(db);
}
