// Small display helpers: times, roles, statuses.
import { create } from 'zustand';
import type { Role, Status } from '../../shared/domain.js';
import { effectiveTimeZone, machineTimeZone, offsetLabel, offsetMinutes, wallClock, zonedTimeToDate } from '../../shared/timeZone.js';

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

// Every time the UI shows is in the newsroom's time zone (settings.timeZone; null: this
// computer's own). The zone is set once the settings are read (useNewsroomTimeZone) and whenever
// they change; components that show times re-render through useTimeZone.

interface Formats {
  zone: string;
  time: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  full: Intl.DateTimeFormat;
  /** The calendar day, to tell "today" in the newsroom's zone. */
  day: Intl.DateTimeFormat;
}

function formatsFor(zone: string): Formats {
  return {
    zone,
    time: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }),
    date: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: zone }),
    full: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
    day: new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }),
  };
}

let formats = formatsFor(machineTimeZone());

/** The zone times are shown in now, and the newsroom's setting it came from (null: this computer's own). */
export const useTimeZone = create<{ zone: string; setting: string | null }>(() => ({ zone: formats.zone, setting: null }));

/** Shows every time from now on in `setting` (null, or a zone this browser does not know: this computer's own). */
export function setTimeZone(setting: string | null): void {
  const zone = effectiveTimeZone(setting);
  if (zone === formats.zone && setting === useTimeZone.getState().setting) return;
  try {
    formats = formatsFor(zone);
  } catch {
    formats = formatsFor(machineTimeZone());
  }
  useTimeZone.setState({ zone: formats.zone, setting });
}

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** "14:05" today, "3 Nov 14:05" otherwise (today and the time in the newsroom's zone). */
export function shortTime(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return '';
  const { time, date, day } = formats;
  return day.format(d) === day.format(now) ? time.format(d) : `${date.format(d)} ${time.format(d)}`;
}

export function fullTime(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? formats.full.format(d) : '';
}

/** "UTC+9": how far the newsroom's zone is from UTC at `at`, for a hint beside a time a person enters. */
export function zoneOffsetLabel(at: Date = new Date()): string {
  return offsetLabel(offsetMinutes(at, formats.zone));
}

/** The date ("2023-04-18") and time ("09:30") a clock in the newsroom's zone shows at `d`, as date and time inputs take them. */
export function zonedInputValues(d: Date): { date: string; time: string } {
  const c = wallClock(d, formats.zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${c.year}-${pad(c.month)}-${pad(c.day)}`, time: `${pad(c.hour)}:${pad(c.minute)}` };
}

/** The instant a date and time typed for the newsroom's zone name, as ISO (UTC); null when they are no date and time. */
export function zonedInputToIso(date: string, time: string): string | null {
  return zonedTimeToDate(date, time, formats.zone)?.toISOString() ?? null;
}
