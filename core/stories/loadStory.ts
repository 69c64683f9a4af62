// The one way the core loads a story it was asked about: NOT_FOUND when there is none. Inside a
// write it also holds the story's row until the write commits, so writes to one story take turns
// even across server processes (PostgreSQL runs transactions side by side): each checks the
// version and the text lock the one before it committed.

import { getStory, lockStoryRow, type Db } from '../../db/index.js';
import { ApiError } from '../../shared/errors.js';
import type { Id, Story } from '../../shared/domain.js';

export async function loadStory(db: Db, id: Id): Promise<Story> {
  const story = db.inTransaction() && !(await lockStoryRow(db, id)) ? undefined : await getStory(db, id);
  if (!story) throw new ApiError('NOT_FOUND', `There is no story ${id}.`);
  return story;
}
