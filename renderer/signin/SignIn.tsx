// Sign in by picking a staff member: name, roles and desks shown.
import { useEffect, useState } from 'react';
import type { Staff } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { ROLE_LABELS } from '../app/format.js';
import { useApp } from '../app/store.js';

export function SignIn() {
  const signedIn = useApp((s) => s.signedIn);
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [desks, setDesks] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    api.staff
      .list({})
      .then((r) => {
        setStaff(r.staff.filter((s) => s.active !== false));
        setDesks(r.desks);
      })
      .catch((e: unknown) => setError(toUiError(e).message));
  }, []);

  const signInAs = async (person: Staff) => {
    setBusy(person.id);
    setError(null);
    try {
      const r = await api.session.signIn({ staffId: person.id });
      const all = await api.staff.list({});
      signedIn(r.staff, all.staff, all.desks.length ? all.desks : desks);
    } catch (e) {
      setError(toUiError(e).message);
      setBusy(null);
    }
  };

  return (
    <main className="signin">
      <div className="signin-card">
        <h1>Newsdesk</h1>
        <p className="signin-lead">Choose who you are to sign in.</p>
        {error ? (
          <p className="error-banner" role="alert">
            {error}
          </p>
        ) : null}
        {staff === null && !error ? <p>Loading staff…</p> : null}
        <ul className="signin-list">
          {staff?.map((person) => (
            <li key={person.id}>
              <button type="button" className="signin-person" disabled={busy !== null} onClick={() => void signInAs(person)}>
                <span className="signin-name">{person.name}</span>
                <span className="signin-roles">{person.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
                <span className="signin-desks">{person.desks.length ? person.desks.join(', ') : 'No desk'}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
