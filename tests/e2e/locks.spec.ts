// Two people on one story: the second sees who holds the lock. The lock is one computer's: the
// same person on another is told so and may take the story over there; a lock taken over (by them,
// or forced by a desk editor) makes the first computer send its unsaved text at once, which the core
// keeps in the story's history, and says so. Nothing typed is lost.

import type { Page } from '@playwright/test';
import { test, expect, docOf, shot, type ApiFn } from './fixtures.js';
import { body, headline, openStory, saved, typeAtEnd } from './ui.js';

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

/** Holds every save of `page` until `release()` (typing meanwhile stays unsaved, its save in flight). */
async function holdSaves(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/stories.save', async (route) => {
    await held;
    await route.continue();
  });
  return async () => {
    release();
    // Lets the held saves go on to the server before the route is gone.
    await page.unrouteAll({ behavior: 'wait' });
  };
}

/** Opens the story and types `text` at the end of its body, its save held until `release()`. */
async function typeUnsaved(page: Page, title: string, text: string): Promise<() => Promise<void>> {
  await openStory(page, title);
  await expect(headline(page)).toBeEditable();
  const release = await holdSaves(page);
  await typeAtEnd(page, text);
  return release;
}

/** The revision of the story whose text contains `text` (the core keeps refused saves as revisions). */
async function revisionWith(api: ApiFn, token: string, storyId: number, text: string): Promise<number | null> {
  const { revisions } = await api('stories.history', { id: storyId }, token);
  for (const r of revisions) {
    const kept = await api('stories.revision', { id: storyId, revisionId: r.id }, token);
    if (JSON.stringify(kept.body).includes(text)) return r.id;
  }
  return null;
}

test('the same reporter on another computer: told so, may take the story over there; the first computer’s unsaved text is kept in its history and shown', async ({
  page,
  newUserPage,
  signIn,
  api,
  newsroom,
}) => {
  // With a text lock per computer a second computer can no longer save over the first one's lock
  // (what a stale save was before): the take-over is where the text typed on the first would be lost.
  const reporter = newsroom.person('Ji Da-gyum');
  const token = await newsroom.token(reporter.name);
  const title = 'A story open on two computers';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['Original opening paragraph.']) } }, token);

  await signIn(page, reporter.name);
  const typed = ' Words typed on the first computer must survive.';
  const release = await typeUnsaved(page, title, typed);
  await expect(page.getByText('Saving…').first()).toBeVisible();

  const second = await newUserPage();
  await signIn(second, reporter.name);
  await openStory(second, title);
  const elsewhere = second.getByRole('alert').filter({ hasText: /^You are editing this story on another computer \(.+\)\./ });
  await expect(elsewhere).toBeVisible();
  await expect(headline(second)).not.toBeEditable();
  await shot(second, 'locks-02b-on-another-computer');
  await elsewhere.getByRole('button', { name: 'Take over here' }).click();
  await expect(headline(second)).toBeEditable();
  await expect(elsewhere).toHaveCount(0);

  // The first computer's save, in flight when the story was taken, reaches the core now: refused, kept.
  await release();
  const notice = page.getByRole('alert').filter({ hasText: /^You took this story over on another computer/ });
  await expect(notice).toContainText('Your unsaved text was kept in its history.', { timeout: 15_000 });
  await expect(headline(page)).not.toBeEditable();
  await shot(page, 'locks-03-taken-over-text-kept');
  await notice.getByRole('button', { name: 'Compare your text' }).click();
  const compare = page.getByRole('dialog', { name: 'Your kept text and the story now' });
  await expect(compare.getByRole('document', { name: 'Body changes' })).toContainText(typed.trim());
  await compare.getByRole('button', { name: 'Close' }).last().click();

  expect(await revisionWith(api, token, story.id, typed.trim()), 'the text typed on the first computer was kept as a revision').not.toBeNull();
  // …and nothing was saved over the story with it.
  await typeAtEnd(second, ' Written on the second computer.');
  await saved(second);
  const after = (await api('stories.get', { id: story.id }, token)).story;
  expect(JSON.stringify(after.body)).toContain('Written on the second computer.');
  expect(JSON.stringify(after.body)).not.toContain(typed.trim());
});

test('a desk editor forces a co-author’s lock: the reporter’s computer at once sends its unsaved text, which is kept in the history and shown', async ({
  page,
  newUserPage,
  signIn,
  api,
  newsroom,
}) => {
  const reporter = newsroom.person('Ji Da-gyum');
  const editor = newsroom.person('Kim Min-ji');
  const token = await newsroom.token(reporter.name);
  const title = 'Two authors, one lock';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api(
    'stories.save',
    { id: story.id, baseVersion: story.version, changes: { byline: [{ staffId: reporter.id }, { staffId: editor.id }], body: docOf(['The shared first paragraph.']) } },
    token,
  );

  await signIn(page, reporter.name);
  const typed = ' The reporter was still typing this.';
  const release = await typeUnsaved(page, title, typed);

  const desk = await newUserPage();
  await signIn(desk, editor.name);
  await desk.getByRole('searchbox', { name: 'Search stories' }).fill('Two authors');
  await openStory(desk, title);
  await expect(desk.getByText(`Locked by ${reporter.name}`).first()).toBeVisible();
  await desk.getByRole('button', { name: 'Force unlock', exact: true }).click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill('The desk needs it now.');
  await dialog.getByRole('button', { name: 'Force unlock', exact: true }).click();
  await expect(headline(desk)).toBeEditable();

  await release();
  const notice = page.getByRole('alert').filter({ hasText: `${editor.name} took over this story. Your unsaved text was kept in its history.` });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(headline(page)).not.toBeEditable();
  await expect(page.getByText(`Locked by ${editor.name}`).first()).toBeVisible();
  await notice.getByRole('button', { name: 'Show history' }).click();
  await expect(page.getByRole('tab', { name: /History/ })).toHaveAttribute('aria-selected', 'true');
  expect(await revisionWith(api, token, story.id, typed.trim()), 'the reporter’s unsaved text was kept as a revision').not.toBeNull();
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
