import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index.js';
import { MAX_NAME_PLACES, MAX_SPELLINGS_SHOWN } from '../../../shared/checks/name-spelling.js';
import { editDistance, koreanGivenName, koreanSyllable, looksLikeSameName, nameMentions, sameKoreanGivenName, sameSyllable } from '../../../shared/checks/names.js';
import { applyFix, expectWellFormed, only, photo, story, textAt } from './checks-support.js';

/** The spellings each name finding pairs, e.g. [["Seo Min-jung", "Seo Min-jeong"]]. */
function pairs(paragraphs: string[], opts: Parameters<typeof story>[1] = {}): string[][] {
  const input = story(paragraphs, opts);
  const found = only(runChecks(input), 'name-spelling');
  expectWellFormed(input, found);
  return found.map((f) => [...f.message.matchAll(/"([^"]+)" \(/g)].map((m) => m[1]!));
}

describe('name spelling: what it catches', () => {
  it('romanized vowels: Min-jung / Min-jeong, Da-gyum / Da-gyeom, Kyung-suk / Kyung-sook', () => {
    expect(pairs(['Seo Min-jung spoke first.', 'Later Seo Min-jeong left.'])).toEqual([['Seo Min-jung', 'Seo Min-jeong']]);
    expect(pairs(['Ji Da-gyum wrote it. Ji Da-gyeom edited it.'])).toEqual([['Ji Da-gyum', 'Ji Da-gyeom']]);
    expect(pairs(['Woo Kyung-suk attended. Woo Kyung-sook did not.'])).toEqual([['Woo Kyung-suk', 'Woo Kyung-sook']]);
  });

  it('capitals and hyphens: Ki-Yeong / Ki-young, Suk Yeol / Suk-yeol, Minjung / Min-jung', () => {
    expect(pairs(['Capt. Kim Ki-Yeong spoke. Later Kim Ki-young left.'])).toEqual([['Kim Ki-Yeong', 'Kim Ki-young']]);
    expect(pairs(['Kim Ki-Yeong spoke. Kim Ki-yeong left.'])).toEqual([['Kim Ki-Yeong', 'Kim Ki-yeong']]);
    expect(pairs(['Yoon Suk Yeol met aides. Yoon Suk-yeol said.'])).toEqual([['Yoon Suk Yeol', 'Yoon Suk-yeol']]);
    expect(pairs(['Seo Minjung spoke. Seo Min-jung left.'])).toEqual([['Seo Minjung', 'Seo Min-jung']]);
  });

  it('the first word in another case: SEO Min-jung / Seo Min-jeong', () => {
    expect(pairs(['SEO Min-jung spoke. Seo Min-jeong left.'])).toEqual([['SEO Min-jung', 'Seo Min-jeong']]);
    expect(pairs(['SEO Min-jung spoke. Seo Min-jung left.'])).toEqual([['SEO Min-jung', 'Seo Min-jung']]);
  });

  it('dropped or doubled letters in names that are not hyphenated, also a surname standing alone', () => {
    expect(pairs(['Takehiro Funakoshi arrived. Takehiro Funakosi spoke.'])).toEqual([['Takehiro Funakoshi', 'Takehiro Funakosi']]);
    expect(pairs(['Takehiro Funakoshi arrived on Monday.', 'Funakosi said the talks went well.'])).toEqual([['Funakoshi', 'Funakosi']]);
    expect(pairs(['Envoy Tom Phillips arrived.', 'Philips said little.'])).toEqual([['Phillips', 'Philips']]);
  });

  it('a possessive is the same name', () => {
    expect(pairs(['Seo Min-jung spoke.', 'Seo Min-jeong\u2019s office said.'])).toEqual([['Seo Min-jung', 'Seo Min-jeong']]);
  });

  it('reports a slip once, not again for every longer run of capitals around it', () => {
    expect(pairs(['Director General Seo Min-jung spoke.', 'Director General Seo Min-jeong left.'])).toEqual([['Seo Min-jung', 'Seo Min-jeong']]);
  });

  it('three spellings are one finding with three fixes', () => {
    const input = story(['Seo Min-jung spoke.', 'Seo Min-jeong left.', 'Seo Minjung returned.']);
    const [f, ...rest] = only(runChecks(input), 'name-spelling');
    expect(rest).toEqual([]);
    expect(f!.message).toBe('Name spelled 3 ways: "Seo Min-jung" (body), "Seo Min-jeong" (body) and "Seo Minjung" (body). Check which is right.');
    expect(f!.fixes).toHaveLength(3);
    expect(f!.fixes[2]!.edits.map((e) => e.find)).toEqual(['Seo Min-jung', 'Seo Min-jeong']);
  });
});

/**
 * Pairs of spellings in one story: one person's (the check pairs them) or two people's (it must
 * not). Korean given names pair when at most one syllable is spelled differently and both
 * spellings can write the same Hangul syllable; other names only by case, hyphens, spaces, an h
 * after a consonant or a doubled letter.
 */
const SAME_PERSON: [string, string, string][] = [
  ['Seo Min-jung', 'Seo Min-jeong', '정: jung / jeong'],
  ['Kim Ki-Yeong', 'Kim Ki-young', '영: yeong / young, and case'],
  ['Lee Jae-myung', 'Lee Jae-myeong', '명: myung / myeong'],
  ['Ji Da-gyum', 'Ji Da-gyeom', '겸: gyum / gyeom'],
  ['Woo Kyung-suk', 'Woo Kyung-sook', '숙: suk / sook'],
  ['Kim Ji-eun', 'Kim Ji-un', '은: eun / un'],
  ['Choi Hee-jin', 'Choi Hui-jin', '희: hee / hui'],
  ['Han Duck-soo', 'Han Duk-soo', '덕: duck / duk'],
  ['Lee Myung-bak', 'Lee Myŏng-bak', '명: myung / myŏng (McCune-Reischauer)'],
  ['Kim Ki-Yeong', 'Kim Gi-yeong', '기: ki / gi'],
  ['Moon Jae-in', 'Moon Jae-yin', '인: in / yin (yi is how 이 is written in Yi Sun-sin)'],
  // Several syllables spelled differently, each able to spell the same Hangul: one person. (This
  // pair was listed as two people while at most one syllable could differ; the name check now
  // compares every syllable, as desks merging wire copy need.)
  ['Woo Kyoung-suk', 'Woo Kyung-sook', '경숙: kyoung / kyung and suk / sook'],
  ['Choi Seok-yeol', 'Choi Suk Youl', '석열: seok / suk and yeol / youl'],
  ['Seo Minjung', 'Seo Min-jung', 'hyphenation'],
  ['Yoon Suk Yeol', 'Yoon Suk-yeol', 'a space for the hyphen'],
  ['SEO Min-jung', 'Seo Min-jung', 'the family name in capitals'],
  ['Takehiro Funakoshi', 'Takehiro Funakosi', 'an h dropped'],
  ['Tom Phillips', 'Tom Philips', 'a letter doubled'],
];
const DIFFERENT_PEOPLE: [string, string, string][] = [
  ['John Kerry', 'John Kelly', 'r / l only in romanized Korean syllables'],
  ['Kim Dae-jung', 'Kim Tae-jong', 'two syllables differ; 종 is not 정'],
  ['Park Jong-soo', 'Park Jung-soo', '종 / 정: o is never eo or u'],
  ['Kim Yo-jong', 'Kim Yo-jung', 'spelled like Park Jong-soo / Park Jung-soo: jong is read as 종'],
  ['Kim Yong-hyun', 'Kim Young-hyun', '용 / 영: yo is never yeo'],
  ['Kim Jong-un', 'Kim Jong-il', '은 / 일'],
  ['Kim Jong-un', 'Kim Jung-un', '종 / 정'],
  ['Kim Jong-un', 'Kim Chŏng-un', '종 / 정 (ŏ is 어, not o)'],
  ['Lee Jae-myung', 'Lee Jae-yong', '명 / 용'],
  ['Choi Sang-mok', 'Choi Sung-mok', '상 / 성: a is never u'],
  ['Lee Min-ho', 'Lee Min-hyo', '호 / 효'],
  ['Kim Yeon-a', 'Kim Yoon-a', '연 / 윤'],
  ['Kim Min-ji', 'Kim Min-jae', '지 / 재'],
  ['Moon Jae-in', 'Moon Jae-yong', '인 / 용'],
  ['Seo Min-jeong', 'Woo Kyoung-suk', 'different family names'],
  ['Takehiro Funakoshi', 'Atsushi Ando', 'nothing alike'],
  ['Mark Lippert', 'Mark Lipper', 'a letter dropped that is not an h or a double'],
];

describe('name spelling: one person or two (a table)', () => {
  it.each(SAME_PERSON)('%s / %s: one person (%s)', (a, b) => {
    expect(pairs([`${a} spoke on Monday.`, `Later ${b} left.`])).toEqual([[a, b]]);
  });

  it.each(DIFFERENT_PEOPLE)('%s / %s: two people (%s)', (a, b) => {
    expect(pairs([`${a} spoke on Monday.`, `Later ${b} left.`])).toEqual([]);
    expect(pairs([`${a} and ${b} met on Monday.`])).toEqual([]);
  });
});

describe('name spelling: many spellings of one name (a pasted list of case variants)', () => {
  const variants = (n: number) => Array.from({ length: n }, (_, i) => `B${Array.from({ length: 12 }, (_, b) => ((i >> b) & 1 ? 'A' : 'a')).join('')}`);

  it('is one finding naming the five most frequent spellings, "and N more", with capped places and edits', () => {
    // "Kim Baaa…" three times, "Kim BAaa…" twice: the most frequent come first in the ranking.
    const names = variants(300);
    const text = [names[0], names[0], names[1], ...names].map((v) => `Kim ${v} said.`).join(' ');
    const input = story([text]);
    const found = only(runChecks(input), 'name-spelling');
    expectWellFormed(input, found);
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.message).toMatch(
      /^Name spelled 300 ways: "Kim Baaaaaaaaaaaa" \(body, 3 times\), "Kim BAaaaaaaaaaaa" \(body, 2 times\), .* and 295 more\. Check which is right\.$/,
    );
    expect(f.fixes).toHaveLength(MAX_SPELLINGS_SHOWN);
    expect(f.places.length).toBeLessThanOrEqual(MAX_NAME_PLACES);
    for (const fix of f.fixes) expect(fix.edits.length).toBeLessThanOrEqual(MAX_NAME_PLACES);
    expect(f.fixes[0]!.label).toBe('Use \u201cKim Baaaaaaaaaaaa\u201d in the first 200 places');
    // Case variants are one subject: the key does not grow with them.
    expect(f.key).toBe('name-spelling:kim baaaaaaaaaaaa');
  });

  it('a fix that reaches every place says "everywhere"', () => {
    const text = variants(3)
      .map((v) => `Kim ${v} said.`)
      .join(' ');
    const f = only(runChecks(story([text])), 'name-spelling')[0]!;
    expect(f.fixes.map((x) => x.label)).toEqual([
      'Use \u201cKim Baaaaaaaaaaaa\u201d everywhere',
      'Use \u201cKim BAaaaaaaaaaaa\u201d everywhere',
      'Use \u201cKim BaAaaaaaaaaaa\u201d everywhere',
    ]);
  });
});

