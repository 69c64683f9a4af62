// A body nested deeper than a story may be (MAX_BODY_DEPTH) is refused where it comes in, with
// VALIDATION and nothing changed, so no story is left that preview and publish cannot render.
// The deepest body the editor makes saves, previews and publishes.

import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRevision } from '../../../db/revisions.js';
import { MAX_BODY_DEPTH, MAX_LIST_NESTING } from '../../../shared/body.js';
import { nestedLists } from '../../support/bodies.js';
import { openNewsroom } from '../../support/seedNewsroom.js';
import { draftStory, makeRecordingHarness, refusedUnchanged, transition, type Harness } from '../../support/coreHarness.js';

describe('saving a body nested too deep', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeRecordingHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers VALIDATION and changes nothing, for 1,000 and 100,000 nested lists; the story still publishes', async () => {
    const story = await draftStory(h);
    const tooDeep = await refusedUnchanged(h, 'ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: nestedLists(1000) } }, 'VALIDATION');
    expect(tooDeep.message).toBe(
      `Invalid input at changes.body: body does not match the story schema: the body nests more than ${MAX_BODY_DEPTH} levels deep (lists inside lists at most ${MAX_LIST_NESTING} deep)`,
    );
    const hostile = await refusedUnchanged(h, 'ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: nestedLists(100_000) } }, 'VALIDATION');
    expect(hostile.message).toMatch(/nests more than/);
    // One list more than the limit, and the core still answers.
    await refusedUnchanged(h, 'ji', 'stories.save', { id: story.id, baseVersion: story.version, changes: { body: nestedLists(MAX_LIST_NESTING + 1) } }, 'VALIDATION');

    // The deepest the editor makes is a normal save; the story goes on through the workflow.
    const { story: saved } = await h.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: nestedLists(MAX_LIST_NESTING, { inQuote: true }) },
    });
    expect(saved.version).toBe(story.version + 1);
    await transition(h, 'ji', story.id, 'submit');
    await transition(h, 'lee', story.id, 'claim');
    await transition(h, 'lee', story.id, 'approve');
    expect((await transition(h, 'lee', story.id, 'publish')).status).toBe('published');
  });

  it('restoring a revision whose body is too deep (kept before the limit) answers VALIDATION and changes nothing', async () => {
    const story = await draftStory(h);
    const revisionId = await insertRevision(h.services.db, {
      storyId: story.id,
      version: story.version,
      reason: 'periodic',
      authorId: h.staff.ji.id,
      at: h.clock.now.toISOString(),
      wordCount: 1000,
      content: { headline: story.headline, subheadlines: [], body: nestedLists(1000) },
    });
    const error = await refusedUnchanged(h, 'ji', 'stories.restore', { id: story.id, revisionId, baseVersion: story.version }, 'VALIDATION');
    expect(error.message).toMatch(new RegExp(`Revision ${revisionId} cannot be restored: .*nests more than ${MAX_BODY_DEPTH} levels`));
  });
});

describe('with the real publisher', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('the deepest body the editor makes previews and publishes with every level; one stored deeper before the limit is refused in words', async () => {
    const n = await openNewsroom();
    dirs.push(n.dir);
    try {
      const reporter = n.as('ji');
      const desk = n.as('kim');
      const { story } = await reporter('stories.create', { desk: 'National', headline: 'Nested to the limit' });
      await reporter('stories.save', { id: story.id, baseVersion: story.version, changes: { body: nestedLists(MAX_LIST_NESTING, { inQuote: true }) } });
      await reporter('stories.transition', { id: story.id, action: 'submit' });
      await desk('stories.transition', { id: story.id, action: 'claim' });
      await desk('stories.transition', { id: story.id, action: 'approve' });
      const { html: preview } = await desk('published.preview', { storyId: story.id });
      expect(preview).toContain(`Level ${MAX_LIST_NESTING}`);
      await desk('stories.transition', { id: story.id, action: 'publish' });
      const v1 = await desk('published.get', { storyId: story.id, version: 1 });
      expect(v1.html.match(/<li>/g)).toHaveLength(MAX_LIST_NESTING);

      // A body stored deeper before saves refused it: preview says what is wrong instead of failing inside.
      const { story: old } = await reporter('stories.create', { desk: 'National', headline: 'Stored before the limit' });
      await n.services.db.run(`UPDATE stories SET body = ? WHERE id = ?`, JSON.stringify(nestedLists(1000)), old.id);
      const refused = (await desk('published.preview', { storyId: old.id }).catch((e: unknown) => e)) as { code: string; message: string };
      expect(refused.code).toBe('INVALID_STATE');
      expect(refused.message).toMatch(/nests more than 22 levels deep, which cannot be published; restore an earlier revision/);
    } finally {
      await n.core.close();
    }
  });
});
