// The sign-in log's events in plain words, and who they concern.
import type { AccountEvent, AccountEventKind, Staff } from '../../shared/domain.js';

const WORDS: Record<AccountEventKind, string> = {
  signIn: 'Signed in',
  signInFailed: 'Sign-in failed',
  signOut: 'Signed out',
  sessionEnded: 'Session ended',
  sessionExpired: 'Session expired',
  passwordSet: 'Set their password',
  passwordChanged: 'Changed their password',
  passwordReset: 'Password reset',
  setupCodeIssued: 'Setup code issued',
  deactivated: 'Deactivated',
};

/** What happened, with who did it when it was not the person themself, and the core's note. */
export function accountEventWords(event: AccountEvent, staff: readonly Staff[]): string {
  let words = WORDS[event.event] ?? event.event;
  if (event.actorId !== null && event.actorId !== event.staffId) {
    const actor = staff.find((p) => p.id === event.actorId)?.name ?? 'an admin';
    words += ` by ${actor}`;
  }
  return event.note ? `${words} (${event.note})` : words;
}

/** Whom it concerns: the account, or the e-mail typed for a failed sign-in with an unknown address. */
export function accountEventPerson(event: AccountEvent): string {
  if (event.staffName) return event.staffName;
  if (event.email) return `Unknown e-mail: ${event.email}`;
  return 'Unknown';
}
