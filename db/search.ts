// Story queues and text search. Lists are keyset-paginated newest first (updated_at desc,
// id desc). Text search goes through SQLite's FTS5 or PostgreSQL's search vector, both from the
// same terms (ftsQuery.ts), so no input is ever parsed as FTS or SQL syntax.

import type { Id, Status, StoryListItem } from '../shared/domain.js';
import { ftsQuery, searchTerms, type FtsTerm } from './ftsQuery.js';
import { tsQuery, STORY_MATCH } from './postgres/textSearch.js';
import { jsonArrayAgg, jsonList, type Db } from './sql.js';
import { LOCK_EXPIRES_AT, LOCK_SESSION_JOIN } from './stories.js';

export interface StoryFilters {
  status?: Status[];
  desk?: string;
  bylineStaffId?: Id;
  needsPhotos?: boolean;
  query?: string;
}

export interface ListCursor {
  updatedAt: string;
  id: Id;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A short excerpt of `text` around the first match of the query's words, HTML-escaped, with
 * every match wrapped in <mark>. Built here rather than with FTS5's snippet(), which re-reads
 * and re-tokenises every column of every hit (about 1 ms per long story).
 */
export function makeSnippet(text: string, terms: FtsTerm[], width = 200): string {
  if (terms.length === 0 || text === '') return '';
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map((t) => t.term.split(' ').map(escapeRegex).join('[^\\p{L}\\p{N}\\p{M}]+') + (t.prefix ? '[\\p{L}\\p{N}\\p{M}]*' : '(?![\\p{L}\\p{N}\\p{M}])')).join('|')})`,
    'giu',
  );
  const first = pattern.exec(text);
  const at = first ? first.index : 0;
  let from = Math.max(0, at - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  // Cut at spaces so no word is split.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < at) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > at) to = space;
  }
  const window = text.slice(from, to).replace(/\s+/g, ' ');
  let out = '';
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    out += `${escapeHtml(window.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
  out += escapeHtml(window.slice(last));
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`;
}

interface Where {
  sql: string[];
  params: unknown[];
}

function filterWhere(db: Db, f: StoryFilters): Where {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.status && f.status.length === 1) {
    sql.push('s.status = ?');
    params.push(f.status[0]);
  } else if (f.status && f.status.length > 1) {
    sql.push(`s.status IN ${jsonList(db, 'text')}`);
    params.push(JSON.stringify(f.status));
  }
  if (f.desk !== undefined) {
    sql.push('s.desk = ?');
    params.push(f.desk);
  }
  if (f.bylineStaffId !== undefined) {
    sql.push('EXISTS (SELECT 1 FROM story_byline b WHERE b.story_id = s.id AND b.staff_id = ?)');
    params.push(f.bylineStaffId);
  }
  if (f.needsPhotos) {
    sql.push(
      `(NOT EXISTS (SELECT 1 FROM story_photos p WHERE p.story_id = s.id)
        OR EXISTS (SELECT 1 FROM story_photos p WHERE p.story_id = s.id AND (trim(p.caption) = '' OR trim(p.credit) = '')))`,
    );
  }
  return { sql, params };
}

interface ItemRow {
  id: number;
  slug: string;
  desk: string;
  headline: string;
  status: Status;
  version: number;
  byline: string;
  locked_by: string | null;
  lock_expires_at: string | null;
  lock_offline: 0 | 1;
  claimed_by_name: string | null;
  send_back_note: string | null;
  publish_at: string | null;
  word_count: number;
  photo_count: number;
  photos_incomplete: number;
  findings_blocking: number | null;
  findings_warning: number | null;
  updated_at: string;
}

async function loadItems(db: Db, ids: Id[], now: string): Promise<Map<Id, StoryListItem>> {
  const rows = (await db.all(
    `SELECT s.id, s.slug, s.desk, s.headline, s.status, s.version,
       (SELECT ${jsonArrayAgg(db, 'st.name', 'b.position')} FROM story_byline b JOIN staff st ON st.id = b.staff_id WHERE b.story_id = s.id) AS byline,
       ls.name AS locked_by, ${LOCK_EXPIRES_AT} AS lock_expires_at, s.lock_offline, cs.name AS claimed_by_name, s.send_back_note, s.publish_at, s.word_count,
       (SELECT count(*) FROM story_photos p WHERE p.story_id = s.id) AS photo_count,
       (SELECT count(*) FROM story_photos p WHERE p.story_id = s.id AND (trim(p.caption) = '' OR trim(p.credit) = '')) AS photos_incomplete,
       s.findings_blocking, s.findings_warning, s.updated_at
     FROM stories s LEFT JOIN staff ls ON ls.id = s.lock_staff_id ${LOCK_SESSION_JOIN} LEFT JOIN staff cs ON cs.id = s.claimed_by
     WHERE s.id IN ${jsonList(db, 'bigint')}`,
    JSON.stringify(ids),
  )) as ItemRow[];
  const out = new Map<Id, StoryListItem>();
  for (const r of rows) {
    const live = r.locked_by !== null && r.lock_expires_at !== null && r.lock_expires_at > now;
    out.set(r.id, {
      id: r.id,
      slug: r.slug,
      desk: r.desk,
      headline: r.headline,
      status: r.status,
      version: r.version,
      byline: JSON.parse(r.byline) as string[],
      // A lapsed lock is no lock.
      lockedBy: live ? r.locked_by : null,
      lockedOffline: live && r.lock_offline === 1,
      claimedByName: r.claimed_by_name,
      sendBackNote: r.send_back_note,
      publishAt: r.publish_at,
      wordCount: r.word_count,
      photoCount: r.photo_count,
      photosIncomplete: r.photos_incomplete,
      openFindings: r.findings_blocking === null ? null : { blocking: r.findings_blocking, warning: r.findings_warning ?? 0 },
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export interface ListResult {
  items: StoryListItem[];
  /** Where the next page starts, when there is one. */
  next: ListCursor | null;
  total: number;
  /** True when `total` stopped counting at SEARCH_COUNT_CAP (the UI shows "1,000+"). */
  totalCapped: boolean;
}

/** A search counts its hits up to this many: counting 20,000 matches of a common word costs more than the page. */
export const SEARCH_COUNT_CAP = 1000;

/**
 * One page of stories matching the filters. Queues are newest first by last update. A text
 * search is newest first by creation (story id): FTS5 walks its index in rowid order and stops
 * at the page's end, where ordering by update time would have to sort every match.
 */
export async function listStories(db: Db, filters: StoryFilters, page: { limit: number; after: ListCursor | null; now: string }): Promise<ListResult> {
  const where = filterWhere(db, filters);
  const typed = filters.query !== undefined && filters.query.trim() !== '';
  const fts = typed ? ftsQuery(filters.query ?? '') : null;
  if (typed && fts === null) return { items: [], next: null, total: 0, totalCapped: false };
  if (!fts) return queuePage(db, where, page);
  const terms = searchTerms(filters.query ?? '');
  const match = db.dialect === 'sqlite' ? fts : tsQuery(terms);
  if (match === null) return { items: [], next: null, total: 0, totalCapped: false };
  return searchPage(db, match, terms, where, page);
}

async function queuePage(db: Db, where: Where, page: { limit: number; after: ListCursor | null; now: string }): Promise<ListResult> {
  const total = (await db.value(`SELECT count(*) FROM stories s${where.sql.length ? ` WHERE ${where.sql.join(' AND ')}` : ''}`, ...where.params)) as number;
  const conds = [...where.sql];
  const params = [...where.params];
  if (page.after) {
    conds.push('(s.updated_at < ? OR (s.updated_at = ? AND s.id < ?))');
    params.push(page.after.updatedAt, page.after.updatedAt, page.after.id);
  }
  const keys = (await db.all(
    `SELECT s.id, s.updated_at FROM stories s${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}
     ORDER BY s.updated_at DESC, s.id DESC LIMIT ?`,
    ...params,
    page.limit + 1,
  )) as { id: number; updated_at: string }[];
  const hasMore = keys.length > page.limit;
  const pageKeys = hasMore ? keys.slice(0, page.limit) : keys;
  const byId = await loadItems(
    db,
    pageKeys.map((k) => k.id),
    page.now,
  );
  const last = pageKeys[pageKeys.length - 1];
  return {
    items: pageKeys.map((k) => byId.get(k.id)).filter((x): x is StoryListItem => x !== undefined),
    next: hasMore && last ? { updatedAt: last.updated_at, id: last.id } : null,
    total,
    totalCapped: false,
  };
}

/**
 * Where a search looks, by dialect: SQLite's FTS5 table, whose rowid is the story's id, or
 * PostgreSQL's search vector on the row (db/postgres/textSearch.ts). `match` takes the one
 * parameter, the query in that engine's syntax.
 */
const searchSource = (db: Db) =>
  db.dialect === 'sqlite'
    ? { from: 'stories_fts f JOIN stories s ON s.id = f.rowid', match: 'stories_fts MATCH ?', id: 'f.rowid' }
    : { from: 'stories s', match: STORY_MATCH, id: 's.id' };

/** `query`: ftsQuery()'s FTS5 expression on SQLite, tsQuery()'s text on PostgreSQL, both of `terms`. */
async function searchPage(db: Db, query: string, terms: FtsTerm[], where: Where, page: { limit: number; after: ListCursor | null; now: string }): Promise<ListResult> {
  const { from, match, id } = searchSource(db);
  const conds = [match, ...where.sql];
  const params = [query, ...where.params];
  const counted = (await db.value(
    `SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${conds.join(' AND ')} LIMIT ${SEARCH_COUNT_CAP + 1}) AS hits`,
    ...params,
  )) as number;
  if (page.after) {
    conds.push(`${id} < ?`);
    params.push(page.after.id);
  }
  const ids = (await db.column(`SELECT ${id} FROM ${from} WHERE ${conds.join(' AND ')} ORDER BY ${id} DESC LIMIT ?`, ...params, page.limit + 1)) as number[];
  const hasMore = ids.length > page.limit;
  const pageIds = hasMore ? ids.slice(0, page.limit) : ids;
  const byId = await loadItems(db, pageIds, page.now);
  await addSnippets(db, byId, pageIds, terms);
  const last = pageIds[pageIds.length - 1];
  return {
    items: pageIds.map((id) => byId.get(id)).filter((x): x is StoryListItem => x !== undefined),
    next: hasMore && last !== undefined ? { updatedAt: '', id: last } : null,
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalCapped: counted > SEARCH_COUNT_CAP,
  };
}

/** Gives each item an excerpt from the first field that holds a match (body first: the headline is shown anyway). */
async function addSnippets(db: Db, byId: Map<Id, StoryListItem>, ids: Id[], terms: { term: string; prefix: boolean }[]): Promise<void> {
  if (ids.length === 0 || terms.length === 0) return;
  const texts = (await db.all(
    `SELECT id, headline, subheadlines_text, body_text, captions_text, byline_text, slug FROM stories
     WHERE id IN ${jsonList(db, 'bigint')}`,
    JSON.stringify(ids),
  )) as {
    id: number;
    headline: string;
    subheadlines_text: string;
    body_text: string;
    captions_text: string;
    byline_text: string;
    slug: string;
  }[];
  const probe = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map((x) => escapeRegex(x.term)).join('|')})`, 'iu');
  for (const t of texts) {
    const item = byId.get(t.id);
    if (!item) continue;
    const fields = [t.body_text, t.subheadlines_text, t.captions_text, t.headline, t.byline_text, t.slug];
    item.snippet = makeSnippet(fields.find((f) => probe.test(f)) ?? t.body_text, terms);
  }
}

/** The same text search as a plain LIKE scan over the body (benchmark baseline only). */
export async function likeSearchCount(db: Db, word: string): Promise<number> {
  return (await db.value(`SELECT count(*) FROM stories WHERE body_text LIKE ? ESCAPE '\\'`, `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) as number;
}
