// The newsroom at the sizes people work at: a big monitor, laptops (1440, 1280, 1024 wide), half
// of a 1920 screen, and a small window. With a story open, nothing is covered, cut off or off the
// screen, the page never scrolls sideways, the toolbar keeps to one row, the side panel's tab
// labels fit, Submit stays in reach, and below laptop width the story list and the story tools
// fold into toggles that open, close with Escape and give the focus back.

import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { test, expect, docOf, seedArticle } from './fixtures.js';
import { attachSeedPhotos, writeSeedStory } from './seedStory.js';
import { action, headline, openStory } from './ui.js';

const PROBE = path.join(import.meta.dirname, 'layout-probe.js');
const SEED = seedArticle();

interface Size {
  width: number;
  height: number;
}
/** Laptop width and up: the list, the editor and the story tools side by side. */
const WIDE = 1280;
const SIZES: Size[] = [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
  { width: 960, height: 1040 },
  { width: 800, height: 700 },
];

// Real scrollbars, as on the newsroom's Windows laptops (Playwright hides them by default), so a
// scrollbar appearing shows up as a shift.
const executablePath = chromiumExecutable();
test.use({ launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] } });

test.beforeEach(async ({ context, api, newsroom }) => {
  await context.addInitScript({ path: PROBE });
  const reporter = await newsroom.token(SEED.byline.name);
  const { items } = await api('stories.list', { query: 'Japan security talks' }, reporter);
  if (items.some((i) => i.headline === SEED.headline)) return;
  const { story } = await writeSeedStory(api, newsroom);
  await attachSeedPhotos(api, newsroom, story.id);
  await api('comments.add', { storyId: story.id, text: 'Check the date of the last talks.' }, reporter);
});

async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  mkdirSync('/tmp/h', { recursive: true });
  copyFileSync(file, `/tmp/h/${name}.png`);
}

async function expectNoProblems(page: Page, what: string, root?: string): Promise<void> {
  // The layout settles after fonts, images and the lazily loaded panels.
  await expect.poll(async () => page.evaluate(`window.__layout.problems(${JSON.stringify(root ?? null)})`), { message: what, timeout: 5_000 }).toEqual([]);
}

async function expectNoSeriousAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

const tabs = (page: Page): Locator => page.getByRole('tablist', { name: 'Story tools' }).getByRole('tab');
const storiesToggle = (page: Page): Locator => page.getByRole('button', { name: 'Stories', exact: true });
const toolsToggle = (page: Page): Locator => page.getByRole('button', { name: 'Story tools', exact: true });
const search = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search stories' });

async function expectTabsFit(page: Page, size: Size): Promise<void> {
  await expect(tabs(page)).toHaveCount(4);
  await expect(tabs(page).filter({ hasText: /^Photos 2$/ })).toBeVisible();
  await expect(tabs(page).filter({ hasText: /^Comments 1$/ })).toBeVisible();
  expect(await page.evaluate('window.__layout.truncatedTabs()'), `tab labels at ${size.width}`).toEqual([]);
}

/** A toolbar button, from under More when the row is too short for it. */
async function toolButton(page: Page, name: string): Promise<Locator> {
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const onRow = toolbar.getByRole('button', { name, exact: true });
  if (await onRow.isVisible()) return onRow;
  await toolbar.getByRole('button', { name: 'More', exact: true }).click();
  const more = toolbar.getByRole('group', { name: 'More formatting' });
  await expect(more).toBeVisible();
  return more.getByRole('button', { name, exact: true });
}

async function openSeedStory(page: Page, size: Size, signIn: (page: Page, who: string) => Promise<unknown>): Promise<void> {
  await page.setViewportSize(size);
  await signIn(page, SEED.byline.name);
  await openStory(page, SEED.headline);
  await expect(headline(page)).toBeEditable();
  // The checks have run (their count is on the tab, folded away or not).
  await expect(page.locator('[role="tab"]').filter({ hasText: /^Checks \d+$/ })).toHaveCount(1);
}

