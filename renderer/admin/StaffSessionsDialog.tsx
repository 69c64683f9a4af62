// An admin's view of where a person is signed in, and "Sign out everywhere" for them (a lost
// laptop, someone leaving).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionInfo, Staff } from '../../shared/domain.js';
import { SessionTable } from '../account/SessionTable.js';
import { endedSessionsMessage } from '../account/sessionWords.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { Dialog } from '../ui/Dialog.js';

export function StaffSessionsDialog({ person, onClose }: { person: Staff; onClose(): void }) {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The button that asked is replaced by the question: the focus goes to its answer.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const load = useCallback(async () => {
    try {
      setSessions((await api.staff.sessions({ staffId: person.id })).sessions);
    } catch (e) {
      setError(toUiError(e).message);
    }
  }, [person.id]);
  useEffect(() => void load(), [load]);

  const endAll = async () => {
    setBusy(true);
    setError(null);
    try {
      const { ended } = await api.staff.endSessions({ staffId: person.id });
      setNotice(endedSessionsMessage(person.name, ended));
      setConfirming(false);
      await load();
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog wide title={`Sessions of ${person.name}`} onClose={onClose}>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p className="admin-notice" role="status">
        {notice}
      </p>
      {sessions === null && !error ? <p className="muted">Loading sessions…</p> : null}
      {sessions && sessions.length === 0 ? <p className="muted">{person.name} is not signed in anywhere.</p> : null}
      {sessions && sessions.length > 0 ? <SessionTable caption={`Sessions of ${person.name}`} sessions={sessions} /> : null}
      {confirming ? (
        <div className="confirm-inline" role="group" aria-label="Confirm signing out everywhere">
          <p>Sign {person.name} out of every browser and computer? Their unsaved text stays on those computers; they need their password to sign in again.</p>
          <div className="row-actions">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button ref={confirmRef} type="button" className="danger" disabled={busy} onClick={() => void endAll()}>
              Sign out everywhere
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="danger-outline" disabled={busy || !sessions || sessions.length === 0} onClick={() => setConfirming(true)}>
            Sign out everywhere
          </button>
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      )}
    </Dialog>
  );
}
