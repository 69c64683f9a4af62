// Wrong passwords again and again: the core asks for a wait, and the sign-in screen counts it down
// with "Sign in" disabled; once it is over, the right password works. Its own file (so its own
// server): the failures it makes slow every sign-in from this address for a while.
// Screenshot: test-results/screens/accounts-08-too-many-attempts.png

import { test, expect, shot } from './fixtures.js';

test('too many wrong passwords: the screen counts down with the button disabled, then the right password works', async ({ page, newsroom }) => {
  const who = newsroom.person('Park Soo-hyun');
  await page.goto('/');
  const email = page.getByRole('textbox', { name: 'E-mail', exact: true });
  const password = page.getByLabel('Password', { exact: true });
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  const form = page.getByRole('form', { name: 'Sign in' });
  const wait = form.getByRole('alert').filter({ hasText: /^Too many attempts\. Try again in \d+ seconds?\.$/ });
  await email.fill(who.email);

  // Wrong again and again until the wait is long enough to watch (the core doubles it each time).
  let seconds = 0;
  for (let attempt = 0; attempt < 12 && seconds < 4; attempt += 1) {
    await expect(button).toBeEnabled({ timeout: 40_000 });
    await password.fill(`wrong-${attempt}`);
    await button.click();
    await expect(form.getByRole('alert')).toBeVisible();
    if (await wait.isVisible()) seconds = Number(/in (\d+)/.exec((await wait.textContent()) ?? '')?.[1] ?? 0);
    else await expect(form.getByRole('alert')).toHaveText('The e-mail or password is wrong.');
  }
  expect(seconds, 'the core asked for a wait').toBeGreaterThanOrEqual(4);
  await expect(button).toBeDisabled();
  await shot(page, 'accounts-08-too-many-attempts');
  // The seconds count down.
  await expect(wait).not.toHaveText(new RegExp(`in ${seconds} seconds`), { timeout: 3_000 });
  await expect(button).toBeDisabled();

  // Once the wait is over, the right password signs in.
  await expect(button).toBeEnabled({ timeout: (seconds + 2) * 1000 });
  await expect(wait).toHaveCount(0);
  await password.fill('newsdesk-demo');
  await button.click();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toContainText(who.name);
});
