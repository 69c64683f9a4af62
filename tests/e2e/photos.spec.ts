// The photo desk in Chromium: a photo editor imports the fixtures through the
// library's file input, sees an outcome per file and a duplicate reported as one, finds photos
// by caption words (English and Korean), edits a credit with a code replacement and walks the
// grid with the arrow keys; then attaches the two seed photos to the seed story (lead and
// inline) with the article's captions, and the desk's Approve is refused while a photo has no
// credit, and allowed once it has one again (and the name spelled two ways is decided).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { DocNode, StoryPhoto } from '../../shared/domain.js';
import { test, expect, seedArticle, shot } from './fixtures.js';
import { decideAsPrinted, writeSeedStory } from './seedStory.js';
import { action, body, expectStatus, openStory } from './ui.js';
import type { Locator, Page } from '@playwright/test';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');
const SEOUL = 'security-talks-seoul.jpg';
const NAVY = 'bmd-exercise-east-sea.jpg';
const IPTC = 'IPTC-PhotometadataRef-Std2017.1.jpg';
const KOREAN = 'nk-launch-korean-caption.jpg';
const KOREAN_CAPTION = '북한이 동해상으로 탄도미사일을 발사했다';

const fixtureFile = (name: string) => ({ name, mimeType: 'image/jpeg', buffer: readFileSync(path.join(PHOTOS, name)) });

/** One IPTC IIM dataset: 0x1C, record, dataset, length, value. */
function iim(record: number, dataset: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x1c, record, dataset, value.length >> 8, value.length & 0xff]), value]);
}

/** A small JPEG whose IIM caption and credit are UTF-8 Korean, as Korean agencies write them. */
async function koreanJpeg(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .jpeg()
    .toBuffer();
  const block = Buffer.concat([
    iim(1, 90, Buffer.from([0x1b, 0x25, 0x47])), // CodedCharacterSet: UTF-8
    iim(2, 120, Buffer.from(KOREAN_CAPTION, 'utf8')),
    iim(2, 110, Buffer.from('연합뉴스', 'utf8')),
  ]);
  const resource = Buffer.alloc(12);
  resource.write('8BIM', 0, 'latin1');
  resource.writeUInt16BE(0x0404, 4);
  resource.writeUInt32BE(block.length, 8);
  const app13 = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource, block, block.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffed, 0);
  marker.writeUInt16BE(app13.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, app13, jpeg.subarray(2)]);
}

const grid = (page: Page): Locator => page.getByRole('listbox', { name: 'Photos' });
const cell = (page: Page, fileName: string): Locator => grid(page).getByRole('option').filter({ hasText: fileName });
const detail = (page: Page): Locator => page.getByRole('complementary', { name: 'Selected photo' });
const detailTitle = (page: Page): Locator => detail(page).getByRole('heading', { level: 2 });
const importPanel = (page: Page): Locator => page.getByRole('region', { name: 'Import' });
const searchBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search photos' });

/** Sends files through the input behind "Import photos" and waits for the batch to finish. */
async function importThroughUi(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  await expect(page.getByRole('button', { name: 'Import photos' })).toBeEnabled();
  await page.locator('input[type="file"]').setInputFiles(files);
  await expect(importPanel(page).getByRole('progressbar')).toBeVisible();
  await expect(importPanel(page).getByRole('button', { name: 'Dismiss' })).toBeVisible({ timeout: 30_000 });
  await expect(importPanel(page).getByRole('progressbar')).toHaveAttribute('value', '100');
}

/** The body as an outline: paragraph texts and `[fig id]`. */
const outline = (doc: DocNode): string[] =>
  (doc.content ?? []).map((n) => (n.type === 'figure' ? `[fig ${n.attrs?.storyPhotoId as number}]` : (n.content ?? []).map((t) => t.text ?? '').join('')));

