// Bad input never crashes or hangs the engine: empty stories, one 100,000-character paragraph
// (Latin, Korean, mixed), text made of quotation marks and brackets. Every check is linear or
// near it; the bound here is generous (2 s) so a slow CI machine does not fail it, while a
// quadratic check (tens of seconds on these inputs) would.

import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/body.js';
import { CHECKS, MAX_FINDINGS_PER_CHECK, runChecks, type CheckInput } from '../../../shared/checks/index.js';
import { buildContext } from '../../../shared/checks/context.js';
import { sentences } from '../../../shared/checks/sentences.js';
import type { Finding } from '../../../shared/domain.js';
import { countWords } from '../../../shared/text.js';
import { expectWellFormed, ids, only, photo, seed, story } from './checks-support.js';

const BOUND_MS = 2000;
/** Findings go to the editor's worker and the core as JSON: a hostile text never makes more than this. */
const MAX_JSON_BYTES = 1_000_000;

/** Runs the checks, asserting they finish within the bound, and that each check alone does. */
function timed(input: CheckInput): Finding[] {
  const ctx = buildContext(input);
  for (const check of CHECKS) {
    const t0 = performance.now();
    check.run(ctx);
    expect(performance.now() - t0, check.id).toBeLessThan(BOUND_MS);
  }
  const t0 = performance.now();
  const findings = runChecks(input);
  expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  expectWellFormed(input, findings);
  return findings;
}

/** About `n` characters of `unit` repeated. */
const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const LATIN = 'North Korea fired a missile on Monday, officials said, and the talks went on ';
const KOREAN = '북한이 월요일 미사일을 발사했다고 군 당국이 밝혔으며 회담은 계속됐다 ';
const MIXED = 'Yoon met 기시다 in 東京, “saying 안보 협력” (and more) ';

describe('empty stories', () => {
  it('an empty body, headline, byline and dateline: the blocking findings, nothing else broken', () => {
    const input = seed(({ story, photos }) => {
      story.headline = '';
      story.subheadlines = [];
      story.byline = [];
      story.dateline = '';
      story.body = { type: 'doc', content: [{ type: 'paragraph' }] };
      photos.length = 0;
    });
    const findings = timed(input);
    expect(ids(findings)).toEqual(['headline-missing', 'body-empty', 'byline-empty', 'dateline-missing']);
  });

  it('a doc with no content at all, and empty photo fields', () => {
    const input = seed(({ story, photos }) => {
      story.body = { type: 'doc' };
      for (const p of photos) Object.assign(p, { caption: '', credit: '', alt: '' });
    });
    const findings = timed(input);
    expect(ids(findings)).toEqual([
      'body-empty',
      'photo-caption-missing',
      'photo-caption-missing',
      'photo-credit-missing',
      'photo-credit-missing',
      'photo-alt-missing',
      'photo-alt-missing',
    ]);
  });
});

describe('one 100,000-character paragraph', () => {
  it('Latin: one long sentence noted, the paragraph noted, words counted', () => {
    const text = fill(LATIN, 100_000);
    const findings = timed(story([text]));
    expect(only(findings, 'long-sentence')).toHaveLength(1);
    expect(only(findings, 'long-paragraph')).toHaveLength(1);
    expect(only(findings, 'reading-time')[0]!.message).toMatch(/^\d{5} words, about \d+ min to read$/);
    expect(findings.filter((f) => f.severity === 'blocking')).toEqual([]);
  });

  it('Latin with full stops: thousands of short sentences, none noted', () => {
    const findings = timed(story([fill('The talks went on. Mr. Kim agreed. ', 100_000)]));
    expect(only(findings, 'long-sentence')).toEqual([]);
  });

  it('Korean', () => {
    const findings = timed(story([fill(KOREAN, 100_000)], { language: 'ko' }));
    expect(only(findings, 'long-sentence')).toHaveLength(1);
    expect(findings.filter((f) => f.severity === 'blocking')).toEqual([]);
  });

  it('mixed Korean, Japanese, Chinese and Latin (the Intl.Segmenter path of countWords)', () => {
    const text = fill(MIXED, 100_000);
    const findings = timed(story([text], { language: 'ko' }));
    expect(only(findings, 'reading-time')).toHaveLength(1);
    // Every “ in it is closed by ” and every ( by ), except where the cut at 100,000 falls.
    expect(only(findings, 'unbalanced-quotes').length + only(findings, 'unbalanced-brackets').length).toBeLessThanOrEqual(2);
  });

  it('Japanese without a single space or full stop', () => {
    timed(story([fill('北朝鮮がミサイルを発射した', 100_000)], { language: 'ja' }));
  });

  it('one word of 100,000 letters, and one of 50,000 hyphenated capitals', () => {
    timed(story([fill('a', 100_000)]));
    timed(story([`${fill('Ab-', 50_000)}1`]));
    timed(story([fill('Kim Min-jung Kim Min-jeong ', 100_000)]));
  });

  it('thousands of different names, each spelled two ways', () => {
    const stem = (i: number) => i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
    const names = Array.from({ length: 3000 }, (_, i) => `Kim Ba${stem(i)}-jung met Lee Ba${stem(i)}-jeong, Kim Ba${stem(i)}-jeong said.`);
    const findings = timed(story([names.join(' ')]));
    expect(only(findings, 'name-spelling')).toHaveLength(MAX_FINDINGS_PER_CHECK);
  });

  it('2,000 and 4,000 case variants of one name in one paragraph: one finding, small and quick', () => {
    // "Kim Baaaaaaaaaaaa said. Kim BAaaaaaaaaaaa said. …": every spelling pairs with every other.
    const variant = (i: number) => `B${Array.from({ length: 12 }, (_, b) => ((i >> b) & 1 ? 'A' : 'a')).join('')}`;
    for (const n of [2000, 4000]) {
      const text = Array.from({ length: n }, (_, i) => `Kim ${variant(i)} said.`).join(' ');
      const findings = timed(story([text]));
      const names = only(findings, 'name-spelling');
      expect(names).toHaveLength(1);
      expect(names[0]!.message).toMatch(
        new RegExp(`^Name spelled ${n.toLocaleString('en-US')} ways: .* and ${(n - 5).toLocaleString('en-US')} more\\. Check which is right\\.$`),
      );
      expect(names[0]!.message.length).toBeLessThan(400);
      // Was 478 MB of JSON at 2,000 (every spelling a fix replacing every other), and a throw at 4,000.
      expect(JSON.stringify(findings).length).toBeLessThan(MAX_JSON_BYTES);
    }
  });

  it('100,000 spaces, and "a a a …"', () => {
    const spaces = timed(story([`x${' '.repeat(100_000)}y`]));
    expect(only(spaces, 'double-space')).toHaveLength(1);
    const doubled = timed(story([fill('a ', 100_000)]));
    expect(only(doubled, 'doubled-word')).toHaveLength(MAX_FINDINGS_PER_CHECK);
  });
});

