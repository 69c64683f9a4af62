import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/body.js';
import { countBodyWords, countWords, headlineChars, readingMinutes, wordCountLabel, words, wordsAndReadingTime } from '../../../shared/text.js';

describe('countWords', () => {
  it('counts English words, not punctuation or spaces', () => {
    expect(countWords('S. Korea, Japan hold security talks after a long hiatus')).toBe(10);
    // Intl.Segmenter splits at hyphens; a reader counts "senior-level" as one word.
    expect(countWords('senior-level talks')).toBe(2);
    expect(countWords("South Korea's 17th - and last - round")).toBe(6);
    expect(countWords('17일 발표')).toBe(2);
    expect(countWords('“Through practical training, we will further strengthen our combat readiness.”')).toBe(10);
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\n  — , . ')).toBe(0);
  });

  it('counts Korean words by their spaces', () => {
    expect(countWords('북한이 미사일을 발사했다', 'ko')).toBe(3);
    expect(countWords('한국과 일본은 서울에서 안보정책협의회를 열었다.', 'ko')).toBe(5);
  });

  it('counts Japanese words without spaces between them', () => {
    // 北朝鮮 / が / ミサイル / を / 発射 / した
    expect(countWords('北朝鮮がミサイルを発射した', 'ja')).toBe(6);
    expect(countWords('北朝鮮がミサイルを発射した', 'ja')).toBeGreaterThan(1);
  });

  it('counts mixed text', () => {
    expect(countWords('Yoon met 기시다 in Tokyo.', 'ko')).toBe(5);
  });
});

describe('words', () => {
  it('gives each word with its offset', () => {
    const text = 'The the end';
    expect(words(text)).toEqual([
      { word: 'The', index: 0 },
      { word: 'the', index: 4 },
      { word: 'end', index: 8 },
    ]);
  });
});

describe('readingMinutes', () => {
  it('reads at 230 words a minute, never under one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(100)).toBe(1);
    expect(readingMinutes(784)).toBe(3);
    expect(readingMinutes(2300)).toBe(10);
  });
});

describe('wordsAndReadingTime', () => {
  it('says "0 words" for an empty story, with no reading time', () => {
    expect(wordsAndReadingTime(countBodyWords(docFromParagraphs(['']), 'en'))).toBe('0 words');
    expect(wordsAndReadingTime(0)).not.toMatch(/min/);
  });

  it('gives the words and the minutes to read them, never "0 min"', () => {
    expect(wordsAndReadingTime(1)).toBe('1 word · 1 min read');
    expect(wordsAndReadingTime(114)).toBe('114 words · 1 min read');
    expect(wordsAndReadingTime(345)).toBe('345 words · 2 min read');
    expect(wordsAndReadingTime(784)).toBe('784 words · 3 min read');
    expect(wordCountLabel(2)).toBe('2 words');
  });

  it('counts a Korean story by its spaces, as the core does', () => {
    const words = countBodyWords(docFromParagraphs(['북한이 미사일을 발사했다', '합동참모본부는 17일 밝혔다.']), 'ko');
    expect(words).toBe(6);
    expect(wordsAndReadingTime(words)).toBe('6 words · 1 min read');
  });
});

describe('headlineChars', () => {
  it('counts what a reader sees: trimmed, a Korean syllable or an emoji as one', () => {
    expect(headlineChars('  Ferries run late ')).toBe(16);
    expect(headlineChars('북한 미사일 발사')).toBe(9);
    expect(headlineChars('Launch 🚀')).toBe(8);
    expect(headlineChars('')).toBe(0);
  });
});
