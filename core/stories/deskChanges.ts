// stories.deskChanges: what the desk changed in a story's text since its writers last had it, for
// the editor to mark in place when the story comes back (sent back, or approved and published).
//
// The writers are the story's byline. Their last version is the last revision one of them kept
// (their autosave, their submit) before the revisions the desk kept since (claim, send back,
// approve, publish). The changes run from it to the story's text now, and are offered only while
// that text is still the desk's: once a writer saves the story after it came back, what differs
// is partly theirs, and the history's Compare is the place to look.

import { bodyText } from '../../shared/body.js';
import { diffWordCounts, diffWords } from '../../shared/diff.js';
import type { DeskChanges, Id, RevisionSummary, Story } from '../../shared/domain.js';
import { getRevision, getStaff, getStoryTextVersion, listRevisions, type Db, type RevisionContent } from '../../db/index.js';
import { signedIn, type Handlers } from '../dispatch.js';
import type { CoreServices } from '../services.js';
import { loadStory } from './loadStory.js';
import { revisionText } from './storyText.js';

const sameText = (a: RevisionContent, b: RevisionContent): boolean => revisionText(a) === revisionText(b);

/**
 * The desk people who changed the text, first to change it first: those whose kept revision holds
 * text that differs from the one before it; those who had the story on the desk since (kept a
 * revision) and wrote words of the text now (the core credits each save's new words to whoever
 * saved it); and whoever holds the story when its text moved on since the last revision.
 */
async function editorsOf(
  db: Db,
  story: Story,
  writers: Set<Id>,
  base: RevisionContent,
  stretch: { summary: RevisionSummary; content: RevisionContent }[],
): Promise<DeskChanges['editors']> {
  const found = new Map<Id, string>();
  const add = async (id: Id | null, name?: string) => {
    if (id === null || writers.has(id) || found.has(id)) return;
    const who = name ?? (await getStaff(db, id))?.name;
    if (who !== undefined) found.set(id, who);
  };
  const wroteWords = new Set((story.textShares ?? []).filter((s) => s.words > 0).map((s) => s.staffId));
  let before = base;
  for (const r of stretch) {
    if (!sameText(before, r.content) || wroteWords.has(r.summary.authorId)) await add(r.summary.authorId, r.summary.authorName);
    before = r.content;
  }
  if (!sameText(before, story)) await add(story.claimedBy);
  // The text changed, but nobody above can be named (a story from before writers were tracked): the desk people who had it.
  if (found.size === 0) for (const r of stretch) await add(r.summary.authorId, r.summary.authorName);
  return [...found].map(([staffId, name]) => ({ staffId, name }));
}

/** What the desk changed since the story's writers last had it, or null when there is nothing of the desk's to show. */
export async function deskChangesOf(db: Db, story: Story): Promise<DeskChanges | null> {
  const writers = new Set(story.byline.map((b) => b.staffId));
  // A conflict copy holds text that was never the story's.
  const kept = (await listRevisions(db, story.id)).filter((r) => r.reason !== 'conflict').sort((a, b) => a.id - b.id);
  const lastByWriter = kept.findLastIndex((r) => writers.has(r.authorId));
  if (lastByWriter < 0) return null;
  const desk = kept.slice(lastByWriter + 1);
  const last = desk.at(-1);
  // The writers kept the latest revision: the story is theirs, the desk has not had it since.
  if (!last) return null;
  // Back with its writers and saved by them since: the text now is no longer the desk's alone.
  if (story.status === 'draft' && ((await getStoryTextVersion(db, story.id)) ?? story.version) > last.version) return null;

  const load = async (r: RevisionSummary) => {
    const found = await getRevision(db, story.id, r.id);
    if (!found) throw new Error(`revision ${r.id} of story ${story.id} vanished while it was read`);
    return found;
  };
  const base = await load(kept[lastByWriter]!);
  const stretch: { summary: RevisionSummary; content: RevisionContent }[] = [];
  for (const r of desk) stretch.push(await load(r));
  const language = story.language || 'en';
  const headline = diffWords(base.content.headline, story.headline, language);
  const subheadlines = diffWords(base.content.subheadlines.join('\n'), story.subheadlines.join('\n'), language);
  const body = diffWords(bodyText(base.content.body), bodyText(story.body), language);
  const all = [...headline, ...subheadlines, ...body];
  if (all.every((p) => p.kind === 'equal')) return null;
  const { added, removed } = diffWordCounts(all, language);
  return {
    base: base.summary,
    writers: story.byline.map((b) => ({ staffId: b.staffId, name: b.name })),
    editors: await editorsOf(db, story, writers, base.content, stretch),
    headline,
    subheadlines,
    body,
    added,
    removed,
  };
}

export function deskChangesHandlers(services: CoreServices) {
  const { db } = services;
  return {
    'stories.deskChanges': async (input, ctx) => {
      signedIn(ctx);
      return { changes: await deskChangesOf(db, await loadStory(db, input.id)) };
    },
  } satisfies Partial<Handlers>;
}
