// The story's history: its published versions, then one list of everything that happened to it,
// newest first, in plain words (labels in shared/historyLabels.ts): who, what, when, the note
// they gave. A move and the text it kept are one row (the core joins them); a row with text can
// be ticked to compare two of them word by word, or restored as a new revision (nothing is
// overwritten).
//
// Numbering: saves are "v12", as the editor's header shows the story's version; a publication is
// "Published version 2", its own sequence, as the published versions list above names it, and
// the row of the publish that made it says both (see savedVersionLabel in shared/historyLabels.ts).
import { useEffect, useId, useState } from 'react';
import type { DiffPart, HistoryEntry, RevisionSummary } from '../../shared/domain.js';
import { historyLabel, publishedVersionLabel, savedVersionLabel } from '../../shared/historyLabels.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { fullTime, STATUS_LABELS } from '../app/format.js';
import { Dialog } from '../ui/Dialog.js';
import { DiffView } from './DiffView.js';
import { PublishedVersions } from './PublishedVersions.js';

const revisionLabel = (r: RevisionSummary, label: string) => `${savedVersionLabel(r.version)} · ${label} · ${r.authorName} · ${fullTime(r.createdAt)}`;

function EntryRow({
  entry,
  picked,
  onPick,
  restore,
  busy,
}: {
  entry: HistoryEntry;
  picked: boolean;
  onPick(): void;
  /** Restores the row's text; null when it cannot be restored now. */
  restore: (() => void) | null;
  busy: boolean;
}) {
  const titleId = useId();
  const label = historyLabel(entry);
  const { revision } = entry;
  const moved = entry.from && entry.to && entry.from !== entry.to ? `${STATUS_LABELS[entry.from]} → ${STATUS_LABELS[entry.to]}` : null;
  const title = (
    <>
      <span id={titleId} className="history-what">
        {label}
      </span>
      {revision ? <span className="history-version"> {savedVersionLabel(revision.version)}</span> : null}
    </>
  );
  return (
    <li className="history-entry" aria-labelledby={titleId}>
      <div className="history-head">
        {revision ? (
          <label className="history-pick">
            <input type="checkbox" checked={picked} onChange={onPick} />
            <span>{title}</span>
          </label>
        ) : (
          <span className="history-title">{title}</span>
        )}
        {entry.publishedVersion !== null ? <span className="history-published">{publishedVersionLabel(entry.publishedVersion)}</span> : null}
      </div>
      <p className="history-meta">
        {entry.actorName} · <time dateTime={entry.at}>{fullTime(entry.at)}</time>
        {moved ? <span> · {moved}</span> : null}
        {revision ? <span> · {revision.wordCount} words</span> : null}
      </p>
      {entry.publishAt ? <p className="history-detail">For {fullTime(entry.publishAt)}</p> : null}
      {entry.restoredVersion !== null ? <p className="history-detail">Brought back the text of {savedVersionLabel(entry.restoredVersion)}</p> : null}
      {entry.detail ? <p className="history-detail">{entry.detail}</p> : null}
      {entry.photo?.caption ? <p className="history-detail">Now: “{entry.photo.caption}”</p> : null}
      {entry.note ? <blockquote className="event-note">{entry.note}</blockquote> : null}
      {restore ? (
        <button type="button" className="small-button" aria-describedby={titleId} onClick={restore} disabled={busy}>
          Restore this revision
        </button>
      ) : null}
    </li>
  );
}

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
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ parts: DiffPart[]; from: RevisionSummary; to: RevisionSummary } | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const headingId = useId();

  // A re-caption or a move changes the history without changing the text: refetch when the core
  // says so, or when events were missed (resync).
  useEffect(
    () =>
      api.onEvent((event) => {
        if ((event.type === 'story.changed' && event.storyId === storyId) || event.type === 'resync') setTick((t) => t + 1);
      }),
    [storyId],
  );

  useEffect(() => {
    let cancelled = false;
    api.stories
      .history({ id: storyId })
      .then((r) => {
        if (cancelled) return;
        setEntries(r.entries);
        const ids = r.entries.flatMap((e) => (e.revision ? [e.revision.id] : []));
        // The two newest texts are ticked to begin with.
        setPicked((p) => (p.length ? p.filter((id) => ids.includes(id)) : ids.slice(0, 2)));
      })
      .catch((e: unknown) => !cancelled && setError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, [storyId, version, tick]);

  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const labelOf = (r: RevisionSummary) => historyLabel(entries.find((e) => e.revision?.id === r.id) ?? { event: null, revision: r, photo: null });

  const compare = async () => {
    const chosen = entries.flatMap((e) => (e.revision && picked.includes(e.revision.id) ? [e.revision] : []));
    if (chosen.length !== 2) return;
    // Older → newer, whatever order they were ticked in.
    const [older, newer] = [...chosen].sort((a, b) => a.id - b.id) as [RevisionSummary, RevisionSummary];
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

  const restore = (r: RevisionSummary) => () => {
    setBusy(true);
    onRestore(r)
      .catch((e: unknown) => setError(toUiError(e).message))
      .finally(() => setBusy(false));
  };

  return (
    <div className="history">
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <PublishedVersions storyId={storyId} version={version} />
      <h2 className="panel-heading" id={headingId}>
        History
      </h2>
      <p className="muted small">Tick two saved versions to compare them.</p>
      <button type="button" className="primary" disabled={picked.length !== 2 || busy} onClick={() => void compare()}>
        Compare
      </button>
      <ol className="history-list" aria-labelledby={headingId}>
        {entries.map((e) => (
          <EntryRow
            key={e.key}
            entry={e}
            picked={!!e.revision && picked.includes(e.revision.id)}
            onPick={() => e.revision && toggle(e.revision.id)}
            restore={canRestore && e.revision ? restore(e.revision) : null}
            busy={busy}
          />
        ))}
      </ol>
      {diff ? (
        <Dialog wide title={`Changes from ${savedVersionLabel(diff.from.version)} to ${savedVersionLabel(diff.to.version)}`} onClose={() => setDiff(null)}>
          <p className="muted">
            {revisionLabel(diff.from, labelOf(diff.from))} → {revisionLabel(diff.to, labelOf(diff.to))}
          </p>
          <DiffView parts={diff.parts} label="Changes" />
        </Dialog>
      ) : null}
    </div>
  );
}
