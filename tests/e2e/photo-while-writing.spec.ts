// A photo editor places photos in a story while the reporter holding its text lock keeps typing
// (photo edits need no text lock, so neither waits for the other). No conflict banner; the figure shows up in the
// reporter's editor, where they were typing stays where it was, and the stored body has both the
// reporter's new words and the figures.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocNode } from '../../shared/domain.js';
import { test, expect, docOf, shot } from './fixtures.js';
import { body, openStory, saved } from './ui.js';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');
const photoFile = (name: string) => ({ name, data: readFileSync(path.join(PHOTOS, name)).toString('base64') });

/** The body as a readable outline: paragraph texts and `[fig]`. */
const outline = (doc: DocNode): string[] =>
  (doc.content ?? []).map((n) => (n.type === 'figure' ? `[fig ${n.attrs?.storyPhotoId as number}]` : (n.content ?? []).map((t) => t.text ?? '').join('')));

test('a photo placed while the reporter types joins their text without a conflict', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('reporter');
  const token = await newsroom.token(reporter.name);
  const photoToken = await newsroom.token('photo_editor');
  const title = 'Ferry terminal reopens after the typhoon';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api(
    'stories.save',
    { id: story.id, baseVersion: story.version, changes: { body: docOf(['The ferry terminal reopened on Monday.', 'Ships sailed at noon.']) } },
    token,
  );
  const { results } = await api('photos.import', { files: [photoFile('bmd-exercise-east-sea.jpg'), photoFile('security-talks-seoul.jpg')] }, photoToken);
  const [first, second] = results.map((r) => r.asset!.id) as [number, number];

  await signIn(page, reporter.name);
  await openStory(page, title);
  await expect(body(page)).toContainText('Ships sailed at noon.');
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');

  // The reporter types at the end of the first paragraph…
  await body(page).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.type(' Passengers queued', { delay: 30 });
  // …the photo editor places a photo before the second paragraph, through the API, no lock…
  const attached = await api('photos.attach', { storyId: story.id, assetId: first, placement: 'inline', position: 1 }, photoToken);
  const firstFigure = attached.photos.find((p) => p.assetId === first)!.id;
  // …and the reporter keeps typing; their autosave now carries an older base version.
  await page.keyboard.type(' from dawn.', { delay: 30 });
  await saved(page);

  const conflict = page.getByRole('alert').filter({ hasText: /conflict|not saved|newer version/i });
  await expect(conflict).toHaveCount(0);
  const figures = body(page).locator('figure');
  await expect(figures).toHaveCount(1, { timeout: 5_000 });
  await expect(body(page)).toContainText('The ferry terminal reopened on Monday. Passengers queued from dawn.');
  await shot(page, 'photo-while-writing-01-figure-joined');

  const stored = (await api('stories.get', { id: story.id }, token)).story;
  expect(outline(stored.body)).toEqual(['The ferry terminal reopened on Monday. Passengers queued from dawn.', `[fig ${firstFigure}]`, 'Ships sailed at noon.']);
  const { revisions } = await api('stories.history', { id: story.id }, token);
  expect(
    revisions.some((r) => r.reason === 'conflict'),
    'no conflict revision',
  ).toBe(false);

  // Now the reporter pauses, cursor still in the first paragraph; a second photo is placed at the
  // end. It appears by itself (a change event), and the cursor has not moved.
  const again = await api('photos.attach', { storyId: story.id, assetId: second, placement: 'inline' }, photoToken);
  const secondFigure = again.photos.find((p) => p.assetId === second)!.id;
  await expect(figures).toHaveCount(2, { timeout: 3_000 });
  await expect(conflict).toHaveCount(0);
  await page.keyboard.type(' The port authority said so.');
  await saved(page);
  await expect(conflict).toHaveCount(0);

  const last = (await api('stories.get', { id: story.id }, token)).story;
  // The editor keeps an empty paragraph after a figure that ends the body (somewhere to type).
  expect(outline(last.body).filter((b, i, all) => !(b === '' && i === all.length - 1))).toEqual([
    'The ferry terminal reopened on Monday. Passengers queued from dawn. The port authority said so.',
    `[fig ${firstFigure}]`,
    'Ships sailed at noon.',
    `[fig ${secondFigure}]`,
  ]);
  await shot(page, 'photo-while-writing-02-second-figure');
});
