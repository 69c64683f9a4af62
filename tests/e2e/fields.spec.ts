// The story's fields as a writer meets them: an empty story reads "0 words"; the slug follows the
// headline (a Korean one too) until a person writes their own; a long headline wraps whole, with
// its count against the desk's limit, marked past it; and the Photos tab says who can still change
// a caption, or that no one can once the story is approved.
// Screenshots: /tmp/h/fields-*.png

import type { Locator, Page } from '@playwright/test';
import { test, expect, seedArticle } from './fixtures.js';
import { attachSeedPhotos, decideAsPrinted, writeSeedStory } from './seedStory.js';
import { body, headline, newStory, openStory } from './ui.js';

const slugField = (page: Page): Locator => page.getByRole('textbox', { name: 'Slug', exact: true });
/** The editor's top line: "v1 · 0 words", "v3 · 6 words · 1 min read". */
const countLine = (page: Page): Locator => page.getByText(/^v\d+ · \d+ words?( · \d+ min read)?$/);

test('a new story reads "0 words"; the slug follows the headline until a person writes one', async ({ page, signIn, api, newsroom }) => {
  const me = await signIn(page, 'reporter');
  const token = await newsroom.token(me.name);
  await newStory(page, 'National');
  const slug = slugField(page);
  const storyId = Number(/^story-(\d+)$/.exec(await slug.inputValue())?.[1]);
  expect(storyId, 'a new story has the default slug').toBeGreaterThan(0);
  const stored = async () => {
    const { story } = await api('stories.get', { id: storyId }, token);
    return { headline: story.headline, slug: story.slug };
  };

  await test.step('an empty story: "0 words" and no reading time', async () => {
    await expect(countLine(page)).toHaveText(/ · 0 words$/);
    await expect(page.getByText(/min read/)).toHaveCount(0);
    await page.screenshot({ path: '/tmp/h/fields-empty-story.png' });
  });

  await test.step('typing the headline proposes the slug, key by key', async () => {
    await headline(page).pressSequentially('Ferry timetable changes');
    await expect(slug).toHaveValue('ferry-timetable-changes');
    await body(page).click();
    await page.keyboard.type('The ferries run late on Sundays.');
    await expect(countLine(page)).toHaveText(/ · 6 words · 1 min read$/);
  });

  await test.step('a Korean headline gives a romanized slug the core keeps as it is', async () => {
    await headline(page).fill('북한 미사일 발사');
    await expect(slug).toHaveValue('bukhan-misail-balsa');
    await expect.poll(async () => stored()).toEqual({ headline: '북한 미사일 발사', slug: 'bukhan-misail-balsa' });
  });

  await test.step('once a person edits the slug, a new headline leaves it alone', async () => {
    await slug.fill('NK-MISSILE');
    await headline(page).fill('북한, 동해상으로 탄도미사일 발사');
    await expect(slug).toHaveValue('NK-MISSILE');
    await headline(page).pressSequentially(' (2보)');
    await expect(slug).toHaveValue('NK-MISSILE');
    await expect.poll(async () => stored()).toEqual({ headline: '북한, 동해상으로 탄도미사일 발사 (2보)', slug: 'NK-MISSILE' });
  });

  await test.step('after a reload too: the saved slug is the person’s, not the proposal', async () => {
    await page.reload();
    await openStory(page, '북한, 동해상으로 탄도미사일 발사');
    await headline(page).fill('North Korea fires a missile');
    await expect(slug).toHaveValue('NK-MISSILE');
    await expect.poll(async () => stored()).toEqual({ headline: 'North Korea fires a missile', slug: 'NK-MISSILE' });
  });

  await test.step('a slug the core would change says what it will store', async () => {
    await slug.fill('NK missile, 2nd');
    await expect(slug).toHaveAccessibleDescription('Saved as NK-missile-2nd');
    await expect.poll(async () => (await stored()).slug).toBe('NK-missile-2nd');
    await page.screenshot({ path: '/tmp/h/fields-slug.png' });
  });
});