for (const size of SIZES) {
  const name = `layout-${size.width}${size.width === 960 ? `x${size.height}` : ''}`;
  test(`a story open at ${size.width} × ${size.height}`, async ({ page, signIn }, testInfo) => {
    await openSeedStory(page, size, signIn);
    await snap(page, testInfo, name);
    await expectNoProblems(page, `controls at ${size.width} × ${size.height}`);

    await test.step('Submit is in view and can be clicked', async () => {
      const submit = action(page, 'Submit to desk');
      await expect(submit).toBeInViewport();
      await submit.click({ trial: true });
    });

    await test.step('the toolbar keeps to one row', async () => {
      const rows = (await page.evaluate(`window.__layout.rowsOf('[role="toolbar"][aria-label="Formatting"]')`)) as number[];
      expect(Math.max(...rows) - Math.min(...rows), `toolbar rows at ${size.width}: ${rows.join(', ')}`).toBeLessThan(8);
      // A laptop's width has room for every button; narrower, the rest wait under More.
      if (size.width >= 1440) await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'More', exact: true })).toHaveCount(0);
      const redo = await toolButton(page, 'Redo');
      await expect(redo).toBeVisible();
      await expectNoProblems(page, `the toolbar's buttons at ${size.width}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('group', { name: 'More formatting' })).toBeHidden();
    });

    if (size.width >= WIDE) {
      await test.step('the list and the story tools are beside the story, with no toggles', async () => {
        await expect(search(page)).toBeInViewport();
        await expectTabsFit(page, size);
        await expect(storiesToggle(page)).toBeHidden();
        await expect(toolsToggle(page)).toBeHidden();
      });
      return;
    }

    await test.step('the story has the width; the list opens from "Stories" and Escape folds it again', async () => {
      await expect(search(page)).toBeHidden();
      await expect(storiesToggle(page)).toHaveAttribute('aria-expanded', 'false');
      await expect(storiesToggle(page)).toHaveAttribute('aria-controls', /.+/);
      await storiesToggle(page).focus();
      await page.keyboard.press('Enter');
      await expect(storiesToggle(page)).toHaveAttribute('aria-expanded', 'true');
      await expect(search(page)).toBeInViewport();
      // The focus goes to the story that is open, in the list.
      await expect(page.getByRole('button', { name: new RegExp(SEED.headline.slice(0, 30)) })).toBeFocused();
      await snap(page, testInfo, `${name}-stories`);
      await expectNoProblems(page, `the list at ${size.width}`, `#${await storiesToggle(page).getAttribute('aria-controls')}`);
      await page.keyboard.press('Escape');
      await expect(search(page)).toBeHidden();
      await expect(storiesToggle(page)).toBeFocused();
      await expect(storiesToggle(page)).toHaveAttribute('aria-expanded', 'false');
    });

    await test.step('the story tools open from "Story tools" and Escape folds them again', async () => {
      await expect(tabs(page).first()).toBeHidden();
      await expect(toolsToggle(page)).toHaveAttribute('aria-expanded', 'false');
      await toolsToggle(page).click();
      await expect(toolsToggle(page)).toHaveAttribute('aria-expanded', 'true');
      await expectTabsFit(page, size);
      await expect(tabs(page).filter({ hasText: /^Checks/ })).toBeFocused();
      await snap(page, testInfo, `${name}-tools`);
      await expectNoProblems(page, `the story tools at ${size.width}`, `#${await toolsToggle(page).getAttribute('aria-controls')}`);
      // The toggle and Submit stay in reach while the tools are open.
      await expect(action(page, 'Submit to desk')).toBeInViewport();
      await action(page, 'Submit to desk').click({ trial: true });
      if (size.width === 800) await expectNoSeriousAxeViolations(page, 'the story tools open at 800');
      await page.keyboard.press('ArrowRight');
      await expect(tabs(page).filter({ hasText: /^Comments/ })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(tabs(page).first()).toBeHidden();
      await expect(toolsToggle(page)).toBeFocused();
    });

    await test.step('a queue chosen in the sidebar shows over the story', async () => {
      await page.getByRole('button', { name: 'All stories', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'All stories', level: 1 })).toBeInViewport();
      await expect(storiesToggle(page)).toHaveAttribute('aria-expanded', 'true');
      await expect(headline(page)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(search(page)).toBeHidden();
    });

    await test.step('"/" opens the folded list at its search box', async () => {
      await toolsToggle(page).focus();
      await page.keyboard.press('/');
      await expect(search(page)).toBeFocused();
      await expect(storiesToggle(page)).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(storiesToggle(page)).toBeFocused();
    });
  });
}

/** Where `locator` sits across the window, to see that nothing moved sideways. */
async function across(locator: Locator): Promise<{ x: number; width: number }> {
  const box = await locator.boundingBox();
  expect(box, 'it is on the screen').not.toBeNull();
  return { x: Math.round(box!.x), width: Math.round(box!.width) };
}

