// The story's history: its published versions, audit events (who, what, when, note) and
// revisions. Pick two revisions to see what changed word by word; restore one as a new revision
// (nothing is overwritten).
import { useEffect, useState } from 'react';
import type { AuditEvent, DiffPart, RevisionSummary } from '../../shared/domain.js';
import { ACTION_LABELS } from '../../shared/workflow.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { shortTime, STATUS_LABELS, fullTime } from '../app/format.js';
import { Dialog } from '../ui/Dialog.js';
import { DiffView } from './DiffView.js';
import { PublishedVersions } from './PublishedVersions.js';

const REASONS: Record<string, string> = {
  create: 'Created',
  periodic: 'Autosaved',
  submit: 'Submitted',
  claim: 'Claimed',
  sendBack: 'Sent back',
  approve: 'Approved',
  publish: 'Published',
  restore: 'Restored',
  conflict: 'Unsaved conflict copy',
  correct: 'Correction opened',
};

const EVENT_LABELS: Record<string, string> = {
  create: 'Created the story',
  forceUnlock: 'Force-unlocked',
  signOutUnlock: 'Lock released on signing out',
  autoPublish: 'Published on schedule',
  scheduleFailed: 'Scheduled publishing failed (retrying)',
  restore: 'Restored a revision',
  'finding.dismiss': 'Dismissed a copy-check finding',
  'finding.restore': 'Restored a dismissed finding',
  'photo.libraryChanged': 'Changed a photo’s library record after approval',
  ...Object.fromEntries(Object.entries(ACTION_LABELS).map(([k, v]) => [k, v])),
  submit: 'Submitted to desk',
};

const revisionLabel = (r: RevisionSummary) => `v${r.version} · ${REASONS[r.reason] ?? r.reason} · ${r.authorName} · ${shortTime(r.createdAt)}`;

export function HistoryPanel({
  storyId,
  version,
  canRestore,
  onRestore,
}: {
  storyId: number;
  version: number;
  canRestore: boolean;
  onRestore(revision: RevisionSummary): Promise<void>;
}) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ parts: DiffPart[]; from: RevisionSummary; to: RevisionSummary } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.stories
      .history({ id: storyId })
      .then((r) => {
        if (cancelled) return;
        // Newest first.
        const revs = [...r.revisions].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
        setRevisions(revs);
        setEvents([...r.events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id));
        setPicked((p) => (p.length ? p.filter((id) => revs.some((x) => x.id === id)) : revs.slice(0, 2).map((x) => x.id)));
      })
      .catch((e: unknown) => !cancelled && setError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, [storyId, version]);

  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));

  const compare = async () => {
    const chosen = revisions.filter((r) => picked.includes(r.id));
    if (chosen.length !== 2) return;
    // Older → newer, whatever order they were ticked in.
    const [older, newer] = [...chosen].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id) as [RevisionSummary, RevisionSummary];
    setBusy(true);
    setError(null);
    try {
      setDiff(await api.stories.diff({ id: storyId, fromRevision: older.id, toRevision: newer.id }));
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="history">
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <PublishedVersions storyId={storyId} version={version} />
      <h2 className="panel-heading">Revisions</h2>
      <p className="muted small">Tick two revisions to compare them.</p>
      <button type="button" className="primary" disabled={picked.length !== 2 || busy} onClick={() => void compare()}>
        Compare
      </button>
      <ul className="revisions">
        {revisions.map((r) => (
          <li key={r.id} className="revision">
            <label>
              <input type="checkbox" checked={picked.includes(r.id)} onChange={() => toggle(r.id)} />
              <span>{revisionLabel(r)}</span>
            </label>
            <span className="muted small"> {r.wordCount} words</span>
            {canRestore ? (
              <button
                type="button"
                className="small-button"
                onClick={() => {
                  setBusy(true);
                  onRestore(r)
                    .catch((e: unknown) => setError(toUiError(e).message))
                    .finally(() => setBusy(false));
                }}
                disabled={busy}
              >
                Restore this revision
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 className="panel-heading">Activity</h2>
      <ol className="events">
        {events.map((e) => (
          <li key={e.id} className="event">
            <div>
              <strong>{e.actorName}</strong> {EVENT_LABELS[e.event] ?? e.event}
              {e.from && e.to && e.from !== e.to ? (
                <span className="muted">
                  {' '}
                  ({STATUS_LABELS[e.from]} → {STATUS_LABELS[e.to]})
                </span>
              ) : null}
            </div>
            <time className="muted small" dateTime={e.at}>
              {fullTime(e.at)}
            </time>
            {e.note ? <blockquote className="event-note">{e.note}</blockquote> : null}
          </li>
        ))}
      </ol>
      {diff ? (
        <Dialog wide title={`Changes from v${diff.from.version} to v${diff.to.version}`} onClose={() => setDiff(null)}>
          <p className="muted">
            {revisionLabel(diff.from)} → {revisionLabel(diff.to)}
          </p>
          <DiffView parts={diff.parts} label="Changes" />
        </Dialog>
      ) : null}
    </div>
  );
}
