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

/** Why `method` does nothing now ("Submit needs the newsroom server…"), or null when it may be tried. */
export function useOfflineReason(method: MethodName, what?: string): string | null {
  return useDesktop((s) => offlineReason(s.status, method, what));
}

/**
 * For a control that needs the server: `disabled` and an accessible description pointing at the
 * visible reason, which <OfflineReason> renders once under a group of such controls.
 */
export function useOfflineControl(method: MethodName, what?: string): { reason: string | null; reasonId: string } {
  const reasonId = useId();
  return { reason: useOfflineReason(method, what), reasonId };
}

/** The visible reason a control is disabled offline, referenced by the control's aria-describedby. */
export function OfflineReason({ id, reason }: { id: string; reason: string | null }) {
  return reason ? (
    <p id={id} className="offline-reason">
      {reason}
    </p>
  ) : null;
}