describe('name spelling: what it must not flag', () => {
  it('different people, even of one family', () => {
    expect(pairs(['Seo Min-jeong and Woo Kyoung-suk attended.'])).toEqual([]);
    expect(pairs(['Takehiro Funakoshi and Atsushi Ando attended.'])).toEqual([]);
    expect(pairs(['Kim Jong-un, Kim Jong-il and Kim Yo-jong.'])).toEqual([]);
    expect(pairs(['Kim Min-ji met Kim Min-jae.'])).toEqual([]);
    expect(pairs(['Moon Jae-in met Moon Jae-yong.'])).toEqual([]);
  });

  it('ordinary capitalized phrases', () => {
    expect(pairs(['The Foreign Ministry said the Foreign Minister would go.'])).toEqual([]);
    expect(pairs(['The Defense Ministry and the Defence Ministry of Japan.'])).toEqual([]);
    expect(pairs(['South Korea and South Korean officials met.'])).toEqual([]);
    expect(pairs(['The Defense Ministry and the Defense Policy Bureau.'])).toEqual([]);
    expect(pairs(['Japan Maritime Self-Defense Force ships.', 'Self-defense is the aim.'])).toEqual([]);
    expect(pairs(['Still, the Posco Steel plant ran.', 'Steel prices rose.'])).toEqual([]);
    expect(pairs(['Seoul and Busan.', 'Seol Hyun-soo spoke.'])).toEqual([]);
  });

  it('the same spelling twice, or a name in capitals only (a style, not a spelling)', () => {
    expect(pairs(['Seo Min-jung and Seo Min-jung again.'])).toEqual([]);
    expect(pairs(['SEO MIN-JUNG spoke. Seo Min-jung left.'])).toEqual([]);
  });

  it('a given name and the full name, or a part of a name', () => {
    expect(pairs(['Seo Min spoke. Seo Min-jung left.'])).toEqual([]);
    expect(pairs(['USS Benfold and Hwasong-18 and Atago-class and JS Atago.'])).toEqual([]);
  });
});

