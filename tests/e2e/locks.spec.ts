// Two people on one story: the second sees who holds the lock; a stale save comes back as a
// conflict banner, and nothing typed is lost.

import { test, expect, docOf, shot } from './fixtures.js';
import { body, headline, openStory, saved } from './ui.js';

test('a story open in one browser opens read-only, "Locked by NAME", in another', async ({ page, newUserPage, signIn, api, newsroom }) => {
  const reporter = newsroom.person('Ji Da-gyum');
  const editor = newsroom.person('desk_editor');
  const token = await newsroom.token(reporter.name);
  // Both are authors of the draft, so either may edit it: the lock decides who does now.
  const { story } = await api('stories.create', { desk: 'National', headline: 'Two hands on one draft' }, token);
  await api(
    'stories.save',
    {
      id: story.id,
      baseVersion: story.version,
      changes: { byline: [{ staffId: reporter.id }, { staffId: editor.id }], body: docOf(['The first paragraph of a shared draft.']) },
    },
    token,
  );

  await signIn(page, reporter.name);
  await page
    .getByRole('button', { name: /my stories|drafts/i })
    .first()
    .click()
    .catch(() => undefined);
  await openStory(page, 'Two hands on one draft');
  await expect(headline(page)).toBeEditable();
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' The reporter holds the lock.');
  await saved(page);
  await shot(page, 'locks-01-reporter-holds-lock');

  const second = await newUserPage();
  await signIn(second, editor.name);
  await second
    .getByPlaceholder(/search/i)
    .or(second.getByRole('searchbox'))
    .first()
    .fill('Two hands');
  await openStory(second, 'Two hands on one draft');
  await expect(second.getByText(`Locked by ${reporter.name}`).first()).toBeVisible();
  await expect(headline(second)).not.toBeEditable();
  await expect(body(second)).toHaveAttribute('contenteditable', 'false');
  await shot(second, 'locks-02-second-sees-locked-by');

  // The API agrees: the second person cannot save past the lock.
  const got = await api('stories.get', { id: story.id }, await newsroom.token(editor.name));
  expect(got.story.lock?.name).toBe(reporter.name);
});

test('a stale save surfaces as a conflict banner and keeps what was typed', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('Ji Da-gyum');
  const token = await newsroom.token(reporter.name);
  const { story } = await api('stories.create', { desk: 'National', headline: 'A story saved behind the editor’s back' }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['Original opening paragraph.']) } }, token);

  await signIn(page, reporter.name);
  await openStory(page, 'A story saved behind the editor’s back');
  await expect(body(page)).toContainText('Original opening paragraph.');
  await expect(headline(page)).toBeEditable();

  // While the editor holds unsaved typing, someone (the same reporter, from a script) saves a
  // newer version; the editor's autosave then carries a stale base version.
  const typed = ' Words typed in the stale editor must survive.';
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed.slice(0, 20));
  const current = (await api('stories.get', { id: story.id }, token)).story;
  await api(
    'stories.save',
    { id: story.id, baseVersion: current.version, changes: { body: docOf(['Original opening paragraph.', 'A paragraph saved elsewhere.']) } },
    token,
  );
  await page.keyboard.type(typed.slice(20));

  const banner = page.getByRole('alert').filter({ hasText: /conflict|changed|newer|someone else/i });
  await expect(banner.first()).toBeVisible({ timeout: 20_000 });
  await shot(page, 'locks-03-conflict-banner');
  // Nothing typed is lost: still in the editor…
  await expect(body(page)).toContainText(typed.trim());
  // …and the core kept the text the stale save carried as a conflict revision.
  const { revisions } = await api('stories.history', { id: story.id }, token);
  const conflict = revisions.find((r) => r.reason === 'conflict');
  expect(conflict, 'a conflict revision was kept').toBeTruthy();
  if (conflict) {
    const kept = await api('stories.revision', { id: story.id, revisionId: conflict.id }, token);
    expect(JSON.stringify(kept.body)).toContain(typed.trim());
  }
  // The newer version saved elsewhere was not overwritten.
  const after = (await api('stories.get', { id: story.id }, token)).story;
  expect(JSON.stringify(after.body)).toContain('A paragraph saved elsewhere.');
});

test('a desk editor forces the lock of another desk editor with a note and takes the story over', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('Ji Da-gyum');
  const rtoken = await newsroom.token(reporter.name);
  const { story } = await api('stories.create', { desk: 'National', headline: 'Claimed and left open' }, rtoken);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['A paragraph to edit.']) } }, rtoken);
  await api('stories.transition', { id: story.id, action: 'submit' }, rtoken);
  // Lee claims it (and so holds the text lock) from another machine.
  await api('stories.transition', { id: story.id, action: 'claim' }, await newsroom.token('Lee Jae-won'));

  await signIn(page, 'Kim Min-ji');
  await openStory(page, 'Claimed and left open');
  await expect(page.getByText('Locked by Lee Jae-won').first()).toBeVisible();
  // While Lee holds the lock the desk is offered no workflow buttons.
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Force unlock', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill('Lee went home; Kim finishes the edit.');
  await dialog.getByRole('button', { name: 'Force unlock', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(headline(page)).toBeEditable();
  await headline(page).fill('Claimed and finished by Kim');
  await saved(page);
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible();
  await shot(page, 'locks-04-taken-over');

  const after = await api('stories.get', { id: story.id }, await newsroom.token('Kim Min-ji'));
  expect(after.story).toMatchObject({ headline: 'Claimed and finished by Kim', claimedBy: newsroom.person('Kim Min-ji').id });
  const { events } = await api('stories.history', { id: story.id }, rtoken);
  expect(events.some((e) => e.event === 'forceUnlock' && (e.note ?? '').startsWith('Lee went home'))).toBe(true);
});
