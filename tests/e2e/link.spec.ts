// The Link toolbar button: named "Link", asks for the address in an accessible dialog (never
// window.prompt), and refuses javascript:, data: and the like.

import { test, expect, docOf, shot } from './fixtures.js';
import { body, openStory } from './ui.js';

test('adding a link asks in a dialog and refuses unsafe addresses', async ({ page, signIn, api, newsroom }) => {
  const reporter = newsroom.person('reporter');
  const token = await newsroom.token(reporter.name);
  const title = 'Links: the ministry statement';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['Read the ministry statement here.']) } }, token);
  const nativeDialogs: string[] = [];
  page.on('dialog', (d) => {
    nativeDialogs.push(d.type());
    void d.dismiss();
  });

  await signIn(page, reporter.name);
  await page.getByRole('button', { name: 'My stories' }).click();
  await openStory(page, title);
  await body(page).click();
  expect(await page.evaluate(`window.__e2e.selectText('[aria-label="Story body"]', 'ministry statement')`)).toBe(true);

  const linkButton = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link', exact: true });
  await expect(linkButton).toHaveAccessibleName('Link');
  await linkButton.click();
  const dialog = page.getByRole('dialog', { name: 'Link' });
  await expect(dialog).toBeVisible();
  const address = dialog.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();

  for (const bad of [
    'javascript:alert(1)',
    ' JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ]) {
    await address.fill(bad);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Links must start with http://, https:// or mailto:.');
    await expect(dialog).toBeVisible();
  }
  await shot(page, 'link-01-refused');
  await expect(body(page).locator('a')).toHaveCount(0);

  // A bare address gets https:// (the browser's own URL validation does not get in the way).
  await address.fill('mofa.go.kr/statement');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  const link = body(page).getByRole('link', { name: 'ministry statement' });
  await expect(link).toHaveAttribute('href', 'https://mofa.go.kr/statement');
  await expect(linkButton).toHaveAttribute('aria-pressed', 'true');
  expect(nativeDialogs, 'no window.prompt or alert').toEqual([]);

  // Nothing unsafe reached the server either.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  const saved = JSON.stringify((await api('stories.get', { id: story.id }, token)).story.body);
  expect(saved).toContain('https://mofa.go.kr/statement');
  expect(saved).not.toMatch(/javascript:|data:|vbscript:|file:/i);
});
