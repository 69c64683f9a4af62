// The one way the core loads a story it was asked about: NOT_FOUND when there is none.

import { getStory, type Db } from '../../db/index.js';
import { ApiError } from '../../shared/errors.js';
import type { Id, Story } from '../../shared/domain.js';

export async function loadStory(db: Db, id: Id): Promise<Story> {
  const story = await getStory(db, id);
  if (!story) throw new ApiError('NOT_FOUND', `There is no story ${id}.`);
  return story;
}
