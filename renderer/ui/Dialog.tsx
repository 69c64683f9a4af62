// A real modal dialog: the native <dialog> opened with showModal() makes the page behind it
// inert (focus stays inside), Escape closes it, and its heading names it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element (the header's Close button), and React's
    // autoFocus ran before the dialog was open; so focus the field the dialog is for.
    const first = dialog.querySelector<HTMLElement>(
      '[data-autofocus], input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), select:not([disabled])',
    );
    first?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      // Give focus back to whatever opened the dialog.
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="quiet" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

/** A dialog asking for a note (send back, kill, correct, force unlock) and/or a confirmation. */
export function NoteDialog({
  title,
  message,
  confirmLabel,
  needNote,
  danger = false,
  busy = false,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  message?: string;
  confirmLabel: string;
  needNote: boolean;
  danger?: boolean;
  busy?: boolean;
  error?: ReactNode;
  onConfirm(note: string): void;
  onClose(): void;
}) {
  const noteId = useId();
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const note = String(new FormData(e.currentTarget).get('note') ?? '').trim();
          if (needNote && !note) return;
          onConfirm(note);
        }}
      >
        {message ? <p>{message}</p> : null}
        {needNote ? (
          <div className="field">
            <label htmlFor={noteId}>Note</label>
            <textarea id={noteId} name="note" rows={5} required autoFocus />
          </div>
        ) : null}
        {error}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy} data-autofocus={needNote ? undefined : true}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
