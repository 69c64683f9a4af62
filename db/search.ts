// Story queues and text search. Lists are keyset-paginated newest first (updated_at desc,
// id desc). Text search goes through SQLite's FTS5 or PostgreSQL's search vector, both from the
// same terms (ftsQuery.ts), so no input is ever parsed as FTS or SQL syntax.

import type { Id, Status, StoryListItem } from '../shared/domain.js';
import { ftsQuery, searchTerms, type FtsTerm } from './ftsQuery.js';
import { STORY_HITS, storyQuery, type StoryQuery } from './postgres/textSearch.js';
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
  return snippetMaker(terms, width)(text);
}

/**
 * makeSnippet for one query's terms, its expressions compiled once for a whole page of results
 * (compiling a Unicode-aware expression costs more than running it over a long story).
 */
function snippetMaker(terms: FtsTerm[], width = 200): (text: string) => string {
  if (terms.length === 0) return () => '';
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map((t) => t.term.split(' ').map(escapeRegex).join('[^\\p{L}\\p{N}\\p{M}]+') + (t.prefix ? '[\\p{L}\\p{N}\\p{M}]*' : '(?![\\p{L}\\p{N}\\p{M}])')).join('|')})`,
    'giu',
  );
  return (text) => (text === '' ? '' : excerpt(text, pattern, width));
}

function excerpt(text: string, pattern: RegExp, width: number): string {
  pattern.lastIndex = 0;
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
  /** Only status and desk: the clauses hold for story_counts (PostgreSQL's migration 003) under the alias `s` too. */
  byStatusAndDesk: boolean;
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
  return { sql, params, byStatusAndDesk: f.bylineStaffId === undefined && !f.needsPhotos };
}

/**
 * How many stories a queue holds: on PostgreSQL a sum of its statuses' and desk's counters when
 * it filters by nothing else, else (and on SQLite, whose count reads its own file) by counting.
 */
const queueCount = (db: Db, where: Where) =>
  db.dialect === 'postgres' && where.byStatusAndDesk
    ? `SELECT coalesce(sum(s.n), 0) FROM story_counts s${whereOf(where.sql)}`
    : `SELECT count(*) FROM stories s${whereOf(where.sql)}`;

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

/** The columns of a list item, of `stories s` joined with ITEM_JOINS. */
const itemColumns = (db: Db) => `s.id, s.slug, s.desk, s.headline, s.status, s.version,
  (SELECT ${jsonArrayAgg(db, 'st.name', 'b.position')} FROM story_byline b JOIN staff st ON st.id = b.staff_id WHERE b.story_id = s.id) AS byline,
  ls.name AS locked_by, ${LOCK_EXPIRES_AT} AS lock_expires_at, s.lock_offline, cs.name AS claimed_by_name, s.send_back_note, s.publish_at, s.word_count,
  (SELECT count(*) FROM story_photos p WHERE p.story_id = s.id) AS photo_count,
  (SELECT count(*) FROM story_photos p WHERE p.story_id = s.id AND (trim(p.caption) = '' OR trim(p.credit) = '')) AS photos_incomplete,
  s.findings_blocking, s.findings_warning, s.updated_at`;

const ITEM_JOINS = `LEFT JOIN staff ls ON ls.id = s.lock_staff_id ${LOCK_SESSION_JOIN} LEFT JOIN staff cs ON cs.id = s.claimed_by`;

function toItem(r: ItemRow, now: string): StoryListItem {
  const live = r.locked_by !== null && r.lock_expires_at !== null && r.lock_expires_at > now;
  return {
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
  };
}

async function loadItems(db: Db, ids: Id[], now: string): Promise<Map<Id, StoryListItem>> {
  const rows = (await db.all(`SELECT ${itemColumns(db)} FROM stories s ${ITEM_JOINS} WHERE s.id IN ${jsonList(db, 'bigint')}`, JSON.stringify(ids))) as ItemRow[];
  return new Map(rows.map((r) => [r.id, toItem(r, now)]));
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
  if (db.dialect === 'sqlite') return sqliteSearchPage(db, fts, terms, where, page);
  const match = storyQuery(terms);
  if (match === null) return { items: [], next: null, total: 0, totalCapped: false };
  return postgresSearchPage(db, match, terms, where, page);
}

const whereOf = (conds: string[]) => (conds.length ? ` WHERE ${conds.join(' AND ')}` : '');

/**
 * A queue page in one statement (a database server answers each statement over the network): the
 * page's keys, newest first, joined to their items, with the queue's count beside each row.
 */
async function queuePage(db: Db, where: Where, page: { limit: number; after: ListCursor | null; now: string }): Promise<ListResult> {
  const conds = [...where.sql];
  const params = [...where.params];
  if (page.after) {
    conds.push('(s.updated_at < ? OR (s.updated_at = ? AND s.id < ?))');
    params.push(page.after.updatedAt, page.after.updatedAt, page.after.id);
  }
  const countSql = queueCount(db, where);
  const rows = (await db.all(
    `SELECT ${itemColumns(db)}, (${countSql}) AS total
     FROM (SELECT s.id, s.updated_at FROM stories s${whereOf(conds)} ORDER BY s.updated_at DESC, s.id DESC LIMIT ?) k
     JOIN stories s ON s.id = k.id ${ITEM_JOINS}
     ORDER BY k.updated_at DESC, k.id DESC`,
    ...where.params,
    ...params,
    page.limit + 1,
  )) as (ItemRow & { total: number })[];
  // No row carries the count: nothing matches at all, or the cursor stands past the last page.
  const total = rows[0]?.total ?? (page.after ? ((await db.value(countSql, ...where.params)) as number) : 0);
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => toItem(r, page.now)),
    next: hasMore && last ? { updatedAt: last.updated_at, id: last.id } : null,
    total,
    totalCapped: false,
  };
}

interface SearchTexts {
  headline: string;
  subheadlines_text: string;
  body_text: string;
  captions_text: string;
  byline_text: string;
  slug: string;
}

/** The page of a search from its ids, newest first, each item with its snippet. */
function searchResult(pageIds: Id[], byId: Map<Id, StoryListItem>, hasMore: boolean, counted: number): ListResult {
  const last = pageIds[pageIds.length - 1];
  return {
    items: pageIds.map((id) => byId.get(id)).filter((x): x is StoryListItem => x !== undefined),
    next: hasMore && last !== undefined ? { updatedAt: '', id: last } : null,
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalCapped: counted > SEARCH_COUNT_CAP,
  };
}

/** `fts`: ftsQuery()'s FTS5 expression of `terms`. FTS5 walks its index newest first and stops at the page's end. */
async function sqliteSearchPage(
  db: Db,
  fts: string,
  terms: FtsTerm[],
  where: Where,
  page: { limit: number; after: ListCursor | null; now: string },
): Promise<ListResult> {
  const from = 'stories_fts f JOIN stories s ON s.id = f.rowid';
  const conds = ['stories_fts MATCH ?', ...where.sql];
  const params = [fts, ...where.params];
  const counted = (await db.value(
    `SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${conds.join(' AND ')} LIMIT ${SEARCH_COUNT_CAP + 1}) AS hits`,
    ...params,
  )) as number;
  if (page.after) {
    conds.push('f.rowid < ?');
    params.push(page.after.id);
  }
  const ids = (await db.column(`SELECT f.rowid FROM ${from} WHERE ${conds.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`, ...params, page.limit + 1)) as number[];
  const hasMore = ids.length > page.limit;
  const pageIds = hasMore ? ids.slice(0, page.limit) : ids;
  const byId = await loadItems(db, pageIds, page.now);
  if (pageIds.length > 0) {
    const texts = (await db.all(
      `SELECT id, headline, subheadlines_text, body_text, captions_text, byline_text, slug FROM stories WHERE id IN ${jsonList(db, 'bigint')}`,
      JSON.stringify(pageIds),
    )) as (SearchTexts & { id: Id })[];
    const addSnippet = snippetsFor(terms);
    for (const t of texts) addSnippet(byId.get(t.id), t);
  }
  return searchResult(pageIds, byId, hasMore, counted);
}

/**
 * `match`: storyQuery() of `terms`. One statement: the matches come from story_search's GIN
 * index first (a materialized CTE, so the planner never tests search vectors row by row: see
 * migration 002), joined to stories only for the filters; the count, capped, beside the page's
 * items and the texts their snippets come from.
 */
async function postgresSearchPage(
  db: Db,
  match: StoryQuery,
  terms: FtsTerm[],
  where: Where,
  page: { limit: number; after: ListCursor | null; now: string },
): Promise<ListResult> {
  const hits = `WITH hits AS MATERIALIZED (SELECT story_id AS id FROM (${STORY_HITS}) h)`;
  const source = where.sql.length ? `hits JOIN stories s ON s.id = hits.id WHERE ${where.sql.join(' AND ')}` : 'hits';
  const count = `SELECT count(*) FROM (SELECT 1 FROM ${source} LIMIT ${SEARCH_COUNT_CAP + 1}) AS c`;
  const after = page.after ? `${where.sql.length ? ' AND' : ' WHERE'} hits.id < ?` : '';
  const rows = (await db.all(
    `${hits}, page AS (SELECT hits.id FROM ${source}${after} ORDER BY hits.id DESC LIMIT ?)
     SELECT ${itemColumns(db)}, s.subheadlines_text, s.body_text, s.captions_text, s.byline_text, (${count}) AS total
     FROM page JOIN stories s ON s.id = page.id ${ITEM_JOINS}
     ORDER BY s.id DESC`,
    match.words,
    match.starts,
    ...where.params,
    ...(page.after ? [page.after.id] : []),
    page.limit + 1,
    ...where.params,
  )) as (ItemRow & SearchTexts & { total: number })[];
  const counted = rows[0]?.total ?? (page.after ? ((await db.value(`${hits} ${count}`, match.words, match.starts, ...where.params)) as number) : 0);
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  const byId = new Map<Id, StoryListItem>();
  const addSnippet = snippetsFor(terms);
  for (const r of pageRows) {
    const item = toItem(r, page.now);
    addSnippet(item, r);
    byId.set(r.id, item);
  }
  return searchResult(
    pageRows.map((r) => r.id),
    byId,
    hasMore,
    counted,
  );
}

/**
 * Gives each item an excerpt from the first field of its texts that holds a match (body first:
 * the headline is shown anyway), the query's expressions compiled once for the page.
 */
function snippetsFor(terms: FtsTerm[]): (item: StoryListItem | undefined, t: SearchTexts) => void {
  if (terms.length === 0) return () => {};
  const probe = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${terms.map((x) => escapeRegex(x.term)).join('|')})`, 'iu');
  const snippet = snippetMaker(terms);
  return (item, t) => {
    if (!item) return;
    const fields = [t.body_text, t.subheadlines_text, t.captions_text, t.headline, t.byline_text, t.slug];
    item.snippet = snippet(fields.find((f) => probe.test(f)) ?? t.body_text);
  };
}

/** The same text search as a plain LIKE scan over the body (benchmark baseline only). */
export async function likeSearchCount(db: Db, word: string): Promise<number> {
  return (await db.value(`SELECT count(*) FROM stories WHERE body_text LIKE ? ESCAPE '\\'`, `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) as number;
}
