// What a connected desktop can do without its newsroom server. The desktop's shell answers by
// this table, and the renderer labels its buttons by it, so the rule lives once.
//   queued:    done on this computer at once and sent from the outbox when the server is back
//   from copy: answered from the offline copy (what this computer last saw), and said to be so
//   anything else needs the server: refused with OFFLINE, nothing changed

import type { MethodName } from './contract.js';

/** Saved on this computer and sent, once, when the server answers again. */
export const QUEUED_OFFLINE = ['stories.save', 'stories.create', 'photos.import'] as const satisfies readonly MethodName[];

/** Answered from the offline copy while the server cannot be reached. */
export const FROM_OFFLINE_COPY = [
  'session.access',
  'session.current',
  'staff.list',
  'stories.get',
  'stories.list',
  'stories.history',
  'stories.check',
  'photos.list',
  'photos.get',
  'settings.get',
] as const satisfies readonly MethodName[];

/** Answered by the desktop itself, online or not. */
export const DESKTOP_OWN = ['desktop.status', 'desktop.choose', 'desktop.outbox', 'desktop.retry', 'desktop.discard'] as const satisfies readonly MethodName[];

export type OfflineBehaviour = 'queued' | 'fromCopy' | 'desktop' | 'needsServer';

export function offlineBehaviour(method: MethodName): OfflineBehaviour {
  if ((QUEUED_OFFLINE as readonly string[]).includes(method)) return 'queued';
  if ((FROM_OFFLINE_COPY as readonly string[]).includes(method)) return 'fromCopy';
  if ((DESKTOP_OWN as readonly string[]).includes(method)) return 'desktop';
  return 'needsServer';
}

/**
 * Why a button that needs the server does nothing offline, and the OFFLINE error's message.
 * `what` names the action as the person sees it ("Submit", "Approve").
 */
export function needsServerMessage(what?: string): string {
  const subject = what ? `${what} needs` : 'This needs';
  return `${subject} the newsroom server, and this computer cannot reach it. Your text is saved here and goes to the server when you are back online.`;
}
