// Accessible by construction: axe-core finds no serious or critical violation on
// sign-in, home, the editor and the history panel; Tab reaches the main controls with a visible focus ring.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, docOf, shot } from './fixtures.js';
import { headline, openStory } from './ui.js';

const HEADLINE = 'Accessible story for the axe';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  expect(report, `axe on ${screen}`).toEqual([]);
}

interface Focused {
  tag: string;
  role: string | null;
  name: string;
  ring: boolean;
}

/** Presses Tab until the focused control's name matches, up to `max` presses; returns it. */
async function tabTo(page: Page, name: RegExp, max = 60): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate('window.__e2e.focused()')) as Focused | null;
    if (focused) {
      seen.push(`${focused.tag}[${focused.role ?? ''}] "${focused.name}"`);
      if (name.test(focused.name)) return focused;
    }
  }
  throw new Error(`Tab never reached ${name}; it visited:\n${seen.join('\n')}`);
}

test.beforeEach(async ({ api, newsroom }) => {
  const token = await newsroom.token('Ji Da-gyum');
  const { items } = await api('stories.list', { query: 'Accessible' }, token);
  if (items.length) return;
  const { story } = await api('stories.create', { desk: 'National', headline: HEADLINE }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['One paragraph for the checks.']) } }, token);
});

test('sign-in, home, editor and history have no serious or critical axe violations', async ({ page, signIn }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Ji Da-gyum/ }).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in');

  await signIn(page, 'Ji Da-gyum');
  await expect(page.getByText(HEADLINE).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'home');

  await openStory(page, HEADLINE);
  await expectNoSeriousViolations(page, 'editor');

  await page
    .getByRole('button', { name: /history/i })
    .or(page.getByRole('tab', { name: /history/i }))
    .first()
    .click();
  await expect(
    page
      .getByRole('region', { name: /history/i })
      .or(page.getByRole('tabpanel', { name: /history/i }))
      .or(page.getByRole('complementary', { name: /history/i }))
      .first(),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'history');
});

test('the keyboard reaches the main controls, with a visible focus ring', async ({ page }) => {
  await page.goto('/');
  const first = await tabTo(page, /Ji Da-gyum/);
  expect(first.ring, 'the staff picker shows focus').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByText(HEADLINE).first()).toBeVisible();

  const search = await tabTo(page, /search/i);
  expect(search.ring, 'search shows focus').toBe(true);

  await openStory(page, HEADLINE);
  await expect(headline(page)).toBeEditable();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (const control of [/^Headline$/, /^Story body$/, /^Submit to desk$/]) {
    const focused = await tabTo(page, control, 80);
    expect(focused.ring, `${control} shows focus`).toBe(true);
  }
  await shot(page, 'a11y-focus-on-submit');
});
