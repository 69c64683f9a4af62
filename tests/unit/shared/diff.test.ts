import { describe, expect, it } from 'vitest';
import { diffTokens, diffWords } from '../../../shared/diff.js';
import type { DiffPart } from '../../../shared/domain.js';

/** Both texts come back from the parts: the diff loses nothing. */
function sides(parts: DiffPart[]): { a: string; b: string } {
  return {
    a: parts
      .filter((p) => p.kind !== 'insert')
      .map((p) => p.text)
      .join(''),
    b: parts
      .filter((p) => p.kind !== 'delete')
      .map((p) => p.text)
      .join(''),
  };
}

function expectMerged(parts: DiffPart[]): void {
  for (let i = 1; i < parts.length; i += 1) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
  for (const p of parts) expect(p.text).not.toBe('');
}

describe('diffWords', () => {
  it('marks a replaced word, word by word', () => {
    expect(diffWords('The quick fox jumps.', 'The slow fox jumps.')).toEqual([
      { kind: 'equal', text: 'The ' },
      { kind: 'delete', text: 'quick' },
      { kind: 'insert', text: 'slow' },
      { kind: 'equal', text: ' fox jumps.' },
    ]);
  });

  it('marks insertions and deletions', () => {
    expect(diffWords('talks after hiatus', 'talks after a 5-year hiatus')).toEqual([
      { kind: 'equal', text: 'talks after ' },
      { kind: 'insert', text: 'a 5-year ' },
      { kind: 'equal', text: 'hiatus' },
    ]);
    expect(diffWords('Seoul and Tokyo agreed on Monday', 'Seoul and Tokyo agreed')).toEqual([
      { kind: 'equal', text: 'Seoul and Tokyo agreed' },
      { kind: 'delete', text: ' on Monday' },
    ]);
  });

  it('does not match inside words: a changed word is replaced whole', () => {
    const parts = diffWords('Seo Min-jung said', 'Seo Min-jeong said');
    expect(
      parts
        .filter((p) => p.kind === 'delete')
        .map((p) => p.text)
        .join(''),
    ).toContain('jung');
    expect(
      parts
        .filter((p) => p.kind === 'insert')
        .map((p) => p.text)
        .join(''),
    ).toContain('jeong');
    expect(sides(parts)).toEqual({ a: 'Seo Min-jung said', b: 'Seo Min-jeong said' });
  });

  it('reads two neighbouring replaced words as one change', () => {
    expect(diffWords('a quick brown fox', 'a slow red fox')).toEqual([
      { kind: 'equal', text: 'a ' },
      { kind: 'delete', text: 'quick brown' },
      { kind: 'insert', text: 'slow red' },
      { kind: 'equal', text: ' fox' },
    ]);
  });

  it('leaves the space both sides of a replacement share out of the change', () => {
    const parts = diffWords('North Korea fired a missile on Tuesday.', 'North Korea fired two ballistic missiles on Tuesday.');
    expect(parts).toEqual([
      { kind: 'equal', text: 'North Korea fired ' },
      { kind: 'delete', text: 'a missile' },
      { kind: 'insert', text: 'two ballistic missiles' },
      { kind: 'equal', text: ' on Tuesday.' },
    ]);
    expectMerged(parts);
    expect(sides(parts)).toEqual({ a: 'North Korea fired a missile on Tuesday.', b: 'North Korea fired two ballistic missiles on Tuesday.' });
  });

  it('answers one equal part for identical texts and nothing for two empty ones', () => {
    expect(diffWords('Same text.', 'Same text.')).toEqual([{ kind: 'equal', text: 'Same text.' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'New text')).toEqual([{ kind: 'insert', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ kind: 'delete', text: 'Old text' }]);
  });

  it('diffs Korean by words', () => {
    expect(diffTokens('북한이 미사일을 발사했다', 'ko')).toEqual(['북한이', ' ', '미사일을', ' ', '발사했다']);
    expect(diffWords('북한이 미사일을 발사했다', '북한이 탄도미사일을 발사했다', 'ko')).toEqual([
      { kind: 'equal', text: '북한이 ' },
      { kind: 'delete', text: '미사일을' },
      { kind: 'insert', text: '탄도미사일을' },
      { kind: 'equal', text: ' 발사했다' },
    ]);
  });

  it('keeps punctuation as its own token', () => {
    expect(diffWords('Yes, he said.', 'Yes; he said.')).toEqual([
      { kind: 'equal', text: 'Yes' },
      { kind: 'delete', text: ',' },
      { kind: 'insert', text: ';' },
      { kind: 'equal', text: ' he said.' },
    ]);
  });

  it('rebuilds both sides and merges neighbours on random edits', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const vocab = ['the', 'talks', 'Seoul', 'Japan', 'security', ',', '.', '북한', 'missile', 'and'];
    for (let round = 0; round < 200; round += 1) {
      const a = Array.from({ length: rand(40) }, () => vocab[rand(vocab.length)]).join(' ');
      const words = a.split(' ');
      for (let e = rand(6); e > 0; e -= 1) {
        const at = rand(words.length + 1);
        if (rand(2)) words.splice(at, 1);
        else words.splice(at, 0, vocab[rand(vocab.length)]!);
      }
      const b = words.join(' ');
      const parts = diffWords(a, b);
      expect(sides(parts)).toEqual({ a, b });
      expectMerged(parts);
    }
  });

  it('is fast on long texts', () => {
    const base = Array.from({ length: 1500 }, (_, i) => `word${i % 97}`).join(' ');
    const changed = base.replace(/word1(\d) /g, 'changed$1 ');
    const started = performance.now();
    const parts = diffWords(base, changed);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sides(parts)).toEqual({ a: base, b: changed });
    // Entirely different texts still finish.
    const other = Array.from({ length: 1500 }, (_, i) => `other${i}`).join(' ');
    expect(sides(diffWords(base, other)).b).toBe(other);
  });
});
