// Stories: the row, its byline and lock, and the writes the core makes to them. Search columns
// (subheadlines_text, byline_text, captions_text, body_text) are kept here so every write is
// indexed: by SQLite's FTS triggers (its migration 001), by PostgreSQL's trigger on story_search (its migration 002).

import { textShares, type Tally, type TextAuthorship } from '../shared/authorship.js';
import type { BylineEntry, DocNode, Id, Status, Story, StoryLock } from '../shared/domain.js';
import { jsonArray, jsonArrayAgg, jsonItems, jsonList, jsonObject, type Db } from './sql.js';

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
  byline: string;
  author_ids: string;
  writers: string;
}

/**
 * The earlier of two times that are not null, as one CASE: SQLite's two-argument min() does not
 * exist on PostgreSQL, and its LEAST() would skip a null where min() answers null.
 */
const earlier = (a: string, b: string) => `CASE WHEN ${b} < ${a} THEN ${b} ELSE ${a} END`;

/** The session that holds a story's text lock (as `lss`), for LOCK_EXPIRES_AT. */
export const LOCK_SESSION_JOIN = `LEFT JOIN sessions lss ON lss.id = s.lock_session_id`;

/**
 * When the text lock lapses: its own time, but never after its session's end (ended, or expired
 * and not yet swept), so a lock whose computer signed out is never counted live.
 */
export const LOCK_EXPIRES_AT = `CASE WHEN lss.id IS NULL OR s.lock_expires_at IS NULL THEN s.lock_expires_at
    WHEN lss.ended_at IS NOT NULL THEN ${earlier('s.lock_expires_at', 'lss.ended_at')}
    ELSE ${earlier('s.lock_expires_at', 'lss.expires_at')} END`;

/**
 * A story with its byline, authors and writers in one statement (each a JSON aggregate): every
 * round trip to a database server counts on a save's path.
 */
const storySelect = (db: Db) => `
  SELECT s.id, s.slug, s.desk, s.headline, s.subheadlines, s.dateline, s.language, s.status, s.version,
    s.lock_staff_id, ls.name AS lock_name, s.lock_acquired_at, ${LOCK_EXPIRES_AT} AS lock_expires_at,
    s.lock_session_id, lss.device AS lock_device, s.lock_offline, s.created_by, s.claimed_by,
    s.send_back_note, s.correction_note, s.publish_at, s.scheduled_by, s.published_versions, s.word_count,
    s.created_at, s.updated_at, s.body,
    (SELECT ${jsonArrayAgg(db, jsonObject(db, { staffId: 'st.id', name: 'st.name', email: 'st.email' }), 'b.position')}
       FROM story_byline b JOIN staff st ON st.id = b.staff_id WHERE b.story_id = s.id) AS byline,
    (SELECT ${jsonArrayAgg(db, 'a.staff_id', 'a.staff_id')} FROM story_authors a WHERE a.story_id = s.id) AS author_ids,
    ${writersOf(db, 's.id')} AS writers
  FROM stories s LEFT JOIN staff ls ON ls.id = s.lock_staff_id ${LOCK_SESSION_JOIN}`;

export async function getByline(db: Db, storyId: Id): Promise<BylineEntry[]> {
  return (await db.all(
    `SELECT st.id AS "staffId", st.name, st.email FROM story_byline b JOIN staff st ON st.id = b.staff_id
     WHERE b.story_id = ? ORDER BY b.position`,
    storyId,
  )) as BylineEntry[];
}

/** Everyone who created the story or was ever on its byline (migration 004), lowest id first. */
export async function getStoryAuthorIds(db: Db, storyId: Id): Promise<Id[]> {
  return (await db.column(`SELECT staff_id FROM story_authors WHERE story_id = ? ORDER BY staff_id`, storyId)) as Id[];
}

/** Each writer's words in the story's current text as a JSON array of [staffId, words], most first (migration 006). */
const writersOf = (db: Db, storyId: string) =>
  `(SELECT ${jsonArrayAgg(db, jsonArray(db, ['w.staff_id', 'w.words']), 'w.words DESC, w.staff_id')} FROM story_writers w WHERE w.story_id = ${storyId})`;

