import { describe, expect, it } from 'vitest';
import { bodyText } from '../../../shared/body.js';
import {
  blockingFindings,
  CHECKS,
  DEFAULT_CHECK_SETTINGS,
  DISMISSABLE,
  isDismissable,
  MAX_FINDINGS_PER_CHECK,
  openFindingCounts,
  runChecks,
} from '../../../shared/checks/index.js';
import type { DocNode, Finding } from '../../../shared/domain.js';
import { applyFix, check, expectWellFormed, ids, only, photo, seed, story, textAt } from './checks-support.js';

describe('the seed article (both captions, all 22 paragraphs, default settings)', () => {
  const input = seed();
  const findings = runChecks(input);
  const lead = input.photos.find((p) => p.placement === 'lead')!;

  it('flags Seo Min-jung / Seo Min-jeong once, marked in the caption and in the body', () => {
    const names = only(findings, 'name-spelling');
    expect(names).toHaveLength(1);
    const f = names[0]!;
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('Name spelled two ways: "Seo Min-jung" (caption of photo "security-talks-seoul.jpg") and "Seo Min-jeong" (body). Check which is right.');
    // The body first (where "jump to" goes), then the caption.
    expect(f.places.map((p) => p.field)).toEqual(['body', 'caption']);
    const caption = f.places.find((p) => p.field === 'caption')!;
    expect(caption.storyPhotoId).toBe(lead.id);
    expect(textAt(input, caption)).toBe('Seo Min-jung');
    expect(caption.range).toEqual({ from: 0, to: 12 });
    const body = f.places.find((p) => p.field === 'body')!;
    expect(textAt(input, body)).toBe('Seo Min-jeong');
    expect(bodyText(input.story.body).indexOf('Seo Min-jeong')).toBe(body.range!.from);
    expect(f.key).toBe('name-spelling:seo min-jeong / seo min-jung');
  });

  it('offers both spellings as fixes, each replacing the other everywhere', () => {
    const f = only(findings, 'name-spelling')[0]!;
    expect(f.fixes.map((x) => x.label)).toEqual(['Use \u201cSeo Min-jung\u201d everywhere', 'Use \u201cSeo Min-jeong\u201d everywhere']);
    expect(f.fixes[0]!.edits).toEqual([{ place: { field: 'body', range: f.places[0]!.range }, find: 'Seo Min-jeong', replace: 'Seo Min-jung' }]);
    expect(f.fixes[1]!.edits).toEqual([
      { place: { field: 'caption', storyPhotoId: lead.id, range: { from: 0, to: 12 } }, find: 'Seo Min-jung', replace: 'Seo Min-jeong' },
    ]);
    for (const fix of f.fixes) {
      const fixed = applyFix(input, fix);
      expect(only(runChecks(fixed), 'name-spelling')).toEqual([]);
    }
  });

  it('pairs no one else: not Woo Kyoung-suk, Takehiro Funakoshi, Atsushi Ando, Kim Ki-Yeong or the ministries', () => {
    const text = only(findings, 'name-spelling')
      .map((f) => f.message)
      .join(' ');
    expect(text).not.toMatch(/Woo|Funakoshi|Ando|Ki-Yeong|Ministry|Korean|Policy|Defense/);
  });

  it('has nothing blocking, and no other warning', () => {
    expect(blockingFindings(findings)).toEqual([]);
    expect(ids(findings.filter((f) => f.severity === 'warning'))).toEqual(['name-spelling']);
  });

  it('notes its two sentences over 45 words and its reading time', () => {
    const info = findings.filter((f) => f.severity === 'info');
    expect(ids(info)).toEqual(['long-sentence', 'long-sentence', 'reading-time']);
    expect(info[0]!.message).toBe("A sentence of 58 words (the desk's limit is 45); consider splitting it");
    expect(textAt(input, info[0]!.places[0]!)).toMatch(/^\u201cBoth sides exchanged .* said in a statement\.$/);
    expect(info[1]!.message).toBe("A sentence of 51 words (the desk's limit is 45); consider splitting it");
    expect(textAt(input, info[1]!.places[0]!)).toMatch(/^\u201cThe exercise has provided .* commander of the destroyer Yulgok Yi I\.$/);
    expect(info[2]!.message).toMatch(/^\d{3} words, about 3 min to read$/);
  });

  it('is well formed: keys unique, ranges inside their texts, fixes not stale', () => {
    expectWellFormed(input, findings);
  });
});

