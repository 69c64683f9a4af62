// Comments on stories, optionally anchored to a passage and threaded by parent.

import type { Comment, Id } from '../shared/domain.js';
import type { Db } from './sql.js';

interface CommentRow {
  id: number;
  story_id: number;
  parent_id: number | null;
  author_id: number;
  author_name: string;
  text: string;
  anchor_from: number | null;
  anchor_to: number | null;
  anchor_quote: string | null;
  resolved: number;
  resolved_by: number | null;
  created_at: string;
}

const SELECT = `SELECT c.id, c.story_id, c.parent_id, c.author_id, s.name AS author_name, c.text, c.anchor_from, c.anchor_to,
  c.anchor_quote, c.resolved, c.resolved_by, c.created_at FROM comments c JOIN staff s ON s.id = c.author_id`;

function toComment(r: CommentRow): Comment {
  return {
    id: r.id,
    storyId: r.story_id,
    parentId: r.parent_id,
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.text,
    anchor: r.anchor_from === null || r.anchor_to === null ? null : { from: r.anchor_from, to: r.anchor_to, quote: r.anchor_quote ?? '' },
    resolved: r.resolved === 1,
    resolvedBy: r.resolved_by,
    createdAt: r.created_at,
  };
}

export async function listComments(db: Db, storyId: Id): Promise<Comment[]> {
  return ((await db.all(`${SELECT} WHERE c.story_id = ? ORDER BY c.id`, storyId)) as CommentRow[]).map(toComment);
}

export async function getComment(db: Db, id: Id): Promise<Comment | null> {
  const row = (await db.get(`${SELECT} WHERE c.id = ?`, id)) as CommentRow | undefined;
  return row ? toComment(row) : null;
}

export async function insertComment(
  db: Db,
  c: { storyId: Id; parentId: Id | null; authorId: Id; text: string; anchor: { from: number; to: number; quote: string } | null; at: string },
): Promise<Id> {
  return Number(
    await db.value(
      `INSERT INTO comments (story_id, parent_id, author_id, text, anchor_from, anchor_to, anchor_quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      c.storyId,
      c.parentId,
      c.authorId,
      c.text,
      c.anchor?.from ?? null,
      c.anchor?.to ?? null,
      c.anchor?.quote ?? null,
      c.at,
    ),
  );
}

export async function setCommentResolved(db: Db, id: Id, resolved: boolean, by: Id, at: string): Promise<void> {
  await db.run(`UPDATE comments SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?`, resolved ? 1 : 0, resolved ? by : null, resolved ? at : null, id);
}
