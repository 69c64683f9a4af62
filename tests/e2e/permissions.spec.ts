// A reporter never sees Approve or Publish, and the API refuses them anyway (FORBIDDEN over
// HTTP, nothing changed): the buttons come from the core's allowedActions, the rule from the core.

import { test, expect, apiError, docOf, shot } from './fixtures.js';
import { action, openStory } from './ui.js';

const HEADLINE = 'Reporter tries to approve her own story';

test('a reporter never sees Approve or Publish, and the API refuses them', async ({ page, signIn, api, newsroom }) => {
  const reporterToken = await newsroom.token('Ji Da-gyum');
  const deskToken = await newsroom.token('desk_editor');
  const { story } = await api('stories.create', { desk: 'National', headline: HEADLINE }, reporterToken);
  await api(
    'stories.save',
    { id: story.id, baseVersion: story.version, changes: { dateline: 'SEOUL', body: docOf(['A short story, complete enough to submit.']) } },
    reporterToken,
  );

  await signIn(page, 'Ji Da-gyum');
  const noDeskButtons = async (label: string) => {
    await page.goto('/');
    await openStory(page, HEADLINE);
    await expect(page.getByRole('button', { name: /^(Approve|Publish)$/ })).toHaveCount(0);
    await shot(page, `permissions-reporter-${label}`);
  };

  // draft: the reporter's own buttons are there, the desk's are not
  await noDeskButtons('draft');
  await expect(action(page, 'Submit to desk')).toBeVisible();

  // The API refuses approve and publish from a reporter in every state, and changes nothing.
  const refuse = async (action: 'approve' | 'publish', status: string) => {
    const error = await apiError(api('stories.transition', { id: story.id, action }, reporterToken));
    expect(error.status, `${action} while ${status}`).toBe(403);
    expect(error.code).toBe('FORBIDDEN');
    const after = (await api('stories.get', { id: story.id }, reporterToken)).story;
    expect(after.status).toBe(status);
  };
  await refuse('approve', 'draft');
  await refuse('publish', 'draft');

  await api('stories.transition', { id: story.id, action: 'submit' }, reporterToken);
  await noDeskButtons('submitted');
  await refuse('approve', 'submitted');

  await api('stories.transition', { id: story.id, action: 'claim' }, deskToken);
  await noDeskButtons('editing');
  await refuse('approve', 'editing');
  const before = (await api('stories.get', { id: story.id }, reporterToken)).story;
  expect(before.status).toBe('editing');
  // allowedActions as the core reports it for the reporter
  const seen = await api('stories.get', { id: story.id }, reporterToken);
  expect(seen.allowedActions).not.toContain('approve');
  expect(seen.allowedActions).not.toContain('publish');

  await api('stories.transition', { id: story.id, action: 'approve' }, deskToken);
  await noDeskButtons('approved');
  await refuse('publish', 'approved');

  // A request with no session at all is refused too.
  const anonymous = await apiError(api('stories.transition', { id: story.id, action: 'publish' }));
  expect([401, 403]).toContain(anonymous.status);
  expect((await api('stories.get', { id: story.id }, deskToken)).story.status).toBe('approved');
});
