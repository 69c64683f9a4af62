import { describe, expect, it } from 'vitest';
import { bodyText, docFromParagraphs } from '../../../shared/body.js';
import { blockingFindings, CHECKS, runChecks } from '../../../shared/checks/index.js';
import { editDistance, looksLikeSameName, nameMentions } from '../../../shared/checks/names.js';
import type { DocNode, Finding, Story, StoryPhoto } from '../../../shared/domain.js';
import { seedStory } from './seed.js';

const ids = (findings: Finding[]): string[] => findings.map((f) => f.id);
const only = (findings: Finding[], id: string): Finding[] => findings.filter((f) => f.id === id);

/** The seed story with some fields changed. */
function seedWith(change: (s: { story: Story; photos: StoryPhoto[] }) => void): { story: Story; photos: StoryPhoto[] } {
  const seed = seedStory();
  change(seed);
  return seed;
}

function withBody(paragraphs: string[]): { story: Story; photos: StoryPhoto[] } {
  return seedWith((s) => {
    s.story.body = docFromParagraphs(paragraphs);
  });
}

describe('the seed article', () => {
  const { story, photos } = seedStory();
  const findings = runChecks({ story, photos });
  const text = bodyText(story.body);

  it('flags the two spellings of Seo Min-jung, naming both and where', () => {
    const names = only(findings, 'name-spelling');
    expect(names).toHaveLength(1);
    const [finding] = names;
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toContain('"Seo Min-jung"');
    expect(finding!.message).toContain('"Seo Min-jeong"');
    expect(finding!.message).toContain('security-talks-seoul.jpg');
    expect(finding!.message).toContain('body');
    expect(finding!.storyPhotoId).toBe(photos[0]!.id);
    expect(text.slice(finding!.range!.from, finding!.range!.to)).toBe('Seo Min-jeong');
  });

  it('finds nothing blocking and no warning but the name pair', () => {
    expect(blockingFindings(findings)).toEqual([]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.id)).toEqual(['name-spelling']);
  });

  it('notes its length and reading time', () => {
    const info = findings.filter((f) => f.severity === 'info');
    expect(ids(info)).toEqual(['reading-time']);
    expect(info[0]!.message).toMatch(/^\d{3} words, about 3 min to read$/);
  });

  it('does not take other capitalized phrases for names', () => {
    // "South Korea" / "South Korean", "Defense Ministry" / "Defense Policy" and the like are not a person spelled twice.
    const flagged = only(findings, 'name-spelling').map((f) => f.message).join(' ');
    expect(flagged).not.toMatch(/Korean|Ministry|Policy|Funakoshi/);
  });
});

describe('blocking checks', () => {
  it('flags a missing headline, body and byline', () => {
    const s = seedWith(({ story }) => {
      story.headline = '  ';
      story.body = docFromParagraphs(['', ' ']);
      story.byline = [];
    });
    const blocking = blockingFindings(runChecks(s));
    expect(ids(blocking)).toEqual(['headline-missing', 'body-empty', 'byline-empty']);
    expect(blocking.map((f) => f.field)).toEqual(['headline', 'body', 'byline']);
  });

  it('names a photo without caption or credit', () => {
    const s = seedWith(({ photos }) => {
      photos[0]!.credit = '';
      photos[1]!.caption = ' ';
    });
    const blocking = blockingFindings(runChecks(s));
    expect(blocking).toEqual([
      {
        id: 'photo-caption-missing',
        severity: 'blocking',
        message: 'Photo "bmd-exercise-east-sea.jpg" has no caption',
        storyPhotoId: s.photos[1]!.id,
        field: 'caption',
      },
      {
        id: 'photo-credit-missing',
        severity: 'blocking',
        message: 'Photo "security-talks-seoul.jpg" has no credit',
        storyPhotoId: s.photos[0]!.id,
        field: 'credit',
      },
    ]);
  });

  it('names a photo by its caption when it has no file name', () => {
    const s = seedWith(({ photos }) => {
      photos[0]!.asset.originalName = '';
      photos[0]!.credit = '';
    });
    expect(only(runChecks(s), 'photo-credit-missing')[0]!.message).toBe(
      'Photo "Seo Min-jung (second from left), Foreign…" has no credit',
    );
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
    const s = seedWith(({ story }) => {
      story.body = body;
    });
    const found = only(runChecks(s), 'unsafe-link');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('blocking');
    expect(bodyText(body).slice(found[0]!.range!.from, found[0]!.range!.to)).toBe('the statement');
  });
});

