// "Your sessions": where the person is signed in. Another session can be signed out on its own;
// "Sign out everywhere" (after a confirmation) ends them all, this one too.
import { useCallback, useEffect, useId, useState } from 'react';
import type { SessionInfo } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { useApp } from '../app/store.js';
import { NoteDialog } from '../ui/Dialog.js';
import { SessionTable } from './SessionTable.js';

/** `changed` moves when something elsewhere on the screen ended sessions (a password change): the list is read again. */
export function YourSessions({ changed }: { changed: number }) {
  const id = useId();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    try {
      setSessions((await api.session.list({})).sessions);
      setError(null);
    } catch (e) {
      setError(toUiError(e).message);
    }
  }, []);
  useEffect(() => void load(), [load, changed]);

  const end = async (session: SessionInfo) => {
    setBusy(true);
    setNotice('');
    try {
      await api.session.end({ id: session.id });
      setNotice(`Signed out ${session.device}.`);
      await load();
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const everywhere = async () => {
    setBusy(true);
    try {
      await api.session.end({ everywhere: true });
      // This session ended too: back to sign-in, as after "Sign out".
      useApp.getState().signedOut();
    } catch (e) {
      setError(toUiError(e).message);
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section className="admin-card account-sessions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your sessions</h2>
      <p className="muted small">Where you are signed in now. Sign out a browser or computer you no longer use, or one you do not recognise.</p>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p className="admin-notice" role="status">
        {notice}
      </p>
      {sessions === null && !error ? <p className="muted">Loading your sessions…</p> : null}
      {sessions ? (
        <SessionTable
          caption="Your sessions"
          sessions={sessions}
          action={(s, labelId) =>
            s.current ? null : (
              <button type="button" className="small-button" aria-describedby={labelId} disabled={busy} onClick={() => void end(s)}>
                Sign out
              </button>
            )
          }
        />
      ) : null}
      <div className="row-actions">
        <button type="button" className="danger-outline" disabled={busy || !sessions} onClick={() => setConfirming(true)}>
          Sign out everywhere
        </button>
      </div>
      {confirming ? (
        <NoteDialog
          title="Sign out everywhere?"
          message="Every browser and computer signed in as you is signed out, this one too. You will need your password to sign in again."
          confirmLabel="Sign out everywhere"
          needNote={false}
          danger
          busy={busy}
          onConfirm={() => void everywhere()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