describe('blocking checks', () => {
  it('flags a missing headline, body and byline', () => {
    const s = seed(({ story }) => {
      story.headline = '  ';
      story.body = { type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: ' ' }] }] };
      story.byline = [];
    });
    const blocking = blockingFindings(runChecks(s));
    expect(ids(blocking)).toEqual(['headline-missing', 'body-empty', 'byline-empty']);
    expect(blocking.map((f) => f.places)).toEqual([[{ field: 'headline' }], [{ field: 'body' }], [{ field: 'byline' }]]);
    expect(blocking.map((f) => f.key)).toEqual(['headline-missing:headline', 'body-empty:body', 'byline-empty:byline']);
  });

  it('names a photo without caption or credit, and a complete one not at all', () => {
    const s = seed(({ photos }) => {
      photos[0]!.credit = '';
      photos[1]!.caption = ' ';
    });
    expect(blockingFindings(runChecks(s))).toEqual([
      {
        id: 'photo-caption-missing',
        key: `photo-caption-missing:${s.photos[1]!.id}`,
        severity: 'blocking',
        message: 'Photo "bmd-exercise-east-sea.jpg" has no caption',
        places: [{ field: 'caption', storyPhotoId: s.photos[1]!.id }],
        fixes: [],
      },
      {
        id: 'photo-credit-missing',
        key: `photo-credit-missing:${s.photos[0]!.id}`,
        severity: 'blocking',
        message: 'Photo "security-talks-seoul.jpg" has no credit',
        places: [{ field: 'credit', storyPhotoId: s.photos[0]!.id }],
        fixes: [],
      },
    ]);
  });

  it('names a photo by its caption when it has no file name', () => {
    const s = seed(({ photos }) => {
      photos[0]!.asset.originalName = '';
      photos[0]!.credit = '';
    });
    expect(only(runChecks(s), 'photo-credit-missing')[0]!.message).toBe('Photo "Seo Min-jung (second from left), Foreign…" has no credit');
  });

  it('flags a link with an unsafe target, at its words', () => {
    const body: DocNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Read ' },
            { type: 'text', text: 'the statement', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: ' and ' },
            { type: 'text', text: 'this one', marks: [{ type: 'link', attrs: { href: 'https://www.mofa.go.kr/' } }] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    const s = seed(({ story }) => void (story.body = body));
    const found = only(runChecks(s), 'unsafe-link');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('blocking');
    expect(textAt(s, found[0]!.places[0]!)).toBe('the statement');
  });
});

