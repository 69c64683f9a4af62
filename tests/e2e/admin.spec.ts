// The admin's "Newsroom settings" screen: staff (add with a setup code, edit, the core's refusals
// in its own words) and settings (the limits; the export folder shown by name, set only where the
// server starts). Only admins see the entry.
// Screenshot: test-results/screens/admin-settings.png

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, apiError, expectSignInScreen, shot, startServer } from './fixtures.js';

const openAdmin = async (page: Page) => {
  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Newsroom settings' })).toBeVisible();
};

test('the admin adds a staff member, who can then set a password with the setup code and sign in', async ({ page, signIn }) => {
  await signIn(page, 'admin');
  await openAdmin(page);
  const table = page.getByRole('table', { name: 'Staff' });
  await expect(table.getByRole('row', { name: /Ji Da-gyum/ })).toContainText('dagyumji@heraldcorp.com');
  await expect(table.getByRole('row', { name: /Kim Min-ji/ })).toContainText('Desk editor');

  const form = page.getByRole('form', { name: 'Add staff member' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Yoon Ha-eun');
  await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill('haeun.yoon@heraldcorp.com');
  await form.getByRole('checkbox', { name: 'Photo editor', exact: true }).check();
  await form.getByRole('checkbox', { name: 'National', exact: true }).check();
  await form.getByRole('button', { name: 'Add staff member' }).click();
  // The setup code is shown once, in a dialog, with what to tell the person.
  const codeDialog = page.getByRole('dialog', { name: 'Setup code for Yoon Ha-eun' });
  await expect(codeDialog).toContainText('I have a setup code');
  const code = ((await codeDialog.getByRole('status', { name: 'Setup code' }).textContent()) ?? '').trim();
  expect(code.length).toBeGreaterThan(5);
  await codeDialog.getByRole('button', { name: 'Done' }).click();
  await expect(codeDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Added Yoon Ha-eun.' })).toBeVisible();
  const row = table.getByRole('row', { name: /Yoon Ha-eun/ });
  await expect(row).toContainText('Has not set a password yet');
  await expect(row).toContainText('haeun.yoon@heraldcorp.com');
  await expect(row).toContainText('Reporter');
  await expect(row).toContainText('Photo editor');
  await expect(row).toContainText('National');

  // The same e-mail again: the core's refusal, as it words it.
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Someone Else');
  await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill('haeun.yoon@heraldcorp.com');
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(form.getByRole('alert')).toHaveText('haeun.yoon@heraldcorp.com already belongs to Yoon Ha-eun.');

  // Taking the admin role from the only admin is refused in the core's words; nothing changes.
  await table
    .getByRole('row', { name: /Han Seung-woo/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit Han Seung-woo' });
  await dialog.getByRole('checkbox', { name: 'Admin', exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Reporter', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Newsdesk needs at least one active admin.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row', { name: /Han Seung-woo/ })).toContainText('Admin');

  // Editing desks and roles of someone else works.
  await table
    .getByRole('row', { name: /Yoon Ha-eun/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const edit = page.getByRole('dialog', { name: 'Edit Yoon Ha-eun' });
  await edit.getByRole('checkbox', { name: 'Business', exact: true }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(table.getByRole('row', { name: /Yoon Ha-eun/ })).toContainText(/National, Business|Business, National/);
  await shot(page, 'admin-staff');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectSignInScreen(page);
  // Not among the demo accounts: a person the admin added signs in with their own password.
  await expect(page.getByRole('button', { name: /Yoon Ha-eun/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'I have a setup code' }).click();
  await page.getByRole('textbox', { name: 'Setup code' }).fill(code);
  await page.getByLabel('New password', { exact: true }).fill('harbour tram seven');
  await page.getByLabel('Repeat the new password', { exact: true }).fill('harbour tram seven');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toContainText('Yoon Ha-eun');
  await expect(page.getByRole('button', { name: 'Newsroom settings' })).toHaveCount(0);
});

test('settings: the export folder is set where the server starts, never in the browser; the limits are checked and saved', async ({ page, signIn, api, newsroom }) => {
  await signIn(page, 'admin');
  await openAdmin(page);
  const folder = page.getByRole('group', { name: 'Export folder', exact: true });
  const lock = page.getByRole('spinbutton', { name: 'Lock timeout (minutes)', exact: true });
  const photo = page.getByRole('spinbutton', { name: 'Largest photo import (MB)', exact: true });
  await expect(folder).toContainText('None');
  await expect(folder).toContainText('It is set where the server is started (npm run serve -- --export-dir DIR), not in the browser.');
  // Nothing to type a path into, and no desktop folder dialog to open.
  await expect(folder.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /export/i })).toHaveCount(0);
  await expect(lock).toHaveValue('30');
  await expect(photo).toHaveValue('100'); // the default limit

  await lock.fill('0');
  await photo.fill('25');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toHaveText('The lock timeout must be a whole number of minutes from 1 to 1440.');
  await expect(lock).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'admin-settings-error');
  // Nothing was saved, not even the other field.
  const token = await newsroom.token('admin');
  expect((await api('settings.get', {}, token)).settings).toMatchObject({ lockTimeoutMinutes: 30, maxPhotoBytes: 100 * 1024 * 1024 });

  await lock.fill('20');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(lock).not.toHaveAttribute('aria-invalid', 'true');
  expect(await api('settings.get', {}, token)).toMatchObject({ exportFolder: null, settings: { lockTimeoutMinutes: 20, maxPhotoBytes: 25 * 1024 * 1024 } });

  // Keyboard: the fields and the button are reachable in order.
  await lock.focus();
  await page.keyboard.press('Tab');
  await expect(photo).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeFocused();
  await shot(page, 'admin-settings');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // No API call sets it, an admin's included: the refusal says where it is set instead.
  const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-export-'));
  try {
    for (const who of [token, await newsroom.token('photo_editor')]) {
      const error = await apiError(api('settings.update', { exportDir: root } as never, who));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('--export-dir');
    }
    expect((await api('settings.get', {}, token)).exportFolder).toBeNull();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** This file's tests below run on their own server, started with --export-dir. */
const withExportDir = test.extend<{ exportRoot: string }>({
  // eslint-disable-next-line no-empty-pattern
  exportRoot: async ({}, use) => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-e2e-export-'));
    mkdirSync(path.join(root, 'wire-exports'));
    await use(root);
    rmSync(root, { recursive: true, force: true });
  },
  server: async ({ exportRoot }, use) => {
    const server = await startServer({ exportDir: path.join(exportRoot, 'wire-exports') });
    await use(server);
    await server.stop();
  },
});

withExportDir('a server started with --export-dir: the screen names the folder, never its path on the server', async ({ page, signIn, api, newsroom, exportRoot }) => {
  await signIn(page, 'admin');
  await openAdmin(page);
  const folder = page.getByRole('group', { name: 'Export folder', exact: true });
  await expect(folder.getByText('wire-exports', { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(exportRoot);
  const answer = await api('settings.get', {}, await newsroom.token('admin'));
  expect(answer.exportFolder).toEqual({ name: 'wire-exports' });
  expect(JSON.stringify(answer)).not.toContain(exportRoot);
});

test('a reporter sees no admin entry', async ({ page, signIn }) => {
  await signIn(page, 'Ji Da-gyum');
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'My stories' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Newsroom settings' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Newsroom settings' })).toHaveCount(0);
});
