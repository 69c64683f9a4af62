// A connected desktop's connection, in the shell's status area: "Online", "Offline — 3 changes
// waiting", "Sending 2 of 3…". It is a button: the outbox view lists what waits and why.
import { connectionLabel, connectionTone, isConnectedDesktop } from './desktopWords.js';
import { useDesktop } from './desktopStore.js';

export function ConnectionIndicator() {
  const status = useDesktop((s) => s.status);
  const open = useDesktop((s) => s.setOutboxOpen);
  if (!isConnectedDesktop(status)) return null;
  const label = connectionLabel(status);
  return (
    <button type="button" className={`connection-indicator connection-${connectionTone(status)}`} aria-haspopup="dialog" onClick={() => open(true)}>
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </button>
  );
}
