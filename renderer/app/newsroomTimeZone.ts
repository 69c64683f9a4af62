// The newsroom's time zone for every time the UI shows (format.ts): read with the settings once
// someone is signed in, and again when an admin changes it, in this window or another.
import { useEffect } from 'react';
import { api } from '../api/client.js';
import { setTimeZone, useTimeZone } from './format.js';

/** Call in the component above every screen: it re-renders when the zone changes, so shown times follow. */
export function useNewsroomTimeZone(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    const load = () =>
      api.settings
        .get({})
        .then((r) => !cancelled && setTimeZone(r.settings.timeZone))
        // Offline or refused: times stay in the zone known so far.
        .catch(() => undefined);
    void load();
    const off = api.onEvent((event) => {
      if ((event.type === 'settings.changed' && event.keys.includes('timeZone')) || event.type === 'resync') void load();
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [signedIn]);
  useTimeZone((s) => s.zone);
}