/** Who wrote the story's text, or null while nobody has saved it since writers were tracked. */
export async function getTextAuthorship(db: Db, storyId: Id): Promise<TextAuthorship | null> {
  const row = (await db.get(`SELECT r.runs, ${writersOf(db, 'r.story_id')} AS writers FROM story_text_runs r WHERE r.story_id = ?`, storyId)) as
    { runs: string; writers: string } | undefined;
  return row === undefined ? null : { runs: JSON.parse(row.runs) as Tally[], words: JSON.parse(row.writers) as Tally[] };
}

export async function setTextAuthorship(db: Db, storyId: Id, authorship: TextAuthorship): Promise<void> {
  const writers = authorship.words.filter(([, words]) => words > 0);
  const ids = JSON.stringify(writers.map(([staffId]) => staffId));
  const words = JSON.stringify(writers.map(([, n]) => n));
  const runs = JSON.stringify(authorship.runs);
  // Two lists matched by place: one statement whatever the number of writers.
  const writerRows = `SELECT ?, w.value, n.value FROM ${jsonItems(db, 'bigint')} w JOIN ${jsonItems(db, 'bigint')} n ON n.ord = w.ord`;
  if (db.dialect === 'postgres') {
    // One round trip: the runs, the writers' counts and the writers no longer in the text.
    await db.run(
      `WITH runs AS (
         INSERT INTO story_text_runs (story_id, runs) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET runs = excluded.runs
       ), counted AS (
         INSERT INTO story_writers (story_id, staff_id, words) ${writerRows}
         ON CONFLICT (story_id, staff_id) DO UPDATE SET words = excluded.words
       )
       DELETE FROM story_writers WHERE story_id = ? AND staff_id NOT IN ${jsonList(db, 'bigint')}`,
      storyId,
      runs,
      storyId,
      ids,
      words,
      storyId,
      ids,
    );
    return;
  }
  await db.run(`INSERT INTO story_text_runs (story_id, runs) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET runs = excluded.runs`, storyId, runs);
  await db.run(`DELETE FROM story_writers WHERE story_id = ?`, storyId);
  if (writers.length > 0) await db.run(`INSERT INTO story_writers (story_id, staff_id, words) ${writerRows}`, storyId, ids, words);
}

/** Adds people to the story's authors; nobody is ever removed from them. */
async function recordAuthors(db: Db, storyId: Id, staffIds: Id[]): Promise<void> {
  for (const staffId of staffIds) await db.run(`INSERT INTO story_authors (story_id, staff_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, storyId, staffId);
}

export async function getStory(db: Db, id: Id): Promise<Story | null> {
  const r = (await db.get(`${storySelect(db)} WHERE s.id = ?`, id)) as StoryRow | undefined;
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
    byline: JSON.parse(r.byline) as BylineEntry[],
    authorIds: JSON.parse(r.author_ids) as Id[],
    textShares: textShares(JSON.parse(r.writers) as Tally[]),
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

export async function storyExists(db: Db, id: Id): Promise<boolean> {
  return (await db.get(`SELECT 1 FROM stories WHERE id = ?`, id)) !== undefined;
}

/**
 * Inside a write transaction: holds the story's row until the transaction ends, so writes to one
 * story take turns and each reads the version the one before it committed. PostgreSQL runs
 * transactions side by side (read committed): without this two saves on the same base version
 * would both pass the version check. SQLite's write transactions already take turns (BEGIN
 * IMMEDIATE). False when there is no such story.
 */
export async function lockStoryRow(db: Db, id: Id): Promise<boolean> {
  if (db.dialect === 'sqlite') return storyExists(db, id);
  return (await db.get(`SELECT 1 FROM stories WHERE id = ? FOR UPDATE`, id)) !== undefined;
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

export async function insertStory(db: Db, s: StoryContent & { createdBy: Id; at: string; bylineIds: Id[]; status?: Status; version?: number }): Promise<Id> {
  const bylineIds = [...new Set(s.bylineIds)];
  // The byline's search text goes in with the row, so the FTS trigger indexes the story once.
  const bylineText = (await db.value(
    `SELECT coalesce(string_agg(st.name || ' ' || st.email, ' ' ORDER BY j.ord), '') FROM ${jsonItems(db, 'bigint')} j JOIN staff st ON st.id = j.value`,
    JSON.stringify(bylineIds),
  )) as string;
  const id = Number(
    await db.value(
      `INSERT INTO stories (slug, desk, headline, subheadlines, subheadlines_text, dateline, language, status, version, text_version,
         created_by, word_count, created_at, updated_at, byline_text, body_text, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ...headerParams(s),
      s.status ?? 'draft',
      s.version ?? 1,
      s.version ?? 1,
      s.createdBy,
      s.wordCount,
      s.at,
      s.at,
      bylineText,
      s.bodyText,
      JSON.stringify(s.body),
    ),
  );
  for (const [position, staffId] of bylineIds.entries()) {
    await db.run(`INSERT INTO story_byline (story_id, staff_id, position) VALUES (?, ?, ?)`, id, staffId, position);
  }
  await recordAuthors(db, id, [s.createdBy, ...bylineIds]);
  return id;
}

