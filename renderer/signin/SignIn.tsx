// The sign-in screen: e-mail and password, or a setup code to set a password with. What it offers
// comes from the core before anyone is signed in (session.access): a demo newsroom names its
// password and its accounts, an empty one opens on setting up its first admin. A session that
// ended while the app was open says so here.
import { useEffect, useRef, useState } from 'react';
import type { NewsroomAccess } from '../../shared/domain.js';
import { api, shell } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { useApp } from '../app/store.js';
import { useDesktop } from '../newsroom/desktopStore.js';
import { isConnectedDesktop, waitingForSignIn } from '../newsroom/desktopWords.js';
import { NewsroomButton } from '../newsroom/NewsroomButton.js';
import { DemoAccounts } from './DemoAccounts.js';
import { SetupForm } from './SetupForm.js';
import { SignInForm, type Credentials } from './SignInForm.js';

type Mode = 'signIn' | 'setupCode' | 'firstAdmin';

export function SignIn() {
  const ended = useApp((s) => s.ended);
  // A connected desktop whose server asked it to sign in again, with changes waiting to be sent.
  const waiting = useDesktop((s) => (isConnectedDesktop(s.status) && (s.status.needsSignIn || s.status.waiting > 0) ? s.status.waiting : 0));
  const server = useDesktop((s) => (isConnectedDesktop(s.status) ? (s.status.server?.url ?? null) : null));
  const [access, setAccess] = useState<NewsroomAccess | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('signIn');
  const [firstCode, setFirstCode] = useState('');
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const a = await api.session.access({});
        // The desktop app is its own server: it hands the first admin's code, which a server prints in its console.
        const code = a.needsFirstAdmin && shell ? await shell.firstAdminSetupCode().catch(() => null) : null;
        if (cancelled) return;
        setAccess(a);
        if (a.needsFirstAdmin) {
          setFirstCode(code ?? '');
          setMode('firstAdmin');
        }
      } catch (e) {
        if (!cancelled) setLoadError(toUiError(e).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="signin">
      <div className="signin-card">
        <h1>Newsdesk</h1>
        {ended ? (
          <p className="banner banner-warning signin-ended" role="alert">
            Your session ended. Sign in again.
          </p>
        ) : null}
        {waiting > 0 ? (
          <p className="banner banner-warning signin-waiting" role="status">
            {waitingForSignIn(waiting)}
          </p>
        ) : null}
        {server ? <p className="muted signin-server">Newsroom server: {server}</p> : null}
        {loadError ? (
          <p className="error-banner" role="alert">
            {loadError}
          </p>
        ) : null}
        {!access && !loadError ? <p className="muted">Loading…</p> : null}
        {access && mode === 'signIn' ? (
          <>
            <p className="signin-lead">Sign in with your e-mail address and password.</p>
            <SignInForm credentials={credentials} setCredentials={setCredentials} submitRef={submitRef} onSetupCode={() => setMode('setupCode')} />
            {access.demo ? (
              <DemoAccounts
                access={access}
                onChoose={(email, password) => {
                  setCredentials({ email, password });
                  submitRef.current?.focus();
                }}
              />
            ) : null}
          </>
        ) : null}
        {access && mode !== 'signIn' ? (
          <SetupForm
            firstAdmin={mode === 'firstAdmin'}
            initialCode={mode === 'firstAdmin' ? firstCode : ''}
            onCancel={mode === 'firstAdmin' ? null : () => setMode('signIn')}
          />
        ) : null}
        <div className="signin-newsroom">
          <NewsroomButton className="link-button" label="Choose another newsroom…" />
        </div>
      </div>
    </main>
  );
}
