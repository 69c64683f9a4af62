// "Your account": who the person is signed in as, their password and where they are signed in.
// Every signed-in person has it (#/account, from the sidebar's "Your account").
import { useState } from 'react';
import { ROLE_LABELS } from '../app/format.js';
import { useApp } from '../app/store.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { YourSessions } from './YourSessions.js';

export function AccountScreen() {
  const me = useApp((s) => s.me);
  const [changed, setChanged] = useState(0);
  if (!me) return null;
  return (
    <div className="admin account">
      <h1 className="admin-title">Your account</h1>
      <p className="account-who">
        <strong>{me.name}</strong> · {me.email} · {me.roles.map((r) => ROLE_LABELS[r]).join(', ')}
      </p>
      <ChangePasswordForm onChanged={() => setChanged((n) => n + 1)} />
      <YourSessions changed={changed} />
    </div>
  );
}

export default AccountScreen;