describe('story-level warnings', () => {
  it('flags a photo without alt text, and not one with it', () => {
    const s = seed(({ photos }) => void (photos[1]!.alt = ''));
    const found = only(runChecks(s), 'photo-alt-missing');
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: 'warning', places: [{ field: 'alt', storyPhotoId: s.photos[1]!.id }] });
    expect(found[0]!.message).toContain('bmd-exercise-east-sea.jpg');
  });

  it('flags a headline over the limit (90 by default), not one at it, counting characters as a reader does', () => {
    const at = (headline: string, max?: number) =>
      only(check(story(['A paragraph.'], { headline, settings: max ? { headlineMaxChars: max } : {} })), 'headline-too-long');
    expect(at('x'.repeat(90))).toEqual([]);
    const over = at(`  ${'x'.repeat(93)} `);
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toBe("The headline is 93 characters long; the desk's limit is 90");
    // The place marks the characters past the limit.
    expect(over[0]!.places).toEqual([{ field: 'headline', range: { from: 92, to: 95 } }]);
    expect(at('x'.repeat(100), 100)).toEqual([]);
    expect(at('x'.repeat(101), 100)).toHaveLength(1);
    // 90 Korean syllables, or 90 emoji (two UTF-16 units each), are 90 characters.
    expect(at('한'.repeat(90))).toEqual([]);
    expect(at('\u{1F4F0}'.repeat(90))).toEqual([]);
    const emoji = at('\u{1F4F0}'.repeat(91));
    expect(emoji[0]!.places[0]!.range).toEqual({ from: 180, to: 182 });
  });

  it('flags a missing dateline, and not a present one', () => {
    expect(only(runChecks(seed(({ story }) => void (story.dateline = ' '))), 'dateline-missing')).toMatchObject([
      { severity: 'warning', places: [{ field: 'dateline' }], key: 'dateline-missing:dateline' },
    ]);
    expect(only(runChecks(seed()), 'dateline-missing')).toEqual([]);
  });

  it('flags a credit typed into the caption as well, with a fix that removes it', () => {
    const s = seed(({ photos }) => void (photos[0]!.caption = 'Officials meet in Seoul on Monday. (Yonhap) '));
    const found = only(runChecks(s), 'caption-credit-repeated');
    expect(found).toHaveLength(1);
    expect(textAt(s, found[0]!.places[0]!)).toBe('(Yonhap)');
    const fixed = applyFix(s, found[0]!.fixes[0]!);
    expect(fixed.photos[0]!.caption).toBe('Officials meet in Seoul on Monday. ');
    expect(only(runChecks(fixed), 'caption-credit-repeated')).toEqual([]);
    // A credit mentioned elsewhere in the caption is not the printed credit repeated.
    expect(only(runChecks(seed(({ photos }) => void (photos[0]!.caption = 'Yonhap staff at work (file photo)'))), 'caption-credit-repeated')).toEqual([]);
  });

  it('flags a figure whose photo is no longer attached', () => {
    const s = seed(({ photos }) => void photos.splice(1, 1));
    const found = only(runChecks(s), 'figure-photo-missing');
    expect(found).toMatchObject([{ severity: 'warning', places: [{ field: 'body' }], key: 'figure-photo-missing:11' }]);
    expect(only(runChecks(seed()), 'figure-photo-missing')).toEqual([]);
  });

  it('gives body ranges that point at the words, past headings, lists, figures and hard breaks', () => {
    const body: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A heading' }] },
        { type: 'figure', attrs: { storyPhotoId: 10 } },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item one' }] }] }],
        },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Line' }, { type: 'hardBreak' }, { type: 'text', text: 'and ' }, { type: 'text', text: 'and more', marks: [{ type: 'bold' }] }],
        },
      ],
    };
    const s = seed(({ story }) => void (story.body = body));
    const found = only(runChecks(s), 'doubled-word');
    expect(found).toHaveLength(1);
    expect(textAt(s, found[0]!.places[0]!)).toBe('and and');
  });
});

