// What the desk changed, shown to the reporter: she writes and submits; the desk editor claims,
// changes words and sends it back; she opens it and "Show the desk's changes" marks the inserted
// and deleted words in place, read only until she hides them. The History panel tells the
// story in plain words, one row per thing that happened (a photo editor's caption fix among them),
// and numbers saves and publications the way the editor's header and the published versions do.
// Screenshots: test-results/screens/desk-changes-*.png

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures.js';
import { attachSeedPhotos } from './seedStory.js';
import { action, actionWithNote, body, expectStatus, headline, newStory, openStory, replaceInBody, saved, writeBody } from './ui.js';

test.setTimeout(180_000);

const HEADLINE = 'North Korea fires missile into East Sea';
const DESK_HEADLINE = 'North Korea fires ballistic missiles into East Sea';
const PARAGRAPHS = [
  'North Korea fired a missile into the East Sea on Tuesday morning, the Joint Chiefs of Staff said.',
  'The launch came a day after Seoul and Washington ended their annual summer exercise.',
];

const historyList = (page: Page) => page.getByRole('list', { name: 'History', exact: true });

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(historyList(page)).toBeVisible();
}

/** The label of every row of the History list, newest first. */
async function rowLabels(page: Page): Promise<string[]> {
  return historyList(page).locator('.history-what').allInnerTexts();
}

