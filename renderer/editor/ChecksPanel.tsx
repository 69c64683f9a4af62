// Copy-check findings from the core (stories.check), refreshed after each save. A finding with a
// text range selects those words in the body.
import { useEffect, useState } from 'react';
import type { Finding } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';

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

export function ChecksPanel({ storyId, version, onSelect }: { storyId: number; version: number; onSelect(f: Finding): void }) {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(() => {
      api.stories
        .check({ id: storyId })
        .then((r) => !cancelled && (setFindings(r.findings), setError(null)))
        .catch((e: unknown) => !cancelled && setError(toUiError(e).message));
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [storyId, version]);
  if (error) return <p className="error-text">{error}</p>;
  if (!findings) return <p className="muted">Checking…</p>;
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  return (
    <div>
      <p className="muted">
        {findings.length === 0 ? 'No problems found.' : `${findings.length} finding${findings.length === 1 ? '' : 's'}, ${blocking} blocking.`}
      </p>
      <FindingList findings={findings} onSelect={onSelect} />
    </div>
  );
}
