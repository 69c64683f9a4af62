// The whole newsroom journey in the browser: the reporter writes the seed article and submits it;
// the desk editor claims it, changes a word and sends it back with a note; the reporter sees the
// note and the diff, fixes and resubmits; the desk editor approves and publishes.

import { test, expect, seedArticle, shot } from './fixtures.js';
import { action, actionWithNote, body, expectStatus, headline, newStory, openStory, replaceInBody, saved, writeBody } from './ui.js';

test.setTimeout(180_000);

test('the seed article goes from the reporter through the desk to publication', async ({ page, newUserPage, signIn, api, newsroom }) => {
  const seed = seedArticle();
  const reporter = page;
  const note = 'Please spell out "NK" in the subheadline: we write North Korean.';

  await test.step('the reporter signs in and sees My stories', async () => {
    const who = await signIn(reporter, seed.byline.name);
    expect(who.roles).toContain('reporter');
    await shot(reporter, '01-reporter-home');
  });

  await test.step('the reporter writes the seed article', async () => {
    await newStory(reporter, seed.desk);
    await headline(reporter).fill(seed.headline);
    const sub = reporter.getByRole('textbox', { name: 'Subheadline', exact: true });
    if (!(await sub.count())) await reporter.getByRole('button', { name: /add subheadline/i }).click();
    await sub.first().fill(seed.subheadlines[0] ?? '');
    await reporter.getByRole('textbox', { name: 'Slug', exact: true }).fill(seed.slug);
    await reporter.getByRole('textbox', { name: 'Dateline', exact: true }).fill(seed.dateline);
    const desk = reporter.getByRole('combobox', { name: 'Desk', exact: true });
    if (await desk.count()) await desk.selectOption({ label: seed.desk });
    await writeBody(reporter, seed.body_paragraphs);
    await saved(reporter);
    await expect(body(reporter)).toContainText(seed.body_paragraphs[21]?.slice(0, 60) ?? '');
    await shot(reporter, '02-reporter-wrote-seed-article');
  });

  let storyId = 0;
  await test.step('what was typed is stored', async () => {
    const token = await newsroom.token(seed.byline.name);
    const list = await api('stories.list', { query: 'Funakoshi' }, token);
    const item = list.items.find((i) => i.headline === seed.headline);
    expect(item, 'the story is found by search').toBeTruthy();
    storyId = item?.id ?? 0;
    const { story } = await api('stories.get', { id: storyId }, token);
    // The slug as the reporter typed it (newsroom slugs are upper case; the seed must round-trip).
    expect.soft(story.slug, 'slug kept as typed').toBe(seed.slug);
    expect(story.dateline).toBe(seed.dateline);
    expect(story.subheadlines).toEqual(seed.subheadlines);
    expect(story.byline.map((b) => b.email)).toContain(seed.byline.email);
    expect(story.body.content?.length).toBe(seed.body_paragraphs.length);
  });

  await test.step('the reporter submits to the desk', async () => {
    await action(reporter, 'Submit to desk').click();
    await expectStatus(reporter, 'Submitted');
    await expect(action(reporter, 'Submit to desk')).toHaveCount(0);
    await shot(reporter, '03-reporter-submitted');
  });

  const desk = await newUserPage();
  await test.step('the desk editor sees it in the queue and claims it', async () => {
    await signIn(desk, 'desk_editor');
    await expect(desk.getByText(seed.headline).first()).toBeVisible();
    await shot(desk, '04-desk-queue-with-submitted-story');
    await openStory(desk, seed.headline);
    await action(desk, 'Claim').click();
    await expectStatus(desk, 'In edit');
    await expect(headline(desk)).toBeEditable();
  });

  await test.step('the desk editor changes a word and sends it back with a note', async () => {
    await replaceInBody(desk, 'latest sign', 'newest sign');
    await saved(desk);
    await shot(desk, '05-desk-changed-a-word');
    await actionWithNote(desk, 'Send back', note);
    await expectStatus(desk, 'Draft');
    await shot(desk, '06-desk-sent-back');
  });

  await test.step('the reporter sees the note and the diff', async () => {
    await reporter.goto('/');
    await expect(reporter.getByText(note).first()).toBeVisible();
    await shot(reporter, '07-reporter-home-with-desk-note');
    await openStory(reporter, seed.headline);
    await expect(reporter.getByText(note).first()).toBeVisible();
    await reporter
      .getByRole('button', { name: /history/i })
      .or(reporter.getByRole('tab', { name: /history/i }))
      .first()
      .click();
    const history = reporter
      .getByRole('region', { name: /history/i })
      .or(reporter.getByRole('tabpanel', { name: /history/i }))
      .or(reporter.getByRole('complementary', { name: /history/i }));
    await expect(history.first()).toBeVisible();
    // The send back is an audit event with its note.
    await expect(history.first().getByText(note).first()).toBeVisible();
    // The diff marks the desk's change word by word: compare what she submitted with what came back.
    const ticked = history.first().getByRole('checkbox', { checked: true });
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await history
      .first()
      .getByRole('checkbox', { name: /Submitted/ })
      .first()
      .check();
    await history
      .first()
      .getByRole('checkbox', { name: /Sent back/ })
      .first()
      .check();
    await history.first().getByRole('button', { name: 'Compare' }).click();
    const diff = reporter.getByRole('dialog');
    await expect(diff.locator('ins').filter({ hasText: 'newest' }).first()).toBeVisible();
    await expect(diff.locator('del').filter({ hasText: 'latest' }).first()).toBeVisible();
    await diff.locator('ins').filter({ hasText: 'newest' }).first().scrollIntoViewIfNeeded();
    await shot(reporter, '08-reporter-sees-diff');
  });

  await test.step('the reporter fixes the subheadline and resubmits', async () => {
    await reporter.keyboard.press('Escape');
    const sub = reporter.getByRole('textbox', { name: 'Subheadline', exact: true }).first();
    await expect(sub).toBeEditable();
    const fixed = (seed.subheadlines[0] ?? '').replace('NK', 'North Korean');
    await sub.fill(fixed);
    await saved(reporter);
    await action(reporter, 'Submit to desk').click();
    await expectStatus(reporter, 'Submitted');
    const { story } = await api('stories.get', { id: storyId }, await newsroom.token(seed.byline.name));
    expect(story.subheadlines[0]).toBe(fixed);
    expect(story.status).toBe('submitted');
    await shot(reporter, '09-reporter-resubmitted');
  });

  await test.step('the desk editor approves and publishes', async () => {
    await desk.goto('/');
    await openStory(desk, seed.headline);
    await action(desk, 'Claim').click();
    await expectStatus(desk, 'In edit');
    await action(desk, 'Approve').click();
    await expectStatus(desk, 'Approved');
    await shot(desk, '10-desk-approved');
    await action(desk, 'Publish').click();
    const confirm = desk.getByRole('dialog').getByRole('button', { name: /^publish/i });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await expectStatus(desk, 'Published');
    await shot(desk, '11-desk-published');
    const { story } = await api('stories.get', { id: storyId }, await newsroom.token('desk_editor'));
    expect(story.status).toBe('published');
    expect(story.publishedVersions).toBe(1);
    const { versions } = await api('published.list', { storyId }, await newsroom.token('desk_editor'));
    expect(versions).toHaveLength(1);
  });
});
