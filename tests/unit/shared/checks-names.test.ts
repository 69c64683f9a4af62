import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index.js';
import { editDistance, looksLikeSameName, nameMentions, skeleton } from '../../../shared/checks/names.js';
import { applyFix, expectWellFormed, only, photo, story, textAt } from './checks-support.js';

/** The spellings each name finding pairs, e.g. [["Seo Min-jung", "Seo Min-jeong"]]. */
function pairs(paragraphs: string[], opts: Parameters<typeof story>[1] = {}): string[][] {
  const input = story(paragraphs, opts);
  const found = only(runChecks(input), 'name-spelling');
  expectWellFormed(input, found);
  return found.map((f) => [...f.message.matchAll(/"([^"]+)" \(/g)].map((m) => m[1]!));
}

describe('name spelling: what it catches', () => {
  it('romanized vowels: Min-jung / Min-jeong, Da-gyum / Da-gyeom, Kyoung-suk / Kyung-sook', () => {
    expect(pairs(['Seo Min-jung spoke first.', 'Later Seo Min-jeong left.'])).toEqual([['Seo Min-jung', 'Seo Min-jeong']]);
    expect(pairs(['Ji Da-gyum wrote it. Ji Da-gyeom edited it.'])).toEqual([['Ji Da-gyum', 'Ji Da-gyeom']]);
    expect(pairs(['Woo Kyoung-suk attended. Woo Kyung-sook did not.'])).toEqual([['Woo Kyoung-suk', 'Woo Kyung-sook']]);
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

  it('spells romanizations alike', () => {
    expect(skeleton('Min-jung')).toBe(skeleton('Minjeong'));
    expect(skeleton('Ki-Yeong')).toBe(skeleton('Ki-young'));
    expect(skeleton('Suh')).toBe(skeleton('Seo'));
    expect(skeleton('Jong-il')).not.toBe(skeleton('Jong-un'));
    expect(skeleton('Ministry')).not.toBe(skeleton('Minister'));
    const m = (name: string) => nameMentions(`${name} said`).find((x) => x.name === name)!;
    expect(looksLikeSameName(m('Seo Min-jung'), m('Seo Min-jeong'))).toBe(true);
    expect(looksLikeSameName(m('Seo Min-jung'), m('Woo Min-jung'))).toBe(false);
  });

  it('measures edit distance', () => {
    expect(editDistance('minjung', 'minjeong')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
