// The newsroom's time zone (settings.timeZone, an IANA name such as Asia/Seoul; unset: the
// computer's own) and the arithmetic on it that Intl does not offer: what counts as a zone, how
// far from UTC a zone is at an instant, and which instant a wall-clock time in a zone names.
// The core's published pages and the renderer both read times through here.

/** The computer's own zone: the core's machine for published pages, the browser's for the UI. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone times are shown in: the newsroom's, else the computer's own. */
export function effectiveTimeZone(zone: string | null | undefined): string {
  return zone || machineTimeZone();
}

// Area/Location names and their links (UTC, EST, Etc/GMT+9); never an offset such as +09:00,
// which newer runtimes accept but older ones refuse, so one stored value works everywhere.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * `name` as this runtime spells the zone (Intl matches names without regard to case) when it is
 * an IANA time zone, else null. A link keeps the name it was given (Asia/Kolkata stays
 * Asia/Kolkata where the runtime would say Asia/Calcutta).
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > 64 || !IANA_NAME.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockFormat(zone: string): Intl.DateTimeFormat {
  let f = clocks.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clocks.set(zone, f);
  }
  return f;
}

/** What a clock on the wall in `zone` shows at `date`. Throws RangeError for an unknown zone. */
export function wallClock(date: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of clockFormat(zone).formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

const asUtc = (c: WallClock) => Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);

/** Minutes `zone` is ahead of UTC at `date` (540 for Seoul, -240 for New York in summer). */
export function offsetMinutes(date: Date, zone: string): number {
  const whole = date.getTime() - date.getUTCMilliseconds();
  return Math.round((asUtc(wallClock(date, zone)) - whole) / 60_000);
}

/** "UTC", "UTC+9", "UTC+5:30", "UTC-3:30": the same text in every runtime, whatever its locale data. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const mm = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/**
 * The instant a wall-clock time in `zone` names ("2023-04-18", "09:30" in Asia/Seoul →
 * 2023-04-18T00:30:00.000Z), or null when the text is no date and time. A time the clocks skip
 * (spring forward) comes out an hour later; a time they pass twice (fall back), the first.
 */
export function zonedTimeToDate(date: string, time: string, zone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const wall = { year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +t[1]!, minute: +t[2]!, second: +(t[3] ?? 0) };
  const guess = asUtc(wall);
  if (Number.isNaN(guess) || wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59) return null;
  // The offset an hour either side tells which offset applies; try the earlier one first.
  const before = offsetMinutes(new Date(guess - 3_600_000), zone);
  const after = offsetMinutes(new Date(guess + 3_600_000), zone);
  for (const offset of before <= after ? [after, before] : [before, after]) {
    const candidate = new Date(guess - offset * 60_000);
    if (asUtc(wallClock(candidate, zone)) === guess) return candidate;
  }
  return new Date(guess - Math.min(before, after) * 60_000);
}
