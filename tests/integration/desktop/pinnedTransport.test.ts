// The desktop's transport to a newsroom server, against a tiny HTTPS server on 127.0.0.1 with a
// throw-away self-signed certificate (openssl): an unknown certificate is refused with its
// fingerprint before any request reaches the server, the pinned one is accepted, a changed one is
// refused as changed; silence and refusals come back as OFFLINE within the time limit; plain HTTP
// only to loopback.

import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors.js';
import { checkServerUrl, createPinnedTransport } from '../../../desktop/pinnedTransport.js';

let dir: string;
const certs: { cert: Buffer; key: Buffer; fingerprint: string }[] = [];
let servers: (http.Server | https.Server)[] = [];
let requests = 0;

function makeCert(name: string): { cert: Buffer; key: Buffer; fingerprint: string } {
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

async function listen(server: http.Server | https.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `${server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port}`;
}

const answer: http.RequestListener = (request, response) => {
  requests += 1;
  let body = '';
  request.on('data', (c: Buffer) => (body += c.toString()));
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ ok: true, got: body, auth: request.headers.authorization ?? null }));
  });
};

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
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-pin-'));
  certs.push(makeCert('a'), makeCert('b'));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('pinned transport', () => {
  it('refuses an unknown self-signed certificate with its fingerprint, sending nothing; accepts it once pinned; refuses a changed one', async () => {
    const [a, b] = [certs[0]!, certs[1]!];
    const url = await listen(https.createServer({ cert: a.cert, key: a.key }, answer));
    let pinned: string | null = null;
    const transport = createPinnedTransport({ baseUrl: url, pinnedFingerprint: () => pinned });
    const before = requests;
    const error = await refusal(transport.fetch(`${url}/api/session.current`, { method: 'POST', headers: { Authorization: 'Bearer secret' }, body: '{}' }));
    expect(error.code).toBe('UNTRUSTED_CERTIFICATE');
    expect(error.details).toMatchObject({ changed: false, fingerprint: a.fingerprint });
    expect((error.details as { subject: string }).subject).toContain('CN=newsroom.test');
    expect(Date.parse((error.details as { validTo: string }).validTo)).toBeGreaterThan(Date.now());
    expect(a.fingerprint).toBe(createHash('sha256').update(new X509Certificate(a.cert).raw).digest('hex').toUpperCase().match(/../g)!.join(':'));
    // The bearer token never reached a server nobody trusted.
    expect(requests).toBe(before);

    pinned = a.fingerprint;
    const ok = await transport.fetch(`${url}/api/x`, { method: 'POST', headers: { Authorization: 'Bearer secret' }, body: '{"a":1}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(await ok.text())).toEqual({ ok: true, got: '{"a":1}', auth: 'Bearer secret' });

    // The same address now shows another certificate: refused as changed, nothing sent.
    const other = await listen(https.createServer({ cert: b.cert, key: b.key }, answer));
    const moved = createPinnedTransport({ baseUrl: other, pinnedFingerprint: () => pinned });
    const changed = await refusal(moved.fetch(`${other}/healthz`, { method: 'GET', headers: {} }));
    expect(changed.code).toBe('UNTRUSTED_CERTIFICATE');
    expect(changed.details).toMatchObject({ changed: true, fingerprint: b.fingerprint, pinned: a.fingerprint });
    expect(changed.message).toContain('different certificate');
    transport.reset();
    moved.reset();
  });

  it('trusts a certificate an authority it trusts signed, without a pin', async () => {
    const a = certs[0]!;
    const url = await listen(https.createServer({ cert: a.cert, key: a.key }, answer));
    const transport = createPinnedTransport({ baseUrl: url, pinnedFingerprint: () => null, ca: a.cert });
    const ok = await transport.fetch(`${url}/healthz`, { method: 'GET', headers: {} });
    expect(ok.ok).toBe(true);
    transport.reset();
  });

  it('answers OFFLINE when the server is silent past the limit or refuses the connection', async () => {
    const silent = await listen(http.createServer(() => undefined));
    const transport = createPinnedTransport({ baseUrl: silent, pinnedFingerprint: () => null, timeoutMs: 300 });
    const started = Date.now();
    const timedOut = await refusal(transport.fetch(`${silent}/healthz`, { method: 'GET', headers: {} }));
    expect(timedOut.code).toBe('OFFLINE');
    expect(timedOut.message).toMatch(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(2000);
    transport.reset();

    const gone = await listen(http.createServer(answer));
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const refused = await refusal(createPinnedTransport({ baseUrl: gone, pinnedFingerprint: () => null }).fetch(`${gone}/healthz`, { method: 'GET', headers: {} }));
    expect(refused.code).toBe('OFFLINE');
    expect(refused.message).toMatch(/refused the connection/);
  });

  it('takes plain http only to this computer, and sends only to the chosen server', async () => {
    expect(() => checkServerUrl('http://newsroom.example.com')).toThrow(/https:\/\//);
    expect(() => checkServerUrl('http://10.0.0.5:8080')).toThrow(/https:\/\//);
    expect(() => checkServerUrl('ftp://newsroom.example.com')).toThrow(/https:\/\//);
    expect(checkServerUrl('http://127.0.0.1:5178').origin).toBe('http://127.0.0.1:5178');
    expect(checkServerUrl('https://newsroom.example.com/').origin).toBe('https://newsroom.example.com');
    const transport = createPinnedTransport({ baseUrl: 'http://127.0.0.1:1', pinnedFingerprint: () => null });
    await expect(transport.fetch('http://127.0.0.1:2/x', { method: 'GET', headers: {} })).rejects.toThrow(/another server/);
  });
});
