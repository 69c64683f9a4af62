// What a connected desktop's state is called on screen: the indicator, the offline-copy notice,
// why a button does nothing offline (by shared/offline.ts), a fingerprint laid out to read aloud,
// and a server address as a person types it.
import { describe, expect, it } from 'vitest';
import type { DesktopStatus } from '../../../shared/domain.js';
import { needsServerMessage } from '../../../shared/offline.js';
import { certificateOf, serverUrl } from '../../../renderer/newsroom/certificate.js';
import { connectionLabel, connectionTone, fingerprintGroups, offlineCopyNotice, offlineReason, waitingForSignIn } from '../../../renderer/newsroom/desktopWords.js';

const FP = Array.from({ length: 32 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0')).join(':');

const status = (over: Partial<DesktopStatus> = {}): DesktopStatus => ({
  mode: 'connected',
  chosen: true,
  server: { url: 'https://newsroom.example.org', pinnedFingerprint: null, certificateChanged: false },
  connection: 'online',
  waiting: 0,
  sending: null,
  lastOnlineAt: '2026-12-07T02:00:00.000Z',
  needsSignIn: false,
  problem: null,
  clockSkewSeconds: null,
  ...over,
});

describe('the connection indicator', () => {
  it('says Online, Offline with what waits, and how far a replay is', () => {
    expect(connectionLabel(status())).toBe('Online');
    expect(connectionLabel(status({ connection: 'offline', waiting: 3 }))).toBe('Offline — 3 changes waiting');
    expect(connectionLabel(status({ connection: 'offline', waiting: 1 }))).toBe('Offline — 1 change waiting');
    expect(connectionLabel(status({ connection: 'offline' }))).toBe('Offline');
    expect(connectionLabel(status({ connection: 'sending', waiting: 2, sending: { done: 1, total: 3 } }))).toBe('Sending 2 of 3…');
    expect(connectionLabel(status({ connection: 'sending', sending: { done: 3, total: 3 } }))).toBe('Sending 3 of 3…');
  });

  it('says when sending stopped: a sign-in is needed, or the certificate changed', () => {
    expect(connectionLabel(status({ needsSignIn: true, waiting: 2 }))).toBe('Sign in to send 2 changes');
    expect(connectionLabel(status({ server: { url: 'https://x.example', pinnedFingerprint: FP, certificateChanged: true } }))).toMatch(/certificate changed/);
    expect(connectionTone(status({ connection: 'offline' }))).toBe('warning');
    expect(connectionTone(status({ waiting: 1 }))).toBe('busy');
    expect(connectionTone(status())).toBe('ok');
  });
});

describe('offline', () => {
  it('names the time of the offline copy, formatted by the caller', () => {
    expect(offlineCopyNotice(status({ connection: 'offline' }), (iso) => `<${iso}>`)).toBe('Offline — showing this computer’s copy from <2026-12-07T02:00:00.000Z>');
    expect(offlineCopyNotice(status({ connection: 'offline', lastOnlineAt: null }), () => 'never')).toBe('Offline — showing this computer’s copy');
  });

  it('gives the reason only for what needs the server, only while a connected desktop is offline', () => {
    const offline = status({ connection: 'offline' });
    expect(offlineReason(offline, 'stories.transition', 'Submit')).toBe(needsServerMessage('Submit'));
    expect(offlineReason(offline, 'stories.takeOffline', 'Take offline')).toBe(needsServerMessage('Take offline'));
    // Saves queue and reads come from the copy: nothing to disable.
    expect(offlineReason(offline, 'stories.save', 'Save')).toBeNull();
    expect(offlineReason(offline, 'stories.get')).toBeNull();
    expect(offlineReason(status(), 'stories.transition', 'Submit')).toBeNull();
    expect(offlineReason(status({ mode: 'local', connection: 'offline' }), 'stories.transition', 'Submit')).toBeNull();
    expect(offlineReason(null, 'stories.transition', 'Submit')).toBeNull();
  });

  it('tells the sign-in screen how much waits', () => {
    expect(waitingForSignIn(3)).toBe('3 changes are waiting on this computer; sign in to send them.');
    expect(waitingForSignIn(1)).toBe('1 change is waiting on this computer; sign in to send it.');
  });
});

describe('certificates', () => {
  it('lays a SHA-256 fingerprint out in two lines of four groups of four bytes', () => {
    const lines = fingerprintGroups(FP);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual(['00 01 02 03', '04 05 06 07', '08 09 0A 0B', '0C 0D 0E 0F']);
    expect(lines.flat().join(' ').replaceAll(' ', ':')).toBe(FP);
  });

  it('reads an UNTRUSTED_CERTIFICATE refusal, and nothing that is not one', () => {
    expect(certificateOf({ fingerprint: FP.toLowerCase(), subject: 'CN=newsroom.example.org', validTo: '2027-01-01T00:00:00Z', changed: false })).toEqual({
      fingerprint: FP,
      subject: 'CN=newsroom.example.org',
      validTo: '2027-01-01T00:00:00Z',
      changed: false,
      pinned: null,
    });
    expect(certificateOf({ fingerprint: FP, changed: true, pinned: FP })).toMatchObject({ changed: true, pinned: FP, subject: null });
    expect(certificateOf({ fingerprint: 'AB:CD' })).toBeNull();
    expect(certificateOf(null)).toBeNull();
    expect(certificateOf('AB:CD')).toBeNull();
  });

  it('makes a typed server address a URL: https unless said otherwise, nothing else', () => {
    expect(serverUrl('newsroom.example.org')).toBe('https://newsroom.example.org');
    expect(serverUrl(' https://newsroom.example.org:8443/ ')).toBe('https://newsroom.example.org:8443');
    expect(serverUrl('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100');
    expect(serverUrl('ftp://newsroom.example.org')).toBeNull();
    expect(serverUrl('')).toBeNull();
    expect(serverUrl('https://')).toBeNull();
  });
});
