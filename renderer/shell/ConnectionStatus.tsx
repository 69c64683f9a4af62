// While the connection that carries the change events is down, the shell says "Reconnecting…" (a
// polite status: it is announced, never interrupts); it goes once the connection is back. A
// connection down for a while may mean the session ended rather than the network: the core is
// asked, and a session it no longer knows brings sign-in back. A desktop working with a newsroom
// server also shows its own connection there (ConnectionIndicator), which opens the outbox.
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../shared/contract.js';
import { api } from '../api/client.js';
import { useApp } from '../app/store.js';
import { ConnectionIndicator } from '../newsroom/ConnectionIndicator.js';

/** How long the connection is down before asking whether the session is still there. */
const ASK_AFTER_MS = 3000;

export function ConnectionStatus() {
  const [state, setState] = useState<ConnectionState>('online');

  useEffect(() => api.onConnection(setState), []);

  useEffect(() => {
    if (state !== 'reconnecting') return;
    const t = setTimeout(() => {
      api.session
        .current({})
        .then((r) => {
          if (r.staff === null) useApp.getState().sessionEnded();
        })
        // Not reachable: the network, not the session. Keep trying to reconnect.
        .catch(() => undefined);
    }, ASK_AFTER_MS);
    return () => clearTimeout(t);
  }, [state]);

  return (
    <div className="connection-status" role="status" aria-live="polite">
      {state === 'reconnecting' ? <span className="connection-reconnecting">Reconnecting…</span> : null}
      <ConnectionIndicator />
    </div>
  );
}