describe('name spelling: places and fixes across every field', () => {
  const input = story(['Seo Min-jeong said the talks went well.', 'Talks with Seo Min-jeong resume next month.'], {
    headline: 'Seo Min-jung leads talks',
    subheadlines: ['First talks in five years', 'Seo Min-jung meets Japanese envoy'],
    photos: [photo(7, 'Seo Min-jung at the talks.', { placement: 'lead', asset: { ...photo(7, '').asset, originalName: 'talks.jpg' } })],
  });
  const f = only(runChecks(input), 'name-spelling')[0]!;

  it('marks every occurrence of both spellings: the body first, then in reading order', () => {
    expect(f.message).toBe(
      'Name spelled two ways: "Seo Min-jung" (headline; subheadline; caption of photo "talks.jpg") and "Seo Min-jeong" (body, 2 times). Check which is right.',
    );
    expect(f.places.map((p) => [p.field, p.index, p.storyPhotoId, textAt(input, p)])).toEqual([
      ['body', undefined, undefined, 'Seo Min-jeong'],
      ['body', undefined, undefined, 'Seo Min-jeong'],
      ['headline', undefined, undefined, 'Seo Min-jung'],
      ['subheadlines', 1, undefined, 'Seo Min-jung'],
      ['caption', undefined, 7, 'Seo Min-jung'],
    ]);
    expectWellFormed(input, [f]);
  });

  it('each fix replaces every other spelling, in body, headline, subheadline and caption', () => {
    expect(f.fixes[0]!.edits.map((e) => [e.place.field, e.find, e.replace])).toEqual([
      ['body', 'Seo Min-jeong', 'Seo Min-jung'],
      ['body', 'Seo Min-jeong', 'Seo Min-jung'],
    ]);
    const jeong = applyFix(input, f.fixes[1]!);
    expect(jeong.story.headline).toBe('Seo Min-jeong leads talks');
    expect(jeong.story.subheadlines).toEqual(['First talks in five years', 'Seo Min-jeong meets Japanese envoy']);
    expect(jeong.photos[0]!.caption).toBe('Seo Min-jeong at the talks.');
    expect(only(runChecks(jeong), 'name-spelling')).toEqual([]);
    const jung = applyFix(input, f.fixes[0]!);
    expect(only(runChecks(jung), 'name-spelling')).toEqual([]);
  });
});