describe('the engine', () => {
  it('gives every check a unique id and a severity, the blocking ones as the issue lists them', () => {
    const seen = new Set(CHECKS.map((c) => c.id));
    expect(seen.size).toBe(CHECKS.length);
    const bySeverity = (s: string) =>
      CHECKS.filter((c) => c.severity === s)
        .map((c) => c.id)
        .sort();
    expect(bySeverity('blocking')).toEqual(['body-empty', 'byline-empty', 'headline-missing', 'photo-caption-missing', 'photo-credit-missing', 'unsafe-link']);
    expect(bySeverity('info')).toEqual(['long-paragraph', 'long-sentence', 'reading-time']);
    expect(bySeverity('warning')).toEqual(
      [
        'name-spelling',
        'headline-too-long',
        'dateline-missing',
        'house-style',
        'doubled-word',
        'double-space',
        'unbalanced-quotes',
        'unbalanced-brackets',
        'paragraph-repeated',
        'caption-in-body',
        'caption-credit-repeated',
        'photo-alt-missing',
        'figure-photo-missing',
      ].sort(),
    );
  });

  it('orders blocking before warnings before notes', () => {
    const s = seed(({ story, photos }) => {
      story.headline = '';
      story.dateline = '';
      photos[0]!.credit = '';
    });
    const order = runChecks(s).map((f) => f.severity);
    const rank = (x: string) => ['blocking', 'warning', 'info'].indexOf(x);
    expect(order).toEqual([...order].sort((a, b) => rank(a) - rank(b)));
    expect(order[0]).toBe('blocking');
    expect(order.at(-1)).toBe('info');
  });

  it('numbers a subject found again (#2), and keeps every key when a paragraph is inserted before or text changes elsewhere', () => {
    const paragraphs = [
      'Officials met in in Seoul on Monday.',
      'Later officials met in in Seoul on Monday.',
      'Officials met in in Seoul on Monday.',
      'Seo Min-jeong said the talks were useful.  They will meet again.',
      '\u201cWe agreed, she said.',
      'N. Korea fired a missile (its third this month.',
      'The talks, the first in five years, covered missile defense, the North Korean nuclear issue, intelligence sharing, the radar dispute of 2018 and the trilateral drills with the United States that the three navies staged in the East Sea on Monday and in international waters south of Jeju Island early this month.',
    ];
    const photos = [photo(1, 'Seo Min-jung at the talks in Seoul on Monday.')];
    const before = story(paragraphs, { photos });
    const a = runChecks(before);
    expectWellFormed(before, a);
    const doubled = only(a, 'doubled-word').map((f) => f.key);
    expect(doubled).toEqual([
      'doubled-word:body: officials met [in in] seoul on',
      'doubled-word:body: officials met [in in] seoul on#2',
      'doubled-word:body: officials met [in in] seoul on#3',
    ]);
    const warned = ['name-spelling', 'doubled-word', 'double-space', 'unbalanced-quotes', 'unbalanced-brackets', 'house-style', 'paragraph-repeated'];
    for (const id of warned) expect(only(a, id).length, id).toBeGreaterThan(0);
    expect(only(a, 'long-sentence')).toHaveLength(1);

    const keys = (fs: Finding[]) =>
      fs
        .map((f) => f.key)
        .filter((k) => !k.startsWith('reading-time'))
        .sort();
    const inserted = story(['A new first paragraph about something else entirely, added later.', ...paragraphs], {
      photos,
      headline: 'A different headline',
    });
    const b = runChecks(inserted);
    expect(keys(b)).toEqual(keys(a));
    // The places moved with the text (an inline photo's caption comes after the body).
    const ns = only(b, 'name-spelling')[0]!;
    expect(ns.places.map((p) => textAt(inserted, p))).toEqual(['Seo Min-jeong', 'Seo Min-jung']);
    expectWellFormed(inserted, b);
  });

  it('keys a slip by the text it is in: fixing it in a caption leaves the same slip in the body its key (and its dismissal)', () => {
    const slip = 'Officials met in in Seoul.  \u201cWe agreed, (she said. AEGIS.';
    const input = story([slip, 'The talks went well.'], {
      headline: slip,
      subheadlines: ['First talks', slip],
      photos: [photo(1, slip, { placement: 'lead' }), photo(2, slip)],
    });
    const before = runChecks(input);
    expectWellFormed(input, before);
    const ids = ['doubled-word', 'double-space', 'unbalanced-quotes', 'unbalanced-brackets', 'house-style'];
    for (const id of ids) {
      const found = only(before, id);
      // One finding in each of the five texts, none numbered #2: each key names its text.
      expect(
        found.map((f) => f.places[0]!.field),
        id,
      ).toEqual(['headline', 'subheadlines', 'caption', 'body', 'caption']);
      expect(
        found.some((f) => f.key.includes('#')),
        id,
      ).toBe(false);
      expect(
        found.map((f) => f.key.slice(id.length + 1).split(':')[0]),
        id,
      ).toEqual(['headline', 'subheadlines/1', 'caption/1', 'body', 'caption/2']);
    }
    // Fix every slip of the lead photo's caption (it comes before the body in reading order).
    let fixed = input;
    for (const id of ['doubled-word', 'double-space', 'house-style']) {
      const inLead = only(runChecks(fixed), id).find((f) => f.places[0]!.storyPhotoId === 1)!;
      fixed = applyFix(fixed, inLead.fixes[0]!);
    }
    fixed = { ...fixed, photos: fixed.photos.map((p) => (p.id === 1 ? { ...p, caption: 'Officials met in Seoul.' } : p)) };
    const after = runChecks(fixed);
    for (const id of ids) {
      const keyIn = (fs: Finding[], field: string) =>
        only(fs, id)
          .filter((f) => f.places[0]!.field === field && f.places[0]!.storyPhotoId !== 1)
          .map((f) => f.key);
      expect(
        only(after, id).filter((f) => f.places[0]!.storyPhotoId === 1),
        id,
      ).toEqual([]);
      for (const field of ['headline', 'subheadlines', 'body', 'caption']) expect(keyIn(after, field), `${id} ${field}`).toEqual(keyIn(before, field));
    }
  });

  it('counts open findings: blocking always, warnings unless dismissed, notes never', () => {
    const s = seed(({ story, photos }) => {
      story.headline = '';
      story.dateline = '';
      photos[0]!.credit = '';
    });
    const findings = runChecks(s);
    expect(openFindingCounts(findings, new Set())).toEqual({ blocking: 2, warning: 2 });
    const nameKey = only(findings, 'name-spelling')[0]!.key;
    expect(openFindingCounts(findings, new Set([nameKey]))).toEqual({ blocking: 2, warning: 1 });
    // A dismissal naming a blocking finding changes nothing.
    expect(openFindingCounts(findings, new Set(findings.map((f) => f.key)))).toEqual({ blocking: 2, warning: 0 });
    // Findings the core marked dismissed count as dismissed too.
    const marked = findings.map((f) =>
      f.id === 'dateline-missing' ? { ...f, dismissed: { key: f.key, note: 'wire copy', by: 2, byName: 'Kim', at: '2026-01-01T00:00:00.000Z' } } : f,
    );
    expect(openFindingCounts(marked, new Set())).toEqual({ blocking: 2, warning: 1 });
    expect(openFindingCounts([], new Set())).toEqual({ blocking: 0, warning: 0 });
  });

  it('lets warnings and notes be dismissed, never blocking findings', () => {
    expect(isDismissable({ severity: 'warning' })).toBe(true);
    expect(isDismissable({ severity: 'info' })).toBe(true);
    expect(isDismissable({ severity: 'blocking' })).toBe(false);
    expect(DISMISSABLE).toBe(isDismissable);
  });

  it('reports at most MAX_FINDINGS_PER_CHECK findings of one check', () => {
    const s = story(['word  '.repeat(1000)]);
    expect(only(runChecks(s), 'double-space')).toHaveLength(MAX_FINDINGS_PER_CHECK);
  });

  it('keeps the issue’s defaults', () => {
    expect(DEFAULT_CHECK_SETTINGS).toMatchObject({ headlineMaxChars: 90, sentenceMaxWords: 45 });
    expect(DEFAULT_CHECK_SETTINGS.houseStyle.map(({ preferred, avoid, where }) => ({ preferred, avoid, where }))).toEqual([
      { preferred: 'North Korea', avoid: ['N. Korea'], where: 'body' },
      { preferred: 'N. Korea', avoid: ['North Korea'], where: 'headlines' },
      { preferred: 'Aegis', avoid: ['AEGIS'], where: 'everywhere' },
    ]);
  });
});
