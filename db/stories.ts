// Stories: the row, its byline and lock, and the writes the core makes to them. Search columns
// (subheadlines_text, byline_text, captions_text, body_text) are kept here so the FTS triggers
// of migration 001 index every write.

import { textShares, type Tally, type TextAuthorship } from '../shared/authorship.js';
import type { BylineEntry, DocNode, Id, Status, Story, StoryLock } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';

interface StoryRow {
  id: number;
  slug: string;
  desk: string;
  headline: string;
  subheadlines: string;
  dateline: string;
  language: string;
  status: Status;
  version: number;
  lock_staff_id: number | null;
  lock_name: string | null;
  lock_acquired_at: string | null;
  lock_expires_at: string | null;
  lock_session_id: number | null;
  lock_device: string | null;
  lock_offline: 0 | 1;
  created_by: number;
  claimed_by: number | null;
  send_back_note: string | null;
  correction_note: string | null;
  publish_at: string | null;
  scheduled_by: number | null;
  published_versions: number;
  word_count: number;
  created_at: string;
  updated_at: string;
  body: string;
}

/** The session that holds a story's text lock (as `lss`), for LOCK_EXPIRES_AT. */
export const LOCK_SESSION_JOIN = `LEFT JOIN sessions lss ON lss.id = s.lock_session_id`;

/**
 * When the text lock lapses: its own time, but never after its session's end (ended, or expired
 * and not yet swept), so a lock whose computer signed out is never counted live.
 */
export const LOCK_EXPIRES_AT = `CASE WHEN lss.id IS NULL THEN s.lock_expires_at
    WHEN lss.ended_at IS NOT NULL THEN min(s.lock_expires_at, lss.ended_at)
    ELSE min(s.lock_expires_at, lss.expires_at) END`;

const STORY_SELECT = `
  SELECT s.id, s.slug, s.desk, s.headline, s.subheadlines, s.dateline, s.language, s.status, s.version,
    s.lock_staff_id, ls.name AS lock_name, s.lock_acquired_at, ${LOCK_EXPIRES_AT} AS lock_expires_at,
    s.lock_session_id, lss.device AS lock_device, s.lock_offline, s.created_by, s.claimed_by,
    s.send_back_note, s.correction_note, s.publish_at, s.scheduled_by, s.published_versions, s.word_count,
    s.created_at, s.updated_at, s.body
  FROM stories s LEFT JOIN staff ls ON ls.id = s.lock_staff_id ${LOCK_SESSION_JOIN}`;

export function getByline(db: Db, storyId: Id): BylineEntry[] {
  return stmt(
    db,
    `SELECT st.id AS staffId, st.name, st.email FROM story_byline b JOIN staff st ON st.id = b.staff_id
     WHERE b.story_id = ? ORDER BY b.position`,
  ).all(storyId) as BylineEntry[];
}

/** Everyone who created the story or was ever on its byline (migration 004), lowest id first. */
export function getStoryAuthorIds(db: Db, storyId: Id): Id[] {
  return stmt(db, `SELECT staff_id FROM story_authors WHERE story_id = ? ORDER BY staff_id`).pluck().all(storyId) as Id[];
}

/** Each writer's words in the story's current text, most first (migration 006). */
function getStoryWriters(db: Db, storyId: Id): Tally[] {
  return stmt(db, `SELECT staff_id, words FROM story_writers WHERE story_id = ? ORDER BY words DESC, staff_id`).raw().all(storyId) as Tally[];
}

/** Who wrote the story's text, or null while nobody has saved it since writers were tracked. */
export function getTextAuthorship(db: Db, storyId: Id): TextAuthorship | null {
  const runs = stmt(db, `SELECT runs FROM story_text_runs WHERE story_id = ?`).pluck().get(storyId) as string | undefined;
  return runs === undefined ? null : { runs: JSON.parse(runs) as Tally[], words: getStoryWriters(db, storyId) };
}

export function setTextAuthorship(db: Db, storyId: Id, authorship: TextAuthorship): void {
  stmt(db, `INSERT INTO story_text_runs (story_id, runs) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET runs = excluded.runs`).run(
    storyId,
    JSON.stringify(authorship.runs),
  );
  stmt(db, `DELETE FROM story_writers WHERE story_id = ?`).run(storyId);
  for (const [staffId, words] of authorship.words) {
    if (words > 0) stmt(db, `INSERT INTO story_writers (story_id, staff_id, words) VALUES (?, ?, ?)`).run(storyId, staffId, words);
  }
}

/** Adds people to the story's authors; nobody is ever removed from them. */
function recordAuthors(db: Db, storyId: Id, staffIds: Id[]): void {
  for (const staffId of staffIds) stmt(db, `INSERT OR IGNORE INTO story_authors (story_id, staff_id) VALUES (?, ?)`).run(storyId, staffId);
}

