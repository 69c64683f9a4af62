// Precision and recall of the name checks on the test set in checksNamesCorpus.ts and on the
// real published article (tests/fixtures/seed-article). Used by the checks benchmark (figures in
// bench-results/checks.json) and by a unit test that holds the targets.

import { docFromParagraphs } from '../../shared/body.js';
import { DEFAULT_CHECK_SETTINGS, runChecks, type CheckInput } from '../../shared/checks/index.js';
import type { Finding } from '../../shared/domain.js';
import { seedStory } from '../unit/shared/seed.js';
import { DIFFERENT_PEOPLE, pairParagraphs, SAME_PEOPLE, WRITTEN_ARTICLES, type NamePair } from './checksNamesCorpus.js';

/** The checks that say two spellings may be one person's. */
const NAME_CHECKS = new Set(['name-spelling', 'name-slip']);

/**
 * The spellings each name finding pairs, sorted: [["Seo Min-jeong", "Seo Min-jung"]]. A finding
 * naming one spelling (not the people list's house spelling) pairs nothing: it is left out.
 */
export function nameGroups(findings: readonly Finding[]): string[][] {
  return findings
    .filter((f) => NAME_CHECKS.has(f.id))
    .map((f) => [...new Set([...f.message.matchAll(/"([^"]+)" \(/g)].map((m) => m[1]!))].sort())
    .filter((g) => g.length > 1);
}

type Extra = Partial<Omit<CheckInput, 'story' | 'photos' | 'settings'>>;

function storyInput(paragraphs: string[], extra: Extra): CheckInput {
  const base = seedStory().story;
  return { ...extra, story: { ...base, headline: 'Talks', subheadlines: [], body: docFromParagraphs(paragraphs) }, photos: [], settings: DEFAULT_CHECK_SETTINGS };
}

const paired = (groups: string[][], p: NamePair): boolean => groups.some((g) => g.includes(p.a) && g.includes(p.b));

export interface NameScore {
  samePairs: number;
  samePairsFound: number;
  /** Same-person pairs the checks did not pair, with the rule they need. */
  missed: string[];
  differentPairs: number;
  /** Different people the checks paired: false alarms. */
  wronglyPaired: string[];
  articles: number;
  /** Name findings on the articles that no copy editor would raise. */
  articleFalseAlarms: string[];
  /** Findings on the articles a copy editor would raise, found / expected. */
  articleFindingsFound: number;
  articleFindingsExpected: number;
  /** Found true / all found (pairs and articles). */
  precision: number;
  /** Same-person pairs found / same-person pairs. */
  recall: number;
}

/** Runs every pair and article through the checks; `extra` adds to the check input (a people list). */
export function scoreNames(extra: Extra = {}): NameScore {
  const missed: string[] = [];
  for (const p of SAME_PEOPLE) if (!paired(nameGroups(runChecks(storyInput(pairParagraphs(p), extra))), p)) missed.push(`${p.a} / ${p.b} (${p.kind})`);
  const wronglyPaired: string[] = [];
  for (const p of DIFFERENT_PEOPLE) if (nameGroups(runChecks(storyInput(pairParagraphs(p), extra))).length > 0) wronglyPaired.push(`${p.a} / ${p.b}`);

  const seed = seedStory();
  const articles = [
    // The real published article: its caption and body spell one official two ways.
    { title: 'Korea Herald, 2023-04-17 (real)', input: { ...extra, ...seed, settings: DEFAULT_CHECK_SETTINGS }, expected: [['Seo Min-jeong', 'Seo Min-jung']] },
    ...WRITTEN_ARTICLES.map((a) => ({ title: a.title, input: storyInput(a.paragraphs, extra), expected: a.expected })),
  ];
  const articleFalseAlarms: string[] = [];
  let articleFindingsFound = 0;
  let articleFindingsExpected = 0;
  for (const a of articles) {
    const groups = nameGroups(runChecks(a.input));
    const expected = new Set(a.expected.map((g) => [...g].sort().join(' / ')));
    articleFindingsExpected += expected.size;
    for (const g of groups) {
      if (expected.has(g.join(' / '))) articleFindingsFound += 1;
      else articleFalseAlarms.push(`${a.title}: ${g.join(' / ')}`);
    }
  }

  const samePairsFound = SAME_PEOPLE.length - missed.length;
  const truePositives = samePairsFound + articleFindingsFound;
  const falsePositives = wronglyPaired.length + articleFalseAlarms.length;
  const round = (x: number) => Number(x.toFixed(3));
  return {
    samePairs: SAME_PEOPLE.length,
    samePairsFound,
    missed,
    differentPairs: DIFFERENT_PEOPLE.length,
    wronglyPaired,
    articles: articles.length,
    articleFalseAlarms,
    articleFindingsFound,
    articleFindingsExpected,
    precision: round(truePositives / Math.max(1, truePositives + falsePositives)),
    recall: round(samePairsFound / SAME_PEOPLE.length),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(scoreNames(), null, 2));