for (const size of [SIZES[3]!, SIZES[5]!]) {
  test(`forms open in place at ${size.width} × ${size.height}`, async ({ page, signIn, api, newsroom }, testInfo) => {
    // A desk editor's own story, so the checks offer Dismiss.
    const desk = newsroom.person('Kim Min-ji');
    const token = await newsroom.token(desk.name);
    const title = `Layout: forms at ${size.width}`;
    const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
    await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(SEED.body_paragraphs.slice(0, 8)) } }, token);
    await api('comments.add', { storyId: story.id, text: 'Is the second paragraph sourced?' }, token);

    await page.setViewportSize(size);
    await signIn(page, desk.name);
    await page.getByRole('button', { name: 'My stories', exact: true }).click();
    await openStory(page, title);
    await expect(headline(page)).toBeEditable();
    const story0 = await across(headline(page));

    await test.step('the link dialog', async () => {
      await (await toolButton(page, 'Link')).click();
      const dialog = page.getByRole('dialog', { name: 'Link' });
      await expect(dialog).toBeVisible();
      await expectNoProblems(page, 'the link dialog', 'dialog[open]');
      await snap(page, testInfo, `layout-${size.width}-link-dialog`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      expect(await across(headline(page))).toEqual(story0);
    });

    await test.step('a workflow dialog', async () => {
      await action(page, 'Spike').click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoProblems(page, 'the spike dialog', 'dialog[open]');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      expect(await across(headline(page))).toEqual(story0);
    });

    await toolsToggle(page).click();
    const panel = page.getByRole('complementary', { name: 'Story tools' });
    // From 1024 up the tools open beside the story, which narrows; below, over it.
    const story1 = await across(headline(page));
    if (size.width < 1024) expect(story1).toEqual(story0);
    await test.step('the dismiss form', async () => {
      await expect(tabs(page).filter({ hasText: /^Checks \d+$/ })).toBeVisible();
      const before = await across(panel.getByRole('tabpanel'));
      await panel.getByRole('button', { name: 'Dismiss', exact: true }).first().click();
      const note = panel.getByRole('textbox', { name: 'Why does this not apply?' });
      await expect(note).toBeFocused();
      await expectNoProblems(page, 'the dismiss form', '#story-tools');
      expect(await across(panel.getByRole('tabpanel'))).toEqual(before);
      await snap(page, testInfo, `layout-${size.width}-dismiss-form`);
      // Escape cancels the form, and leaves the panel open.
      await page.keyboard.press('Escape');
      await expect(note).toBeHidden();
      await expect(panel.getByRole('tabpanel')).toBeVisible();
    });

    await test.step('the reply form', async () => {
      await tabs(page)
        .filter({ hasText: /^Comments/ })
        .click();
      const before = await across(panel.getByRole('tabpanel'));
      await panel.getByRole('button', { name: 'Reply', exact: true }).click();
      await expect(panel.getByRole('textbox', { name: 'Reply' })).toBeVisible();
      await panel.getByRole('textbox', { name: 'Reply' }).fill('Yes: the ministry, by phone. '.repeat(8));
      await expectNoProblems(page, 'the reply form', '#story-tools');
      expect(await across(panel.getByRole('tabpanel'))).toEqual(before);
      await snap(page, testInfo, `layout-${size.width}-reply-form`);
    });
    expect(await across(headline(page))).toEqual(story1);
  });

  test(`the photo library and the admin screens at ${size.width} × ${size.height}`, async ({ page, signIn, newsroom }, testInfo) => {
    await page.setViewportSize(size);
    await signIn(page, 'photo_editor');
    await page.getByRole('button', { name: 'Photo library', exact: true }).click();
    const library = page.getByRole('region', { name: 'Photo library' });
    await expect(library.getByRole('option').first()).toBeVisible();
    await expectNoProblems(page, `the photo library at ${size.width}`);
    await library.getByRole('option').first().click();
    await expect(page.getByRole('complementary', { name: 'Selected photo' }).getByRole('textbox').first()).toBeVisible();
    await snap(page, testInfo, `layout-${size.width}-photo-library`);
    await expectNoProblems(page, `a photo chosen in the library at ${size.width}`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, newsroom.person('admin').name);
    for (const screen of ['Newsroom settings', 'House style']) {
      await page.getByRole('button', { name: screen, exact: true }).click();
      await expect(page.getByRole('heading', { name: screen, level: 1 })).toBeVisible();
      await snap(page, testInfo, `layout-${size.width}-${screen.toLowerCase().replace(' ', '-')}`);
      await expectNoProblems(page, `${screen} at ${size.width}`);
    }
  });
}

test('with no story open, the list shows beside the queues at 800 × 700', async ({ page, signIn }, testInfo) => {
  await page.setViewportSize(SIZES[5]!);
  await signIn(page, SEED.byline.name);
  await expect(search(page)).toBeInViewport();
  await expect(page.getByRole('button', { name: new RegExp(SEED.headline.slice(0, 30)) })).toBeInViewport();
  await expect(storiesToggle(page)).toHaveCount(0);
  await snap(page, testInfo, 'layout-800-home');
  await expectNoProblems(page, 'the list at 800');
});
