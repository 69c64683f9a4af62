// The checks panel: the copy checks on the text as it stands in the editor, saved or not, grouped
// by severity with counts ("Blocking (1)", "Warnings (3)", "Notes (2)"), each finding with a jump
// to its place, its fixes and (for a desk editor) Dismiss; dismissed findings in their own
// collapsed group with who set them aside and why. "Check as I type" turns the live run off for
// a slow machine or a long story; "Check now" then runs it. What the core finds on submit or
// approve shows with the refused action in the workflow bar (FindingList below).
import { memo, useState } from 'react';
import type { Dismissal, Finding, Severity } from '../../shared/domain.js';
import { toUiError } from '../app/errors.js';
import { shortTime } from '../app/format.js';
import { FindingItem, SEVERITY_NAME, type FindingActions } from './checks/FindingItem.js';

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'blocking', title: 'Blocking' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

/** A plain list of findings (the core's refusal of approve or publish), most serious first. */
export function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={`${f.key}-${i}`} className={`finding finding-${f.severity}`}>
          <span className={`sev sev-${f.severity}`}>{SEVERITY_NAME[f.severity]}</span> <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** Counted as the desk queue counts them (blocking and warnings), with the notes apart. */
function summaryOf(open: Finding[], dismissed: number): string {
  const tail = dismissed ? ` ${dismissed} dismissed.` : '';
  const blocking = open.filter((f) => f.severity === 'blocking').length;
  const counted = open.filter((f) => f.severity !== 'info').length;
  const notes = open.length - counted;
  const noteText = notes ? `; ${notes} note${notes === 1 ? '' : 's'}` : '';
  if (counted === 0) return `No problems found${noteText}.${tail}`;
  return `${counted} finding${counted === 1 ? '' : 's'}, ${blocking} blocking${noteText}.${tail}`;
}

function DismissedItem({ finding, dismissal, canRestore, restore }: { finding: Finding; dismissal: Dismissal; canRestore: boolean; restore(key: string): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <li className={`finding finding-${finding.severity} finding-dismissed`}>
      <span className="sr-only">{SEVERITY_NAME[finding.severity]}: </span>
      <span className="finding-message">{finding.message}</span>
      <p className="dismissal small">
        Dismissed by {dismissal.byName}
        {dismissal.at ? `, ${shortTime(dismissal.at)}` : ''}: <q>{dismissal.note}</q>
      </p>
      {canRestore ? (
        <button
          type="button"
          className="small-button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            restore(finding.key)
              .catch((e: unknown) => setError(toUiError(e).message))
              .finally(() => setBusy(false));
          }}
        >
          Restore
        </button>
      ) : null}
      {error ? (
        <p className="error-text small" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export interface ChecksPanelProps {
  /** The engine's findings on the editor's text; null before the first run. */
  findings: Finding[] | null;
  dismissals: Dismissal[];
  /** Why the engine could not run, if it could not. */
  error: string | null;
  /** The text changed since the findings were computed and nothing is checking it (checks off). */
  outdated: boolean;
  checking: boolean;
  live: boolean;
  setLive(on: boolean): void;
  checkNow(): void;
  activeKey: string | null;
  /** What the last fix or jump has to say (e.g. that the text changed under it). */
  notice: string | null;
  canRestore: boolean;
  restore(key: string): Promise<void>;
  actions: FindingActions;
}

/** Memoized: a long story may have hundreds of findings, and the editor re-renders for other reasons (save state, word count). */
export const ChecksPanel = memo(function ChecksPanel(props: ChecksPanelProps) {
  const { findings, dismissals, error, outdated, checking, live, setLive, checkNow, activeKey, notice, canRestore, restore, actions } = props;
  const byKey = new Map(dismissals.map((d) => [d.key, d]));
  const open = (findings ?? []).filter((f) => !byKey.has(f.key));
  const dismissed = (findings ?? []).filter((f) => byKey.has(f.key));

  let summary = findings ? summaryOf(open, dismissed.length) : error ? 'Not checked.' : 'Checking…';
  if (findings && outdated) summary += ' Not checked since your latest changes.';

  return (
    <div className="checks-panel">
      <div className="checks-controls">
        <label className="check-line">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          Check as I type
        </label>
        {!live ? (
          <button type="button" className="small-button" onClick={checkNow} disabled={checking}>
            Check now
          </button>
        ) : null}
      </div>
      <p className="checks-summary" role="status">
        {summary}
      </p>
      {notice ? (
        <p className="checks-notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          The copy checks could not run: {error}
        </p>
      ) : null}
      {GROUPS.map(({ severity, title }) => {
        const group = open.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const headingId = `findings-${severity}`;
        return (
          <section key={severity} className={`findings-group findings-group-${severity}`} aria-labelledby={headingId}>
            <h2 id={headingId} className="findings-heading">
              {title} ({group.length})
            </h2>
            <ul className="findings">
              {group.map((f, i) => (
                <FindingItem key={`${f.key}-${i}`} finding={f} active={f.key === activeKey} actions={actions} />
              ))}
            </ul>
          </section>
        );
      })}
      {dismissed.length ? (
        <details className="findings-group findings-dismissed">
          <summary className="findings-heading">Dismissed ({dismissed.length})</summary>
          <ul className="findings">
            {dismissed.map((f, i) => (
              <DismissedItem key={`${f.key}-${i}`} finding={f} dismissal={byKey.get(f.key) as Dismissal} canRestore={canRestore} restore={restore} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
});
