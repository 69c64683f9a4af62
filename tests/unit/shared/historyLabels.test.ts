// The history speaks plainly: every kind of audit event the core can write has a label a newsroom
// reads ("Caption changed", never `photo.recaption`), and so does every reason a revision is kept.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_EVENT_KINDS, AUDIT_EVENT_KINDS, type HistoryEntry, type RevisionSummary } from '../../../shared/domain.js';
import {
  AUDIT_EVENT_LABELS,
  deskChangesSummary,
  historyLabel,
  photoFieldsLabel,
  publishedVersionLabel,
  REVISION_LABELS,
  savedVersionLabel,
} from '../../../shared/historyLabels.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    return d.isDirectory() ? sources(file) : d.name.endsWith('.ts') ? [file] : [];
  });
}

/**
 * Every event kind written as a literal in the core (`event: 'photo.attach'`); the workflow's
 * moves reach insertAuditEvent by their action's name, or the scheduler's 'autoPublish'.
 */
function kindsWrittenByTheCore(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(path.join(ROOT, 'core'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bevent: '([^']+)'/g)) found.add(m[1]!);
  }
  return found;
}

const isPlainWords = (label: string) => /^[A-Z][a-z]/.test(label) && !/[._]|[a-z][A-Z]/.test(label);

describe('history labels', () => {
  it('every kind of audit event has a label in plain words, not its code', () => {
    for (const kind of AUDIT_EVENT_KINDS) {
      const label = AUDIT_EVENT_LABELS[kind];
      expect(label, kind).toBeTruthy();
      expect(label, kind).not.toBe(kind);
      expect(isPlainWords(label), `${kind}: ${label}`).toBe(true);
    }
  });

  it('every event kind the core writes is one of those kinds', () => {
    const written = kindsWrittenByTheCore();
    expect([...written]).toEqual(expect.arrayContaining(['create', 'finding.dismiss', 'photo.recaption', 'restore', 'scheduleFailed']));
    // The core also writes the account log (sign-ins, sessions, passwords), whose kinds are its own.
    const known: readonly string[] = [...AUDIT_EVENT_KINDS, ...ACCOUNT_EVENT_KINDS];
    for (const kind of written) expect(known, kind).toContain(kind);
  });

  it('every reason a revision is kept has a label in plain words', () => {
    for (const [reason, label] of Object.entries(REVISION_LABELS)) {
      expect(isPlainWords(label), `${reason}: ${label}`).toBe(true);
    }
    expect(REVISION_LABELS.periodic).toBe('Autosaved');
  });

  it('a re-caption is named by the fields it changed', () => {
    expect(photoFieldsLabel(['caption'])).toBe('Caption changed');
    expect(photoFieldsLabel(['credit'])).toBe('Credit changed');
    expect(photoFieldsLabel(['alt'])).toBe('Alt text changed');
    expect(photoFieldsLabel(['caption', 'credit'])).toBe('Caption and credit changed');
    expect(photoFieldsLabel(['caption', 'credit', 'alt'])).toBe('Caption, credit and alt text changed');
    expect(historyLabel({ event: 'photo.recaption', revision: null, photo: { fields: ['caption'], caption: 'Seo Min-jung' } })).toBe('Caption changed');
  });

  it('a row is named by its event, else by why its revision was kept', () => {
    const revision = { reason: 'periodic' } as RevisionSummary;
    const row = (event: HistoryEntry['event'], rev: RevisionSummary | null = null) => historyLabel({ event, revision: rev, photo: null });
    expect(row('sendBack', { reason: 'sendBack' } as RevisionSummary)).toBe('Sent back to the reporter');
    expect(row('submit')).toBe('Submitted to desk');
    expect(row(null, revision)).toBe('Autosaved');
    expect(row('autoPublish')).toBe('Published on schedule');
  });

  it('saves and publications are numbered apart', () => {
    expect(savedVersionLabel(12)).toBe('v12');
    expect(publishedVersionLabel(2)).toBe('Published version 2');
  });

  it('sums up the desk’s changes in one line, with who made them', () => {
    const kim = { staffId: 3, name: 'Kim Min-ji' };
    const lee = { staffId: 4, name: 'Lee Jae-won' };
    expect(deskChangesSummary({ added: 12, removed: 5, editors: [kim] })).toBe('12 words added, 5 removed by Kim Min-ji');
    expect(deskChangesSummary({ added: 1, removed: 0, editors: [kim, lee] })).toBe('1 word added by Kim Min-ji and Lee Jae-won');
    expect(deskChangesSummary({ added: 0, removed: 3, editors: [kim] })).toBe('3 words removed by Kim Min-ji');
    expect(deskChangesSummary({ added: 0, removed: 0, editors: [] })).toBe('Punctuation and spacing changed by the desk');
  });
});
