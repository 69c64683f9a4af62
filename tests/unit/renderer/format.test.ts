// Times the UI shows are in the newsroom's time zone: full and short times, what counts as
// "today", a zone this browser does not know, and the date and time a person types for the zone.
import { afterEach, describe, expect, it } from 'vitest';
import { fullTime, setTimeZone, shortTime, useTimeZone, zonedInputToIso, zonedInputValues, zoneOffsetLabel } from '../../../renderer/app/format.js';
import { machineTimeZone } from '../../../shared/timeZone.js';

const at = (iso: string) => new Date(iso);
const inZone = (zone: string, options: Intl.DateTimeFormatOptions, iso: string) => new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }).format(at(iso));
const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

afterEach(() => setTimeZone(null));

describe('times in the newsroom’s zone', () => {
  it('fullTime shows the time in the zone set, and follows a change of zone', () => {
    const iso = '2023-04-17T16:05:00.000Z';
    setTimeZone('UTC');
    const utc = fullTime(iso);
    expect(utc).toBe(inZone('UTC', FULL, iso));
    setTimeZone('Asia/Seoul');
    expect(fullTime(iso)).toBe(inZone('Asia/Seoul', FULL, iso));
    expect(fullTime(iso)).not.toBe(utc);
    expect(useTimeZone.getState()).toEqual({ zone: 'Asia/Seoul', setting: 'Asia/Seoul' });
  });

  it('shortTime shows only the time for today in the zone, where the date line falls', () => {
    const now = at('2023-04-17T20:00:00.000Z'); // 05:00 on 18 April in Seoul
    const lateUtc = '2023-04-17T16:05:00.000Z'; // 01:05 on 18 April in Seoul
    const earlyUtc = '2023-04-17T14:00:00.000Z'; // 23:00 on 17 April in Seoul
    setTimeZone('UTC');
    expect(shortTime(lateUtc, now)).toBe(inZone('UTC', TIME, lateUtc));
    expect(shortTime(earlyUtc, now)).toBe(inZone('UTC', TIME, earlyUtc));
    setTimeZone('Asia/Seoul');
    expect(shortTime(lateUtc, now)).toBe(inZone('Asia/Seoul', TIME, lateUtc));
    expect(shortTime(earlyUtc, now)).toBe(`${inZone('Asia/Seoul', DATE, earlyUtc)} ${inZone('Asia/Seoul', TIME, earlyUtc)}`);
  });

  it('unset, or a zone this browser does not know, is this computer’s own; nothing and junk show nothing', () => {
    const iso = '2023-04-17T16:05:00.000Z';
    setTimeZone(null);
    expect(useTimeZone.getState()).toEqual({ zone: machineTimeZone(), setting: null });
    expect(fullTime(iso)).toBe(inZone(machineTimeZone(), FULL, iso));
    setTimeZone('Mars/Olympus_Mons');
    expect(useTimeZone.getState().zone).toBe(machineTimeZone());
    expect(fullTime(iso)).toBe(inZone(machineTimeZone(), FULL, iso));
    expect([fullTime(null), fullTime(''), fullTime('not a time'), shortTime(undefined), shortTime('yesterday')]).toEqual(['', '', '', '', '']);
  });

  it('a date and time typed for the zone name the instant there, and back', () => {
    setTimeZone('Asia/Seoul');
    expect(zonedInputToIso('2023-04-18', '09:30')).toBe('2023-04-18T00:30:00.000Z');
    expect(zonedInputValues(at('2023-04-18T00:30:00.000Z'))).toEqual({ date: '2023-04-18', time: '09:30' });
    expect(zoneOffsetLabel(at('2023-04-18T00:30:00.000Z'))).toBe('UTC+9');
    expect(zonedInputToIso('2023-04-18', '')).toBeNull();
    expect(zonedInputToIso('18/04/2023', '09:30')).toBeNull();
    setTimeZone('America/New_York');
    expect(zonedInputToIso('2023-07-04', '12:00')).toBe('2023-07-04T16:00:00.000Z');
    expect(zonedInputToIso('2023-01-04', '12:00')).toBe('2023-01-04T17:00:00.000Z');
    // Clocks skip 02:30 on 12 March (it comes out as 03:30) and pass 01:30 twice on 5 November (the first).
    expect(zonedInputToIso('2023-03-12', '02:30')).toBe('2023-03-12T07:30:00.000Z');
    expect(zonedInputToIso('2023-11-05', '01:30')).toBe('2023-11-05T05:30:00.000Z');
    expect(zoneOffsetLabel(at('2023-01-04T17:00:00.000Z'))).toBe('UTC-5');
  });
});
