// Who wrote which words: each save's changed words go to the person saving, the rest keep their
// writer, and the shares follow the current text (not everything ever typed).

import { describe, expect, it } from 'vitest';
import { attributeSave, countWordsByWriter, singleWriter, textShares, WORD_DIFF_LIMIT, type TextAuthorship } from '../../../shared/authorship.js';

const REPORTER = 1;
const DESK = 2;
const OTHER_DESK = 3;

const words = (n: number, tag = 'w') => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');

/** A sequence of saves, each by a writer, starting from text written by REPORTER. */
function history(first: string, saves: [number, string][], language = 'en'): TextAuthorship {
  let text = first;
  let authorship = singleWriter(first, REPORTER, language);
  for (const [writer, next] of saves) {
    authorship = attributeSave({ text, authorship, writer: REPORTER }, next, writer, language);
    text = next;
    // The running tally always agrees with a count over the whole text.
    expect(countWordsByWriter(text, authorship.runs, language)).toEqual(authorship.words);
    expect(authorship.runs.reduce((sum, [, n]) => sum + n, 0)).toBe(text.length);
  }
  return authorship;
}

const shareOf = (a: TextAuthorship, id: number) => textShares(a.words).find((s) => s.staffId === id)?.percent ?? 0;

describe('attributeSave', () => {
  it('gives a copy editor the few words they changed, and the reporter the rest', () => {
    const story = `Headline\n\n${words(200)}`;
    const fixed = story.replace('w10 ', 'fixed ').replace('w150 w151', 'better phrasing');
    const a = history(story, [[DESK, fixed]]);
    expect(a.words).toEqual([
      [REPORTER, 198],
      [DESK, 3],
    ]);
    expect(shareOf(a, DESK)).toBe(1);
  });

  it('gives a rewrite to the person who rewrote it, whatever words happen to repeat', () => {
    const story = `Headline\n\n${words(100)}`;
    const rewritten = `New headline\n\n${words(100, 'desk')}`;
    const a = history(story, [[DESK, rewritten]]);
    expect(shareOf(a, DESK)).toBe(100);
    expect(shareOf(a, REPORTER)).toBe(0);
  });

  it('counts the current text only: typing and deleting, or autosaving word by word, adds nothing', () => {
    const base = words(100);
    const a = history(base, [
      [DESK, `${base} an aside`],
      [DESK, `${base} an aside that grows`],
      [DESK, base],
      [DESK, `${base} end`],
    ]);
    expect(a.words).toEqual([
      [REPORTER, 100],
      [DESK, 1],
    ]);
  });

  it('keeps each writer on their words through later edits by others', () => {
    const base = `Top\n\n${words(50)}\n\n${words(50, 'x')}`;
    const desk = base.replace(words(50, 'x'), words(50, 'desk'));
    const back = desk.replace('w0 w1 w2', 'reporter again here');
    const a = history(base, [
      [DESK, desk],
      [REPORTER, back],
      [OTHER_DESK, `${back}\n\nA line from the other desk editor.`],
    ]);
    expect(Object.fromEntries(a.words)).toEqual({ [REPORTER]: 1 + 50, [DESK]: 50, [OTHER_DESK]: 7 });
  });

  it('takes untracked text (no authorship yet, or one for another text) as the creator’s', () => {
    const text = words(40);
    const saved = attributeSave({ text, authorship: null, writer: REPORTER }, `${text} more`, DESK, 'en');
    expect(Object.fromEntries(saved.words)).toEqual({ [REPORTER]: 40, [DESK]: 1 });
    const stale = attributeSave({ text, authorship: singleWriter('other text', OTHER_DESK, 'en'), writer: REPORTER }, `${text} more`, DESK, 'en');
    expect(Object.fromEntries(stale.words)).toEqual({ [REPORTER]: 40, [DESK]: 1 });
  });

  it('edits at both ends of a long text, and Korean and Japanese text', () => {
    const long = words(3000);
    const a = history(long, [[DESK, `start ${long} end`]]);
    expect(Object.fromEntries(a.words)).toEqual({ [REPORTER]: 3000, [DESK]: 2 });
    const korean = '북한이 동해상으로 단거리 탄도미사일을 발사했다';
    const k = history(korean, [[DESK, korean.replace('단거리', '중거리')]], 'ko');
    expect(Object.fromEntries(k.words)).toEqual({ [REPORTER]: 4, [DESK]: 1 });
    const japanese = '北朝鮮は日本海に向けて弾道ミサイルを発射した。';
    const j = history(japanese, [[DESK, japanese.replace('発射した', '撃った')]], 'ja');
    expect(j.words.find(([id]) => id === DESK)?.[1]).toBeGreaterThan(0);
    expect(j.words.find(([id]) => id === REPORTER)?.[1]).toBeGreaterThan(3);
    // An unknown language tag falls back to English word breaks rather than failing the save.
    expect(history('one two', [[DESK, 'one two three']], 'not a language!').words).toEqual([
      [REPORTER, 2],
      [DESK, 1],
    ]);
  });

  it('a rewrite too large to diff word by word is matched line by line, quickly', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `${words(40, `p${i}w`)}.`);
    const before = paragraphs.join('\n\n');
    // Every other paragraph rewritten in one save: far past the word-diff limit.
    const after = paragraphs.map((para, i) => (i % 2 === 0 ? para : `${words(40, `d${i}w`)}.`)).join('\n\n');
    expect(before.length + after.length).toBeGreaterThan(WORD_DIFF_LIMIT);
    const started = performance.now();
    const a = history(before, [[DESK, after]]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(shareOf(a, DESK)).toBe(50);
  });
});

describe('textShares', () => {
  it('gives whole percents of the words, largest first, and nothing for an empty text', () => {
    expect(
      textShares([
        [1, 62],
        [2, 38],
      ]),
    ).toEqual([
      { staffId: 1, words: 62, percent: 62 },
      { staffId: 2, words: 38, percent: 38 },
    ]);
    expect(textShares([])).toEqual([]);
    expect(
      textShares([
        [1, 2],
        [2, 1],
      ]).map((s) => s.percent),
    ).toEqual([67, 33]);
  });
});
