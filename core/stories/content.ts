// Writing a story's content (save and restore): the stored fields derived from the changes, the
// byline and desk checks, the body's figures made to agree with the story's photos, and who
// wrote which words.

import { attributeSave, countWordsByWriter } from '../../shared/authorship.js';
import { reconcileFigures } from '../../shared/figures.js';
import type { ChangeEvent, DocNode, Staff, Story } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import {
  deskExists,
  getStory,
  getTextAuthorship,
  listStoryPhotos,
  setByline,
  setTextAuthorship,
  unknownStaffIds,
  updateStoryContent,
  type StoryContent,
} from '../../db/index.js';
import { lockChanged, storyChanged } from '../changeEvents.js';
import type { CoreServices } from '../services.js';
import { heldElsewhere, liveLock, lockFor, type Editor } from './locks.js';
import { revisionText } from './storyText.js';
import { emptyDoc, plainBody } from '../../shared/body.js';
import { countBodyWords } from '../../shared/text.js';
import { slugify } from '../../shared/slug.js';

export type ContentChanges = Partial<Pick<Story, 'slug' | 'desk' | 'headline' | 'subheadlines' | 'dateline' | 'language' | 'body'>>;

/** Content fields of a story with the changes applied and plain text / word count derived. */
export function contentOf(story: Story, changes: ContentChanges): StoryContent {
  const body = changes.body ?? story.body;
  const language = changes.language ?? story.language;
  const text = plainBody(body);
  const headline = changes.headline ?? story.headline;
  let slug = changes.slug ?? story.slug;
  if (changes.slug !== undefined) slug = slugify(changes.slug) || story.slug;
  return {
    slug,
    desk: changes.desk ?? story.desk,
    headline,
    subheadlines: changes.subheadlines ?? story.subheadlines,
    dateline: changes.dateline ?? story.dateline,
    language,
    body,
    bodyText: text,
    wordCount: countBodyWords(body, language),
  };
}

export async function assertDesk(services: Pick<CoreServices, 'db'>, desk: string): Promise<void> {
  if (!(await deskExists(services.db, desk))) {
    throw new ApiError('VALIDATION', `There is no desk called ${desk}.`, [{ path: 'desk', message: 'unknown desk' }]);
  }
}

/**
 * A byline names one or more active staff. Someone already on it who has since been deactivated
 * may stay (the story is still theirs); nobody unknown or inactive may be added.
 */
export async function assertByline(services: Pick<CoreServices, 'db'>, ids: number[], current: Story): Promise<void> {
  if (ids.length === 0) throw new ApiError('VALIDATION', 'The byline must name at least one person.', [{ path: 'changes.byline', message: 'required' }]);
  const already = new Set(current.byline.map((b) => b.staffId));
  const refused = (await unknownStaffIds(services.db, ids)).filter((id) => !already.has(id));
  if (refused.length > 0) {
    throw new ApiError('VALIDATION', 'The byline names someone who is not (or no longer) on the staff.', [
      { path: 'changes.byline', message: `unknown or inactive staff ${refused.join(', ')}` },
    ]);
  }
}

/**
 * The body with its figures made to agree with the story's inline photos (story_photos is the
 * truth for which photos stand in the text): a body can neither drop nor invent a figure;
 * missing ones go back where they stand in the stored body. Merging over a photo editor's
 * changes, their order of the photos wins; otherwise the body's.
 */
export async function reconciledBody(services: Pick<CoreServices, 'db'>, body: DocNode, story: Story, merging = false): Promise<DocNode> {
  const inline = (await listStoryPhotos(services.db, story.id)).filter((p) => p.placement === 'inline').map((p) => p.id);
  return reconcileFigures(body, story.body, inline, { order: merging ? 'reference' : 'incoming' });
}

/** The body of a story created with its text (written offline): it has no photos yet, so it may stand no figure. */
export function newStoryBody(body: DocNode): DocNode {
  return reconcileFigures(body, emptyDoc(), [], { order: 'incoming' });
}

/**
 * Credits the words a save changed to the person making it; the rest keep their writers. Four
 * eyes reads each person's share of the text from this. A restore is credited the same way (the
 * revisions do not record their writers): whoever restores answers for the words it brings back.
 */
async function recordWriting(services: Pick<CoreServices, 'db'>, story: Story, content: StoryContent, staff: Staff): Promise<void> {
  const { db } = services;
  const before = revisionText(story);
  const after = revisionText(content);
  if (before === after && story.language === content.language) return;
  const authorship = attributeSave({ text: before, authorship: await getTextAuthorship(db, story.id), writer: story.createdBy }, after, staff.id, content.language);
  // Another language splits words differently: count them all again.
  if (story.language !== content.language) authorship.words = countWordsByWriter(after, authorship.runs, content.language);
  await setTextAuthorship(db, story.id, authorship);
}

/** Applies a text save (or restore) of `story` inside a write; the lock is taken or renewed. Returns the new story. */
export async function applyContent(
  services: Pick<CoreServices, 'db' | 'settings'>,
  events: ChangeEvent[],
  story: Story,
  editor: Editor,
  content: StoryContent,
  bylineIds: number[] | undefined,
  at: Date,
): Promise<Story> {
  const { db } = services;
  const hadLock = liveLock(story, at);
  const version = story.version + 1;
  await recordWriting(services, story, content, editor.staff);
  const lock = lockFor(story, editor, at, services.settings().lockTimeoutMinutes);
  await updateStoryContent(db, story.id, { ...content, version, textVersion: version, at: at.toISOString(), lock });
  if (bylineIds) await setByline(db, story.id, bylineIds);
  // The write holds the story's row since it loaded it: read it back as it now stands.
  const saved = await getStory(db, story.id);
  if (!saved) throw new Error(`Story ${story.id} vanished inside its own write.`);
  events.push(storyChanged(saved));
  if (!hadLock || heldElsewhere(hadLock, editor)) events.push(lockChanged(saved.id, saved.lock));
  return saved;
}
