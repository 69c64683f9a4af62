// After the core accepted a password or a setup code: the staff and desks (which need a session),
// then the app shows what the address says.
import type { Staff } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { useApp } from '../app/store.js';

export async function signedInAs(me: Staff): Promise<void> {
  const all = await api.staff.list({});
  useApp.getState().signedIn(me, all.staff, all.desks);
}
