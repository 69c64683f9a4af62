// "Take offline" on a connected desktop: the person keeps the story's text lock as a lease that
// lasts days (OFFLINE_LEASE_HOURS), so they can write it on a train and everyone sees who works
// offline on it. Once taken, the bar says until when. It needs the server, so offline it says why.
import { useState } from 'react';
import { OFFLINE_LEASE_HOURS } from '../../shared/contract.js';
import type { Story } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { fullTime } from '../app/format.js';
import { useDesktop } from '../newsroom/desktopStore.js';
import { isConnectedDesktop } from '../newsroom/desktopWords.js';
import { useOfflineControl } from '../newsroom/offline.js';

export function TakeOffline({ story, editable, meId, onTaken }: { story: Story; editable: boolean; meId: number | undefined; onTaken(story: Story): void }) {
  const connected = useDesktop((s) => isConnectedDesktop(s.status));
  const { reason, reasonId } = useOfflineControl('stories.takeOffline', 'Take offline');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!connected || !editable) return null;
  if (story.lock?.offline && story.lock.staffId === meId) {
    return <span className="offline-lease">Kept for offline work until {fullTime(story.lock.expiresAt)}</span>;
  }
  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      onTaken((await api.stories.takeOffline({ id: story.id })).story);
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        disabled={busy || reason !== null}
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? `Keep this story locked to you for up to ${OFFLINE_LEASE_HOURS} hours, to write it without the network.`}
        onClick={() => void take()}
      >
        Take offline
      </button>
      {/* Offline the workflow bar already says in view why nothing here reaches the server. */}
      {reason ? (
        <span id={reasonId} hidden>
          {reason}
        </span>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