describe('warnings', () => {
  it('flags a photo without alt text', () => {
    const s = seedWith(({ photos }) => {
      photos[1]!.alt = '';
    });
    const found = only(runChecks(s), 'photo-alt-missing');
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: 'warning', storyPhotoId: s.photos[1]!.id });
    expect(found[0]!.message).toContain('bmd-exercise-east-sea.jpg');
  });

  it('flags a headline over 100 characters, not one of 100', () => {
    const at = (n: number) => runChecks(seedWith(({ story }) => void (story.headline = 'x'.repeat(n))));
    expect(only(at(100), 'headline-too-long')).toEqual([]);
    expect(only(at(101), 'headline-too-long')).toHaveLength(1);
    // Characters, not UTF-16 units: 100 Korean syllables is 100.
    expect(only(runChecks(seedWith(({ story }) => void (story.headline = '한'.repeat(100)))), 'headline-too-long')).toEqual([]);
  });

  it('flags doubled words with a fix, in the body and the headline', () => {
    const s = withBody(['The talks were held in the the capital.', 'He said that that was fine. I had had enough. In 2020 2020.']);
    const text = bodyText(s.story.body);
    s.story.headline = 'Talks talks resume';
    const found = only(runChecks(s), 'doubled-word');
    expect(found).toHaveLength(2);
    expect(text.slice(found[0]!.range!.from, found[0]!.range!.to)).toBe('the the');
    expect(found[0]!.fix).toEqual({ label: 'Keep one "the"', replacement: 'the' });
    expect(found[1]!.field).toBe('headline');
  });

  it('flags doubled Korean words', () => {
    const s = withBody(['북한이 미사일을 미사일을 발사했다']);
    s.story.language = 'ko';
    expect(only(runChecks(s), 'doubled-word')).toHaveLength(1);
  });

  it('flags double spaces with the range of the spaces', () => {
    const s = withBody(['One sentence.  Another one.', 'Fine here.']);
    s.photos[0]!.caption = 'A caption  with gaps.';
    const text = bodyText(s.story.body);
    const found = only(runChecks(s), 'double-space');
    expect(found).toHaveLength(2);
    expect(found[0]!.range).toEqual({ from: 13, to: 15 });
    expect(text.slice(13, 15)).toBe('  ');
    expect(found[0]!.fix?.replacement).toBe(' ');
    expect(found[1]).toMatchObject({ storyPhotoId: s.photos[0]!.id, fix: { replacement: 'A caption with gaps.' } });
  });

  it('flags a missing dateline', () => {
    const s = seedWith(({ story }) => void (story.dateline = ''));
    expect(only(runChecks(s), 'dateline-missing')).toMatchObject([{ severity: 'warning', field: 'dateline' }]);
  });

  it('flags a credit typed into the caption as well, with a fix', () => {
    const s = seedWith(({ photos }) => void (photos[0]!.caption = 'Officials meet in Seoul on Monday. (Yonhap)'));
    expect(only(runChecks(s), 'caption-credit-repeated')).toMatchObject([
      { storyPhotoId: s.photos[0]!.id, fix: { replacement: 'Officials meet in Seoul on Monday.' } },
    ]);
  });

  it('flags a figure whose photo is no longer attached', () => {
    const s = seedWith(({ photos }) => void photos.splice(1, 1));
    expect(ids(runChecks(s).filter((f) => f.severity === 'warning'))).toContain('figure-photo-missing');
  });

  it('gives body ranges that point at the words, past headings, lists and hard breaks', () => {
    const body: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A heading' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item one' }] }] }],
        },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Line' }, { type: 'hardBreak' }, { type: 'text', text: 'and and more' }],
        },
      ],
    };
    const s = seedWith(({ story }) => void (story.body = body));
    const found = only(runChecks(s), 'doubled-word');
    expect(bodyText(body).slice(found[0]!.range!.from, found[0]!.range!.to)).toBe('and and');
  });
});

describe('name spelling', () => {
  const pairs = (text: string): string[] =>
    only(runChecks(withBody([text])), 'name-spelling').map((f) => f.message.match(/"[^"]+" \(body\) and "[^"]+"/)?.[0] ?? f.message);

  it('flags Korean given names a letter or two apart, and hyphenation or capitals that differ', () => {
    expect(pairs('Kim Ki-Yeong spoke. Later Kim Ki-yeong left.')).toHaveLength(1);
    expect(pairs('Yoon Suk Yeol met aides. Yoon Suk-yeol said.')).toHaveLength(1);
    expect(pairs('Ji Da-gyum wrote it. Ji Da-gyeom edited it.')).toHaveLength(1);
  });

  it('leaves different people of one family, and ordinary phrases, alone', () => {
    expect(pairs('Kim Jong-un and Kim Yo-jong attended.')).toEqual([]);
    expect(pairs('South Korea and South Korean officials met.')).toEqual([]);
    expect(pairs('The Defense Ministry and the Defense Minister met.')).toEqual([]);
    expect(pairs('Seo Min-jung and Seo Min-jung again.')).toEqual([]);
  });

  it('finds names inside longer capitalized runs', () => {
    expect(nameMentions('Affairs Seo Min-jeong and').map((m) => m.name)).toContain('Seo Min-jeong');
    expect(nameMentions('USS Benfold and Hwasong-18').map((m) => m.name)).toEqual([]);
  });

  it('measures edit distance', () => {
    expect(editDistance('minjung', 'minjeong')).toBe(2);
    expect(editDistance('dagyum', 'dagyeom')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    const m = (name: string) => nameMentions(`${name} said`)[0]!;
    expect(looksLikeSameName(m('Seo Min-jung'), m('Seo Min-jeong'))).toBe(true);
  });
});

describe('the engine', () => {
  it('gives every check a unique id and a severity', () => {
    const seen = new Set(CHECKS.map((c) => c.id));
    expect(seen.size).toBe(CHECKS.length);
    for (const c of CHECKS) expect(['blocking', 'warning', 'info']).toContain(c.severity);
  });

  it('orders blocking before warnings before notes', () => {
    const s = seedWith(({ story, photos }) => {
      story.headline = '';
      story.dateline = '';
      photos[0]!.credit = '';
    });
    const order = runChecks(s).map((f) => f.severity);
    expect(order).toEqual([...order].sort((a, b) => ['blocking', 'warning', 'info'].indexOf(a) - ['blocking', 'warning', 'info'].indexOf(b)));
  });
});