test('the photo desk imports, finds, edits and places photos; approve waits for every credit', async ({ page, signIn, api, newsroom, newUserPage }) => {
  test.setTimeout(180_000);
  const seed = seedArticle();
  const lead = seed.photos.find((p) => p.placement === 'lead')!;
  const inline = seed.photos.find((p) => p.placement === 'inline')!;
  const photoToken = await newsroom.token('photo_editor');
  const list = async (query?: string) => api('photos.list', query ? { query } : {}, photoToken);

  // The desk's code replacement, set by the admin before the photo editor opens the library.
  await api('settings.update', { codeReplacements: [{ code: '=yna=', text: 'Yonhap' }] }, await newsroom.token('admin'));

  await test.step('the photo editor imports the fixtures through the file input', async () => {
    await signIn(page, 'photo_editor');
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Photo library' }).click();
    await expect(page.getByRole('heading', { name: 'Photo library', level: 1 })).toBeVisible();

    await importThroughUi(page, [fixtureFile(SEOUL), fixtureFile(NAVY), fixtureFile(IPTC), { name: KOREAN, mimeType: 'image/jpeg', buffer: await koreanJpeg() }]);
    const lines = importPanel(page).getByRole('listitem');
    await expect(lines).toHaveCount(4);
    for (const name of [SEOUL, NAVY, IPTC, KOREAN]) {
      await expect(lines.filter({ hasText: name })).toHaveText(`${name}: imported`);
    }
    await expect(importPanel(page).getByText('4 imported', { exact: true })).toBeVisible();
    await expect(grid(page).getByRole('option')).toHaveCount(4);
    expect((await list()).total).toBe(4);

    // The same file again is one asset, reported as a duplicate.
    await importThroughUi(page, [fixtureFile(SEOUL)]);
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toHaveText(`${SEOUL}: already in the library`);
    await expect(importPanel(page).getByText('0 imported · 1 already in the library', { exact: true })).toBeVisible();
    expect((await list()).total).toBe(4);
    await importPanel(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(importPanel(page)).toHaveCount(0);
  });

  await test.step('the library search finds photos by caption words, Korean included', async () => {
    const expectOnly = async (query: string, fileName: string) => {
      await searchBox(page).fill(query);
      await expect(grid(page).getByRole('option')).toHaveCount(1);
      await expect(cell(page, fileName)).toBeVisible();
    };
    await expectOnly('Funakoshi', SEOUL);
    await expectOnly('ballistic', NAVY);
    await expectOnly('북한', KOREAN); // the caption reads 북한이: the particle is attached
    await expect(cell(page, KOREAN)).toContainText(`${KOREAN_CAPTION} (연합뉴스)`);
    await searchBox(page).fill('Funakoshi Hwasong-18 nothing-like-this');
    await expect(page.getByText('No photos match.')).toBeVisible();
    await searchBox(page).fill('');
    await expect(grid(page).getByRole('option')).toHaveCount(4);
    await shot(page, 'photos-01-library');
  });

  await test.step('the detail panel edits a credit with a code replacement; arrow keys move between photos', async () => {
    await cell(page, IPTC).click();
    await expect(detailTitle(page)).toHaveText(IPTC);
    await expect(detail(page).getByLabel('Caption', { exact: true })).toHaveValue('The description aka caption (ref2017.1)');
    await expect(detail(page).getByLabel('Credit', { exact: true })).toHaveValue('Credit Line (ref2017.1)');
    for (const label of ['Creator (by-line)', 'Copyright notice', 'Alt text', 'Keywords']) {
      await expect(detail(page).getByLabel(label, { exact: true })).toBeVisible();
    }

    const credit = detail(page).getByLabel('Credit', { exact: true });
    await credit.fill('');
    await credit.pressSequentially('=yna=');
    await expect(credit).toHaveValue('Yonhap');
    await detail(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(detail(page).getByRole('button', { name: 'Save', exact: true })).toBeDisabled(); // nothing unsaved
    const iptcId = (await list()).items.find((a) => a.originalName === IPTC)!.id;
    await expect.poll(async () => (await api('photos.get', { id: iptcId }, photoToken)).asset.credit).toBe('Yonhap');
    await expect(cell(page, IPTC)).toContainText('(Yonhap)');
    await expect(detail(page).getByLabel('Credit', { exact: true })).toHaveValue('Yonhap');
    await shot(page, 'photos-02-detail-panel');
    // The panel confirms the save, and the confirmation outlasts the library's refresh after it
    // (the photo.changed event reloads the list ~300 ms later). Soft: the rest still runs.
    await page.waitForTimeout(1_000);
    await expect.soft(detail(page).getByRole('status'), 'the detail panel still says "Saved." after saving').toHaveText('Saved.', { timeout: 2_000 });

    // Arrow keys walk the grid in its order; the panel follows the focused photo.
    const names = await grid(page).getByRole('option').locator('.photo-cell-name').allTextContents();
    expect(names).toHaveLength(4);
    await cell(page, names[0]!).click();
    await expect(detailTitle(page)).toHaveText(names[0]!);
    await page.keyboard.press('ArrowRight');
    await expect(cell(page, names[1]!)).toBeFocused();
    await expect(detailTitle(page)).toHaveText(names[1]!);
    await page.keyboard.press('End');
    await expect(cell(page, names[3]!)).toBeFocused();
    await expect(detailTitle(page)).toHaveText(names[3]!);
    await page.keyboard.press('ArrowLeft');
    await expect(detailTitle(page)).toHaveText(names[2]!);
    await page.keyboard.press('Home');
    await expect(cell(page, names[0]!)).toBeFocused();
    await expect(detailTitle(page)).toHaveText(names[0]!);
  });

  // The reporter's story, written through the API.
  const { story: created, reporter: reporterToken } = await writeSeedStory(api, newsroom);
  const storyId = created.id;
  const photosPanel = page.getByRole('region', { name: 'Story photos' });
  const photoItem = (fileName: string) => photosPanel.getByRole('listitem').filter({ has: page.locator(`[aria-label="Detach ${fileName}"]`) });

  await test.step('the photo editor attaches both seed photos, lead and inline', async () => {
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Needs photos' }).click();
    await openStory(page, seed.headline);
    await page.getByRole('tab', { name: /^Photos/ }).click();
    await expect(photosPanel.getByText('No photos yet.')).toBeVisible();

    const attach = async (query: string, placement: 'lead' | 'inline', beforeBlock?: number) => {
      await photosPanel.getByRole('button', { name: 'Attach photo…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Attach a photo' });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel('Search the library').fill(query);
      const choices = dialog.getByRole('list', { name: 'Library photos' }).getByRole('button');
      await expect(choices).toHaveCount(1);
      await choices.first().click();
      await expect(choices.first()).toHaveAttribute('aria-pressed', 'true');
      if (placement === 'lead') {
        await dialog.getByRole('radio', { name: /Lead photo/ }).check();
      } else {
        await dialog.getByRole('radio', { name: /Inline/ }).check();
        await dialog.getByRole('spinbutton', { name: 'Before body block number' }).fill(String((beforeBlock ?? 0) + 1));
      }
      await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
      await expect(dialog).toBeHidden();
    };
    await attach('Funakoshi', 'lead');
    await expect(photoItem(SEOUL)).toContainText(lead.rendered_caption);
    await expect(page.getByRole('dialog', { name: 'Attach a photo' })).toHaveCount(0);
    // The lead photo sits above the body, so body block n is paragraph n.
    await attach('ballistic', 'inline', inline.before_paragraph);
    await expect(page.getByRole('tab', { name: /^Photos/ })).toHaveAccessibleName(/2/);

    // Lead first, then inline; each line "caption (credit)" exactly as the article printed it.
    const items = photosPanel.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Lead');
    await expect(items.nth(0).locator('.story-photo-caption')).toHaveText(lead.rendered_caption);
    await expect(items.nth(1)).toContainText('Inline');
    await expect(items.nth(1).locator('.story-photo-caption')).toHaveText(inline.rendered_caption);
    expect(lead.rendered_caption.endsWith('at the Foreign Ministry in Seoul on Monday. (Yonhap)')).toBe(true);

    // The inline photo shows in the body, before the paragraph the article had it before.
    const figure = body(page).locator('figure');
    await expect(figure).toHaveCount(1);
    await expect(figure).toContainText(inline.caption);
    await expect(figure).toContainText(`(${inline.credit})`);
    await figure.scrollIntoViewIfNeeded();
    await shot(page, 'photos-03-story-lead-and-inline');
  });

  let leadPhoto: StoryPhoto;
  await test.step('the stored story has both photos with their captions and credits, and a figure for the inline one', async () => {
    const { story, photos } = await api('stories.get', { id: storyId }, reporterToken);
    expect(photos).toHaveLength(2);
    leadPhoto = photos.find((p) => p.placement === 'lead')!;
    const inlinePhoto = photos.find((p) => p.placement === 'inline')!;
    expect(leadPhoto).toMatchObject({ caption: lead.caption, credit: lead.credit });
    expect(leadPhoto.asset.originalName).toBe(SEOUL);
    expect(inlinePhoto).toMatchObject({ caption: inline.caption, credit: inline.credit });
    expect(inlinePhoto.asset.originalName).toBe(NAVY);
    const blocks = outline(story.body);
    expect(blocks.filter((b) => b.startsWith('[fig'))).toEqual([`[fig ${inlinePhoto.id}]`]);
    expect(blocks[inline.before_paragraph!]).toBe(`[fig ${inlinePhoto.id}]`);
    expect(blocks.filter((b) => !b.startsWith('[fig'))).toEqual(seed.body_paragraphs);
  });

  await test.step('the photo editor clears the lead photo credit in the story', async () => {
    await photoItem(SEOUL).getByRole('button', { name: 'Edit caption' }).click();
    const form = photosPanel.locator('form.recaption');
    await expect(form.getByLabel('Caption in this story')).toHaveValue(lead.caption);
    await form.getByLabel('Credit', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Save caption' }).click();
    await expect(photoItem(SEOUL)).toContainText('Needs a credit.');
    const { photos } = await api('stories.get', { id: storyId }, reporterToken);
    expect(photos.find((p) => p.id === leadPhoto.id)?.credit).toBe('');
  });

  const desk = await newUserPage();
  await test.step('the reporter submits; the desk editor claims and Approve is refused, naming the photo', async () => {
    await api('stories.transition', { id: storyId, action: 'submit' }, reporterToken);
    await signIn(desk, 'Kim Min-ji');
    await openStory(desk, seed.headline);
    await action(desk, 'Claim').click();
    await expectStatus(desk, 'In edit');
    await action(desk, 'Approve').click();
    const refusal = desk.getByRole('alert').filter({ hasText: /cannot be approved/ });
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText(`Photo "${SEOUL}" has no credit`);
    await expectStatus(desk, 'In edit');
    expect((await api('stories.get', { id: storyId }, reporterToken)).story.status).toBe('editing');
    await shot(desk, 'photos-04-approve-refused-no-credit');
  });

  await test.step('with the credit restored (a code replacement), Approve succeeds', async () => {
    await photoItem(SEOUL).getByRole('button', { name: 'Edit caption' }).click();
    const credit = photosPanel.locator('form.recaption').getByLabel('Credit', { exact: true });
    await credit.pressSequentially('=yna=');
    await expect(credit).toHaveValue('Yonhap');
    await photosPanel.getByRole('button', { name: 'Save caption' }).click();
    await expect(photoItem(SEOUL).locator('.story-photo-caption')).toHaveText(lead.rendered_caption);
    await expect(photoItem(SEOUL)).not.toContainText('Needs a credit.');

    // The desk editor's open story follows the photo editor's change: the blocking finding goes.
    const staleFinding = desk.getByRole('tabpanel').getByText(`Photo "${SEOUL}" has no credit`);
    await expect.soft(staleFinding, "the desk editor's checks drop the no-credit finding once the credit is back").toHaveCount(0, { timeout: 5_000 });

    // The lead caption and the body spell the director-general two ways: the desk decides (both
    // stand, as printed) before approving, then approves with the warnings still open.
    await action(desk, 'Approve').click();
    const decide = desk.getByRole('dialog', { name: 'Decide before approval' });
    await expect(decide).toContainText('Name spelled two ways');
    await decide.getByRole('button', { name: 'Cancel' }).click();
    await decideAsPrinted(api, await newsroom.token('Kim Min-ji'), storyId);
    await action(desk, 'Approve').click();
    await desk.getByRole('dialog', { name: 'Approve with open warnings?' }).getByRole('button', { name: 'Approve anyway' }).click();
    await expectStatus(desk, 'Approved');
    const { story, photos } = await api('stories.get', { id: storyId }, reporterToken);
    expect(story.status).toBe('approved');
    expect(photos.find((p) => p.id === leadPhoto.id)?.credit).toBe('Yonhap');
    await shot(desk, 'photos-05-approved');
  });
});
