// Staff management for admins: who works here, their roles and desks, whether they may still
// sign in and whether they have set a password. A person added (or whose password is reset) gets
// a setup code, shown once. The core decides (an unknown desk, an e-mail in use, the last admin);
// its refusals are shown in its own words.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Role, SetupCode, Staff } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { ROLE_LABELS } from '../app/format.js';
import { useApp } from '../app/store.js';
import { Dialog, NoteDialog } from '../ui/Dialog.js';
import { SetupCodeDialog } from './SetupCodeDialog.js';
import { StaffSessionsDialog } from './StaffSessionsDialog.js';
import { DeskChecks, RoleChecks } from './StaffFields.js';

/** Keeps the app's copy of the staff (bylines, sign-in) and of the signed-in person current. */
function publishStaff(staff: Staff[]): void {
  const me = useApp.getState().me;
  const mine = me ? staff.find((s) => s.id === me.id) : undefined;
  useApp.setState(mine ? { staff, me: mine } : { staff });
}

function AddStaffForm({ desks, onAdded }: { desks: string[]; onAdded(staff: Staff, setup: SetupCode): void }) {
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
      const { staff, setup } = await api.staff.create({ name: name.trim(), email: email.trim(), roles, desks: chosenDesks });
      onAdded(staff, setup);
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

/** Resets a person's password after asking; the new setup code is shown the way an added person's is. */
function ResetPasswordDialog({ person, onReset, onClose }: { person: Staff; onReset(setup: SetupCode): void; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <NoteDialog
      title={`Reset ${person.name}’s password?`}
      message={`${person.name} is signed out everywhere and cannot sign in until they set a new password with the setup code you are given next.`}
      confirmLabel="Reset password"
      needNote={false}
      danger
      busy={busy}
      error={
        error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null
      }
      onClose={onClose}
      onConfirm={() => {
        setBusy(true);
        setError(null);
        api.staff
          .resetPassword({ id: person.id })
          .then((r) => onReset(r.setup))
          .catch((e: unknown) => {
            setError(toUiError(e).message);
            setBusy(false);
          });
      }}
    />
  );
}

type StaffDialog =
  | { kind: 'edit'; person: Staff }
  | { kind: 'reset'; person: Staff }
  | { kind: 'sessions'; person: Staff }
  | { kind: 'code'; person: Staff; setup: SetupCode; reset: boolean };

export function StaffAdmin() {
  const id = useId();
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [desks, setDesks] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<StaffDialog | null>(null);
  const [notice, setNotice] = useState('');
  const close = () => setDialog(null);

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
              <th scope="col">Password</th>
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
                <td className="staff-email">{person.email}</td>
                <td>{person.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>{person.desks.length ? person.desks.join(', ') : <span className="muted">None</span>}</td>
                <td>{person.active ? 'Yes' : 'No'}</td>
                <td>{person.passwordSet ? 'Set' : <span className="muted">Has not set a password yet</span>}</td>
                <td>
                  <div className="staff-actions">
                    <button type="button" className="small-button" aria-describedby={`${id}-p${person.id}`} onClick={() => setDialog({ kind: 'edit', person })}>
                      Edit
                    </button>
                    <button type="button" className="small-button" aria-describedby={`${id}-p${person.id}`} onClick={() => setDialog({ kind: 'reset', person })}>
                      Reset password
                    </button>
                    <button type="button" className="small-button" aria-describedby={`${id}-p${person.id}`} onClick={() => setDialog({ kind: 'sessions', person })}>
                      Sessions
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {staff ? (
        <AddStaffForm
          desks={desks}
          onAdded={(person, setup) => {
            replace(person);
            setNotice(`Added ${person.name}.`);
            setDialog({ kind: 'code', person, setup, reset: false });
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditStaffDialog
          person={dialog.person}
          desks={desks}
          onClose={close}
          onSaved={(person) => {
            replace(person);
            close();
            setNotice(`Saved ${person.name}.`);
          }}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordDialog
          person={dialog.person}
          onClose={close}
          onReset={(setup) => {
            const person = { ...dialog.person, passwordSet: false };
            replace(person);
            setNotice(`Reset ${person.name}’s password.`);
            setDialog({ kind: 'code', person, setup, reset: true });
          }}
        />
      ) : null}
      {dialog?.kind === 'sessions' ? <StaffSessionsDialog person={dialog.person} onClose={close} /> : null}
      {dialog?.kind === 'code' ? <SetupCodeDialog name={dialog.person.name} setup={dialog.setup} reset={dialog.reset} onClose={close} /> : null}
    </section>
  );
}
