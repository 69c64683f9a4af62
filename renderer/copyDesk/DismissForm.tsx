// The inline form a desk editor fills to set a warning or note aside, or to decide a finding
// that stands in the way of approval: a required note saying why it does not apply or why it may
// stand (kept in the audit trail), and the core's refusal shown in its own words.
// The note and the button are described by the finding's message (`describedBy`), and the button
// stays focusable while the dismissal is sent, so a refusal leaves the focus where it was.
import { useId, useState } from 'react';
import type { FindingClass } from '../../shared/checks/index.js';
import { toUiError } from '../app/errors.js';

const WORDS: Record<Exclude<FindingClass, 'blocking'>, { question: string; button: string }> = {
  decide: { question: 'Why may it stand as written?', button: 'Dismiss with note' },
  warning: { question: 'Why does this not apply?', button: 'Dismiss warning' },
  info: { question: 'Why does this not apply?', button: 'Dismiss note' },
};

export function DismissForm({
  kind,
  describedBy,
  onDismiss,
  onCancel,
}: {
  /** What is dismissed (a blocking finding never is). */
  kind: Exclude<FindingClass, 'blocking'>;
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
  const words = WORDS[kind];
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
      <label htmlFor={`${id}-note`}>{words.question}</label>
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
          {words.button}
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
