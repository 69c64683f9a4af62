// The desktop shell on a real data folder: the first run answers only the chooser; connecting to a
// server whose certificate no authority signed is refused with its fingerprint until the person
// trusts exactly that one, which is pinned and remembered across restarts; a server that later
// shows another certificate is refused as changed, and the status says so.

import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors.js';
import { DesktopShell } from '../../../desktop/desktopShell.js';

let dir: string;
const certs: { cert: Buffer; key: Buffer; fingerprint: string }[] = [];
const servers: https.Server[] = [];
const sockets = new Set<Socket>();

/** Stops a test server at once: every socket it accepted is cut, handshaking or kept alive. */
function stop(server: https.Server): Promise<unknown> {
  const closed = new Promise((resolve) => server.close(resolve));
  for (const socket of sockets) socket.destroy();
  return closed;
}

function makeCert(name: string) {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  execFileSync(
    '/usr/bin/openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=newsroom.test', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' },
  );
  const pem = readFileSync(cert);
  return { cert: pem, key: readFileSync(key), fingerprint: new X509Certificate(pem).fingerprint256 };
}

async function newsroom(which: number, port = 0): Promise<{ url: string; server: https.Server }> {
  const { cert, key } = certs[which]!;
  const server = https.createServer({ cert, key }, (request, response) => {
    response.writeHead(request.url === '/healthz' ? 200 : 401, { 'Content-Type': 'application/json', Date: new Date().toUTCString() });
    response.end(request.url === '/healthz' ? '{"ok":true}' : '{"error":{"code":"UNAUTHENTICATED","message":"Sign in first."}}');
  });
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-shell-'));
  certs.push(makeCert('a'), makeCert('b'));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => (s.listening ? stop(s) : null)));
  rmSync(dir, { recursive: true, force: true });
});

describe('desktop shell', () => {
  it('asks for a choice first, pins a certificate the person trusts, remembers it, and refuses it once changed', async () => {
    const dataDir = path.join(dir, 'desktop');
    const knobs = { pingIntervalMs: 200, pingTimeoutMs: 1000 };
    let shell = await DesktopShell.open({ dataDir, kind: 'serve', deviceName: 'test-laptop', connected: knobs });
    expect(await shell.call(null, 'desktop.status', {})).toMatchObject({ chosen: false, server: null });
    expect(await shell.call(null, 'session.current', {})).toEqual({ staff: null });
    expect((await refusal(shell.call(null, 'stories.list', {}))).code).toBe('INVALID_STATE');
    expect((await refusal(shell.call(null, 'desktop.choose', { mode: 'connected', url: 'http://newsroom.example.com' }))).message).toMatch(/https:\/\//);

    const a = certs[0]!;
    const { url, server } = await newsroom(0);
    const unknown = await refusal(shell.call(null, 'desktop.choose', { mode: 'connected', url }));
    expect(unknown.code).toBe('UNTRUSTED_CERTIFICATE');
    expect(unknown.details).toMatchObject({ changed: false, fingerprint: a.fingerprint });
    const wrong = certs[1]!.fingerprint;
    expect((await refusal(shell.call(null, 'desktop.choose', { mode: 'connected', url, trustFingerprint: wrong }))).code).toBe('UNTRUSTED_CERTIFICATE');
    expect(shell.mode).toBeNull();

    const chosen = await shell.call(null, 'desktop.choose', { mode: 'connected', url, trustFingerprint: a.fingerprint });
    expect(chosen).toMatchObject({ mode: 'connected', chosen: true, server: { url, pinnedFingerprint: a.fingerprint, certificateChanged: false } });
    await shell.close();

    // The next start opens the same server with the same pin, and reaches it.
    shell = await DesktopShell.open({ dataDir, kind: 'serve', connected: knobs });
    const reopened = await shell.call(null, 'desktop.status', {});
    expect(reopened).toMatchObject({ mode: 'connected', connection: 'online', server: { url, pinnedFingerprint: a.fingerprint } });

    // The server now shows another certificate on the same address.
    const port = Number(new URL(url).port);
    await stop(server);
    await newsroom(1, port);
    const changed = await (async () => {
      for (let i = 0; i < 50; i++) {
        const status = (await shell.call(null, 'desktop.status', {})) as { server: { certificateChanged: boolean } };
        if (status.server.certificateChanged) return status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the changed certificate was not noticed');
    })();
    expect(changed).toMatchObject({ connection: 'offline', server: { certificateChanged: true } });
    const refused = await refusal(shell.call(null, 'session.signIn', { email: 'a@example.com', password: 'x' }));
    expect(refused.code).toBe('UNTRUSTED_CERTIFICATE');
    expect(refused.details).toMatchObject({ changed: true, fingerprint: certs[1]!.fingerprint, pinned: a.fingerprint });
    await shell.close();
  });

  it('opens this computer’s own newsroom when chosen, and remembers that too', async () => {
    const dataDir = path.join(dir, 'own');
    let shell = await DesktopShell.open({ dataDir, kind: 'serve', demo: true });
    expect(await shell.call(null, 'desktop.choose', { mode: 'local' })).toMatchObject({ mode: 'local', chosen: true, server: null, waiting: 0 });
    expect(shell.localCore).not.toBeNull();
    expect(await shell.call(null, 'session.access', {})).toMatchObject({ demo: true });
    await shell.close();
    shell = await DesktopShell.open({ dataDir, kind: 'serve' });
    expect(shell.mode).toBe('local');
    const { token } = (await shell.call(null, 'session.signIn', { email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' })) as { token: string };
    expect(await shell.call(token, 'desktop.outbox', {})).toEqual({ entries: [] });
    expect((await refusal(shell.call(token, 'desktop.discard', { entryId: 1 }))).code).toBe('INVALID_STATE');
    await shell.close();
  });
});
