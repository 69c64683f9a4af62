// `npm run serve -- --export-dir DIR`: a server's export folder comes from its command line, for
// the run it starts. The browser learns the folder's name, never the server's path, and cannot
// set it; a folder that cannot take packages stops the server from starting, saying why.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../server/args.js';
import { startCli, stopCli } from './runCli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-serve-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo newsroom's admin (every demo account's password is newsdesk-demo). */
async function signInAdmin(url: string): Promise<string> {
  const signedIn = await post(url, 'session.signIn', { email: 'seungwoo.han@heraldcorp.com', password: 'newsdesk-demo' });
  expect(signedIn.status, signedIn.body).toBe(200);
  return (JSON.parse(signedIn.body) as { token: string }).token;
}

async function post(url: string, method: string, input: unknown, token?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.text() };
}

describe('serve --export-dir', () => {
  it('parses the flag to a full path; none without it', () => {
    expect(parseServeArgs(['--data-dir', 'd', '--export-dir', 'out']).exportDir).toBe(path.resolve('out'));
    expect(parseServeArgs(['--data-dir', 'd', '--export-dir=/srv/out']).exportDir).toBe('/srv/out');
    expect(parseServeArgs(['--data-dir', 'd']).exportDir).toBeNull();
    expect(() => parseServeArgs(['--data-dir', 'd', '--export-dir'])).toThrow(/--export-dir needs a value/);
  });

  it('refuses to start with a folder that cannot take packages, naming the flag and the folder on its own console', async () => {
    const missing = path.join(dir, 'no-such-folder');
    const cli = startCli(['--port', '0', '--data-dir', path.join(dir, 'refused'), '--demo', '--export-dir', missing]);
    expect(await cli.exit).toBe(2);
    expect(cli.output()).toContain(`--export-dir ${missing}: The export folder does not exist.`);
    expect(cli.output()).not.toContain('Open http');
  });

  it('serves with the folder: the browser sees its name only and cannot change it; a start without the flag has none', async () => {
    const data = path.join(dir, 'data');
    const target = path.join(dir, 'wire exports');
    mkdirSync(target);
    const cli = startCli(['--port', '0', '--data-dir', data, '--demo', '--export-dir', target]);
    try {
      const url = await cli.url;
      expect(cli.output()).toContain(`Published packages are also copied to ${target}`);
      const token = await signInAdmin(url);

      const got = await post(url, 'settings.get', {}, token);
      expect(got.status).toBe(200);
      expect(JSON.parse(got.body)).toMatchObject({ exportFolder: { name: 'wire exports' } });
      expect(got.body).not.toContain(dir);

      const refused = await post(url, 'settings.update', { exportDir: '/etc' }, token);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringContaining('--export-dir') } });
      expect(JSON.parse((await post(url, 'settings.get', {}, token)).body)).toMatchObject({ exportFolder: { name: 'wire exports' } });
    } finally {
      await stopCli(cli);
    }

    const again = startCli(['--port', '0', '--data-dir', data]);
    try {
      const url = await again.url;
      expect(again.output()).toContain('Published packages are not copied anywhere (no --export-dir).');
      const token = await signInAdmin(url);
      expect(JSON.parse((await post(url, 'settings.get', {}, token)).body)).toMatchObject({ exportFolder: null });
    } finally {
      await stopCli(again);
    }
  });
});
