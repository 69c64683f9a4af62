import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index.js';
import { sentences } from '../../../shared/checks/sentences.js';
import type { HouseStyleRule } from '../../../shared/domain.js';
import { countWords } from '../../../shared/text.js';
import { applyFix, expectWellFormed, only, photo, story, textAt } from './checks-support.js';

/** The findings of one check on a story, checked to be well formed. */
function find(id: string, paragraphs: string[], opts: Parameters<typeof story>[1] = {}) {
  const input = story(paragraphs, opts);
  const found = only(runChecks(input), id);
  expectWellFormed(input, found);
  return { input, found, marked: found.map((f) => textAt(input, f.places[0]!)) };
}

describe('doubled words', () => {
  it('flags "the the" in the body, headline, subheadline and caption, each with a fix', () => {
    const { input, found, marked } = find('doubled-word', ['The talks were held in the the capital.'], {
      headline: 'Talks talks resume',
      subheadlines: ['Envoys meet meet in Seoul'],
      photos: [photo(3, 'Officials at at the talks.')],
    });
    expect(marked).toEqual(['Talks talks', 'meet meet', 'the the', 'at at']);
    expect(found.map((f) => f.places[0]!.field)).toEqual(['headline', 'subheadlines', 'body', 'caption']);
    expect(found[2]!.message).toBe('"the" is written twice');
    expect(found[0]!.message).toBe('"Talks" is written twice in the headline');
    expect(found[2]!.fixes[0]!.label).toBe('Keep one \u201cthe\u201d');
    let fixed = input;
    for (let i = 0; i < found.length; i += 1) fixed = applyFix(fixed, only(runChecks(fixed), 'doubled-word')[0]!.fixes[0]!);
    expect(fixed.story.headline).toBe('Talks resume');
    expect(fixed.story.subheadlines).toEqual(['Envoys meet in Seoul']);
    expect(fixed.photos[0]!.caption).toBe('Officials at the talks.');
    expect(only(runChecks(fixed), 'doubled-word')).toEqual([]);
  });

  it('flags Korean doubled words', () => {
    expect(find('doubled-word', ['북한이 미사일을 미사일을 발사했다'], { language: 'ko' }).marked).toEqual(['미사일을 미사일을']);
  });

  it('leaves "had had", "that that", numbers, words across paragraphs and words inside words alone', () => {
    expect(find('doubled-word', ['He said that that was fine. I had had enough. In 2020 2020.', 'the theory of the', 'the end', 'well-to do do-over']).found).toEqual([]);
  });
  it('leaves names made of one word twice alone: Sirhan Sirhan, Bora Bora, Walla Walla, Duran Duran', () => {
    expect(find('doubled-word', ['Sirhan Sirhan was convicted.', 'They flew to Bora Bora and Walla Walla, then saw Duran Duran play.']).found).toEqual([]);
  });

  it('still flags "The the" at a sentence start, and words twice in capitals', () => {
    const { marked } = find('doubled-word', ['The the talks began. Then then they ended.'], { headline: 'TALKS TALKS RESUME' });
    expect(marked).toEqual(['TALKS TALKS', 'The the', 'Then then']);
  });
});

describe('double spaces', () => {
  it('flags two spaces in the body, headline and caption, with the range of the spaces and a fix', () => {
    const { input, found } = find('double-space', ['One sentence.  Another one.', 'Fine here.'], {
      headline: 'Talks  resume',
      photos: [photo(3, 'A caption  with gaps.')],
    });
    expect(found.map((f) => [f.places[0]!.field, f.places[0]!.range])).toEqual([
      ['headline', { from: 5, to: 7 }],
      ['body', { from: 13, to: 15 }],
      ['caption', { from: 9, to: 11 }],
    ]);
    let fixed = input;
    for (let i = 0; i < 3; i += 1) fixed = applyFix(fixed, only(runChecks(fixed), 'double-space')[0]!.fixes[0]!);
    expect(fixed.story.headline).toBe('Talks resume');
    expect(fixed.photos[0]!.caption).toBe('A caption with gaps.');
    expect(only(runChecks(fixed), 'double-space')).toEqual([]);
  });

  it('leaves single spaces and the break between paragraphs alone', () => {
    expect(find('double-space', ['One sentence. Another one.', 'Two paragraphs.']).found).toEqual([]);
  });
});

