// The inline form a desk editor fills to set a warning or note aside: a required note saying
// why it does not apply (kept in the audit trail), and the core's refusal shown in its own words.
// The note and the button are described by the finding's message (`describedBy`), and the button
// stays focusable while the dismissal is sent, so a refusal leaves the focus where it was.
import { useId, useState } from 'react';
import type { Severity } from '../../shared/domain.js';
import { toUiError } from '../app/errors.js';

export function DismissForm({
  severity,
  describedBy,
  onDismiss,
  onCancel,
}: {
  severity: Severity;
  /** The id of the finding's message. */
  describedBy?: string;
  onDismiss(note: string): Promise<void>;
  onCancel(): void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = `${id}-error`;
  return (
    <form
      className="dismiss-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        if (!note.trim()) return setError('Say why this does not apply.');
        setBusy(true);
        setError(null);
        onDismiss(note.trim())
          .catch((err: unknown) => setError(toUiError(err).message))
          .finally(() => setBusy(false));
      }}
    >
      <label htmlFor={`${id}-note`}>Why does this not apply?</label>
      <textarea
        id={`${id}-note`}
        rows={3}
        required
        autoFocus
        maxLength={2000}
        value={note}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      {error ? (
        <p id={errorId} className="error-text small" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="small-button primary" aria-disabled={busy ? true : undefined} aria-describedby={describedBy}>
          {severity === 'info' ? 'Dismiss note' : 'Dismiss warning'}
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