/** A story's text lock as setStoryLock and updateStoryContent write it. */
export interface LockColumns {
  staffId: Id;
  acquiredAt: string;
  expiresAt: string;
  sessionId?: Id | null;
  offline?: boolean;
}

const lockValues = (lock: LockColumns | null) => [
  lock?.staffId ?? null,
  lock?.acquiredAt ?? null,
  lock?.expiresAt ?? null,
  lock?.sessionId ?? null,
  lock?.offline === true ? 1 : 0,
];
const SET_LOCK = 'lock_staff_id = ?, lock_acquired_at = ?, lock_expires_at = ?, lock_session_id = ?, lock_offline = ?';

/**
 * Writes a new version of the story's content. The FTS triggers reindex it. `textVersion` is
 * given by text saves and restores (it records the last text change); photo-layout writes leave
 * it out, so text_version stays where it was. `lock`, when given, is set in the same statement.
 */
export async function updateStoryContent(db: Db, id: Id, s: StoryContent & { version: number; at: string; textVersion?: number; lock?: LockColumns }): Promise<void> {
  await db.run(
    `UPDATE stories SET slug = ?, desk = ?, headline = ?, subheadlines = ?, subheadlines_text = ?, dateline = ?, language = ?,
       body = ?, body_text = ?, word_count = ?, version = ?, updated_at = ?, text_version = coalesce(?, text_version)${s.lock ? `, ${SET_LOCK}` : ''} WHERE id = ?`,
    ...headerParams(s),
    JSON.stringify(s.body),
    s.bodyText,
    s.wordCount,
    s.version,
    s.at,
    s.textVersion ?? null,
    ...(s.lock ? lockValues(s.lock) : []),
    id,
  );
}

/** The version of the story's last text change (see migration 003); null when there is no such story. */
export async function getStoryTextVersion(db: Db, id: Id): Promise<number | null> {
  const v = (await db.value(`SELECT text_version FROM stories WHERE id = ?`, id)) as number | undefined;
  return v ?? null;
}

