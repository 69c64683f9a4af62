// The sign-in log: sign-ins, failures, sign-outs, ended sessions and password changes, newest
// first, for everyone or one person, a page at a time.
import { useCallback, useEffect, useId, useState } from 'react';
import type { AccountEvent, Staff } from '../../shared/domain.js';
import { addressLabel } from '../account/sessionWords.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { fullTime } from '../app/format.js';
import { accountEventPerson, accountEventWords } from './accountEventWords.js';

const PAGE = 50;

export function AccountLog({ staff }: { staff: Staff[] }) {
  const id = useId();
  const [who, setWho] = useState('');
  const [events, setEvents] = useState<AccountEvent[] | null>(null);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (from?: string) => {
      setBusy(true);
      setError(null);
      try {
        const r = await api.staff.accountEvents({ ...(who ? { staffId: Number(who) } : {}), limit: PAGE, ...(from ? { cursor: from } : {}) });
        setEvents((list) => (from && list ? [...list, ...r.events] : r.events));
        setCursor(r.nextCursor);
      } catch (e) {
        setError(toUiError(e).message);
      } finally {
        setBusy(false);
      }
    },
    [who],
  );
  useEffect(() => void load(), [load]);

  return (
    <section className="admin-section account-log" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign-in log</h2>
      <div className="row-actions">
        <div className="field inline-field">
          <label htmlFor={`${id}-who`}>Person</label>
          <select id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">Everyone</option>
            {staff.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={busy} onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {events === null && !error ? <p className="muted">Loading the sign-in log…</p> : null}
      {events && events.length === 0 ? <p className="muted">Nothing yet.</p> : null}
      {events && events.length > 0 ? (
        <table className="admin-table">
          <caption className="sr-only">Sign-in log</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Person</th>
              <th scope="col">Event</th>
              <th scope="col">Address</th>
              <th scope="col">Device</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className={e.event === 'signInFailed' ? 'log-failed' : undefined}>
                <td>
                  <time dateTime={e.at}>{fullTime(e.at)}</time>
                </td>
                <td>{accountEventPerson(e)}</td>
                <td>{accountEventWords(e, staff)}</td>
                <td>{e.address === null && e.device === null ? '' : addressLabel(e.address)}</td>
                <td>{e.device ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursor ? (
        <div className="row-actions">
          <button type="button" disabled={busy} onClick={() => void load(cursor)}>
            Show older
          </button>
        </div>
      ) : null}
    </section>
  );
}
