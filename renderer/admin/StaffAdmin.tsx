// Staff management for admins: who works here, their roles and desks, whether they may still
// sign in. The core decides (an unknown desk, an e-mail in use, the last admin); its refusals are
// shown in its own words.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Role, Staff } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { ROLE_LABELS } from '../app/format.js';
import { useApp } from '../app/store.js';
import { Dialog } from '../ui/Dialog.js';
import { DeskChecks, RoleChecks } from './StaffFields.js';

/** Keeps the app's copy of the staff (bylines, sign-in) and of the signed-in person current. */
function publishStaff(staff: Staff[]): void {
  const me = useApp.getState().me;
  const mine = me ? staff.find((s) => s.id === me.id) : undefined;
  useApp.setState(mine ? { staff, me: mine } : { staff });
}

function AddStaffForm({ desks, onAdded }: { desks: string[]; onAdded(staff: Staff): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['reporter']);
  const [chosenDesks, setChosenDesks] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!name.trim()) return setError('Enter the name.');
    if (!email.trim()) return setError('Enter the e-mail address.');
    if (roles.length === 0) return setError('Tick at least one role.');
    setBusy(true);
    try {
      const { staff } = await api.staff.create({ name: name.trim(), email: email.trim(), roles, desks: chosenDesks });
      onAdded(staff);
      setName('');
      setEmail('');
      setRoles(['reporter']);
      setChosenDesks([]);
    } catch (err) {
      setError(toUiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card add-staff" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>Add staff member</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>E-mail</label>
          <input id={`${id}-email`} type="email" value={email} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
        </div>
      </div>
      <div className="field-row">
        <RoleChecks value={roles} onChange={setRoles} />
        <DeskChecks desks={desks} value={chosenDesks} onChange={setChosenDesks} />
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>
          Add staff member
        </button>
      </div>
    </form>
  );
}

function EditStaffDialog({ person, desks, onSaved, onClose }: { person: Staff; desks: string[]; onSaved(staff: Staff): void; onClose(): void }) {
  const id = useId();
  const [name, setName] = useState(person.name);
  const [email, setEmail] = useState(person.email);
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [chosenDesks, setChosenDesks] = useState<string[]>(person.desks);
  const [active, setActive] = useState(person.active);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!name.trim()) return setError('Enter the name.');
    if (roles.length === 0) return setError('Tick at least one role.');
    setBusy(true);
    try {
      const { staff } = await api.staff.update({ id: person.id, name: name.trim(), email: email.trim(), roles, desks: chosenDesks, active });
      onSaved(staff);
    } catch (err) {
      setError(toUiError(err).message);
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Edit ${person.name}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>E-mail</label>
          <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field-row">
          <RoleChecks value={roles} onChange={setRoles} />
          <DeskChecks desks={desks} value={chosenDesks} onChange={setChosenDesks} />
        </div>
        <label className="check-line" htmlFor={`${id}-active`}>
          <input id={`${id}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active
        </label>
        <p className="muted small">Someone who is not active cannot sign in; their stories and bylines stay.</p>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save changes
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function StaffAdmin() {
  const id = useId();
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [desks, setDesks] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    let cancelled = false;
    api.staff
      .list({})
      .then((r) => {
        if (cancelled) return;
        setStaff(r.staff);
        setDesks(r.desks);
      })
      .catch((e: unknown) => !cancelled && setLoadError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, []);

  const replace = (person: Staff) => {
    const next = staff?.some((s) => s.id === person.id) ? (staff ?? []).map((s) => (s.id === person.id ? person : s)) : [...(staff ?? []), person];
    setStaff(next);
    publishStaff(next);
  };

  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Staff</h2>
      {loadError ? (
        <p className="error-text" role="alert">
          {loadError}
        </p>
      ) : null}
      <p className="admin-notice" role="status">
        {notice}
      </p>
      {staff === null && !loadError ? <p className="muted">Loading staff…</p> : null}
      {staff ? (
        <table className="admin-table">
          <caption className="sr-only">Staff</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Roles</th>
              <th scope="col">Desks</th>
              <th scope="col">Active</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((person) => (
              <tr key={person.id} className={person.active ? undefined : 'inactive'}>
                <th scope="row" id={`${id}-p${person.id}`}>
                  {person.name}
                </th>
                <td>{person.email}</td>
                <td>{person.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>{person.desks.length ? person.desks.join(', ') : <span className="muted">None</span>}</td>
                <td>{person.active ? 'Yes' : 'No'}</td>
                <td>
                  <button type="button" className="small-button" aria-describedby={`${id}-p${person.id}`} onClick={() => setEditing(person)}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {staff ? (
        <AddStaffForm
          desks={desks}
          onAdded={(person) => {
            replace(person);
            setNotice(`Added ${person.name}.`);
          }}
        />
      ) : null}
      {editing ? (
        <EditStaffDialog
          person={editing}
          desks={desks}
          onClose={() => setEditing(null)}
          onSaved={(person) => {
            replace(person);
            setEditing(null);
            setNotice(`Saved ${person.name}.`);
          }}
        />
      ) : null}
    </section>
  );
}
