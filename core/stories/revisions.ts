// When the core keeps a revision: at workflow milestones, on a conflict, and at most once per
// PERIODIC_MS while someone keeps saving (never per keystroke).

import type { RevisionReason, Staff, Story } from '../../shared/domain.js';
import { insertRevision, latestRevisionAt, type Db } from '../../db/index.js';

export const PERIODIC_MS = 5 * 60_000;

export async function keepRevision(db: Db, story: Story, reason: RevisionReason, author: Staff, now: Date): Promise<number> {
  return await insertRevision(db, {
    storyId: story.id,
    version: story.version,
    reason,
    authorId: author.id,
    at: now.toISOString(),
    wordCount: story.wordCount,
    content: { headline: story.headline, subheadlines: story.subheadlines, body: story.body },
  });
}

/** After a save: a 'periodic' revision if the story's last revision is PERIODIC_MS old or more. */
export async function maybePeriodicRevision(db: Db, story: Story, author: Staff, now: Date): Promise<boolean> {
  const last = await latestRevisionAt(db, story.id);
  if (last !== null && now.getTime() - Date.parse(last) < PERIODIC_MS) return false;
  await keepRevision(db, story, 'periodic', author, now);
  return true;
}
