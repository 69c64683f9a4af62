// The words the account and staff screens use about sessions.

const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;

/** After a password change: how many other sessions the core ended. */
export function passwordChangedMessage(endedSessions: number): string {
  if (endedSessions === 0) return 'Password changed. You were not signed in anywhere else.';
  return `Password changed. ${endedSessions} other ${endedSessions === 1 ? 'session was' : 'sessions were'} signed out.`;
}

/** After an admin signed a person out everywhere. */
export function endedSessionsMessage(name: string, ended: number): string {
  return ended === 0 ? `${name} was not signed in anywhere.` : `Signed ${name} out of ${sessions(ended)}.`;
}

/** Where a session is from: its address, or the desktop app's own computer. */
export function addressLabel(address: string | null): string {
  return address ?? 'This computer (desktop app)';
}