test('the reporter sees what the desk changed, marked in place, and a history in plain words', async ({ page, newUserPage, signIn, api, newsroom }) => {
  const reporter = page;
  const note = 'Two missiles, per the JCS update; please add their range.';
  let storyId = 0;

  await test.step('the reporter writes and submits', async () => {
    await signIn(reporter, 'Ji Da-gyum');
    await newStory(reporter, 'North Korea');
    await headline(reporter).fill(HEADLINE);
    await writeBody(reporter, PARAGRAPHS);
    await saved(reporter);
    const token = await newsroom.token('Ji Da-gyum');
    storyId = (await api('stories.list', { query: 'East Sea' }, token)).items.find((i) => i.headline === HEADLINE)!.id;
    await action(reporter, 'Submit to desk').click();
    await expectStatus(reporter, 'Submitted');
    // Nothing of the desk's yet.
    await expect(reporter.getByRole('button', { name: "Show the desk's changes" })).toHaveCount(0);
  });

  const desk = await newUserPage();
  await test.step('the desk editor claims, changes words and sends it back', async () => {
    await signIn(desk, 'Kim Min-ji');
    await openStory(desk, HEADLINE);
    await action(desk, 'Claim').click();
    await expectStatus(desk, 'In edit');
    await headline(desk).fill(DESK_HEADLINE);
    await replaceInBody(desk, 'a missile', 'two short-range ballistic missiles');
    await replaceInBody(desk, 'annual summer exercise', 'exercise');
    await saved(desk);
    // The desk editor wrote these changes: no offer for her.
    await expect(desk.getByRole('button', { name: "Show the desk's changes" })).toHaveCount(0);
    await actionWithNote(desk, 'Send back', note);
    await expectStatus(desk, 'Draft');
  });

  await test.step('the photo desk places the photos and fixes a caption', async () => {
    await attachSeedPhotos(api, newsroom, storyId);
    const photoDesk = await newUserPage();
    await signIn(photoDesk, 'Choi Yoon-seo');
    await photoDesk.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' }).click();
    await openStory(photoDesk, DESK_HEADLINE);
    await photoDesk.getByRole('tab', { name: /^Photos/ }).click();
    const photos = photoDesk.getByRole('region', { name: 'Story photos' });
    const lead = photos.getByRole('listitem').filter({ has: photoDesk.locator('[aria-label="Detach security-talks-seoul.jpg"]') });
    await lead.getByRole('button', { name: 'Edit caption' }).click();
    const caption = photos.locator('form.recaption').getByLabel('Caption in this story');
    await caption.fill('Seo Min-jeong (second from left) holds talks with her Japanese counterparts at the Foreign Ministry in Seoul on Monday.');
    await photos.getByRole('button', { name: 'Save caption' }).click();
    await expect(lead).toContainText('Seo Min-jeong (second from left)');
  });

  await test.step('the reporter opens the story: the offer says what changed and who changed it', async () => {
    await reporter.goto('/');
    await openStory(reporter, DESK_HEADLINE);
    await expect(reporter.getByText(note).first()).toBeVisible();
    const offer = reporter.getByRole('region', { name: 'The desk changed your story' });
    await expect(offer).toBeVisible();
    // Headline: fires → fires ballistic missiles … missile → missiles: counted over every field.
    await expect(offer.getByRole('status')).toHaveText(/^\d+ words added, \d+ removed by Kim Min-ji$/);
    const { changes } = await api('stories.deskChanges', { id: storyId }, await newsroom.token('Ji Da-gyum'));
    expect(changes).not.toBeNull();
    await expect(offer.getByRole('status')).toHaveText(`${changes!.added} words added, ${changes!.removed} removed by Kim Min-ji`);
    expect(changes!.base.reason).toBe('submit');
    await expect(headline(reporter)).toBeEditable();
  });

  await test.step('"Show the desk\'s changes" marks the inserted and deleted words in place, read only', async () => {
    await reporter.getByRole('button', { name: "Show the desk's changes" }).click();
    const hide = reporter.getByRole('button', { name: "Hide the desk's changes" });
    await expect(hide).toBeVisible();
    await expect(hide).toBeFocused();
    const inserted = body(reporter).locator('ins.desk-change-ins');
    const deleted = body(reporter).locator('del.desk-change-del');
    await expect(inserted.filter({ hasText: 'two short-range ballistic missiles' })).toHaveCount(1);
    await expect(deleted.filter({ hasText: 'a missile' })).toHaveCount(1);
    await expect(deleted.filter({ hasText: 'annual summer' })).toHaveCount(1);
    // Spoken cues for screen readers, as the history's diff has.
    await expect(deleted.first()).toContainText('[deleted:');
    await expect(body(reporter)).toContainText(/\[inserted: two short-range ballistic missiles ?\]/);
    // The headline's change is shown beside the offer.
    const offer = reporter.getByRole('region', { name: 'The desk changed your story' });
    await expect(offer.locator('ins').filter({ hasText: 'ballistic missiles' })).toHaveCount(1);
    await expect(offer.locator('del').filter({ hasText: 'missile' })).toHaveCount(1);
    // Read only while shown: nobody types into a page of marks.
    await expect(body(reporter)).toHaveAttribute('aria-readonly', 'true');
    await expect(body(reporter)).toHaveAttribute('contenteditable', 'false');
    await expect(headline(reporter)).not.toBeEditable();
    // The marks and the offer keep the page accessible (the editor and its banners, as axe sees them).
    const axe = await new AxeBuilder({ page: reporter }).include('.editor').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await inserted.first().scrollIntoViewIfNeeded();
    await reporter.screenshot({ path: '/tmp/h/history-desk-changes-shown.png' });
    await shot(reporter, 'desk-changes-shown');
    // Nothing of the marks was stored.
    const { story } = await api('stories.get', { id: storyId }, await newsroom.token('Ji Da-gyum'));
    expect(JSON.stringify(story.body)).not.toContain('[inserted');

    await hide.click();
    await expect(inserted).toHaveCount(0);
    await expect(deleted).toHaveCount(0);
    await expect(body(reporter)).not.toContainText('a missile');
    await expect(body(reporter)).toHaveAttribute('contenteditable', 'true');
    await expect(headline(reporter)).toBeEditable();
  });

  await test.step('the History panel speaks plainly, one row per thing that happened', async () => {
    await openHistory(reporter);
    const labels = await rowLabels(reporter);
    expect(labels).toEqual([
      'Caption changed',
      'Photo attached',
      'Photo attached',
      'Sent back to the reporter',
      'Claimed for editing',
      'Submitted to desk',
      'Created the story',
    ]);
    const list = historyList(reporter);
    await expect(list).not.toContainText(/photo\.|sendBack|periodic|recaption/);
    const caption = list.getByRole('listitem', { name: 'Caption changed', exact: true });
    await expect(caption).toContainText('Choi Yoon-seo');
    await expect(caption).toContainText('Now: “Seo Min-jeong (second from left)');
    await expect(caption.locator('time')).not.toHaveText('');
    await expect(list.getByRole('listitem', { name: 'Sent back to the reporter', exact: true })).toContainText(note);
    await reporter.getByRole('tabpanel').screenshot({ path: '/tmp/h/history-panel-after-send-back.png' });
    await shot(reporter, 'desk-changes-history');
  });

  await test.step('after a publish, the header, the history and the published versions agree on the numbers', async () => {
    await action(reporter, 'Submit to desk').click();
    await expectStatus(reporter, 'Submitted');
    const kim = await newsroom.token('Kim Min-ji');
    await api('stories.transition', { id: storyId, action: 'claim' }, kim);
    await api('stories.transition', { id: storyId, action: 'approve' }, kim);
    const { story } = await api('stories.transition', { id: storyId, action: 'publish' }, kim);
    expect(story.status).toBe('published');
    await expectStatus(reporter, 'Published');

    // The header shows the story's save number; the publish row holds that same save, and names the publication.
    await expect(reporter.locator('.editor-top')).toContainText(`v${story.version}`);
    await openHistory(reporter);
    const list = historyList(reporter);
    const published = list.getByRole('listitem', { name: 'Published', exact: true });
    await expect(published).toHaveCount(1);
    await expect(published).toContainText('Published version 1');
    await expect(published.getByRole('checkbox')).toHaveAccessibleName(`Published v${story.version}`);
    const versions = reporter.getByRole('region', { name: 'Published versions' });
    await expect(versions.getByRole('heading', { level: 3 })).toHaveText(['Published version 1']);
    // One row per move: the resubmission and the second claim are rows of their own, nothing twice.
    expect(await rowLabels(reporter)).toEqual([
      'Published',
      'Approved',
      'Claimed for editing',
      'Submitted to desk',
      'Caption changed',
      'Photo attached',
      'Photo attached',
      'Sent back to the reporter',
      'Claimed for editing',
      'Submitted to desk',
      'Created the story',
    ]);
    await reporter.getByRole('tabpanel').screenshot({ path: '/tmp/h/history-panel-published.png' });
    await shot(reporter, 'desk-changes-history-published');
  });
});
