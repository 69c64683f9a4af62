// The outbox view: what waits on this computer to be sent and why, oldest first. "Send now" tries
// at once. An entry kept here (its story deleted or spiked on the server, or refused for good) can
// be copied, submitted as a new story or discarded; a conflicting one opens its story, where the
// conflict banner shows both texts.
import { useEffect, useState } from 'react';
import type { OutboxEntry } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { fullTime, shortTime } from '../app/format.js';
import { useApp } from '../app/store.js';
import { Dialog, NoteDialog } from '../ui/Dialog.js';
import { loadOutbox, useDesktop } from './desktopStore.js';
import { connectionLabel, OUTBOX_KIND_LABELS, OUTBOX_STATE_LABELS, waitingForSignIn } from './desktopWords.js';

function EntryActions({ entry, onDone, setError }: { entry: OutboxEntry; onDone(message: string | null): void; setError(e: string | null): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const openStory = useApp((s) => s.openStory);
  const close = () => useDesktop.getState().setOutboxOpen(false);
  const act = async (what: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await what());
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  if (entry.state === 'conflict' && entry.storyId !== null) {
    const id = entry.storyId;
    return (
      <button
        type="button"
        onClick={() => {
          close();
          openStory(id);
        }}
      >
        Open story
      </button>
    );
  }
  if (entry.state !== 'kept') return null;
  const text = entry.text;
  return (
    <>
      {text !== null ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              await navigator.clipboard.writeText(text);
              return `The text of “${entry.title}” is copied.`;
            })
          }
        >
          Copy text
        </button>
      ) : null}
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void act(async () => {
            const { story } = await api.desktop.resubmit({ entryId: entry.id });
            await loadOutbox();
            close();
            openStory(story.id, 'mine');
            return null;
          })
        }
      >
        Submit as a new story
      </button>
      <button type="button" className="danger-outline" disabled={busy} onClick={() => setConfirming(true)}>
        Discard
      </button>
      {confirming ? (
        <NoteDialog
          title="Discard these changes"
          message={`The text of “${entry.title}” kept on this computer is deleted. It cannot be brought back.`}
          confirmLabel="Discard"
          needNote={false}
          danger
          busy={busy}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            void act(async () => {
              await api.desktop.discard({ entryId: entry.id });
              setConfirming(false);
              await loadOutbox();
              return `“${entry.title}” is discarded.`;
            })
          }
        />
      ) : null}
    </>
  );
}

export function OutboxDialog() {
  const status = useDesktop((s) => s.status);
  const entries = useDesktop((s) => s.outbox);
  const close = () => useDesktop.getState().setOutboxOpen(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => void loadOutbox(), []);

  const sendNow = async () => {
    setSending(true);
    setError(null);
    setMessage(null);
    try {
      useDesktop.getState().setStatus(await api.desktop.retry({}));
      await loadOutbox();
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setSending(false);
    }
  };

  if (!status) return null;
  return (
    <Dialog wide title="Outbox" onClose={close}>
      <p className="outbox-status">
        <strong>{connectionLabel(status)}</strong>
        {status.server ? <span className="muted"> · {status.server.url}</span> : null}
      </p>
      {status.problem ? <p className="muted">{status.problem}</p> : null}
      {status.lastOnlineAt && status.connection === 'offline' ? <p className="muted">Last reached the server {fullTime(status.lastOnlineAt)}.</p> : null}
      {status.needsSignIn ? (
        <div className="banner banner-warning" role="alert">
          <p>The server asked this computer to sign in again. {status.waiting > 0 ? waitingForSignIn(status.waiting) : ''}</p>
          <button
            type="button"
            onClick={() => {
              close();
              useApp.getState().sessionEnded();
            }}
          >
            Sign in again
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="list-empty">Nothing is waiting. Everything you wrote on this computer has reached the server.</p>
      ) : (
        <ul className="outbox-list" aria-label="Waiting to be sent">
          {entries.map((entry) => (
            <li key={entry.id} className={`outbox-entry outbox-${entry.state}`}>
              <div className="outbox-entry-top">
                <span className="outbox-title">{entry.title.trim() || '(no headline)'}</span>
                <span className={`outbox-state outbox-state-${entry.state}`}>{OUTBOX_STATE_LABELS[entry.state]}</span>
              </div>
              <div className="outbox-meta muted">
                {OUTBOX_KIND_LABELS[entry.kind]} · <time dateTime={entry.createdAt}>{shortTime(entry.createdAt)}</time>
                {entry.attempts > 0 ? ` · tried ${entry.attempts} time${entry.attempts === 1 ? '' : 's'}` : ''}
              </div>
              <p className="outbox-reason">{entry.reason}</p>
              <div className="row-actions">
                <EntryActions
                  entry={entry}
                  setError={setError}
                  onDone={(m) => {
                    setMessage(m);
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={sending || status.connection === 'sending' || status.server?.certificateChanged === true}
          onClick={() => void sendNow()}
        >
          Send now
        </button>
      </div>
    </Dialog>
  );
}
