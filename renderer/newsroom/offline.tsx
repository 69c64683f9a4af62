// Offline on a connected desktop, as the screens show it: the notice that what is shown is this
// computer's copy, and why an action that needs the server does nothing now (shared/offline.ts
// decides which do; offlineReason words it).
import { useId } from 'react';
import type { MethodName } from '../../shared/contract.js';
import { shortTime } from '../app/format.js';
import { useDesktop } from './desktopStore.js';
import { isOffline, offlineCopyNotice, offlineReason } from './desktopWords.js';

/** "Offline — showing this computer's copy from 14:05", or nothing while the server answers. */
export function OfflineCopyNotice({ className = 'banner banner-info offline-copy' }: { className?: string }) {
  const status = useDesktop((s) => s.status);
  if (!status || !isOffline(status)) return null;
  return (
    <p className={className} role="status">
      {offlineCopyNotice(status, (iso) => shortTime(iso))}
    </p>
  );
}

/**
 * For a control that needs the server (by shared/offline.ts): why it does nothing now ("Submit
 * needs the newsroom server…"), or null while it may be tried, and an id for the element that
 * says it, which the control names in aria-describedby.
 */
export function useOfflineControl(method: MethodName, what?: string): { reason: string | null; reasonId: string } {
  const reasonId = useId();
  const reason = useDesktop((s) => offlineReason(s.status, method, what));
  return { reason, reasonId };
}
