// Sessions as a table: what device, from where, since when, last seen; the one this window uses
// marked, and an action per row where the screen offers one.
import { useId, type ReactNode } from 'react';
import type { SessionInfo } from '../../shared/domain.js';
import { transport } from '../api/client.js';
import { fullTime, shortTime } from '../app/format.js';
import { addressLabel } from './sessionWords.js';

/** How this window is named among the sessions. */
export const THIS_WINDOW = transport === 'ipc' ? 'This computer' : 'This browser';

export function SessionTable({
  caption,
  sessions,
  action,
}: {
  caption: string;
  sessions: SessionInfo[];
  /** The row's action (e.g. a "Sign out" button), given the id of the cell that names the row. */
  action?(session: SessionInfo, labelId: string): ReactNode;
}) {
  const id = useId();
  return (
    <table className="admin-table session-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Address</th>
          <th scope="col">Signed in</th>
          <th scope="col">Last seen</th>
          {action ? (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} className={s.current ? 'current-session' : undefined}>
            <th scope="row" id={`${id}-s${s.id}`}>
              {s.device}
              {s.current ? <span className="session-this"> · {THIS_WINDOW}</span> : null}
            </th>
            <td>{addressLabel(s.address)}</td>
            <td>
              <time dateTime={s.createdAt} title={fullTime(s.createdAt)}>
                {shortTime(s.createdAt)}
              </time>
            </td>
            <td>
              <time dateTime={s.lastSeenAt} title={fullTime(s.lastSeenAt)}>
                {shortTime(s.lastSeenAt)}
              </time>
            </td>
            {action ? <td>{action(s, `${id}-s${s.id}`)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
