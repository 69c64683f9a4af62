// Search input handling: what a person types becomes quoted FTS terms, and snippets are escaped
// HTML with only <mark> tags.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/sqlite/connection.js';
import { ftsQuery, searchTerms } from '../../../db/ftsQuery.js';
import { makeSnippet } from '../../../db/search.js';

describe('ftsQuery', () => {
  it('quotes every word, prefixes the last and every Korean word', () => {
    expect(ftsQuery('north korea missile')).toBe('"north" AND "korea" AND "missile"*');
    expect(ftsQuery('북한 미사일 launch')).toBe('"북한"* AND "미사일"* AND "launch"*');
    expect(ftsQuery('"AND" NEAR( -x *')).toBe('"AND" AND "NEAR" AND "x"*');
    expect(ftsQuery('"""')).toBeNull();
    // Words joined by punctuation must stand together: "Jong-un" is not "Jong" anywhere and a word starting "un".
    expect(ftsQuery('Kim Jong-un')).toBe('"Kim" AND "Jong un"*');
    expect(ftsQuery('Yonhap/AP 北韓')).toBe('"Yonhap AP" AND "北韓"*');
    expect(ftsQuery('')).toBeNull();
  });

  it('never makes FTS5 raise, whatever the input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-fts-'));
    const db = openDatabase(path.join(dir, 'x.db'));
    const inputs = [
      '"',
      "'",
      '*',
      'AND OR NOT',
      'NEAR(a b, 5)',
      'col:val',
      '^start',
      '(a OR b',
      'a"b"c',
      '\u0000\u0001',
      '한국어 "따옴표',
      'x'.repeat(5000),
      '- + ~ @ # $ % & | \\ / ? < > { } [ ]',
    ];
    for (let i = 0; i < 500; i++) inputs.push(String.fromCharCode(...Array.from({ length: 12 }, () => Math.floor(Math.random() * 0x3000))));
    for (const input of inputs) {
      const q = ftsQuery(input);
      if (q !== null) expect(() => db.prepare(`SELECT count(*) FROM stories_fts WHERE stories_fts MATCH ?`).get(q)).not.toThrow();
    }
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('makeSnippet', () => {
  it('escapes everything and marks whole words and prefixes', () => {
    const text = `Before <script>alert("x")</script> & then the missiles flew; the missile's range was long.`;
    const html = makeSnippet(text, searchTerms('missile'));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(html).toContain('<mark>missiles</mark>');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('marks a hyphenated name as one phrase, not its parts apart', () => {
    const html = makeSnippet('The unit said Jong met Kim Jong-un under guard.', searchTerms('Jong-un'));
    expect(html).toBe('The unit said Jong met Kim <mark>Jong-un</mark> under guard.');
  });

  it('marks Korean words with their particles and cuts long texts around the first match', () => {
    const long = `${'앞부분 '.repeat(200)}북한의 미사일 ${'뒷부분 '.repeat(200)}`;
    const html = makeSnippet(long, searchTerms('북한'));
    expect(html).toContain('<mark>북한의</mark>');
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html.length).toBeLessThan(400);
  });
});
