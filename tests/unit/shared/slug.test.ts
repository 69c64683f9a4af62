import { describe, expect, it } from 'vitest';
import { SLUG_MAX, defaultSlug, foldLatin, isValidSlug, proposeSlug, romanizeHangul, slugFollowsHeadline, slugForHeadline, slugify } from '../../../shared/slug.js';

describe('slugify (what the core stores for a typed slug)', () => {
  it.each([
    ['KOR-JPN-SECURITY-TALKS', 'KOR-JPN-SECURITY-TALKS'],
    ['Custom Slug!', 'Custom-Slug'],
    ['  spaces   and--hyphens  ', 'spaces-and-hyphens'],
    ["S. Korea's talks", 'S-Koreas-talks'],
    ['Korea’s talks', 'Koreas-talks'],
    ['Crème Brûlée à Paris', 'Creme-Brulee-a-Paris'],
    ['Straße Łódź', 'Strasse-Lodz'],
    ['../../etc/passwd', 'etc-passwd'],
    ['북한-미사일', 'bukhan-misail'],
    ['Yoon 기시다 회담', 'Yoon-gisida-hoedam'],
    ['北朝鮮がミサイル', ''],
    ['', ''],
    ['—', ''],
  ])('%j -> %j', (typed, stored) => {
    expect(slugify(typed)).toBe(stored);
  });

  it('keeps whole words up to the limit, and cuts only a single word longer than a slug', () => {
    const long = slugify(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long).toMatch(/^word0-word1-.*-word\d+$/);
    expect(slugify('x'.repeat(300))).toBe('x'.repeat(SLUG_MAX));
  });

  it('makes only valid slugs, and leaves a valid slug as it is', () => {
    for (const typed of ['Custom Slug!', '북한 미사일 발사', 'Crème Brûlée', 'a'.repeat(500), "it's 10,000 won", 'ǅemal Ǆ']) {
      const slug = slugify(typed);
      if (slug) expect(isValidSlug(slug), slug).toBe(true);
      expect(slugify(slug)).toBe(slug);
    }
  });
});

describe('isValidSlug', () => {
  it('accepts ASCII letters, digits and single hyphens between them, up to the limit', () => {
    expect(isValidSlug('KOR-JPN-SECURITY-TALKS')).toBe(true);
    expect(isValidSlug('story-12')).toBe(true);
    expect(isValidSlug('x'.repeat(SLUG_MAX))).toBe(true);
    for (const bad of ['', '-a', 'a-', 'a--b', 'a b', 'crème', '북한', 'x'.repeat(SLUG_MAX + 1)]) expect(isValidSlug(bad), bad).toBe(false);
  });
});

describe('romanizeHangul and foldLatin', () => {
  it('spells Korean in Revised Romanization, syllable by syllable', () => {
    expect(romanizeHangul('서울')).toBe('seoul');
    expect(romanizeHangul('북한 미사일 발사')).toBe('bukhan misail balsa');
    // Letter by letter: the sound change of 한국과 (hanguggwa) is left out.
    expect(romanizeHangul('한국과 일본')).toBe('hangukgwa ilbon');
    expect(romanizeHangul('꽃 쌀 짜장 앞')).toBe('kkot ssal jjajang ap');
    expect(romanizeHangul('Yoon 17일')).toBe('Yoon 17il');
  });

  it('gives accented Latin letters their ASCII form and keeps everything else', () => {
    expect(foldLatin('Crème ß Æ ø')).toBe('Creme ss AE o');
    expect(foldLatin('ﬁle')).toBe('file');
    expect(foldLatin('北朝鮮')).toBe('北朝鮮');
  });
});

describe('proposeSlug', () => {
  it('proposes the headline in lower case, valid for the core', () => {
    expect(proposeSlug('S. Korea, Japan hold security talks after a long hiatus')).toBe('s-korea-japan-hold-security-talks-after-a-long-hiatus');
    expect(proposeSlug('북한, 동해상으로 탄도미사일 발사')).toBe('bukhan-donghaesangeuro-tandomisail-balsa');
    expect(proposeSlug('北朝鮮がミサイルを発射')).toBe('');
    for (const headline of ['Ferry timetable changes', '북한 미사일 발사', 'Crème Brûlée à Paris', 'A'.repeat(200)]) {
      const slug = proposeSlug(headline);
      expect(isValidSlug(slug), slug).toBe(true);
      expect(slugify(slug)).toBe(slug);
    }
  });

  it("falls back to the core's default for a headline that gives none", () => {
    expect(slugForHeadline('北朝鮮がミサイルを発射', 7)).toBe(defaultSlug(7));
    expect(defaultSlug(7)).toBe('story-7');
    expect(slugForHeadline('Ferries run late', 7)).toBe('ferries-run-late');
  });
});

describe('slugFollowsHeadline', () => {
  it('follows while the slug is empty, the default or the proposal for the headline', () => {
    expect(slugFollowsHeadline('', 'Anything', 3)).toBe(true);
    expect(slugFollowsHeadline('story-3', '', 3)).toBe(true);
    expect(slugFollowsHeadline('ferries-run', 'Ferries run', 3)).toBe(true);
    expect(slugFollowsHeadline('bukhan-misail', '북한 미사일', 3)).toBe(true);
  });

  it('stops once a person wrote their own', () => {
    expect(slugFollowsHeadline('FERRIES', 'Ferries run', 3)).toBe(false);
    expect(slugFollowsHeadline('ferries-run-late', 'Ferries run', 3)).toBe(false);
    // Another story's default is a slug someone chose for this one.
    expect(slugFollowsHeadline('story-4', 'Ferries', 3)).toBe(false);
  });
});