describe('text full of quotation marks and brackets', () => {
  it('"((((((…" 50,000 times: the first unclosed brackets flagged, capped', () => {
    const input = story(['('.repeat(50_000)], { headline: '('.repeat(50_000), photos: [photo(1, '('.repeat(50_000))] });
    const findings = timed(input);
    const open = only(findings, 'unbalanced-brackets');
    expect(open).toHaveLength(MAX_FINDINGS_PER_CHECK);
    expect(open[0]!.places[0]).toEqual({ field: 'headline', range: { from: 0, to: 1 } });
  });

  it('closing brackets, mixed brackets, quotes of every kind', () => {
    timed(story([')'.repeat(50_000)]));
    timed(story([fill('([{「『', 100_000)]));
    timed(story([fill('\u201c', 50_000), fill('"', 50_000), fill('\u2018', 50_000), fill('\u201d\u2019', 50_000)]));
    timed(story([fill('"a" ', 100_000)]));
    timed(story(Array.from({ length: 2000 }, () => '\u201cA quote that runs on,')));
  });

  it('full stops and abbreviations', () => {
    timed(story([fill('N. ', 100_000)]));
    timed(story([fill('.', 100_000)]));
    timed(story([fill('U.S.', 100_000)]));
    expect(sentences(fill('. ', 100_000))).toHaveLength(50_000);
  });

  it('a caption of ten words repeated through a body of 100,000 one-letter words, overlapping at every word', () => {
    // "a a a … a" in the caption, "a " × 100,000 in the body: 600 ms before, each copy compared with every one taken.
    const input = story([fill('a ', 200_000)], { photos: [photo(1, 'a a a a a a a a a a')] });
    const findings = timed(input);
    expect(only(findings, 'caption-in-body')).toHaveLength(MAX_FINDINGS_PER_CHECK);
    const t0 = performance.now();
    only(runChecks(input), 'caption-in-body');
    expect(performance.now() - t0).toBeLessThan(BOUND_MS / 4);
    expect(JSON.stringify(findings).length).toBeLessThan(MAX_JSON_BYTES);
  });

  it('1,000 copies of one paragraph, and a caption repeated through the body', () => {
    const para = 'The three countries agreed to regularize missile defense exercises.';
    const findings = timed(
      story(
        Array.from({ length: 1000 }, () => para),
        { photos: [photo(1, para)] },
      ),
    );
    expect(only(findings, 'paragraph-repeated')).toHaveLength(MAX_FINDINGS_PER_CHECK);
    expect(only(findings, 'caption-in-body')).toHaveLength(MAX_FINDINGS_PER_CHECK);
  });
});

describe('countWords on one long line', () => {
  it('is linear: 100,000 characters of Japanese, Korean or mixed text count in well under the bound', () => {
    for (const text of [fill('北朝鮮がミサイルを発射した。', 100_000), fill(KOREAN, 100_000), fill(MIXED, 100_000)]) {
      const t0 = performance.now();
      const n = countWords(text, 'ja');
      expect(performance.now() - t0).toBeLessThan(BOUND_MS);
      expect(n).toBeGreaterThan(10_000);
    }
  });

  it('counts a long line the same as its pieces (the segmenter is given it in chunks that cut no word)', () => {
    const unit = 'Yoon met 기시다 in 東京 on Monday. ';
    const pieces = Array.from({ length: 400 }, () => unit);
    expect(countWords(pieces.join(''), 'ko')).toBe(countWords(unit, 'ko') * 400);
    const ja = '北朝鮮がミサイルを発射した。';
    expect(countWords(ja.repeat(500), 'ja')).toBe(countWords(ja, 'ja') * 500);
    expect(docFromParagraphs([''])).toBeTruthy();
  });
});
