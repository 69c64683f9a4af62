// The offline copy: what this computer last saw of the newsroom, so the person can keep working
// without the server. Stories the person wrote or opened in the last 30 days (the whole
// stories.get answer), each queue's last answer by its input, staff, settings and access answers,
// and photo thumbnails as files under the data folder's media/ (content-addressed, so the
// loopback bridge serves them like its own). Search runs FTS5 over the kept stories' headline and
// text with the newsroom's query builder. Queued saves are applied to the copy at once.

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Input, Result } from '../shared/contract.js';
import type { Staff, Story, StoryListItem } from '../shared/domain.js';
import { plainBody } from '../shared/body.js';
import { countBodyWords } from '../shared/text.js';
import {
  copyItemsOf,
  deleteCopyStory,
  findCopyItems,
  getCopyAnswer,
  getCopyStory,
  inTransaction,
  mapLocalId,
  pruneCopyAnswers,
  pruneCopyStories,
  putCopyAnswer,
  putCopyStory,
  serverIdOf,
  type CopyStoryRow,
  type Db,
} from '../db/desktop/index.js';
import { LOCAL_ID_BASE, type SaveChanges } from './outbox.js';

export type StoryAnswer = Result<'stories.get'>;
export type ListInput = Input<'stories.list'>;

/** How long a story the person only opened stays in the copy. */
export const COPY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Answers kept by method and input (stories.get and stories.list have their own handling). */
export const KEPT_ANSWERS = ['session.access', 'staff.list', 'settings.get', 'stories.history', 'stories.check', 'photos.list', 'photos.get', 'stories.list'] as const;
export type KeptMethod = (typeof KEPT_ANSWERS)[number];

/** The same input always gives the same key, whatever order its fields came in. */
export function inputKey(input: unknown): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, sort(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(sort(input ?? {}));
}

function isMine(story: Story, person: Staff | null): boolean {
  if (!person) return false;
  return story.createdBy === person.id || story.byline.some((b) => b.staffId === person.id);
}

/** A queue line for a kept story (what stories.list would show of it). */
export function listItemOf(story: Story, answer?: StoryAnswer): StoryListItem {
  const photos = answer?.photos ?? [];
  return {
    id: story.id,
    slug: story.slug,
    desk: story.desk,
    headline: story.headline,
    status: story.status,
    version: story.version,
    byline: story.byline.map((b) => b.name),
    lockedBy: story.lock?.name ?? null,
    claimedByName: null,
    sendBackNote: story.sendBackNote,
    publishAt: story.publishAt,
    wordCount: story.wordCount,
    photoCount: photos.length,
    photosIncomplete: photos.filter((p) => !p.caption.trim() || !p.credit.trim()).length,
    updatedAt: story.updatedAt,
    openFindings: null,
  };
}

/** The story with queued changes applied, as this computer has it (its version stays the one they were based on). */
export function withChanges(story: Story, changes: SaveChanges): Story {
  const { byline, ...rest } = changes;
  const next: Story = { ...story, ...rest };
  if (byline) {
    const known = new Map(story.byline.map((b) => [b.staffId, b]));
    next.byline = byline.map((b) => known.get(b.staffId) ?? { staffId: b.staffId, name: '', email: '' });
  }
  if (changes.body || changes.language) next.wordCount = countBodyWords(next.body, next.language);
  return next;
}

export class OfflineCopy {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  private parse(row: CopyStoryRow | null): StoryAnswer | null {
    if (!row) return null;
    try {
      return JSON.parse(row.answer) as StoryAnswer;
    } catch {
      return null;
    }
  }

  /** Keeps a story as the server (or this computer, offline) answered it. */
  keepStory(answer: StoryAnswer, person: Staff | null, opts: { seen?: boolean; mine?: boolean } = {}): void {
    const { story } = answer;
    const existing = getCopyStory(this.db, story.id);
    putCopyStory(this.db, {
      id: story.id,
      answer: JSON.stringify(answer),
      item: JSON.stringify(listItemOf(story, answer)),
      status: story.status,
      desk: story.desk,
      bylineIds: story.byline.map((b) => b.staffId),
      headline: story.headline,
      bodyText: plainBody(story.body),
      mine: opts.mine ?? isMine(story, person),
      seenAt: opts.seen !== false || !existing ? this.now().toISOString() : existing.seen_at,
      updatedAt: story.updatedAt,
    });
  }

  /** Keeps only the story of an answer that carried no more (a save's, a transition's), over what was kept. */
  keepStoryOnly(story: Story, person: Staff | null): void {
    const kept = this.story(story.id);
    if (!kept) return;
    this.keepStory({ ...kept, story }, person, { seen: false });
  }

  story(id: number): StoryAnswer | null {
    return this.parse(getCopyStory(this.db, id));
  }

