// A story's history as one list a newsroom can read. The core keeps two records of a move: the
// audit event (who, when, from, to, note) and the milestone revision (the text at that moment).
// Shown side by side they told every submit twice; here each move is one row holding its
// revision, revisions kept on their own (autosaves, conflict copies) are rows of their own, and
// what the core recorded with an event that a reader needs is spelled out (the published version
// a publish made, the fields a re-caption changed, when a schedule was for).

import type { AuditEventKind, HistoryEntry, PhotoTextField, RevisionReason, RevisionSummary } from '../../shared/domain.js';
import type { AuditRecord } from '../../db/index.js';

/** The reason of the revision a move keeps (the scheduler's publish keeps a 'publish'), or null when it keeps none. */
function keptReason(event: AuditEventKind): RevisionReason | null {
  switch (event) {
    case 'autoPublish':
      return 'publish';
    case 'create':
    case 'submit':
    case 'claim':
    case 'sendBack':
    case 'approve':
    case 'publish':
    case 'correct':
    case 'restore':
      return event;
    default:
      return null;
  }
}

const PHOTO_FIELDS: readonly PhotoTextField[] = ['caption', 'credit', 'alt'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const numberIn = (details: unknown, key: string): number | null => (isRecord(details) && typeof details[key] === 'number' ? details[key] : null);
const stringIn = (details: unknown, key: string): string | null => (isRecord(details) && typeof details[key] === 'string' ? details[key] : null);

/** A re-caption records the photo's fields before and the ones sent: the fields whose text changed. */
function recaptionOf(details: unknown): NonNullable<HistoryEntry['photo']> {
  if (!isRecord(details) || !isRecord(details.before) || !isRecord(details.after)) return { fields: [], caption: null };
  const { before, after } = details;
  const fields = PHOTO_FIELDS.filter((f) => typeof after[f] === 'string' && after[f] !== before[f]);
  return { fields, caption: fields.includes('caption') ? (after.caption as string) : null };
}

/** Events whose note the core writes (a photo's file and placement, an error): shown as what was recorded, not as someone's note. */
const CORE_NOTES: ReadonlySet<AuditEventKind> = new Set<AuditEventKind>(['photo.attach', 'photo.detach', 'photo.libraryChanged', 'scheduleFailed']);

/**
 * The note a reader should see: what a person wrote. The core's own notes are left out where the
 * row says the same thing better (a re-caption's list of fields; a schedule's time, which the row
 * shows in the reader's time zone; the version a scheduled publish made; the saved version a
 * restore brought back, told by revision id before restores recorded it).
 */
function personNote(e: AuditRecord): string | null {
  if (e.note === null || e.event === 'photo.recaption' || CORE_NOTES.has(e.event)) return null;
  if (e.event === 'schedule' && e.note === `Scheduled for ${stringIn(e.details, 'publishAt') ?? ''}`) return null;
  if (e.event === 'autoPublish' && /^Scheduled for \S+; published as version \d+\.$/.test(e.note)) return null;
  if (e.event === 'restore' && numberIn(e.details, 'version') !== null) return null;
  return e.note;
}

interface Row extends HistoryEntry {
  /** At one instant (a test's standing clock), moves are listed above the revisions kept on their own. */
  group: 0 | 1;
  seq: number;
}

/**
 * The rows of a story's history, newest first. A move and its milestone revision are written in
 * one transaction, by one person, at one instant: an event takes the oldest revision not yet
 * taken with that person, time and reason. An autosave holding the same version as a milestone
 * kept after it holds the same text (a save just before a submit), so the milestone's row stands
 * for both.
 */
export function historyEntries(revisions: readonly RevisionSummary[], events: readonly AuditRecord[]): HistoryEntry[] {
  const oldestFirst = [...revisions].sort((a, b) => a.id - b.id);
  const taken = new Set<number>();
  const rows: Row[] = [];

  for (const e of events) {
    const reason = keptReason(e.event);
    const revision = reason ? oldestFirst.find((r) => !taken.has(r.id) && r.reason === reason && r.authorId === e.actorId && r.createdAt === e.at) : undefined;
    if (revision) taken.add(revision.id);
    const publishes = e.event === 'publish' || e.event === 'autoPublish' || e.event === 'kill';
    rows.push({
      key: `e${e.id}`,
      event: e.event,
      actorId: e.actorId,
      actorName: e.actorName,
      at: e.at,
      from: e.from,
      to: e.to,
      note: personNote(e),
      revision: revision ?? null,
      publishedVersion: publishes ? numberIn(e.details, 'publishedVersion') : null,
      publishAt: e.event === 'schedule' || e.event === 'scheduleFailed' ? stringIn(e.details, 'publishAt') : null,
      restoredVersion: e.event === 'restore' ? numberIn(e.details, 'version') : null,
      detail: CORE_NOTES.has(e.event) ? e.note : null,
      photo: e.event === 'photo.recaption' ? recaptionOf(e.details) : null,
      group: 0,
      seq: e.id,
    });
  }

  const isMilestone = (r: RevisionSummary) => r.reason !== 'periodic' && r.reason !== 'conflict';
  for (const r of oldestFirst) {
    if (taken.has(r.id)) continue;
    if (r.reason === 'periodic' && oldestFirst.some((m) => m.id > r.id && m.version === r.version && isMilestone(m))) continue;
    rows.push({
      key: `r${r.id}`,
      event: null,
      actorId: r.authorId,
      actorName: r.authorName,
      at: r.createdAt,
      from: null,
      to: null,
      note: null,
      revision: r,
      publishedVersion: null,
      publishAt: null,
      restoredVersion: null,
      detail: null,
      photo: null,
      group: 1,
      seq: r.id,
    });
  }

  return rows.sort((a, b) => b.at.localeCompare(a.at) || a.group - b.group || b.seq - a.seq).map(({ group: _group, seq: _seq, ...entry }) => entry);
}