export function getStory(db: Db, id: Id): Story | null {
  const r = stmt(db, `${STORY_SELECT} WHERE s.id = ?`).get(id) as StoryRow | undefined;
  if (!r) return null;
  const lock: StoryLock | null =
    r.lock_staff_id !== null && r.lock_acquired_at !== null && r.lock_expires_at !== null
      ? {
          staffId: r.lock_staff_id,
          name: r.lock_name ?? '',
          acquiredAt: r.lock_acquired_at,
          expiresAt: r.lock_expires_at,
          sessionId: r.lock_session_id,
          device: r.lock_device,
          // Only an offline lease says so (a plain lock reads as before).
          ...(r.lock_offline === 1 ? { offline: true } : {}),
        }
      : null;
  return {
    id: r.id,
    slug: r.slug,
    desk: r.desk,
    headline: r.headline,
    subheadlines: JSON.parse(r.subheadlines) as string[],
    byline: getByline(db, r.id),
    authorIds: getStoryAuthorIds(db, r.id),
    textShares: textShares(getStoryWriters(db, r.id)),
    dateline: r.dateline,
    body: JSON.parse(r.body) as DocNode,
    language: r.language,
    status: r.status,
    version: r.version,
    lock,
    createdBy: r.created_by,
    claimedBy: r.claimed_by,
    sendBackNote: r.send_back_note,
    correctionNote: r.correction_note,
    publishAt: r.publish_at,
    scheduledBy: r.scheduled_by,
    publishedVersions: r.published_versions,
    wordCount: r.word_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function storyExists(db: Db, id: Id): boolean {
  return stmt(db, `SELECT 1 FROM stories WHERE id = ?`).get(id) !== undefined;
}

/** The text fields of a story as the core computed them (plain text and word count included). */
export interface StoryContent {
  slug: string;
  desk: string;
  headline: string;
  subheadlines: string[];
  dateline: string;
  language: string;
  body: DocNode;
  bodyText: string;
  wordCount: number;
}

/** The story's header columns, in the order both the insert and the update name them. */
function headerParams(s: StoryContent): [string, string, string, string, string, string, string] {
  return [s.slug, s.desk, s.headline, JSON.stringify(s.subheadlines), s.subheadlines.join('\n'), s.dateline, s.language];
}

export function insertStory(db: Db, s: StoryContent & { createdBy: Id; at: string; bylineIds: Id[]; status?: Status; version?: number }): Id {
  const bylineIds = [...new Set(s.bylineIds)];
  // The byline's search text goes in with the row, so the FTS trigger indexes the story once.
  const bylineText = stmt(
    db,
    `SELECT coalesce(group_concat(t, ' '), '') FROM (SELECT st.name || ' ' || st.email AS t
       FROM json_each(?) j JOIN staff st ON st.id = j.value ORDER BY j.key)`,
  )
    .pluck()
    .get(JSON.stringify(bylineIds)) as string;
  const id = Number(
    stmt(
      db,
      `INSERT INTO stories (slug, desk, headline, subheadlines, subheadlines_text, dateline, language, status, version, text_version,
         created_by, word_count, created_at, updated_at, byline_text, body_text, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...headerParams(s), s.status ?? 'draft', s.version ?? 1, s.version ?? 1, s.createdBy, s.wordCount, s.at, s.at, bylineText, s.bodyText, JSON.stringify(s.body))
      .lastInsertRowid,
  );
  bylineIds.forEach((staffId, position) => {
    stmt(db, `INSERT INTO story_byline (story_id, staff_id, position) VALUES (?, ?, ?)`).run(id, staffId, position);
  });
  recordAuthors(db, id, [s.createdBy, ...bylineIds]);
  return id;
}

/**
 * Writes a new version of the story's content. The FTS triggers reindex it. `textVersion` is
 * given by text saves and restores (it records the last text change); photo-layout writes leave
 * it out, so text_version stays where it was.
 */
export function updateStoryContent(db: Db, id: Id, s: StoryContent & { version: number; at: string; textVersion?: number }): void {
  stmt(
    db,
    `UPDATE stories SET slug = ?, desk = ?, headline = ?, subheadlines = ?, subheadlines_text = ?, dateline = ?, language = ?,
       body = ?, body_text = ?, word_count = ?, version = ?, updated_at = ?, text_version = coalesce(?, text_version) WHERE id = ?`,
  ).run(...headerParams(s), JSON.stringify(s.body), s.bodyText, s.wordCount, s.version, s.at, s.textVersion ?? null, id);
}

/** The version of the story's last text change (see migration 003); null when there is no such story. */
export function getStoryTextVersion(db: Db, id: Id): number | null {
  const v = stmt(db, `SELECT text_version FROM stories WHERE id = ?`).pluck().get(id) as number | undefined;
  return v ?? null;
}

/** Replaces the byline (ordered) and refreshes the search copy of it. Everyone named joins the story's authors for good. */
export function setByline(db: Db, storyId: Id, staffIds: Id[]): void {
  stmt(db, `DELETE FROM story_byline WHERE story_id = ?`).run(storyId);
  const seen = new Set<Id>();
  let position = 0;
  for (const staffId of staffIds) {
    if (seen.has(staffId)) continue;
    seen.add(staffId);
    stmt(db, `INSERT INTO story_byline (story_id, staff_id, position) VALUES (?, ?, ?)`).run(storyId, staffId, position++);
  }
  recordAuthors(db, storyId, [...seen]);
  reindexStory(db, storyId);
}

export interface WorkflowFields {
  status: Status;
  claimedBy: Id | null;
  sendBackNote: string | null;
  correctionNote: string | null;
  publishAt: string | null;
  scheduledBy: Id | null;
  publishedVersions: number;
  at: string;
}

export function updateStoryWorkflow(db: Db, id: Id, w: WorkflowFields): void {
  stmt(
    db,
    `UPDATE stories SET status = ?, claimed_by = ?, send_back_note = ?, correction_note = ?, publish_at = ?, scheduled_by = ?,
       published_versions = ?, updated_at = ? WHERE id = ?`,
  ).run(w.status, w.claimedBy, w.sendBackNote, w.correctionNote, w.publishAt, w.scheduledBy, w.publishedVersions, w.at, id);
}

/**
 * Sets or clears the text lock; `sessionId` names the computer that holds it (null: none known),
 * `offline` makes it an offline lease (migration 008).
 */
export function setStoryLock(db: Db, id: Id, lock: { staffId: Id; acquiredAt: string; expiresAt: string; sessionId?: Id | null; offline?: boolean } | null): void {
  stmt(db, `UPDATE stories SET lock_staff_id = ?, lock_acquired_at = ?, lock_expires_at = ?, lock_session_id = ?, lock_offline = ? WHERE id = ?`).run(
    lock?.staffId ?? null,
    lock?.acquiredAt ?? null,
    lock?.expiresAt ?? null,
    lock?.sessionId ?? null,
    lock?.offline === true ? 1 : 0,
    id,
  );
}

/** The stories whose text lock this session holds, with the lock's own expiry (regardless of the session's). */
export function storyLocksOfSession(db: Db, sessionId: Id): { storyId: Id; lockExpiresAt: string }[] {
  return stmt(db, `SELECT id AS storyId, lock_expires_at AS lockExpiresAt FROM stories WHERE lock_session_id = ? ORDER BY id`).all(sessionId) as {
    storyId: Id;
    lockExpiresAt: string;
  }[];
}

/** The stories whose text lock names this person, lapsed or live (for releasing them all on sign-out). */
export function storiesLockedBy(db: Db, staffId: Id): Id[] {
  return stmt(db, `SELECT id FROM stories WHERE lock_staff_id = ? ORDER BY id`).pluck().all(staffId) as Id[];
}

/** Scheduled stories whose time has come (for the publishing helper's scheduler). */
export function dueScheduledStoryIds(db: Db, now: string): Id[] {
  return stmt(db, `SELECT id FROM stories WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at`).pluck().all(now) as Id[];
}

/**
 * Brings the story's search index up to date with its byline and photo captions. Call after
 * any write that changes them outside this module (e.g. photo captions); headline, slug,
 * subheadlines and body are reindexed by triggers on every write.
 */
export function reindexStory(db: Db, storyId: Id): void {
  stmt(
    db,
    `WITH fresh AS (
       SELECT
         coalesce((SELECT group_concat(t, ' ') FROM (SELECT st.name || ' ' || st.email AS t FROM story_byline b
                   JOIN staff st ON st.id = b.staff_id WHERE b.story_id = @id ORDER BY b.position)), '') AS byline,
         coalesce((SELECT group_concat(t, ' ') FROM (SELECT p.caption || ' ' || p.credit AS t FROM story_photos p
                   WHERE p.story_id = @id ORDER BY p.position, p.id)), '') AS captions
     )
     UPDATE stories SET byline_text = (SELECT byline FROM fresh), captions_text = (SELECT captions FROM fresh)
     WHERE id = @id AND (byline_text IS NOT (SELECT byline FROM fresh) OR captions_text IS NOT (SELECT captions FROM fresh))`,
  ).run({ id: storyId });
}

/** Rebuilds the whole search index from the stories table (repair tool). */
export function rebuildSearchIndex(db: Db): void {
  stmt(db, `INSERT INTO stories_fts (stories_fts) VALUES ('rebuild')`).run();
}

/** Merges the search index's segments (after bulk loads; also worth running when idle). */
export function optimizeSearchIndex(db: Db): void {
  stmt(db, `INSERT INTO stories_fts (stories_fts) VALUES ('optimize')`).run();
  db.pragma('optimize');
}