describe('unbalanced quotation marks', () => {
  it('flags an opening quote never closed and a closing one never opened, at the mark', () => {
    const { found, marked } = find('unbalanced-quotes', [
      '\u201cWe agreed to meet again, she said.',
      'He said it was \u201cfine\u201d\u201d and left.',
      'The statement said "both sides agreed.',
    ]);
    expect(marked).toEqual(['\u201c', '\u201d', '"']);
    expect(found[0]!.message).toBe('An opening \u201c is never closed with \u201d');
    expect(found[1]!.message).toBe('A closing \u201d has no opening quotation mark');
    expect(found[0]!.places[0]!.range).toEqual({ from: 0, to: 1 });
  });

  it('lets a quote run on into a paragraph that opens with a quotation mark (wire style)', () => {
    expect(find('unbalanced-quotes', ['\u201cThe exercise has provided opportunities,', '\u201cThrough practical training, we will be ready.\u201d']).found).toEqual([]);
    expect(find('unbalanced-quotes', ['"The exercise has provided opportunities,', '"Through training, we will be ready."']).found).toEqual([]);
    // …but not into one that does not.
    expect(find('unbalanced-quotes', ['\u201cThe exercise has provided opportunities,', 'The navy said.']).marked).toEqual(['\u201c']);
  });

  it('does not take apostrophes for quotation marks', () => {
    expect(
      find('unbalanced-quotes', [
        'Koreans\u2019 views don\u2019t change; it\u2019s the \u201990s and the Navy\u2019s ships.',
        'He called it \u2018historic\u2019 and \u201cthe \u2018best\u2019 yet.\u201d',
        'He is 6\'1" tall and said "yes" to "them."',
      ]).found,
    ).toEqual([]);
    expect(find('unbalanced-quotes', ['He called it \u2018historic and left.']).marked).toEqual(['\u2018']);
  });

  it('closes a single quote before a Korean particle, and takes ’ for an apostrophe only between Latin letters', () => {
    expect(find('unbalanced-quotes', ['김정은 국무위원장은 \u2018핵무력\u2019을 강조했다.'], { language: 'ko' }).found).toEqual([]);
    expect(find('unbalanced-quotes', ['정부는 \u2018대화\u2019와 \u2018압박\u2019을 병행한다고 밝혔다.'], { language: 'ko' }).found).toEqual([]);
    expect(find('unbalanced-quotes', ['彼は\u2018平和\u2019と言った。'], { language: 'ja' }).found).toEqual([]);
    expect(find('unbalanced-quotes', ['He said \u2018I don\u2019t know\u2019 and left. \u2018Korea\u2019s friends\u2019 met in the \u201990s.']).found).toEqual([]);
    // Still flagged: a quote opened in Korean copy and never closed.
    expect(find('unbalanced-quotes', ['김정은 국무위원장은 \u2018핵무력을 강조했다.'], { language: 'ko' }).marked).toEqual(['\u2018']);
    expect(find('unbalanced-quotes', ['He said \u2018I don\u2019t know and left.']).marked).toEqual(['\u2018']);
  });

  it('checks the headline and captions too', () => {
    const { found } = find('unbalanced-quotes', ['Fine.'], { headline: 'Yoon: \u201cWe will respond', photos: [photo(2, 'Kim says "no.')] });
    expect(found.map((f) => [f.places[0]!.field, f.message])).toEqual([
      ['headline', 'An opening \u201c is never closed with \u201d in the headline'],
      ['caption', 'An opening " is never closed with " in the caption of photo "photo-2.jpg"'],
    ]);
  });
});

describe('unbalanced brackets', () => {
  it('flags ( ) [ ] { } 「 」 『 』 left open or closed without opening', () => {
    const { found, marked } = find('unbalanced-brackets', [
      'The talks (the first in five years were held.',
      'The drill ended] on Monday.',
      'A {note and 「引用 and 『書名.',
      'Fine (nested [brackets] here) and 「ok」 and 『ok』.',
    ]);
    expect(marked).toEqual(['(', ']', '{', '「', '『']);
    expect(found[0]!.message).toBe('An opening ( is never closed with )');
    expect(found[1]!.message).toBe('A closing ] has no opening [');
  });

  it('leaves list markers and smileys alone, and never pairs across paragraphs', () => {
    expect(find('unbalanced-brackets', ['Three steps: a) talk, b) agree and 2) sign.', 'Nice :) he wrote.']).found).toEqual([]);
    expect(find('unbalanced-brackets', ['The talks (held in Seoul', 'on Monday) ended.']).marked).toEqual(['(', ')']);
  });

  it('checks the headline and captions too', () => {
    const { found } = find('unbalanced-brackets', ['Fine.'], { headline: 'Talks (update', photos: [photo(2, 'Kim (left] speaks.')] });
    expect(found.map((f) => f.places[0]!.field)).toEqual(['headline', 'caption', 'caption']);
  });
});

