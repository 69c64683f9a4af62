// Accessible by construction: axe-core finds no serious or critical violation on
// sign-in, home, the editor and the history panel, and on the account screens (the setup form,
// an empty newsroom's first admin, "Your account", the admin's setup code, sessions and sign-in
// log); Tab reaches the main controls with a visible focus ring.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD, docOf, shot, startServer } from './fixtures.js';
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

test.beforeEach(async ({ api }) => {
  // A demo newsroom's reporter writes the story the screens show (an empty newsroom has nobody yet).
  const ji = (await api('session.access', {})).demoAccounts.find((a) => a.name === 'Ji Da-gyum');
  if (!ji) return;
  const { token } = await api('session.signIn', { email: ji.email, password: DEMO_PASSWORD });
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

test('the setup form, your account, and the admin’s setup code, sessions and sign-in log have no serious or critical axe violations', async ({ page, signIn }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'I have a setup code' }).click();
  await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'the setup form with an error');

  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Your account' }).click();
  await expect(page.getByRole('table', { name: 'Your sessions' })).toBeVisible();
  await expectNoSeriousViolations(page, 'your account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('dialog', { name: 'Sign out everywhere?' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign out everywhere?');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Sign-in log' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the staff and the sign-in log');
  const form = page.getByRole('form', { name: 'Add staff member' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Axe Checker');
  await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill('axe.checker@heraldcorp.com');
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('dialog', { name: 'Setup code for Axe Checker' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the setup code dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await page
    .getByRole('table', { name: 'Staff' })
    .getByRole('row', { name: /Axe Checker/ })
    .getByRole('button', { name: 'Sessions' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Sessions of Axe Checker' })).toBeVisible();
  await expectNoSeriousViolations(page, 'a person’s sessions');
});

/** Its own server: an empty newsroom, which opens on setting up its first admin. */
const emptyNewsroom = test.extend({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer({ demo: false });
    await use(server);
    await server.stop();
  },
});

emptyNewsroom('an empty newsroom’s “Set up this newsroom” has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up this newsroom' })).toBeVisible();
  await expectNoSeriousViolations(page, 'set up this newsroom');
});

test('the keyboard reaches the main controls, with a visible focus ring', async ({ page }) => {
  await page.goto('/');
  const first = await tabTo(page, /Ji Da-gyum/);
  expect(first.ring, 'a demo account shows focus').toBe(true);
  // Enter fills the form with the account and moves to "Sign in"; Enter again signs in.
  await page.keyboard.press('Enter');
  const signInButton = (await page.evaluate('window.__e2e.focused()')) as Focused;
  expect(signInButton).toMatchObject({ name: 'Sign in', ring: true });
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
