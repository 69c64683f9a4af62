// E-mail and password. The core's refusal is shown in its words; too many attempts count down
// until the next may be made, with the button disabled meanwhile.
import { useId, useState, type FormEvent, type RefObject } from 'react';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { retryAfterSeconds, tryAgainIn } from './retryAfter.js';
import { signedInAs } from './signedInAs.js';
import { useCountdown } from './useCountdown.js';

export interface Credentials {
  email: string;
  password: string;
}

export function SignInForm({
  credentials,
  setCredentials,
  submitRef,
  onSetupCode,
}: {
  credentials: Credentials;
  setCredentials(c: Credentials): void;
  /** The "Sign in" button, for a demo account's button to move the focus to. */
  submitRef: RefObject<HTMLButtonElement | null>;
  onSetupCode(): void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const left = useCountdown(blockedUntil);
  const blocked = left > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || blocked) return;
    const email = credentials.email.trim();
    if (!email || !credentials.password) {
      setError(!email ? 'Enter your e-mail address.' : 'Enter your password.');
      return;
    }
    setBusy(true);
    setError(null);
    setBlockedUntil(null);
    try {
      const { staff } = await api.session.signIn({ email, password: credentials.password });
      await signedInAs(staff);
    } catch (err) {
      const ui = toUiError(err);
      const wait = ui.code === 'RATE_LIMITED' ? retryAfterSeconds(ui.details) : null;
      if (wait !== null) setBlockedUntil(Date.now() + wait * 1000);
      setError(wait !== null ? null : ui.message);
      setBusy(false);
    }
  };

  return (
    <form className="signin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-title`} className="sr-only">
        Sign in
      </h2>
      <div className="field">
        <label htmlFor={`${id}-email`}>E-mail</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          autoFocus
          spellCheck={false}
          value={credentials.email}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setCredentials({ ...credentials, email: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={credentials.password}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setCredentials({ ...credentials, password: e.target.value })}
        />
      </div>
      {blocked ? (
        // Announced once when it appears; the seconds then count down silently (a timer is not live).
        <p className="error-text" role="alert">
          <span role="timer">{tryAgainIn(left)}</span>
        </p>
      ) : error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions signin-actions">
        <button ref={submitRef} type="submit" className="primary" disabled={busy || blocked}>
          Sign in
        </button>
        <button type="button" className="link-button" onClick={onSetupCode}>
          I have a setup code
        </button>
      </div>
    </form>
  );
}
