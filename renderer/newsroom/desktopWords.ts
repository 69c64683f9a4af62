// What the connected desktop's state is called on screen: the connection indicator's words, the
// offline-copy notice, the outbox's kinds and states, a certificate's fingerprint laid out to be
// read aloud, and why a button that needs the server does nothing offline. Pure, so it is tested
// without a browser; which methods need the server is shared/offline.ts's, never decided here.
import type { MethodName } from '../../shared/contract.js';
import type { DesktopStatus, OutboxKind, OutboxState } from '../../shared/domain.js';
import { needsServerMessage, offlineBehaviour } from '../../shared/offline.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Only a desktop working with a newsroom server has a connection and an outbox to show. */
export const isConnectedDesktop = (status: DesktopStatus | null): status is DesktopStatus => status?.mode === 'connected';

/** The desktop cannot reach its server now (the outbox is kept; what is shown comes from the offline copy). */
export const isOffline = (status: DesktopStatus | null): boolean => isConnectedDesktop(status) && status.connection === 'offline';

/** "Online" · "Offline — 3 changes waiting" · "Sending 2 of 3…" */
export function connectionLabel(status: DesktopStatus): string {
  if (status.server?.certificateChanged) return 'Stopped — the server’s certificate changed';
  if (status.connection === 'sending' && status.sending) return `Sending ${Math.min(status.sending.done + 1, status.sending.total)} of ${status.sending.total}…`;
  if (status.connection === 'offline') return status.waiting > 0 ? `Offline — ${plural(status.waiting, 'change', 'changes')} waiting` : 'Offline';
  if (status.needsSignIn && status.waiting > 0) return `Sign in to send ${plural(status.waiting, 'change', 'changes')}`;
  return status.waiting > 0 ? `Online — ${plural(status.waiting, 'change', 'changes')} waiting` : 'Online';
}

/** Whether the indicator should catch the eye (something waits or is wrong). */
export function connectionTone(status: DesktopStatus): 'ok' | 'busy' | 'warning' {
  if (status.server?.certificateChanged || status.needsSignIn || status.connection === 'offline') return 'warning';
  if (status.connection === 'sending' || status.waiting > 0) return 'busy';
  return 'ok';
}

/** "Offline — showing this computer's copy from 14:05", with the time formatted by the caller (the newsroom's zone). */
export function offlineCopyNotice(status: DesktopStatus, formatTime: (iso: string) => string): string {
  return status.lastOnlineAt ? `Offline — showing this computer’s copy from ${formatTime(status.lastOnlineAt)}` : 'Offline — showing this computer’s copy';
}

/**
 * Why an action does nothing now, or null when it may be tried: on a connected desktop that is
 * offline, a method that needs the server (by shared/offline.ts) says so in the words of
 * needsServerMessage, naming the action as the person sees it.
 */
export function offlineReason(status: DesktopStatus | null, method: MethodName, what?: string): string | null {
  if (!isOffline(status)) return null;
  return offlineBehaviour(method) === 'needsServer' ? needsServerMessage(what) : null;
}

export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = { create: 'New story', save: 'Saved changes', photo: 'Photo' };

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  waiting: 'Waiting',
  sending: 'Sending',
  conflict: 'Conflict',
  kept: 'Kept on this computer',
};

/**
 * A SHA-256 fingerprint (32 bytes as AB:CD:…) in eight groups of four bytes, two lines of four
 * groups, so a person can read it out over the phone and compare it group by group.
 */
export function fingerprintGroups(fingerprint: string): string[][] {
  const bytes = fingerprint.toUpperCase().split(':').filter(Boolean);
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(' '));
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4));
  return lines;
}

/** "N changes are waiting on this computer; sign in to send them." */
export function waitingForSignIn(waiting: number): string {
  return waiting === 1 ? '1 change is waiting on this computer; sign in to send it.' : `${waiting} changes are waiting on this computer; sign in to send them.`;
}
