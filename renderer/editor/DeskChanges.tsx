// The offer a reporter sees when the desk changed their story: what changed in one line ("12 words
// added, 5 removed by Kim Min-ji"), and "Show the desk's changes", which marks them in the body
// (deskChangeMarks.ts) and shows the headline's and subheadlines' changes here, until "Hide".
import { useId } from 'react';
import type { DiffPart } from '../../shared/domain.js';
import { deskChangesSummary, REVISION_LABELS, savedVersionLabel } from '../../shared/historyLabels.js';
import { shortTime } from '../app/format.js';
import { DiffParts } from './DiffView.js';
import type { DeskChangesState } from './session/useDeskChanges.js';

const changed = (parts: readonly DiffPart[]): boolean => parts.some((p) => p.kind !== 'equal');

function FieldChanges({ label, parts }: { label: string; parts: readonly DiffPart[] }) {
  if (!changed(parts)) return null;
  return (
    <p className="desk-changes-field">
      <span className="desk-changes-label">{label}:</span> <DiffParts parts={parts} />
    </p>
  );
}

export function DeskChangesOffer({ desk }: { desk: DeskChangesState }) {
  const titleId = useId();
  const { changes, shown, problem } = desk;
  if (!changes) return null;
  const { base } = changes;
  return (
    <section className={shown ? 'desk-changes desk-changes-shown' : 'desk-changes'} aria-labelledby={titleId}>
      <div className="desk-changes-top">
        <div>
          <h2 id={titleId} className="desk-changes-title">
            The desk changed your story
          </h2>
          <p className="desk-changes-summary" role="status">
            {deskChangesSummary(changes)}
          </p>
          <p className="muted small">
            Since your last version: {savedVersionLabel(base.version)} · {REVISION_LABELS[base.reason]} ·{' '}
            <time dateTime={base.createdAt}>{shortTime(base.createdAt)}</time>
          </p>
        </div>
        <button type="button" className={shown ? undefined : 'primary'} onClick={shown ? desk.hide : desk.show}>
          {shown ? "Hide the desk's changes" : "Show the desk's changes"}
        </button>
      </div>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {shown ? (
        <div className="desk-changes-detail">
          <p className="muted small">
            <ins>Inserted words</ins> and <del>deleted words</del> are marked in the text, which is read only while they are shown.
          </p>
          <FieldChanges label="Headline" parts={changes.headline} />
          <FieldChanges label="Subheadlines" parts={changes.subheadlines} />
        </div>
      ) : null}
    </section>
  );
}
