// "Change password": the current one, then the new one twice. The core ends every other session of
// the person and says how many; this one stays signed in.
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { NewPasswordFields } from '../signin/NewPasswordFields.js';
import { newPasswordProblem } from '../signin/passwords.js';
import { passwordChangedMessage } from './sessionWords.js';

export function ChangePasswordForm({ onChanged }: { onChanged(): void }) {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ message: string; field: 'current' | 'new' | null } | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setDone('');
    if (!current) return setError({ message: 'Enter your current password.', field: 'current' });
    const problem = newPasswordProblem(password, repeat);
    if (problem) return setError({ message: problem, field: 'new' });
    setBusy(true);
    setError(null);
    try {
      const { endedSessions } = await api.session.changePassword({ currentPassword: current, newPassword: password });
      setCurrent('');
      setPassword('');
      setRepeat('');
      setDone(passwordChangedMessage(endedSessions));
      onChanged();
    } catch (err) {
      setError({ message: toUiError(err).message, field: null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card account-password" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-title`}>Change password</h2>
      <p className="muted small">Changing it signs you out everywhere else.</p>
      <div className="field">
        <label htmlFor={`${id}-current`}>Current password</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          value={current}
          aria-invalid={error?.field === 'current' ? true : undefined}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} invalid={error?.field === 'new'} />
      {error ? (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      ) : null}
      <p className="admin-notice" role="status">
        {done}
      </p>
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
