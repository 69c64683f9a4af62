// Accounts in the browser: signing in with an e-mail and a password (and the demo newsroom saying
// its password), a person added by an admin setting theirs with a setup code, changing a password,
// the sessions a person and an admin see and end, and a session that ends while the app is open:
// back to sign-in, then to the same place with nothing typed lost.
// Screenshots: test-results/screens/accounts-*.png

import type { Page } from '@playwright/test';
import {
  test,
  expect,
  apiError,
  DEMO_PASSWORD,
  docOf,
  expectSignInScreen,
  shot,
  signInHere,
  signInOverHttp,
  signInThroughUi,
  startServer,
  whenAllowed,
  type ApiFn,
} from './fixtures.js';
import { body, headline, openStory, saved, typeAtEnd } from './ui.js';

const ENDED = 'Your session ended. Sign in again.';
const WRONG = 'The e-mail or password is wrong.';

/** A person of this test's own, added by the admin over the API, with a password set; the setup session is signed out again. */
async function newPerson(
  api: ApiFn,
  adminToken: string,
  name: string,
  password = 'harbour tram seven',
): Promise<{ id: number; name: string; email: string; password: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Date.now()}@heraldcorp.com`;
  const { staff, setup } = await api('staff.create', { name, email, roles: ['reporter'], desks: ['National'] }, adminToken);
  const { token } = await whenAllowed(() => api('session.setUp', { code: setup.code, password }));
  await api('session.signOut', {}, token);
  return { id: staff.id, name, email, password };
}

const openAccount = async (page: Page) => {
  await page.getByRole('button', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
};

/**
 * Any action that calls the core: the queue is chosen again. (A window whose session ended may be
 * on the sign-in screen already: a change event it had refetch for found the session gone.)
 */
async function act(page: Page): Promise<void> {
  const all = page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'All stories' });
  if (await all.isVisible()) await all.click({ timeout: 2_000 }).catch(() => undefined);
}

/** The sign-in form's own answer (the screen may also say, outside it, that a session ended). */
const refusal = (page: Page) => page.getByRole('form', { name: 'Sign in' }).getByRole('alert');

const signOutButton = (page: Page) => page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Sign out', exact: true });

const sessionsTable = (page: Page) => page.getByRole('table', { name: 'Your sessions' });

test('signing in: the demo newsroom says its password and lists its accounts; a wrong password says so', async ({ page, newsroom }) => {
  await page.goto('/');
  await expect(page.getByText(`Demo newsroom: every account’s password is ${DEMO_PASSWORD}`)).toBeVisible();
  const ji = newsroom.person('Ji Da-gyum');
  const account = page.getByRole('button', { name: new RegExp(`Ji Da-gyum.*Reporter.*${ji.email.replace(/\./g, '\\.')}`) });
  await expect(account).toBeVisible();
  await expect(page.getByRole('button', { name: /Han Seung-woo.*Admin/ })).toBeVisible();
  await shot(page, 'accounts-01-signin-demo');

  await test.step('a wrong password: the core’s words, and nothing else changes', async () => {
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(ji.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.keyboard.press('Enter');
    await expect(refusal(page)).toHaveText(WRONG);
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });

  await test.step('an unknown e-mail is answered the same way', async () => {
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('nobody@heraldcorp.com');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(refusal(page)).toHaveText(WRONG);
  });

  await test.step('a demo account fills the form; Enter signs in', async () => {
    await account.click();
    await expect(page.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveValue(ji.email);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue(DEMO_PASSWORD);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Queues' })).toContainText('Ji Da-gyum');
  });

  await test.step('a reload keeps the session; signing out ends it', async () => {
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectSignInScreen(page);
    await page.reload();
    await expectSignInScreen(page);
  });
});

test('an admin adds a person: the setup code is shown once; the person sets a password in another browser and signs in', async ({ page, newUserPage, signIn }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add staff member' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('문서연');
  await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill('seoyeon.moon@heraldcorp.com');
  await form.getByRole('button', { name: 'Add staff member' }).click();

  const dialog = page.getByRole('dialog', { name: 'Setup code for 문서연' });
  await expect(dialog).toBeVisible();
  const code = ((await dialog.getByRole('status', { name: 'Setup code' }).textContent()) ?? '').trim();
  expect(code).toMatch(/\S{6,}/);
  await expect(dialog).toContainText('This code is shown only once.');
  await expect(dialog).toContainText('Valid until');
  await expect(dialog).toContainText(`Tell 문서연: open ${new URL(page.url()).origin}/, choose “I have a setup code”`);
  await expect(dialog.getByRole('button', { name: 'Copy code' })).toBeFocused();
  await shot(page, 'accounts-02-admin-setup-code');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('table', { name: 'Staff' }).getByRole('row', { name: /문서연/ });
  await expect(row).toContainText('Has not set a password yet');
  // Shown once: nothing on the page holds the code any more.
  expect(await page.content()).not.toContain(code);

  const person = await newUserPage();
  await person.goto('/');
  await person.getByRole('button', { name: 'I have a setup code' }).click();
  await expect(person.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await person.getByRole('textbox', { name: 'Setup code' }).fill(code);
  await shot(person, 'accounts-03-setup-form');

  await test.step('the new password is checked before it is sent', async () => {
    await person.getByLabel('New password', { exact: true }).fill('short');
    await person.getByLabel('Repeat the new password', { exact: true }).fill('short');
    await person.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(person.getByRole('alert')).toHaveText('The new password must be at least 10 characters.');
    await person.getByLabel('New password', { exact: true }).fill('항구로 가는 전차 노선');
    await person.getByLabel('Repeat the new password', { exact: true }).fill('항구로 가는 전차');
    await person.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(person.getByRole('alert')).toHaveText('The two new passwords are not the same.');
  });

  await test.step('a code that is not the one given: the core’s refusal', async () => {
    await person.getByRole('textbox', { name: 'Setup code' }).fill('NOT-THE-CODE');
    await person.getByLabel('Repeat the new password', { exact: true }).fill('항구로 가는 전차 노선');
    await person.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(person.getByRole('alert')).not.toBeEmpty();
    await expect(person.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });

  await person.getByRole('textbox', { name: 'Setup code' }).fill(code);
  await person.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(person.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(person.getByRole('navigation', { name: 'Queues' })).toContainText('문서연');

  await test.step('the code works once; the Korean password signs in', async () => {
    await person.getByRole('button', { name: 'Sign out' }).click();
    await person.getByRole('button', { name: 'I have a setup code' }).click();
    await person.getByRole('textbox', { name: 'Setup code' }).fill(code);
    await person.getByLabel('New password', { exact: true }).fill('another long password');
    await person.getByLabel('Repeat the new password', { exact: true }).fill('another long password');
    await person.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(person.getByRole('alert')).not.toBeEmpty();
    await person.getByRole('button', { name: 'Back to sign in' }).click();
    await signInHere(person, { email: 'seoyeon.moon@heraldcorp.com' }, '항구로 가는 전차 노선');
  });
});

test('changing the password signs the person’s other sessions out; the other browser lands on sign-in at its next action', async ({
  page,
  newUserPage,
  api,
  newsroom,
}) => {
  const who = await newPerson(api, await newsroom.token('admin'), 'Oh Ji-ho');
  await signInThroughUi(page, who, who.password);
  const other = await newUserPage();
  await signInThroughUi(other, who, who.password);

  await openAccount(page);
  await expect(sessionsTable(page).getByRole('row')).toHaveCount(3); // the header and two sessions
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill('ferry to the islands');
  await form.getByLabel('Repeat the new password', { exact: true }).fill('ferry to the islands');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).not.toBeEmpty();
  // Still signed in everywhere after a wrong current password.
  await expect(signOutButton(page)).toBeVisible();

  await form.getByLabel('Current password').fill(who.password);
  await form.getByLabel('New password', { exact: true }).fill('ferry to the islands');
  await form.getByLabel('Repeat the new password', { exact: true }).fill('ferry to the islands');
  // The wrong current password counted against this address: the core may ask for a moment first.
  await expect(async () => {
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('status')).toHaveText('Password changed. 1 other session was signed out.', { timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
  await expect(sessionsTable(page).getByRole('row')).toHaveCount(2);
  await shot(page, 'accounts-04-your-account');

  await act(other);
  await expectSignInScreen(other);
  await expect(other.getByText(ENDED)).toBeVisible();
  await other.getByRole('textbox', { name: 'E-mail', exact: true }).fill(who.email);
  await other.getByLabel('Password', { exact: true }).fill(who.password);
  await other.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(refusal(other)).toHaveText(WRONG);
  await signInHere(other, who, 'ferry to the islands');
});

test('“Your sessions” marks this browser; one session is signed out alone, and “Sign out everywhere” ends this one too', async ({ page, newUserPage, api, newsroom }) => {
  const who = await newPerson(api, await newsroom.token('admin'), 'Yang Min-seo');
  await signInThroughUi(page, who, who.password);
  const other = await newUserPage();
  await signInThroughUi(other, who, who.password);

  await openAccount(page);
  const table = sessionsTable(page);
  await expect(table.getByRole('row')).toHaveCount(3);
  const mine = table.getByRole('row').filter({ hasText: 'This browser' });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  for (const header of ['Device', 'Address', 'Signed in', 'Last seen']) await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
  await expect(mine).toContainText('127.0.0.1');

  const theirs = table
    .getByRole('row')
    .filter({ hasNotText: 'This browser' })
    .filter({ has: page.getByRole('button', { name: 'Sign out' }) });
  await theirs.getByRole('button', { name: 'Sign out' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await act(other);
  await expect(other.getByText(ENDED)).toBeVisible();
  await signInHere(other, who, who.password);

  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign out everywhere?' });
  await expect(confirm).toContainText('this one too');
  await confirm.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expectSignInScreen(page);
  await act(other);
  await expect(other.getByText(ENDED)).toBeVisible();
});

test('an admin sees a person’s sessions, signs them out everywhere and resets their password; the sign-in log says what happened', async ({
  page,
  newUserPage,
  signIn,
  api,
  newsroom,
}) => {
  const who = await newPerson(api, await newsroom.token('admin'), 'Baek Ye-jin');
  const theirs = await newUserPage();
  await signInThroughUi(theirs, who, who.password);
  // A failed sign-in with an e-mail nobody has.
  const intruder = await whenAllowed(() => api('session.signIn', { email: 'intruder@example.com', password: 'guess-guess' })).then(
    () => null,
    (error: unknown) => error,
  );
  expect(intruder).toMatchObject({ code: 'UNAUTHENTICATED' });

  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  const row = page.getByRole('table', { name: 'Staff' }).getByRole('row', { name: /Baek Ye-jin/ });
  await expect(row).toContainText('Set');
  await row.getByRole('button', { name: 'Sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sessions of Baek Ye-jin' });
  await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
  await dialog.getByRole('group', { name: 'Confirm signing out everywhere' }).getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Signed Baek Ye-jin out of 1 session.');
  await expect(dialog).toContainText('Baek Ye-jin is not signed in anywhere.');
  await shot(page, 'accounts-05-admin-sessions');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await act(theirs);
  await expect(theirs.getByText(ENDED)).toBeVisible();
  await signInHere(theirs, who, who.password);

  await test.step('reset password: asked first, then a new code; they are signed out and the old password no longer works', async () => {
    await row.getByRole('button', { name: 'Reset password' }).click();
    const ask = page.getByRole('dialog', { name: 'Reset Baek Ye-jin’s password?' });
    await ask.getByRole('button', { name: 'Reset password' }).click();
    const code = page.getByRole('dialog', { name: 'Setup code for Baek Ye-jin' });
    await expect(code).toContainText('password was reset');
    await expect(code.getByRole('status', { name: 'Setup code' })).not.toBeEmpty();
    await code.getByRole('button', { name: 'Done' }).click();
    await expect(row).toContainText('Has not set a password yet');
    await act(theirs);
    await expect(theirs.getByText(ENDED)).toBeVisible();
    expect((await apiError(api('session.signIn', { email: who.email, password: who.password }))).status).toBeGreaterThanOrEqual(400);
  });

  await test.step('the sign-in log, newest first, in words', async () => {
    const log = page.getByRole('region', { name: 'Sign-in log' });
    await log.getByRole('button', { name: 'Refresh' }).click();
    const table = log.getByRole('table', { name: 'Sign-in log' });
    await expect(table.getByRole('row').filter({ hasText: 'Unknown e-mail: intruder@example.com' }).first()).toContainText('Sign-in failed');
    await log.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Baek Ye-jin' });
    await expect(table.getByRole('row').filter({ hasText: 'Session ended by Han Seung-woo' }).first()).toBeVisible();
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: /^.*Signed in.*$/ })
        .first(),
    ).toContainText('127.0.0.1');
    await expect(table.getByRole('row').filter({ hasText: 'Unknown e-mail' })).toHaveCount(0);
    await shot(page, 'accounts-06-sign-in-log');
  });
});

test('a deactivated person’s open browser lands on the sign-in screen at its next action, and cannot sign in again', async ({ page, newUserPage, api, newsroom }) => {
  const adminToken = await newsroom.token('admin');
  const who = await newPerson(api, adminToken, 'Cha Eun-woo');
  await signInThroughUi(page, who, who.password);
  await expect(page.getByRole('navigation', { name: 'Queues' })).toContainText('Cha Eun-woo');

  const admin = await newUserPage();
  await signInThroughUi(admin, newsroom.person('admin'));
  await admin.getByRole('button', { name: 'Newsroom settings', exact: true }).click();
  await admin
    .getByRole('table', { name: 'Staff' })
    .getByRole('row', { name: /Cha Eun-woo/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const edit = admin.getByRole('dialog', { name: 'Edit Cha Eun-woo' });
  await edit.getByRole('checkbox', { name: 'Active' }).uncheck();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();

  await act(page);
  await expectSignInScreen(page);
  await expect(page.getByText(ENDED)).toBeVisible();
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(refusal(page)).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('a session ended elsewhere: sign-in, then back to the same story with the text typed', async ({ page, api, newsroom }) => {
  const adminToken = await newsroom.token('admin');
  const who = await newPerson(api, adminToken, 'Seo Ha-neul');
  const { token } = await signInOverHttp(api, who.email, who.password);
  const title = 'Accounts: the night bus timetable';
  const { story } = await api('stories.create', { desk: 'National', headline: title }, token);
  await api('stories.save', { id: story.id, baseVersion: story.version, changes: { body: docOf(['The night buses run every twenty minutes.']) } }, token);
  await api('stories.unlock', { id: story.id }, token);

  await signInThroughUi(page, who, who.password);
  await openStory(page, title);
  await expect(headline(page)).toBeEditable();
  const address = page.url();

  // Typed while the server cannot be reached: the text is in the editor and on this computer only.
  await page.route('**/api/stories.save', (route) => route.abort('connectionrefused'));
  const typed = ' Typed just before the session ended elsewhere.';
  await typeAtEnd(page, typed);
  await expect(page.getByText(/Cannot save right now/)).toBeVisible({ timeout: 15_000 });
  // Signed out everywhere from another computer (a script with the same person's session).
  await api('session.end', { everywhere: true }, token);
  await page.unroute('**/api/stories.save');

  await expect(page.getByText(ENDED)).toBeVisible({ timeout: 15_000 });
  await expectSignInScreen(page);
  expect(page.url()).toBe(address);
  await shot(page, 'accounts-07-session-ended');

  await signInHere(page, who, who.password);
  expect(page.url()).toBe(address);
  await expect(headline(page)).toHaveValue(title);
  await expect(body(page)).toContainText(typed.trim());
  await expect(page.getByText(/Restored your unsaved changes/)).toBeVisible();
  await saved(page);
  const { token: again } = await signInOverHttp(api, who.email, who.password);
  expect(JSON.stringify((await api('stories.get', { id: story.id }, again)).story.body)).toContain(typed.trim());
});

/** Its own server: an empty newsroom (no --demo), whose first admin has no password yet. */
const emptyNewsroom = test.extend({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer({ demo: false });
    await use(server);
    await server.stop();
  },
});

emptyNewsroom('an empty newsroom opens on setting up its first admin with the code from the server’s console; a real newsroom lists nobody', async ({ page, server }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up this newsroom' })).toBeVisible();
  await expect(page.getByText('The setup code is printed in the server’s console when it starts.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0);
  await shot(page, 'accounts-09-first-admin');
  const code = /setup code\W+([A-Za-z0-9][A-Za-z0-9-]{5,})/i.exec(server.output())?.[1];
  expect(code, `the server printed the first admin's setup code:\n${server.output()}`).toBeTruthy();

  await page.getByRole('textbox', { name: 'Setup code' }).fill(code ?? '');
  await page.getByRole('textbox', { name: 'Your name' }).fill('권나래');
  await page.getByRole('textbox', { name: 'Your e-mail' }).fill('narae.kwon@heraldcorp.com');
  await page.getByLabel('New password', { exact: true }).fill('first light over the harbour');
  await page.getByLabel('Repeat the new password', { exact: true }).fill('first light over the harbour');
  await page.getByRole('button', { name: 'Set up and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toContainText('권나래');
  await expect(page.getByRole('button', { name: 'Newsroom settings', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectSignInScreen(page);
  await expect(page.getByText(/Demo newsroom/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Set up this newsroom' })).toHaveCount(0);
  await expect(page.getByRole('listitem')).toHaveCount(0);
  await shot(page, 'accounts-10-signin-real');
  await signInHere(page, { email: 'narae.kwon@heraldcorp.com' }, 'first light over the harbour');
});
