// Restores the session (or shows sign-in), then the newsroom shell, at the place the address names.
// A call that finds the session ended brings sign-in back with the address kept. A desktop that
// has not chosen its newsroom yet (its first run) shows the chooser first; File ▸ Newsroom…
// opens it over whatever shows, and a choice starts the app again on the newsroom chosen.
import { useEffect, useState } from 'react';
import type { DesktopStatus } from '../../shared/domain.js';
import { api, onSessionEnded, shell } from '../api/client.js';
import { followDesktop, loadDesktopStatus, useDesktop } from '../newsroom/desktopStore.js';
import { CertificateChangedScreen, ChooserDialog, FirstRunScreen } from '../newsroom/NewsroomScreens.js';
import { OutboxDialog } from '../newsroom/OutboxDialog.js';
import { ConnectionStatus } from '../shell/ConnectionStatus.js';
import { Shell } from '../shell/Shell.js';
import { SignIn } from '../signin/SignIn.js';
import { useNewsroomTimeZone } from './newsroomTimeZone.js';
import { followLocation, useApp } from './store.js';

export function App() {
  const me = useApp((s) => s.me);
  const signedIn = useApp((s) => s.signedIn);
  const [checked, setChecked] = useState(false);
  const [firstRun, setFirstRun] = useState(false);
  // Bumped when the person chose another newsroom: the session is looked for again there.
  const [boot, setBoot] = useState(0);
  const status = useDesktop((s) => s.status);
  const choosing = useDesktop((s) => s.choosing);
  const outboxOpen = useDesktop((s) => s.outboxOpen);
  useNewsroomTimeZone(me !== null);

  useEffect(() => followLocation(), []);
  useEffect(() => onSessionEnded(() => useApp.getState().sessionEnded()), []);
  useEffect(() => followDesktop(me !== null), [me]);
  // File ▸ Newsroom… in the desktop app's menu (stand-ins for the shell in tests may lack it).
  useEffect(() => (typeof shell?.onNewsroomMenu === 'function' ? shell.onNewsroomMenu(() => useDesktop.getState().setChoosing(true)) : undefined), []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const desktop = await loadDesktopStatus();
        if (cancelled) return;
        if (desktop && !desktop.chosen) {
          setFirstRun(true);
          return;
        }
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
  }, [signedIn, boot]);

  /** A newsroom was chosen: signed in already (a server, from the chooser), or look for the session again. */
  const chosen = (_status: DesktopStatus, alreadySignedIn: boolean) => {
    useDesktop.getState().setChoosing(false);
    setFirstRun(false);
    if (alreadySignedIn) return;
    if (useApp.getState().me) useApp.getState().signedOut();
    setChecked(false);
    setBoot((b) => b + 1);
  };

  const chooser = choosing ? <ChooserDialog onChosen={chosen} /> : null;
  if (firstRun) return <FirstRunScreen onChosen={chosen} />;
  if (!checked) return <p className="boot">Loading Newsdesk…</p>;
  if (status?.server?.certificateChanged && !me) {
    return (
      <>
        <CertificateChangedScreen status={status} />
        {chooser}
      </>
    );
  }
  if (!me) {
    return (
      <>
        <SignIn />
        {chooser}
      </>
    );
  }
  return (
    <>
      <Shell />
      <ConnectionStatus />
      {outboxOpen ? <OutboxDialog /> : null}
      {chooser}
    </>
  );
}
