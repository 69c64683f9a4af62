// Copy-check findings, blocking first. A finding with a text range selects those words in the body.
import type { Finding } from '../../shared/domain.js';

const SEVERITY_LABEL = { blocking: 'Blocking', warning: 'Warning', info: 'Note' } as const;

export function FindingList({ findings, onSelect }: { findings: Finding[]; onSelect?: (f: Finding) => void }) {
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`} className={`finding finding-${f.severity}`}>
          <span className={`sev sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{' '}
          {f.range && onSelect ? (
            <button type="button" className="link-button" onClick={() => onSelect(f)}>
              {f.message}
            </button>
          ) : (
            <span>{f.message}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The copy checks on the text as it stands in the editor, saved or not (the editor runs the check
 * engine itself, a moment after typing stops). What the core finds on submit or approve shows
 * with the refused action in the workflow bar.
 */
export function ChecksPanel({ findings, onSelect }: { findings: Finding[] | null; onSelect(f: Finding): void }) {
  if (!findings) return <p className="muted">Checking…</p>;
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  return (
    <div>
      <p className="muted" role="status">
        {findings.length === 0 ? 'No problems found.' : `${findings.length} finding${findings.length === 1 ? '' : 's'}, ${blocking} blocking.`}
      </p>
      <FindingList findings={findings} onSelect={onSelect} />
      <p className="muted checks-live-note">Checked as you type, including unsaved changes.</p>
    </div>
  );
}
