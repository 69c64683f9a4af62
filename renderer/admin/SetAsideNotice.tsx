// Tells the admin about published packages the core set aside at start-up because the database
// had no record of them (an older backup restored, or a crash while publishing). Nothing was
// deleted; the folders wait in the data folder's quarantine/ until someone looks at them.
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';

export function setAsideMessage(count: number): string {
  const [what, them] = count === 1 ? ['1 published package was', 'it'] : [`${count} published packages were`, 'them'];
  return `${what} set aside at start-up because the database had no record of ${them} (an older backup was restored, or Newsdesk stopped while publishing). Nothing was deleted; in the newsroom's data folder:`;
}

export function SetAsideNotice() {
  const [folders, setFolders] = useState<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    api.published
      .setAside({})
      .then((r) => !cancelled && setFolders(r.folders))
      // A notice that cannot be fetched is no notice: the screen works without it.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  if (folders.length === 0) return null;
  return (
    <div className="banner banner-warning set-aside-notice" role="status">
      <p>{setAsideMessage(folders.length)}</p>
      <ul>
        {folders.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
      <p>Copy back what you still need (for example to the export folder), then delete those folders; this notice goes when they are gone.</p>
    </div>
  );
}
