// Restores the session (or shows sign-in), then the newsroom shell, at the place the address names.
// A call that finds the session ended brings sign-in back with the address kept.
import { useEffect, useState } from 'react';
import { api, onSessionEnded } from '../api/client.js';
import { ConnectionStatus } from '../shell/ConnectionStatus.js';
import { Shell } from '../shell/Shell.js';
import { SignIn } from '../signin/SignIn.js';
import { useNewsroomTimeZone } from './newsroomTimeZone.js';
import { followLocation, useApp } from './store.js';

export function App() {
  const me = useApp((s) => s.me);
  const signedIn = useApp((s) => s.signedIn);
  const [checked, setChecked] = useState(false);
  useNewsroomTimeZone(me !== null);

  useEffect(() => followLocation(), []);
  useEffect(() => onSessionEnded(() => useApp.getState().sessionEnded()), []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const current = await api.session.current({});
        if (current.staff && !cancelled) {
          const all = await api.staff.list({});
          if (!cancelled) signedIn(current.staff, all.staff, all.desks);
        }
      } catch {
        // No session: sign-in shows.
      } finally {
        if (!cancelled) setChecked(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  if (!checked) return <p className="boot">Loading Newsdesk…</p>;
  if (!me) return <SignIn />;
  return (
    <>
      <Shell />
      <ConnectionStatus />
    </>
  );
}
