// Revisions: snapshots of a story's text, stored as a deflated JSON blob.

import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { DocNode, Id, RevisionReason, RevisionSummary } from '../shared/domain.js';
import type { Db } from './sql.js';

export interface RevisionContent {
  headline: string;
  subheadlines: string[];
  body: DocNode;
}

export function encodeRevision(content: RevisionContent): Uint8Array {
  return deflateSync(strToU8(JSON.stringify(content)), { level: 6 });
}

export function decodeRevision(data: Uint8Array): RevisionContent {
  return JSON.parse(strFromU8(inflateSync(data))) as RevisionContent;
}

export async function insertRevision(
  db: Db,
  r: { storyId: Id; version: number; reason: RevisionReason; authorId: Id; at: string; wordCount: number; content: RevisionContent },
): Promise<Id> {
  return Number(
    await db.value(
      `INSERT INTO revisions (story_id, version, reason, author_id, created_at, word_count, data) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      r.storyId,
      r.version,
      r.reason,
      r.authorId,
      r.at,
      r.wordCount,
      encodeRevision(r.content),
    ),
  );
}

interface RevisionRow {
  id: number;
  story_id: number;
  version: number;
  reason: RevisionReason;
  author_id: number;
  author_name: string;
  created_at: string;
  word_count: number;
}

const SUMMARY = `SELECT r.id, r.story_id, r.version, r.reason, r.author_id, s.name AS author_name, r.created_at, r.word_count
  FROM revisions r JOIN staff s ON s.id = r.author_id`;

function toSummary(r: RevisionRow): RevisionSummary {
  return {
    id: r.id,
    storyId: r.story_id,
    version: r.version,
    reason: r.reason,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    wordCount: r.word_count,
  };
}

export async function listRevisions(db: Db, storyId: Id): Promise<RevisionSummary[]> {
  return ((await db.all(`${SUMMARY} WHERE r.story_id = ? ORDER BY r.id DESC`, storyId)) as RevisionRow[]).map(toSummary);
}

export async function getRevision(db: Db, storyId: Id, revisionId: Id): Promise<{ summary: RevisionSummary; content: RevisionContent } | null> {
  const row = (await db.get(`${SUMMARY.replace('r.word_count', 'r.word_count, r.data')} WHERE r.story_id = ? AND r.id = ?`, storyId, revisionId)) as
    (RevisionRow & { data: Uint8Array }) | undefined;
  if (!row) return null;
  return { summary: toSummary(row), content: decodeRevision(row.data) };
}

/** When the story's latest revision (of any reason) was written, or null. */
export async function latestRevisionAt(db: Db, storyId: Id): Promise<string | null> {
  return ((await db.value(`SELECT created_at FROM revisions WHERE story_id = ? ORDER BY id DESC LIMIT 1`, storyId)) as string | undefined) ?? null;
}
