// The name check as desks merging Yonhap, KCNA and the wires meet names: every romanization of a
// Korean name, stop-words inside names, one-letter slips, Chinese, Japanese and Russian names,
// the people list; and, for every rule, the different people it must keep apart.

import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index.js';
import { nameMentions, oneLetterSlip } from '../../../shared/checks/names.js';
import type { HousePerson } from '../../../shared/checks/people.js';
import { scoreNames } from '../../bench/checksNames.js';
import { applyFix, expectWellFormed, only, story } from './checks-support.js';

function names(paragraphs: string[], people?: HousePerson[]) {
  const input = { ...story(paragraphs), ...(people ? { people } : {}) };
  const found = only(runChecks(input), 'name-spelling');
  expectWellFormed(input, found);
  return found;
}

/** The spellings each name finding pairs. */
const pairs = (paragraphs: string[], people?: HousePerson[]): string[][] =>
  names(paragraphs, people).map((f) => [...f.message.matchAll(/"([^"]+)" \(/g)].map((m) => m[1]!));

const twice = (a: string, b: string) => [`${a} spoke on Monday, KCNA said.`, `Later ${b} left, Yonhap reported.`];

// prettier-ignore
const SAME_PERSON: [string, string, string][] = [
  ['Ri Yong Ho', 'Lee Yong-ho', 'family names: Ri = Lee'],
  ['Pak Pong Ju', 'Park Pong-ju', 'Pak = Park'],
  ['Choe Ryong Hae', 'Choi Ryong-hae', 'Choe = Choi'],
  ['Chung Eui-yong', 'Jong Ui Yong', 'Chung = Jong, eui = ui'],
  ['Kim Yong Nam', 'Kim Young-nam', 'the North writes 어 as o: Yong = 영'],
  ['Kim Yo Jong', 'Kim Yeo-jong', 'and 여 as yo'],
  ['Yoon Suk Yeol', 'Yun Sok Yol', 'Yoon = Yun, and every syllable spelled differently'],
  ['Jang Song Thaek', 'Jang Song-taek', 'th for the aspirated t'],
  ['Kang Kyung-wha', 'Kang Kyung-hwa', 'wha for hwa'],
  ['Hwang Pyong So', 'Hwang Byung-seo', 'three syllables spelled differently'],
  ['Roh Moo-hyun', 'No Mu Hyon', 'Roh = No'],
  ['Lee Jung In', 'Lee Jung-in', 'In, a stop-word, inside a Korean name'],
  ['Moon Jae-in', 'Mun Jae In', 'Moon = Mun, and In inside the name'],
  ['So Se Pyong', 'Seo Se-pyong', 'So, a stop-word, as a family name at the start of a sentence'],
  ['Taro Kono', 'Taro Kohno', 'Japanese long vowel: oh'],
  ['Yoshinori Ōno', 'Yoshinori Ohno', 'ō / oh'],
  ['Hirobumi Itoh', 'Hirobumi Itō', 'oh / ō at the end'],
  ['Mao Zedong', 'Mao Tse-tung', 'pinyin / Wade–Giles'],
  ['Deng Xiaoping', 'Teng Hsiao-ping', 'pinyin / Wade–Giles'],
  ['Lee Teng-hui', 'Li Denghui', 'Wade–Giles / pinyin, Lee = Li'],
  ['Tsai Ing-wen', 'Cai Yingwen', 'Wade–Giles / pinyin'],
  ['Dmitry Peskov', 'Dmitri Peskov', 'Russian: y / i'],
  ['Sergei Lavrov', 'Sergey Lavrov', 'ei / ey'],
  ['Alexei Navalny', 'Aleksei Navalny', 'x / ks'],
];

// prettier-ignore
const DIFFERENT_PEOPLE: [string, string, string][] = [
  ['Kim Jong Un', 'Kim Jong Il', '은 / 일, in the North\'s spelling'],
  ['Kim Yong Nam', 'Kim Yong Chol', '남 / 철'],
  ['Kim Yong Chol', 'Kim Yong Chun', 'a final l is never n, o for 어 or not'],
  ['Ri Yong Ho', 'Ri Yong Gil', '호 / 길'],
  ['Hyon Song Wol', 'Hyon Yong Chol', 'different given names'],
  ['Jang Song Thaek', 'Jang Song U', 'two syllables against three'],
  ['Kim Yong-hyun', 'Kim Young-hyun', 'southern hyphenated spellings: yo stays 요'],
  ['Park Jong-soo', 'Park Jung-soo', '종 / 정 in southern spellings, with the family name Pak / Park nearby'],
  ['Lee Jong-soo', 'Ri Jung-soo', 'Ri = Lee, but 종 / 정'],
  ['Moon Jae-in', 'Moon Chung-in', '재 / 정'],
  ['Park Geun-hye', 'Park Chung-hee', 'daughter and father'],
  ['Yoo Jae-suk', 'Yoo Jae-sik', '석 / 식'],
  ['Deng Xiaoping', 'Deng Pufang', 'father and son'],
  ['Xi Jinping', 'Xi Zhongxun', 'son and father'],
  ['Lee Jong-soo', 'Li Zhongshou', 'a Korean name and a Chinese one'],
  ['Dmitry Peskov', 'Dmitry Medvedev', 'different surnames'],
  ['Terry Smith', 'Terri Smith', 'the Russian y / i only for Russian names'],
  ['Taro Kono', 'Yohei Kono', 'son and father'],
  ['Shinzo Abe', 'Shintaro Abe', 'son and father'],
];

describe('name spelling: every romanization (one person or two)', () => {
  it.each(SAME_PERSON)('%s / %s: one person (%s)', (a, b) => {
    expect(pairs(twice(a, b))).toEqual([[a, b]]);
  });

  it.each(DIFFERENT_PEOPLE)('%s / %s: two people (%s)', (a, b) => {
    expect(pairs(twice(a, b))).toEqual([]);
    expect(pairs([`${a} and ${b} met on Monday.`])).toEqual([]);
  });
});

describe('name spelling: stop-words inside names', () => {
  it('keeps In, So and An inside Korean names, and nowhere else', () => {
    expect(nameMentions('Lee Jung In said').map((m) => m.name)).toContain('Lee Jung In');
    expect(nameMentions('So Se Pyong said').map((m) => m.name)).toContain('So Se Pyong');
    expect(nameMentions('In Seoul, So many came. An Hour Later').map((m) => m.name)).toEqual(['Seoul', 'Hour', 'Later', 'Hour Later']);
    expect(nameMentions('Talks Held In Seoul').map((m) => m.name)).not.toContain('Held In');
  });

  it('raises nothing on sentences that start with a stop-word', () => {
    expect(pairs(['In Seoul, officials met. So many came that An hour passed.', 'To the surprise of many, Seo Se-pyong spoke.'])).toEqual([]);
  });
});

describe('name spelling: one-letter slips', () => {
  it('flags a letter dropped or changed in an otherwise identical name, as a possible slip', () => {
    const [f, ...rest] = names(['Ban Ki-moon urged dialogue.', 'Ban Ki-mon said the talks must resume.', 'Ban Ki-moon left.']);
    expect(rest).toEqual([]);
    expect(f!.message).toBe('One letter apart: "Ban Ki-moon" (body, 2 times) and "Ban Ki-mon" (body). A slip, or two people?');
    expect(f!.fixes.map((x) => x.label)).toEqual(['Use \u201cBan Ki-moon\u201d everywhere', 'Use \u201cBan Ki-mon\u201d everywhere']);
    expect(pairs(['Antony Blinken arrived.', 'Antony Blinkin spoke.'])).toEqual([['Antony Blinken', 'Antony Blinkin']]);
    expect(pairs(['Moon Jae-in arrived.', 'Mon Jae-in spoke.'])).toEqual([['Moon Jae-in', 'Mon Jae-in']]);
  });

  it('the fix replaces the slip', () => {
    const input = story(['Ban Ki-moon urged dialogue.', 'Ban Ki-mon said the talks must resume.']);
    const f = only(runChecks(input), 'name-spelling')[0]!;
    expect(only(runChecks(applyFix(input, f.fixes[0]!)), 'name-spelling')).toEqual([]);
  });

  it('never an inflection, a letter at the end, another syllable of a Korean name, or an organisation', () => {
    expect(pairs(['South Korea and South Korean officials and South Koreans met.'])).toEqual([]);
    expect(pairs(['Mark Lippert spoke. Mark Lipper left.'])).toEqual([]);
    expect(pairs(['The Defense Ministry and the Defence Ministry met.'])).toEqual([]);
    expect(pairs(['President Moon met President Yoon.'])).toEqual([]);
    expect(pairs(['Kim Jong Un met Kim Yong Chol and Pak Jong Chon and Pak Pong Ju.'])).toEqual([]);
    expect(pairs(['Choi Sang-mok met Choi Sung-mok. Lee Min-ho met Lee Min-hyo.'])).toEqual([]);
  });

  it('reads a slip by its letters', () => {
    expect(oneLetterSlip('Ki-moon', 'Ki-mon', true)).toBe(true);
    expect(oneLetterSlip('Jong-soo', 'Jung-soo', true)).toBe(false);
    expect(oneLetterSlip('Blinken', 'Blinkin', false)).toBe(true);
    expect(oneLetterSlip('Blinken', 'Blinkn', false)).toBe(true);
    expect(oneLetterSlip('Korea', 'Korean', false)).toBe(false);
    expect(oneLetterSlip('Kerry', 'Kelly', false)).toBe(false);
  });
});

describe('name spelling: the people list', () => {
  const list: HousePerson[] = [
    { id: 1, name: 'Lee Yong-ho', aliases: [{ spelling: 'Ri Yong Ho', source: 'KCNA' }], note: 'North Korean foreign minister 2016-20' },
    { id: 2, name: 'Sergei Shoigu', aliases: [{ spelling: 'Sergey Shoygu', source: 'TASS' }], note: '' },
    { id: 3, name: 'Ri Yong Gil', aliases: [], note: 'chief of the general staff; not the foreign minister' },
  ];

  it('says which spelling the house prefers, and offers it first', () => {
    const [f] = names(twice('Ri Yong Ho', 'Lee Yong-ho'), list);
    expect(f!.message).toBe('Name spelled two ways: "Ri Yong Ho" (body) and "Lee Yong-ho" (body). House spelling: Lee Yong-ho (KCNA spells it Ri Yong Ho).');
    expect(f!.fixes.map((x) => x.label)).toEqual(['Use the house spelling \u201cLee Yong-ho\u201d everywhere', 'Use \u201cRi Yong Ho\u201d everywhere']);
  });

  it('pairs aliases no rule could', () => {
    expect(pairs(twice('Sergei Shoigu', 'Sergey Shoygu'))).toEqual([]);
    expect(pairs(twice('Sergei Shoigu', 'Sergey Shoygu'), list)).toEqual([['Sergei Shoigu', 'Sergey Shoygu']]);
  });

  it('flags an alias used alone, with the house spelling as its fix', () => {
    const input = { ...story(['Ri Yong Ho spoke on Monday.', 'Ri Yong Ho left on Tuesday.']), people: list };
    const [f, ...rest] = only(runChecks(input), 'name-spelling');
    expect(rest).toEqual([]);
    expect(f!.message).toBe('Not the house spelling: "Ri Yong Ho" (body, 2 times). House spelling: Lee Yong-ho (KCNA spells it Ri Yong Ho).');
    expect(f!.fixes.map((x) => x.label)).toEqual(['Use the house spelling \u201cLee Yong-ho\u201d everywhere']);
    const fixed = applyFix(input, f!.fixes[0]!);
    expect(only(runChecks(fixed), 'name-spelling')).toEqual([]);
  });

  it('never pairs two listed people, nor raises anything on the house spelling', () => {
    expect(pairs(twice('Ri Yong Ho', 'Ri Yong Gil'), list)).toEqual([['Ri Yong Ho']]);
    expect(pairs(['Lee Yong-ho met Ri Yong Gil.', 'Lee Yong-ho left.'], list)).toEqual([]);
  });
});

describe('name spelling on the test set (tests/bench/checksNamesCorpus.ts)', () => {
  it('no false alarm on the articles, no different people paired, and at least 90% of the same people paired', () => {
    const score = scoreNames();
    expect(score.articleFalseAlarms).toEqual([]);
    expect(score.wronglyPaired).toEqual([]);
    expect(score.articleFindingsFound).toBe(score.articleFindingsExpected);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