describe('name helpers', () => {
  it('finds names inside longer capitalized runs, not in model names', () => {
    expect(nameMentions('Affairs Seo Min-jeong and').map((m) => m.name)).toContain('Seo Min-jeong');
    expect(nameMentions('Hwasong-18 and x-Ray').map((m) => m.name)).toEqual([]);
    expect(nameMentions('Funakosi said').map((m) => [m.name, m.alone])).toEqual([['Funakosi', true]]);
  });

  it('reads romanized Korean syllables, and tells which can be one Hangul syllable', () => {
    const syl = (w: string) => koreanSyllable(w)!;
    expect(koreanSyllable('Jeong')).toMatchObject({ text: 'jeong', initial: 'J', vowels: ['eo'], final: 'NG' });
    expect(koreanSyllable('young')).toMatchObject({ initial: '', vowels: ['yeo', 'yu'], final: 'NG' });
    expect(koreanSyllable('Suh')).toMatchObject({ initial: 'S', vowels: ['eo', 'u', 'eu'], final: '' });
    for (const w of ['Kerry', 'Self', 'Funakoshi', 'Bush', 'x']) expect(koreanSyllable(w), w).toBeNull();
    expect(sameSyllable(syl('jung'), syl('jeong'))).toBe(true);
    expect(sameSyllable(syl('young'), syl('yeong'))).toBe(true);
    expect(sameSyllable(syl('ki'), syl('gi'))).toBe(true);
    expect(sameSyllable(syl('jong'), syl('jung'))).toBe(false);
    expect(sameSyllable(syl('jong'), syl('jeong'))).toBe(false);
    expect(sameSyllable(syl('yong'), syl('young'))).toBe(false);
    expect(sameSyllable(syl('sang'), syl('sung'))).toBe(false);
    expect(sameSyllable(syl('un'), syl('il'))).toBe(false);
  });

  it('takes Korean-shaped given names only: two or three syllables, by hyphens or spaces', () => {
    expect(koreanGivenName('Min-jung')?.map((x) => x.text)).toEqual(['min', 'jung']);
    expect(koreanGivenName('Suk Yeol')?.map((x) => x.text)).toEqual(['suk', 'yeol']);
    expect(koreanGivenName('Minjung')).toBeNull();
    expect(koreanGivenName('Funakoshi')).toBeNull();
    expect(koreanGivenName('Self-Defense')).toBeNull();
    const name = (s: string) => koreanGivenName(s)!;
    expect(sameKoreanGivenName(name('Min-jung'), name('Min-jeong'))).toBe(true);
    expect(sameKoreanGivenName(name('Dae-jung'), name('Tae-jung'))).toBe(true);
    // Every syllable may be spelled differently, so long as each pair can be one Hangul syllable.
    expect(sameKoreanGivenName(name('Dae-jung'), name('Tae-jeong'))).toBe(true);
    expect(sameKoreanGivenName(name('Dae-jung'), name('Tae-jong'))).toBe(false);
    expect(sameKoreanGivenName(name('Min-jung'), name('Min-jung-ho'))).toBe(false);
  });

  it('pairs mentions as the check does', () => {
    const m = (name: string) => nameMentions(`${name} said`).find((x) => x.name === name)!;
    expect(looksLikeSameName(m('Seo Min-jung'), m('Seo Min-jeong'))).toBe(true);
    expect(looksLikeSameName(m('Seo Min-jung'), m('Woo Min-jung'))).toBe(false);
    expect(looksLikeSameName(m('Park Jong-soo'), m('Park Jung-soo'))).toBe(false);
    expect(looksLikeSameName(m('Seo Min-jung'), m('Seo Min-jung'))).toBe(false);
  });

  it('measures edit distance', () => {
    expect(editDistance('minjung', 'minjeong')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