/** Replaces the byline (ordered) and refreshes the search copy of it. Everyone named joins the story's authors for good. */
export async function setByline(db: Db, storyId: Id, staffIds: Id[]): Promise<void> {
  await db.run(`DELETE FROM story_byline WHERE story_id = ?`, storyId);
  const seen = new Set<Id>();
  let position = 0;
  for (const staffId of staffIds) {
    if (seen.has(staffId)) continue;
    seen.add(staffId);
    await db.run(`INSERT INTO story_byline (story_id, staff_id, position) VALUES (?, ?, ?)`, storyId, staffId, position++);
  }
  await recordAuthors(db, storyId, [...seen]);
  await reindexStory(db, storyId);
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

export async function updateStoryWorkflow(db: Db, id: Id, w: WorkflowFields): Promise<void> {
  await db.run(
    `UPDATE stories SET status = ?, claimed_by = ?, send_back_note = ?, correction_note = ?, publish_at = ?, scheduled_by = ?,
       published_versions = ?, updated_at = ? WHERE id = ?`,
    w.status,
    w.claimedBy,
    w.sendBackNote,
    w.correctionNote,
    w.publishAt,
    w.scheduledBy,
    w.publishedVersions,
    w.at,
    id,
  );
}

/**
 * Sets or clears the text lock; `sessionId` names the computer that holds it (null: none known),
 * `offline` makes it an offline lease (migration 008).
 */
export async function setStoryLock(db: Db, id: Id, lock: LockColumns | null): Promise<void> {
  await db.run(`UPDATE stories SET ${SET_LOCK} WHERE id = ?`, ...lockValues(lock), id);
}

/** The stories whose text lock this session holds, with the lock's own expiry (regardless of the session's). */
export async function storyLocksOfSession(db: Db, sessionId: Id): Promise<{ storyId: Id; lockExpiresAt: string }[]> {
  return (await db.all(`SELECT id AS "storyId", lock_expires_at AS "lockExpiresAt" FROM stories WHERE lock_session_id = ? ORDER BY id`, sessionId)) as {
    storyId: Id;
    lockExpiresAt: string;
  }[];
}

/** The stories whose text lock names this person, lapsed or live (for releasing them all on sign-out). */
export async function storiesLockedBy(db: Db, staffId: Id): Promise<Id[]> {
  return (await db.column(`SELECT id FROM stories WHERE lock_staff_id = ? ORDER BY id`, staffId)) as Id[];
}

/** Scheduled stories whose time has come (for the publishing helper's scheduler). */
export async function dueScheduledStoryIds(db: Db, now: string): Promise<Id[]> {
  return (await db.column(`SELECT id FROM stories WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at`, now)) as Id[];
}

/**
 * Brings the story's search index up to date with its byline and photo captions. Call after
 * any write that changes them outside this module (e.g. photo captions); headline, slug,
 * subheadlines and body are reindexed by triggers on every write.
 */
export async function reindexStory(db: Db, storyId: Id): Promise<void> {
  await db.run(
    `WITH fresh AS (
       SELECT
         coalesce((SELECT string_agg(st.name || ' ' || st.email, ' ' ORDER BY b.position) FROM story_byline b
                   JOIN staff st ON st.id = b.staff_id WHERE b.story_id = @id), '') AS byline,
         coalesce((SELECT string_agg(p.caption || ' ' || p.credit, ' ' ORDER BY p.position, p.id) FROM story_photos p
                   WHERE p.story_id = @id), '') AS captions
     )
     UPDATE stories SET byline_text = (SELECT byline FROM fresh), captions_text = (SELECT captions FROM fresh)
     WHERE id = @id AND (byline_text IS DISTINCT FROM (SELECT byline FROM fresh) OR captions_text IS DISTINCT FROM (SELECT captions FROM fresh))`,
    { id: storyId },
  );
}

/**
 * Rebuilds the whole search index from the stories table (repair tool). PostgreSQL's search
 * vector is a generated column, always current with its row: nothing to rebuild.
 */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  await db.run(`INSERT INTO stories_fts (stories_fts) VALUES ('rebuild')`);
}

/**
 * Merges the search index's segments (after bulk loads; also worth running when idle). On
 * PostgreSQL autovacuum keeps the indexes; fresh statistics let the planner see a bulk load now.
 */
export async function optimizeSearchIndex(db: Db): Promise<void> {
  if (db.dialect !== 'sqlite') {
    await db.run('ANALYZE stories');
    return;
  }
  await db.run(`INSERT INTO stories_fts (stories_fts) VALUES ('optimize')`);
  await db.run('PRAGMA optimize');
}
