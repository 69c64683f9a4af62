// The sign-in and account screens' own logic: a new password's checks before it is sent, the
// countdown after too many attempts, the words for sessions and the sign-in log.
import { describe, expect, it } from 'vitest';
import { endedSessionsMessage, passwordChangedMessage, addressLabel } from '../../../renderer/account/sessionWords.js';
import { accountEventPerson, accountEventWords } from '../../../renderer/admin/accountEventWords.js';
import { newPasswordProblem, PASSWORD_MIN_LENGTH } from '../../../renderer/signin/passwords.js';
import { retryAfterSeconds, secondsLeft, tryAgainIn } from '../../../renderer/signin/retryAfter.js';
import type { AccountEvent, Staff } from '../../../shared/domain.js';

describe('a new password before it is sent', () => {
  it('must be as long as the contract asks and typed the same twice', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(newPasswordProblem('short', 'short')).toBe('The new password must be at least 10 characters.');
    expect(newPasswordProblem('harbour tram 7', 'harbour tram 8')).toBe('The two new passwords are not the same.');
    expect(newPasswordProblem('harbour tram 7', 'harbour tram 7')).toBeNull();
  });

  it('counts Korean characters as characters', () => {
    expect(newPasswordProblem('항구로 가는 전차 노선', '항구로 가는 전차 노선')).toBeNull();
    expect(newPasswordProblem('항구 전차', '항구 전차')).not.toBeNull();
  });
});

describe('too many sign-in attempts', () => {
  it('reads the wait from the refusal, in whole seconds, and ignores what is not a wait', () => {
    expect(retryAfterSeconds({ retryAfterSeconds: 30 })).toBe(30);
    expect(retryAfterSeconds({ retryAfterSeconds: 0.2 })).toBe(1);
    expect(retryAfterSeconds({ retryAfterSeconds: 4.1 })).toBe(5);
    for (const bad of [null, undefined, 'x', {}, { retryAfterSeconds: -1 }, { retryAfterSeconds: 0 }, { retryAfterSeconds: Infinity }, { retryAfterSeconds: '30' }]) {
      expect(retryAfterSeconds(bad)).toBeNull();
    }
  });

  it('counts down to zero and says so in words', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect(tryAgainIn(30)).toBe('Too many attempts. Try again in 30 seconds.');
    expect(tryAgainIn(1)).toBe('Too many attempts. Try again in 1 second.');
  });
});

describe('sessions in words', () => {
  it('says how many other sessions a password change signed out', () => {
    expect(passwordChangedMessage(0)).toBe('Password changed. You were not signed in anywhere else.');
    expect(passwordChangedMessage(1)).toBe('Password changed. 1 other session was signed out.');
    expect(passwordChangedMessage(3)).toBe('Password changed. 3 other sessions were signed out.');
  });

  it('says what an admin’s “Sign out everywhere” did', () => {
    expect(endedSessionsMessage('Ji Da-gyum', 2)).toBe('Signed Ji Da-gyum out of 2 sessions.');
    expect(endedSessionsMessage('지다겸', 1)).toBe('Signed 지다겸 out of 1 session.');
    expect(endedSessionsMessage('Ji Da-gyum', 0)).toBe('Ji Da-gyum was not signed in anywhere.');
  });

  it('names the desktop app’s session, which has no network address', () => {
    expect(addressLabel('203.0.113.7')).toBe('203.0.113.7');
    expect(addressLabel(null)).toBe('This computer (desktop app)');
  });
});

describe('the sign-in log', () => {
  const staff: Staff[] = [
    { id: 1, name: 'Han Seung-woo', email: 'han@example.com', roles: ['admin'], desks: [], active: true, passwordSet: true },
    { id: 2, name: '지다겸', email: 'ji@example.com', roles: ['reporter'], desks: [], active: true, passwordSet: true },
  ];
  const event = (e: Partial<AccountEvent>): AccountEvent => ({
    id: 1,
    staffId: 2,
    staffName: '지다겸',
    actorId: null,
    event: 'signIn',
    email: null,
    address: '203.0.113.7',
    device: 'Chrome on Linux',
    note: null,
    at: '2026-12-07T09:00:00.000Z',
    ...e,
  });

  it('says each event in words, with the admin who did it to someone else', () => {
    expect(accountEventWords(event({}), staff)).toBe('Signed in');
    expect(accountEventWords(event({ event: 'sessionEnded', actorId: 1 }), staff)).toBe('Session ended by Han Seung-woo');
    expect(accountEventWords(event({ event: 'passwordReset', actorId: 99 }), staff)).toBe('Password reset by an admin');
    expect(accountEventWords(event({ event: 'signOut', actorId: 2 }), staff)).toBe('Signed out');
    expect(accountEventWords(event({ event: 'signInFailed', note: 'wrong password' }), staff)).toBe('Sign-in failed (wrong password)');
  });

  it('names the person, or the e-mail typed when no account has it', () => {
    expect(accountEventPerson(event({}))).toBe('지다겸');
    expect(accountEventPerson(event({ staffId: null, staffName: null, event: 'signInFailed', email: 'nobody@example.com' }))).toBe('Unknown e-mail: nobody@example.com');
  });
});
