// What a story's history calls each thing that happened to it, in the newsroom's words: every audit
// event the core writes and every reason a revision is kept, named once here for the History
// panel and anything else that tells a story's past (never the raw kind, like `photo.recaption`);
// how saves and publications are numbered; and the desk's changes to a story in one line.

import type { AuditEventKind, DeskChanges, HistoryEntry, PhotoTextField, RevisionReason } from './domain.js';

export const AUDIT_EVENT_LABELS: Record<AuditEventKind, string> = {
  create: 'Created the story',
  submit: 'Submitted to desk',
  recall: 'Recalled from the desk',
  claim: 'Claimed for editing',
  sendBack: 'Sent back to the reporter',
  approve: 'Approved',
  reopen: 'Reopened for editing',
  publish: 'Published',
  schedule: 'Scheduled to publish',
  unschedule: 'Unscheduled',
  correct: 'Opened a correction',
  kill: 'Killed',
  spike: 'Spiked',
  unspike: 'Unspiked',
  autoPublish: 'Published on schedule',
  scheduleFailed: 'Scheduled publishing failed (retrying)',
  forceUnlock: 'Broke the editing lock',
  signOutUnlock: 'Lock released on signing out',
  restore: 'Restored an earlier revision',
  'finding.dismiss': 'Dismissed a copy-check finding',
  'finding.restore': 'Restored a dismissed finding',
  'photo.attach': 'Photo attached',
  'photo.recaption': 'Caption changed',
  'photo.detach': 'Photo removed',
  'photo.reorder': 'Photos reordered',
  'photo.libraryChanged': 'Library photo record changed after approval',
};

/** A revision kept on its own, without a move of the story (an autosave, a conflict copy). */
export const REVISION_LABELS: Record<RevisionReason, string> = {
  create: 'Created the story',
  periodic: 'Autosaved',
  submit: 'Submitted to desk',
  claim: 'Claimed for editing',
  sendBack: 'Sent back to the reporter',
  approve: 'Approved',
  publish: 'Published',
  restore: 'Restored an earlier revision',
  conflict: 'Unsaved copy kept after a conflict',
  correct: 'Opened a correction',
};

const FIELD_NAMES: Record<PhotoTextField, string> = { caption: 'caption', credit: 'credit', alt: 'alt text' };

/** "Caption changed", "Credit changed", "Caption and credit changed", "Caption, credit and alt text changed". */
export function photoFieldsLabel(fields: readonly PhotoTextField[]): string {
  if (fields.length === 0) return 'Caption saved unchanged';
  const names = fields.map((f) => FIELD_NAMES[f]);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} changed`;
}

/** What one history row says happened. */
export function historyLabel(entry: Pick<HistoryEntry, 'event' | 'revision' | 'photo'>): string {
  if (entry.event === 'photo.recaption' && entry.photo) return photoFieldsLabel(entry.photo.fields);
  if (entry.event) return AUDIT_EVENT_LABELS[entry.event] ?? 'Changed the story';
  return entry.revision ? REVISION_LABELS[entry.revision.reason] : 'Changed the story';
}

/**
 * How the newsroom numbers a story's versions. A story has two counters, and they are shown apart:
 * - its text is saved as "v12", one more on every save (the editor's header and each revision in
 *   the history say which save they hold);
 * - what went out is "Published version 2", its own sequence (1 for the first publication, one
 *   more for each correction and for a kill notice): the published versions list, its dialog and
 *   the history row of the publish that made it all say it that way.
 */
export const savedVersionLabel = (version: number): string => `v${version}`;
export const publishedVersionLabel = (version: number): string => `Published version ${version}`;

/** "Kim Min-ji", "Kim Min-ji and Lee Jae-won", "A, B and C". */
function names(list: readonly { name: string }[]): string {
  const all = list.map((p) => p.name);
  return all.length <= 1 ? (all[0] ?? 'the desk') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)!}`;
}

const wordsOf = (n: number): string => `${n} word${n === 1 ? '' : 's'}`;

/** The desk's changes in one line, e.g. "12 words added, 5 removed by Kim Min-ji". */
export function deskChangesSummary(changes: Pick<DeskChanges, 'added' | 'removed' | 'editors'>): string {
  const { added, removed } = changes;
  const what =
    added > 0 && removed > 0
      ? `${wordsOf(added)} added, ${removed} removed`
      : added > 0
        ? `${wordsOf(added)} added`
        : removed > 0
          ? `${wordsOf(removed)} removed`
          : 'Punctuation and spacing changed';
  return `${what} by ${names(changes.editors)}`;
}
