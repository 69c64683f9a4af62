// Bad input at the editor: hostile HTML pasted into the body is reduced
// to the schema and nothing hostile is stored; Korean typed through an IME is counted and found.

import { test, expect, shot } from './fixtures.js';
import { body, newStory, headline, saved } from './ui.js';
import { countWords } from '../../shared/text.js';

const HOSTILE = [
  '<style>p { color: red } body { background: url(https://evil.example/track.png) }</style>',
  '<script>window.__pwned = 1</script>',
  '<p style="font-size:40px" onclick="window.__pwned = 2">Safe words survive the paste.</p>',
  '<p><img src="x" onerror="window.__pwned = 3"><img src="https://evil.example/remote.jpg" alt="remote"></p>',
  '<p><a href="javascript:window.__pwned=4">a hostile link</a> and <a href="https://example.com/ok">a good link</a>.</p>',
  '<iframe src="https://evil.example/"></iframe>',
  '<p><b>Bold stays</b> and <span style="position:fixed;top:0">styled span text stays as text</span>.</p>',
].join('');

test('hostile HTML pasted into the body is reduced to the schema and nothing hostile is stored', async ({ page, signIn, api, newsroom }) => {
  await signIn(page, 'Ji Da-gyum');
  await newStory(page, 'National');
  await headline(page).fill('Pasted from a hostile page');
  await body(page).click();
  await page.evaluate(`window.__e2e.pasteHtml(${JSON.stringify(HOSTILE)}, 'Safe words survive the paste.')`);
  await expect(body(page)).toContainText('Safe words survive the paste.');
  await saved(page);
  await shot(page, 'paste-01-after-hostile-paste');

  // Nothing ran.
  expect(await page.evaluate('window.__pwned === undefined')).toBe(true);
  // Nothing hostile in the editor's DOM.
  const editorHtml = await body(page).innerHTML();
  for (const bad of [/<script/i, /<style/i, /<iframe/i, /<img/i, /onerror/i, /onclick/i, /javascript:/i, /evil\.example/i, /style="/i]) {
    expect(editorHtml, `editor DOM has no ${bad}`).not.toMatch(bad);
  }

  // Nothing hostile stored: read the story back through the API.
  const token = await newsroom.token('Ji Da-gyum');
  const { items } = await api('stories.list', { query: 'hostile' }, token);
  const item = items.find((i) => i.headline === 'Pasted from a hostile page');
  expect(item, 'the story is stored and found').toBeTruthy();
  const { story } = await api('stories.get', { id: item?.id ?? 0 }, token);
  const stored = JSON.stringify(story.body);
  expect(stored).toContain('Safe words survive the paste.');
  expect(stored).toContain('Bold stays');
  expect(stored).toContain('styled span text stays as text');
  for (const bad of [/script/i, /<style/i, /iframe/i, /"image"|"img"/i, /onerror/i, /onclick/i, /javascript:/i, /evil\.example/i, /"style"/i, /font-size/i]) {
    expect(stored, `stored body has no ${bad}`).not.toMatch(bad);
  }
  // Only schema node types and marks.
  const types = new Set<string>();
  const walk = (node: { type: string; content?: unknown[]; marks?: { type: string }[] }) => {
    types.add(node.type);
    for (const mark of node.marks ?? []) types.add(`mark:${mark.type}`);
    for (const child of node.content ?? []) walk(child as typeof node);
  };
  walk(story.body);
  for (const type of types) {
    expect([
      'doc',
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'listItem',
      'blockquote',
      'figure',
      'text',
      'hardBreak',
      'mark:bold',
      'mark:italic',
      'mark:link',
    ]).toContain(type);
  }
});

test('Korean typed through an IME is counted as Korean words and found by search', async ({ page, signIn, api, newsroom }) => {
  const korean = '북한이 동해상으로 단거리 탄도미사일을 발사했다고 합동참모본부가 밝혔다';
  const expected = countWords(korean, 'ko');

  await signIn(page, 'Ji Da-gyum');
  await newStory(page, 'North Korea');
  await headline(page).fill('북한 탄도미사일 발사');
  await body(page).click();
  // An IME hands the editor composed text: insertText is what a composition commit delivers.
  for (const word of korean.split(' ')) {
    await page.keyboard.insertText(word);
    await page.keyboard.insertText(' ');
  }
  await expect(body(page)).toContainText(korean);
  await expect(page.getByText(new RegExp(`\\b${expected} words?\\b`)).first()).toBeVisible();
  await saved(page);
  await shot(page, 'paste-02-korean-word-count');

  // The core counts the same and search finds the story by a Korean word.
  const token = await newsroom.token('Ji Da-gyum');
  const { items } = await api('stories.list', { query: '탄도미사일을' }, token);
  const item = items.find((i) => i.headline === '북한 탄도미사일 발사');
  expect(item, 'search finds the Korean story').toBeTruthy();
  expect(item?.wordCount).toBe(expected);

  // And in the UI: the search box shows it with the match highlighted.
  await page.goto('/');
  const search = page
    .getByRole('searchbox')
    .or(page.getByPlaceholder(/search/i))
    .first();
  await search.fill('탄도미사일을');
  await search.press('Enter');
  await expect(page.getByText('북한 탄도미사일 발사').first()).toBeVisible();
  await expect(page.locator('mark').filter({ hasText: '탄도미사일을' }).first()).toBeVisible();
  await shot(page, 'paste-03-korean-search');
});
