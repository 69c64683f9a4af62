// Setting a password with a one-time setup code: a person an admin added (or whose password was
// reset), or the first admin of an empty newsroom, who also gives their name and e-mail. The code
// signs them in at once.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { newPasswordProblem } from './passwords.js';
import { signedInAs } from './signedInAs.js';

export function SetupForm({ firstAdmin, initialCode, onCancel }: { firstAdmin: boolean; initialCode: string; onCancel: (() => void) | null }) {
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ message: string; field: 'code' | 'name' | 'email' | 'passwords' | null } | null>(null);
  const [busy, setBusy] = useState(false);
  // The field a problem is about takes the focus, so the person types the fix at once.
  useEffect(() => {
    if (error?.field && error.field !== 'passwords') document.getElementById(`${id}-${error.field}`)?.focus();
  }, [error, id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!code.trim()) return setError({ message: 'Enter the setup code.', field: 'code' });
    if (firstAdmin && !name.trim()) return setError({ message: 'Enter your name.', field: 'name' });
    if (firstAdmin && !email.trim()) return setError({ message: 'Enter your e-mail address.', field: 'email' });
    const problem = newPasswordProblem(password, repeat);
    if (problem) return setError({ message: problem, field: 'passwords' });
    setBusy(true);
    setError(null);
    try {
      const { staff } = await api.session.setUp({ code: code.trim(), password, ...(firstAdmin ? { name: name.trim(), email: email.trim() } : {}) });
      await signedInAs(staff);
    } catch (err) {
      setError({ message: toUiError(err).message, field: null });
      setBusy(false);
    }
  };

  return (
    <form className="signin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-title`}>{firstAdmin ? 'Set up this newsroom' : 'Set your password'}</h2>
      {firstAdmin ? (
        <p className="signin-lead">
          This newsroom has no administrator yet. You will be its first. The setup code is printed in the server’s console when it starts
          {initialCode ? '; this computer has filled it in for you.' : '.'}
        </p>
      ) : (
        <p className="signin-lead">Type the setup code your administrator gave you, then choose your password.</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-code`}>Setup code</label>
        <input
          id={`${id}-code`}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="characters"
          autoFocus={!initialCode}
          value={code}
          aria-invalid={error?.field === 'code' ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      {firstAdmin ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Your name</label>
            <input
              id={`${id}-name`}
              autoComplete="name"
              autoFocus={!!initialCode}
              value={name}
              aria-invalid={error?.field === 'name' ? true : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>Your e-mail</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="email"
              spellCheck={false}
              value={email}
              aria-invalid={error?.field === 'email' ? true : undefined}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
        </>
      ) : null}
      <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} invalid={error?.field === 'passwords'} />
      {error ? (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="row-actions signin-actions">
        <button type="submit" className="primary" disabled={busy}>
          {firstAdmin ? 'Set up and sign in' : 'Set password and sign in'}
        </button>
        {onCancel ? (
          <button type="button" className="link-button" onClick={onCancel}>
            Back to sign in
          </button>
        ) : null}
      </div>
    </form>
  );
}