test('a long headline wraps to show all of it, with its count against the desk’s limit', async ({ page, signIn, api, newsroom }) => {
  await signIn(page, 'reporter');
  await newStory(page, 'National');
  const field = headline(page);
  const { settings } = await api('settings.get', {}, await newsroom.token('reporter'));
  const max = settings.headlineMaxChars;
  const size = () => field.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));

  await field.fill('Ferries run late');
  await expect(field).toHaveAccessibleDescription(`16 / ${max} characters`);
  const oneLine = await size();

  const long = 'North Korea fires two short-range ballistic missiles into the East Sea, South Korea’s military says after talks';
  const chars = [...long].length;
  expect(chars).toBeGreaterThan(max);
  await test.step('past the limit: every line shows, the count is marked and said once', async () => {
    await field.fill(long);
    await expect(field).toHaveValue(long);
    const wrapped = await size();
    expect(wrapped.scrollHeight, 'nothing scrolls inside the field').toBeLessThanOrEqual(wrapped.clientHeight);
    expect(wrapped.clientHeight, 'the field grew to more lines').toBeGreaterThan(oneLine.clientHeight * 1.5);
    await expect(field).toHaveAccessibleDescription(`${chars} / ${max} characters · ${chars - max} over`);
    await expect(page.locator('.char-count.over')).toHaveText(`${chars} / ${max} characters · ${chars - max} over`);
    await expect(page.getByText(`The headline is over the desk's limit of ${max} characters.`)).toHaveCount(1);
    await page.screenshot({ path: '/tmp/h/fields-long-headline.png' });
  });

  await test.step('Enter adds no line break; pasted lines are joined by spaces', async () => {
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(field).toHaveValue(long);
    await field.fill('Ferries run');
    await field.click();
    await page.keyboard.press('Control+End');
    await page.evaluate(`window.__e2e.pasteHtml('', ${JSON.stringify('\nlate\r\n\r\non Sundays\n')})`);
    await expect(field).toHaveValue('Ferries run late on Sundays');
  });

  await test.step('back within the limit: unmarked, and said so', async () => {
    await expect(field).toHaveAccessibleDescription(`27 / ${max} characters`);
    await expect(page.locator('.char-count.over')).toHaveCount(0);
    await expect(page.getByText(`The headline is within the desk's limit of ${max} characters again.`)).toHaveCount(1);
    const back = await size();
    expect(back.clientHeight).toBeLessThan(oneLine.clientHeight * 1.5);
  });
});

test('the Photos tab says who can still change a caption, and that no one can once the story is approved', async ({ page, signIn, api, newsroom, newUserPage }) => {
  const seed = seedArticle();
  const { story, reporter } = await writeSeedStory(api, newsroom);
  await attachSeedPhotos(api, newsroom, story.id);
  await api('stories.transition', { id: story.id, action: 'submit' }, reporter);
  const photosTab = (p: Page) => p.getByRole('tab', { name: /^Photos/ });
  const panel = (p: Page) => p.getByRole('region', { name: 'Story photos' });

  await test.step('submitted, to its reporter: photo and desk editors can', async () => {
    await signIn(page, seed.byline.name);
    await openStory(page, seed.headline);
    await photosTab(page).click();
    await expect(panel(page).getByText('Desk editors and photo editors can change captions on this story.')).toBeVisible();
  });

  const desk = await newsroom.token('Kim Min-ji');
  await api('stories.transition', { id: story.id, action: 'claim' }, desk);
  await decideAsPrinted(api, desk, story.id);
  await api('stories.transition', { id: story.id, action: 'approve' }, desk);

  await test.step('approved: no one can, and the reporter’s open story says so without a reload', async () => {
    await expect(panel(page).getByText('No one can change a caption while the story is approved.')).toBeVisible();
    await expect(panel(page).getByRole('button', { name: 'Edit caption' })).toHaveCount(0);
  });

  await test.step('approved, to the photo editor: no one can, not even them', async () => {
    const photoDesk = await newUserPage();
    await signIn(photoDesk, 'photo_editor');
    await photoDesk.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' }).click();
    await openStory(photoDesk, seed.headline);
    await photosTab(photoDesk).click();
    await expect(panel(photoDesk).getByText('No one can change a caption while the story is approved.')).toBeVisible();
    await expect(panel(photoDesk).getByRole('button', { name: 'Edit caption' })).toHaveCount(0);
    await photoDesk.screenshot({ path: '/tmp/h/fields-photo-hint-approved.png' });
  });
});
