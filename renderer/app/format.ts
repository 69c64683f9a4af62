// Small display helpers: times, roles, statuses.
import type { Role, Status } from '../../shared/domain.js';

export const ROLE_LABELS: Record<Role, string> = {
  reporter: 'Reporter',
  desk_editor: 'Desk editor',
  photo_editor: 'Photo editor',
  admin: 'Admin',
};

export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  editing: 'In edit',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  killed: 'Killed',
  spiked: 'Spiked',
};

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "3 Nov 14:05" otherwise. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const today = new Date();
  return d.toDateString() === today.toDateString() ? timeFmt.format(d) : `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

export function fullTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : fullFmt.format(d);
}