  forget(id: number): void {
    deleteCopyStory(this.db, id);
  }

  /** A queued save, applied to the kept story at once; null when this computer has no copy of it. */
  applySave(id: number, changes: SaveChanges, person: Staff | null): Story | null {
    const kept = this.story(id);
    if (!kept) return null;
    const story = withChanges({ ...kept.story, updatedAt: this.now().toISOString() }, changes);
    this.keepStory({ ...kept, story }, person, { mine: isMine(story, person) });
    return story;
  }

  /** A story created offline arrived: its copy moves to the server's id (one transaction). */
  storyArrived(localId: number, answer: StoryAnswer, person: Staff | null): void {
    inTransaction(this.db, () => {
      mapLocalId(this.db, localId, answer.story.id);
      deleteCopyStory(this.db, localId);
      this.keepStory(answer, person, { mine: true });
    });
  }

  serverIdOf(localId: number): number | null {
    return serverIdOf(this.db, localId);
  }

  keepAnswer(method: KeptMethod, input: unknown, answer: unknown): void {
    putCopyAnswer(this.db, method, inputKey(input), JSON.stringify(answer), this.now().toISOString());
  }

  answer<T>(method: KeptMethod, input: unknown): T | null {
    const row = getCopyAnswer(this.db, method, inputKey(input));
    if (!row) return null;
    try {
      return JSON.parse(row.answer) as T;
    } catch {
      return null;
    }
  }

  /**
   * A queue from the copy: with a text query, FTS over the kept stories; else the queue's last
   * answer as the server gave it (with kept stories' newer lines over it, and the stories written
   * here and not sent yet), or, for a queue never seen, the kept stories that fit its filters.
   * Only queue lines are read, so a copy of thousands of stories answers at once.
   */
  list(input: ListInput): Result<'stories.list'> {
    const limit = input.limit ?? 50;
    const filters = { status: input.status, desk: input.desk, bylineStaffId: input.bylineStaffId };
    const parse = (item: string) => JSON.parse(item) as StoryListItem;
    if (input.query !== undefined && input.query.trim() !== '') {
      const found = findCopyItems(this.db, { ...filters, query: input.query }, limit);
      return { items: found.items.map(parse), total: found.total };
    }
    const last = input.cursor ? null : this.answer<Result<'stories.list'>>('stories.list', input);
    if (!last) {
      const found = findCopyItems(this.db, filters, limit);
      return { items: found.items.map(parse), total: found.total };
    }
    const newer = new Map(
      copyItemsOf(
        this.db,
        last.items.map((i) => i.id),
      ).map((r) => [r.id, r]),
    );
    const items = last.items.map((item) => {
      const kept = newer.get(item.id);
      return kept && kept.updated_at > item.updatedAt ? { ...parse(kept.item), openFindings: item.openFindings } : item;
    });
    const local = findCopyItems(this.db, { ...filters, minId: LOCAL_ID_BASE }, 200).items.map(parse);
    return { ...last, items: [...local, ...items], total: last.total + local.length, nextCursor: undefined };
  }

  /** Forgets what is older than 30 days, except the person's own stories and those with changes in the outbox. */
  prune(keepIds: readonly number[]): number {
    const before = new Date(this.now().getTime() - COPY_DAYS * DAY_MS).toISOString();
    return inTransaction(this.db, () => pruneCopyStories(this.db, before, keepIds) + pruneCopyAnswers(this.db, before));
  }

  /** Where a /media/ path's file is kept, or null when the path is not a photo rendition's. */
  mediaFile(url: string): string | null {
    const match = /^\/media\/([A-Za-z0-9_-]{8,128})\/([a-z0-9_-]{1,40}\.(?:jpg|jpeg|webp|png|avif))$/.exec(url);
    return match ? path.join(this.dataDir, 'media', match[1]!, match[2]!) : null;
  }

  /** Fetches the photo renditions not on this computer yet (thumbnails), through `download`. */
  async keepMedia(urls: readonly string[], download: (url: string) => Promise<Uint8Array>): Promise<void> {
    for (const url of new Set(urls)) {
      const file = this.mediaFile(url);
      if (!file) continue;
      try {
        await fsp.access(file);
        continue;
      } catch {
        // not here yet
      }
      const bytes = await download(url);
      await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.partial`;
      await fsp.writeFile(partial, bytes, { mode: 0o600 });
      await fsp.rename(partial, file);
    }
  }
}

/** The thumbnail addresses an answer names (a story's photos, a photo list or a photo). */
export function thumbnailsOf(value: unknown): string[] {
  const urls: string[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    for (const [key, val] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'thumbUrl' && typeof val === 'string') urls.push(val);
      else if (key === 'asset' || key === 'assets' || key === 'items' || key === 'photos') visit(val, depth + 1);
    }
  };
  visit(value, 0);
  return urls;
}
