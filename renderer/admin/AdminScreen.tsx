// "Newsroom settings": the admin's screen (design §1: admins manage staff and settings). Shown
// only to admins; the core refuses everyone else's calls anyway.
import { useApp } from '../app/store.js';
import { AccountLog } from './AccountLog.js';
import { SetAsideNotice } from './SetAsideNotice.js';
import { SettingsForm } from './SettingsForm.js';
import { StaffAdmin } from './StaffAdmin.js';

export const ADMIN_TITLE = 'Newsroom settings';

export function AdminScreen() {
  const staff = useApp((s) => s.staff);
  return (
    <div className="admin">
      <h1 className="admin-title">{ADMIN_TITLE}</h1>
      <SetAsideNotice />
      <StaffAdmin />
      <AccountLog staff={staff} />
      <SettingsForm />
    </div>
  );
}

export default AdminScreen;
