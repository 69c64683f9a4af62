// The server's command line: where it may listen (plain HTTP only on loopback; elsewhere TLS or a
// proxy, and the public URL), TLS from certificate files (a self-signed one made with openssl),
// the refusals that stop it with a sentence and exit 2, and the first start of an empty newsroom,
// which prints the first admin's setup code on the console only.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../server/args.js';
import { startCli, stopCli } from './runCli.js';

let dir: string;
let cert: string;
let key: string;
let certPem: Buffer;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-cli-'));
  cert = path.join(dir, 'cert.pem');
  key = path.join(dir, 'key.pem');
  execFileSync(
    '/usr/bin/openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=newsroom.test',
      '-addext',
      'subjectAltName=DNS:newsroom.test,DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  certPem = execFileSync('/usr/bin/openssl', ['x509', '-in', cert]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An HTTPS request that trusts the test certificate; `connectTo` is where the socket goes, `url` what is asked. */
function httpsRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; connectTo?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(url);
  const socketTo = new URL(opts.connectTo ?? url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: socketTo.hostname,
        port: socketTo.port,
        servername: target.hostname === '127.0.0.1' ? undefined : target.hostname,
        path: target.pathname,
        method: opts.method ?? 'GET',
        headers: {
          Host: target.host,
          ...(opts.body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
        ca: certPem,
        agent: false,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('where the server may listen', () => {
  it('takes --listen HOST:PORT, and --port N as 127.0.0.1:N', () => {
    expect(parseServeArgs(['--data-dir', 'd', '--listen', '127.0.0.1:8080'])).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(parseServeArgs(['--data-dir', 'd', '--listen', '[::1]:8080'])).toMatchObject({ host: '::1', port: 8080 });
    expect(parseServeArgs(['--data-dir', 'd', '--port', '9000'])).toMatchObject({ host: '127.0.0.1', port: 9000 });
    expect(parseServeArgs(['--data-dir', 'd'])).toMatchObject({ host: '127.0.0.1', port: 5178, publicUrl: null, behindProxy: false, tlsCert: null });
    const tls = parseServeArgs([
      '--data-dir',
      'd',
      '--listen',
      '0.0.0.0:8443',
      '--tls-cert',
      'c.pem',
      '--tls-key',
      'k.pem',
      '--public-url',
      'https://newsroom.example.com/',
    ]);
    expect(tls).toMatchObject({ host: '0.0.0.0', port: 8443, publicUrl: 'https://newsroom.example.com', tlsCert: path.resolve('c.pem'), tlsKey: path.resolve('k.pem') });
    expect(parseServeArgs(['--data-dir', 'd', '--listen', '0.0.0.0:8080', '--behind-proxy', '--public-url', 'https://n.example'])).toMatchObject({ behindProxy: true });
  });

  it('refuses plain HTTP off loopback, a missing public URL, half a TLS pair and unclear combinations', () => {
    const refusals: [string[], RegExp][] = [
      [['--listen', '0.0.0.0:8080'], /plain HTTP only on a loopback address/],
      [['--listen', '192.168.1.20:8080', '--public-url', 'https://n.example'], /--tls-cert FILE --tls-key FILE, or --behind-proxy/],
      [['--listen', '0.0.0.0:8443', '--tls-cert', 'c', '--tls-key', 'k'], /needs --public-url/],
      [['--listen', '0.0.0.0:8443', '--tls-cert', 'c'], /both --tls-cert FILE and --tls-key FILE/],
      [['--tls-cert', 'c', '--tls-key', 'k', '--behind-proxy'], /not both/],
      [['--listen', '127.0.0.1:1', '--port', '2'], /either --listen/],
      [['--listen', 'nonsense'], /--listen takes HOST:PORT/],
      [['--listen', '0.0.0.0:99999'], /--listen takes HOST:PORT/],
      [['--public-url', 'http://newsroom.example.com'], /must be https/],
      [['--public-url', 'https://newsroom.example.com/desk'], /origin only/],
      [['--public-url', 'ftp://x'], /must start with https/],
    ];
    for (const [args, message] of refusals) expect(() => parseServeArgs(['--data-dir', 'd', ...args]), args.join(' ')).toThrow(message);
    // A public URL naming this computer may be plain HTTP (the dev server's).
    expect(parseServeArgs(['--data-dir', 'd', '--public-url', 'http://127.0.0.1:5173']).publicUrl).toBe('http://127.0.0.1:5173');
  });

  it('exits 2 with the reason, listening nowhere, for plain HTTP off loopback and unreadable TLS files', async () => {
    const plain = startCli(['--data-dir', path.join(dir, 'plain'), '--listen', '0.0.0.0:0', '--public-url', 'https://n.example']);
    expect(await plain.exit).toBe(2);
    expect(plain.output()).toMatch(/plain HTTP only on a loopback address/);
    expect(plain.output()).not.toContain('Open ');

    const missing = path.join(dir, 'no-such-cert.pem');
    const unreadable = startCli(['--data-dir', path.join(dir, 'tls'), '--listen', '127.0.0.1:0', '--tls-cert', missing, '--tls-key', key]);
    expect(await unreadable.exit).toBe(2);
    expect(unreadable.output()).toContain(`--tls-cert ${missing}: cannot read it (there is no such file).`);

    const garbage = path.join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate');
    const wrong = startCli(['--data-dir', path.join(dir, 'tls'), '--listen', '127.0.0.1:0', '--tls-cert', garbage, '--tls-key', key]);
    expect(await wrong.exit).toBe(2);
    expect(wrong.output()).toContain(`--tls-cert ${garbage} and --tls-key ${key} cannot be used together`);
  }, 60_000);
});

describe('the server over TLS', () => {
  it('serves HTTPS on every address with the public URL: its host only, HSTS, a Secure session cookie', async () => {
    const cli = startCli([
      '--data-dir',
      path.join(dir, 'tls-demo'),
      '--demo',
      '--listen',
      '0.0.0.0:0',
      '--tls-cert',
      cert,
      '--tls-key',
      key,
      '--public-url',
      'https://newsroom.test',
    ]);
    try {
      expect(await cli.url).toBe('https://newsroom.test');
      const port = /on https:\/\/127\.0\.0\.1:(\d+)/.exec(cli.output())?.[1];
      expect(port, cli.output()).toBeDefined();
      const local = `https://127.0.0.1:${port}`;
      const health = await httpsRequest(`https://newsroom.test:${port}/healthz`, { connectTo: local });
      expect(health.status).toBe(200);
      expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      // Not on loopback: a loopback name is not its own.
      expect((await httpsRequest(`${local}/healthz`)).status).toBe(403);

      const origin = `https://newsroom.test:${port}`;
      const signIn = await httpsRequest(`${origin}/api/session.signIn`, {
        connectTo: local,
        method: 'POST',
        headers: { Origin: 'https://newsroom.test' },
        body: JSON.stringify({ email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' }),
      });
      expect(signIn.status, signIn.body).toBe(200);
      const cookie = (signIn.headers['set-cookie'] as string[])[0]!;
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      // Plain HTTP on the TLS port is not answered as HTTP.
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      await stopCli(cli);
    }
  }, 60_000);
});

describe('the first start of an empty newsroom', () => {
  it('prints the URL and the first admin’s setup code on the console, once, and never in the access log', async () => {
    const cli = startCli(['--data-dir', path.join(dir, 'empty'), '--listen', '127.0.0.1:0']);
    try {
      const url = await cli.url;
      await expect.poll(() => /setup code (\S+)/.exec(cli.output())?.[1]).toBeDefined();
      const code = /setup code (\S+)/.exec(cli.output())![1]!;
      expect(cli.output()).toContain(`First start: open ${url}/ and choose 'Set up this newsroom' with the setup code ${code}`);
      const access = await fetch(`${url}/api/session.access`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(await access.json()).toMatchObject({ needsFirstAdmin: true });
      const setUp = await fetch(`${url}/api/session.setUp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, password: 'a long first password', name: '한 관리자', email: 'admin@newsroom.test' }),
      });
      expect(setUp.status).toBe(200);
      await expect.poll(() => cli.output()).toMatch(/POST \/api\/session\.setUp 200/);
      expect(cli.output().split(code).length - 1).toBe(1);
      expect(cli.output()).not.toContain('a long first password');
    } finally {
      await stopCli(cli);
    }
  }, 60_000);
});