describe('repeated paragraphs', () => {
  const para = 'The three countries agreed to regularize missile defense exercises.';

  it('flags the second copy, whitespace aside, with a fix that deletes it', () => {
    const { input, found } = find('paragraph-repeated', [para, 'Something else happened later that day.', para.replace(/ /g, '  ')]);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('Paragraph 3 repeats paragraph 1 word for word: "The three countries agreed to regularize…"');
    expect(textAt(input, found[0]!.places[0]!)).toBe(para.replace(/ /g, '  '));
    const fixed = applyFix(input, found[0]!.fixes[0]!);
    expect(only(runChecks(fixed), 'paragraph-repeated')).toEqual([]);
  });

  it('leaves short repeated lines and different paragraphs alone', () => {
    expect(find('paragraph-repeated', ['Read more.', 'Read more.', para, `${para} Again.`]).found).toEqual([]);
  });
});

describe('a caption repeated in the body', () => {
  const caption = 'Seo Min-jung (second from left) holds talks with her Japanese counterparts in Seoul on Monday.';

  it('flags the whole caption, whitespace aside, marking both places, with a fix that deletes the copy', () => {
    const p = photo(4, caption);
    const { input, found } = find(
      'caption-in-body',
      ['The talks began.', `Seo  Min-jung (second from left) holds talks with her\nJapanese counterparts in Seoul on Monday. They met for two hours.`],
      {
        photos: [p],
      },
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('The caption of photo "photo-4.jpg" is repeated word for word in the body');
    expect(found[0]!.places.map((x) => x.field)).toEqual(['body', 'caption']);
    expect(textAt(input, found[0]!.places[1]!)).toBe(caption.slice(0, -1));
    const fixed = applyFix(input, found[0]!.fixes[0]!);
    expect(only(runChecks(fixed), 'caption-in-body')).toEqual([]);
    expect(textAt(fixed, { field: 'body' })).toBe('The talks began.\n\n. They met for two hours.');
  });

  it('flags one sentence of eight words or more of a longer caption', () => {
    const p = photo(5, `${caption} The talks were the first in five years.`);
    const { found, marked } = find('caption-in-body', ['Officials said the talks were the first in five years, and useful.'], { photos: [p] });
    // Inside a longer sentence of the body, so without its capital.
    expect(marked).toEqual(['the talks were the first in five years']);
    expect(found[0]!.message).toBe('A sentence of the caption of photo "photo-5.jpg" is repeated word for word in the body: "The talks were the first in…"');
  });

  it('leaves a short caption, a short sentence and a phrase shared with the body alone', () => {
    expect(find('caption-in-body', ['Seo Min-jung spoke on Monday.'], { photos: [photo(6, 'Seo Min-jung')] }).found).toEqual([]);
    expect(find('caption-in-body', ['They met in Seoul on Monday.'], { photos: [photo(6, `${caption} They met in Seoul.`)] }).found).toEqual([]);
    expect(find('caption-in-body', ['Seo Min-jung holds talks with her Japanese counterparts.'], { photos: [photo(6, caption)] }).found).toEqual([]);
  });
});

describe('long sentences', () => {
  const long = (n: number) => `${Array.from({ length: n }, (_, i) => (i === 0 ? 'Officials' : 'word')).join(' ')}.`;

  it('notes a sentence over the limit (45 by default, or the desk’s setting), marking it', () => {
    const { input, found } = find('long-sentence', [`Short one. ${long(46)} Another short one.`]);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
    expect(textAt(input, found[0]!.places[0]!)).toBe(long(46));
    expect(find('long-sentence', [long(45)]).found).toEqual([]);
    expect(find('long-sentence', [long(31)], { settings: { sentenceMaxWords: 30 } }).found).toHaveLength(1);
  });

  it('does not end a sentence at Mr., U.S., N. Korea, Jan. 5, No. 1 or 3.5', () => {
    const p = (s: string) => sentences(s).map((r) => s.slice(r.from, r.to));
    expect(p('Mr. Kim met Dr. Lee in the U.S. capital. N. Korea fired a No. 1 missile on Jan. 5 at 3.5 km. It fell.')).toEqual([
      'Mr. Kim met Dr. Lee in the U.S. capital.',
      'N. Korea fired a No. 1 missile on Jan. 5 at 3.5 km.',
      'It fell.',
    ]);
    expect(p('He flew to the U.S. The talks began.')).toEqual(['He flew to the U.S.', 'The talks began.']);
    expect(p('Capt. Kim Ki-Yeong said so. Gen. Park agreed.')).toEqual(['Capt. Kim Ki-Yeong said so.', 'Gen. Park agreed.']);
  });

  it('keeps closing quotes with their sentence, and a quote followed by "he said" whole', () => {
    const p = (s: string) => sentences(s).map((r) => s.slice(r.from, r.to));
    expect(p('\u201cWe agreed.\u201d The talks ended. "Why?" he asked. (It rained.) Done!')).toEqual([
      '\u201cWe agreed.\u201d',
      'The talks ended.',
      '"Why?" he asked.',
      '(It rained.)',
      'Done!',
    ]);
  });

  it('splits Korean, Japanese and Chinese sentences', () => {
    const p = (s: string) => sentences(s).map((r) => s.slice(r.from, r.to));
    expect(p('북한이 미사일을 발사했다. 군은 경계를 강화했다.')).toEqual(['북한이 미사일을 발사했다.', '군은 경계를 강화했다.']);
    expect(p('北朝鮮がミサイルを発射した。「警戒を強化する」と述べた。')).toEqual(['北朝鮮がミサイルを発射した。', '「警戒を強化する」と述べた。']);
    expect(p('朝鲜发射了导弹！军方加强了戒备？')).toEqual(['朝鲜发射了导弹！', '军方加强了戒备？']);
    expect(p('')).toEqual([]);
    expect(p('   ')).toEqual([]);
  });
});

describe('house style', () => {
  it('wants "North Korea" in body text and "N. Korea" in headlines, with one-click fixes', () => {
    const { input, found } = find('house-style', ['N. Korea fired a missile, North Korea said.', 'North Korean troops moved.'], {
      headline: 'North Korea fires missile',
      subheadlines: ['Seoul says North Korea launched'],
    });
    expect(found.map((f) => [f.places[0]!.field, textAt(input, f.places[0]!)])).toEqual([
      ['headline', 'North Korea'],
      ['subheadlines', 'North Korea'],
      ['body', 'N. Korea'],
    ]);
    expect(found[0]!.message).toBe('House style: "N. Korea", not "North Korea", in headlines. Headlines only: space is short.');
    expect(found[2]!.message).toBe('House style: "North Korea", not "N. Korea", in body text. Spelled out in body text.');
    expect(found[2]!.fixes[0]!.label).toBe('Change to \u201cNorth Korea\u201d');
    let fixed = input;
    for (let i = 0; i < 3; i += 1) fixed = applyFix(fixed, only(runChecks(fixed), 'house-style')[0]!.fixes[0]!);
    expect(fixed.story.headline).toBe('N. Korea fires missile');
    expect(fixed.story.subheadlines).toEqual(['Seoul says N. Korea launched']);
    expect(textAt(fixed, { field: 'body' })).toBe('North Korea fired a missile, North Korea said.\n\nNorth Korean troops moved.');
    expect(only(runChecks(fixed), 'house-style')).toEqual([]);
  });

  it('wants "Aegis", not "AEGIS", everywhere, matching case exactly and whole words only', () => {
    const { found } = find('house-style', ['The AEGIS system and the Aegis radar. AEGISX and xAEGIS are not it.'], {
      photos: [photo(2, 'An AEGIS destroyer.')],
    });
    expect(found.map((f) => f.places[0]!.field)).toEqual(['body', 'caption']);
    expect(found[0]!.message).toBe('House style: "Aegis", not "AEGIS".');
  });

  it('applies a captions rule to captions only, takes the longest form first, and escapes what the desk typed', () => {
    const rules: HouseStyleRule[] = [
      { preferred: 'file photo', avoid: ['FILE PHOTO'], where: 'captions' },
      { preferred: 'Republic of Korea', avoid: ['ROK', 'ROK Navy', 'R.O.K.'], where: 'everywhere' },
      { preferred: 'C', avoid: ['C++', '(sic)', 'a.m', '--', '-ish', '\\d', '[x]'], where: 'body' },
    ];
    const { input, found } = find('house-style', ['FILE PHOTO of the ROK Navy and R.O.K. forces. C++ code (sic) at 10 a.m. and aXm -- not \\d or [x] or d.'], {
      photos: [photo(2, 'FILE PHOTO')],
      settings: { houseStyle: rules },
    });
    expect(found.map((f) => textAt(input, f.places[0]!))).toEqual(['ROK Navy', 'R.O.K.', 'C++', '(sic)', 'a.m', '--', '\\d', '[x]', 'FILE PHOTO']);
  });

  it('finds a Korean form with a particle joined to it (북괴는, 북괴가), marking the form; the fix keeps the particle, written as the new form takes it', () => {
    const rules: HouseStyleRule[] = [
      { preferred: '북한', avoid: ['북괴'], where: 'everywhere' },
      { preferred: '이지스', avoid: ['AEGIS'], where: 'everywhere' },
      { preferred: '북한 당국', avoid: ['북괴 당국'], where: 'everywhere' },
    ];
    const text = '북괴는 미사일을 발사했다. 북괴가 또 도발했다. 북괴 정권과 북괴로서는 AEGIS는 AEGIS함 북괴 당국은. 친북괴 단체와 AEGISX는 아니다.';
    const { input, found, marked } = find('house-style', [text], { settings: { houseStyle: rules }, language: 'ko', headline: '북괴의 도발' });
    expect(marked).toEqual(['북괴', '북괴', '북괴', '북괴', '북괴', 'AEGIS', 'AEGIS', '북괴 당국']);
    expect(found.map((f) => f.places[0]!.field)).toEqual(['headline', ...Array<string>(7).fill('body')]);
    expect(found[1]!.fixes[0]!.edits.map((e) => [e.find, e.replace])).toEqual([['북괴는', '북한은']]);
    expect(found[2]!.fixes[0]!.edits.map((e) => [e.find, e.replace])).toEqual([['북괴가', '북한이']]);
    expect(found[5]!.fixes[0]!.edits.map((e) => [e.find, e.replace])).toEqual([['AEGIS', '이지스']]);
    let fixed = input;
    for (let i = 0; i < found.length; i += 1) fixed = applyFix(fixed, only(runChecks(fixed), 'house-style')[0]!.fixes[0]!);
    expect(fixed.story.headline).toBe('북한의 도발');
    expect(textAt(fixed, { field: 'body' })).toBe(
      '북한은 미사일을 발사했다. 북한이 또 도발했다. 북한 정권과 북한으로서는 이지스는 이지스함 북한 당국은. 친북괴 단체와 AEGISX는 아니다.',
    );
    expect(only(runChecks(fixed), 'house-style')).toEqual([]);
  });

  it('does nothing without rules, and handles 1,000 rules over 10,000 words quickly', () => {
    expect(find('house-style', ['AEGIS'], { settings: { houseStyle: [] } }).found).toEqual([]);
    const rules: HouseStyleRule[] = Array.from({ length: 1000 }, (_, i) => ({
      preferred: `Term${i}`,
      avoid: [`term${i}`, `TERM ${i}`, `T.${i}`],
      where: (['everywhere', 'headlines', 'body', 'captions'] as const)[i % 4]!,
    }));
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} mentions term${i * 5} and TERM ${i * 3} among forty-odd other words `.repeat(5));
    const input = story(paragraphs, { settings: { houseStyle: rules } });
    const t0 = performance.now();
    const found = only(runChecks(input), 'house-style');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found.length).toBeGreaterThan(100);
  });
});

describe('word counts (countWords, as the checks and the editor count)', () => {
  // The definition the table scan replaces: words of spaced scripts, pieces joined by one joiner.
  const SPACED_WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\-\u2010\u2011.,][\p{L}\p{N}\p{M}]+)*/gu;
  const byRegex = (text: string) => text.match(SPACED_WORD)?.length ?? 0;

  it('counts as the regular expression does, on random text of letters, digits, marks, joiners, Korean and astral letters', () => {
    const alphabet = [
      'a',
      'Z',
      '7',
      ' ',
      ' ',
      '  ',
      '\n',
      "'",
      '\u2019',
      '-',
      '\u2010',
      '\u2011',
      '.',
      ',',
      ';',
      '"',
      '(',
      'é',
      'e\u0301',
      '한',
      '국',
      '𝐀',
      '𠀀'.slice(0, 1),
      '\u00a0',
      '—',
      '/',
    ];
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 3000; k += 1) {
      const text = Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(byRegex(text));
    }
    for (const text of ['senior-level talks', 'U.S. and 10,000', 'Korea\u2019s', 'a--b', 'end.', '.5', '', '𝐀𝐁 c']) {
      expect(countWords(text), text).toBe(byRegex(text));
    }
  });

  it('hands Japanese, Chinese and Thai to the segmenter, also after spaced words', () => {
    expect(countWords('Yoon met 기시다 in 東京', 'ko')).toBe(5);
    expect(countWords('北朝鮮がミサイルを発射した', 'ja')).toBeGreaterThan(2);
  });
});
