// `npm run serve -- --data-dir DIR --backup FILE`: a consistent copy of a newsroom's database,
// taken while another process (here a running core) keeps it open and has just written to it.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { callCore } from '../../support/callCore.js';
import { parseServeArgs } from '../../../server/args.js';
import { backupDataDir } from '../../../server/backup.js';
import { getStory, listStaff, openDatabase } from '../../../db/index.js';
import type { Story } from '../../../shared/domain.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

const ROOT = path.resolve(__dirname, '../../..');
let dir: string;
let dataDir: string;
let core: Core;
let story: Story;
let reporterToken: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-serve-backup-'));
  dataDir = path.join(dir, 'data');
  core = await createCore({ dataDir, demo: true });
  const { token } = await callCore(core, null, 'session.signIn', { email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' });
  reporterToken = token;
  story = (await callCore(core, token, 'stories.create', { desk: 'National', headline: 'Written just before the backup' })).story;
});

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

async function expectNewsroomIn(file: string): Promise<void> {
  const copy = openDatabase(file, { readonly: true });
  try {
    expect((await listStaff(sqliteStore(copy))).map((s) => s.name)).toContain('Ji Da-gyum');
    expect((await getStory(sqliteStore(copy), story.id))?.headline).toBe('Written just before the backup');
  } finally {
    copy.close();
  }
}

describe('serve --backup', () => {
  it('parses --backup and refuses it with --demo', () => {
    expect(parseServeArgs(['--data-dir', 'd', '--backup', 'b.db'])).toMatchObject({ dataDir: path.resolve('d'), backup: path.resolve('b.db') });
    expect(parseServeArgs(['--data-dir', 'd']).backup).toBeNull();
    expect(() => parseServeArgs(['--data-dir', 'd', '--backup'])).toThrow(/--backup needs a value/);
    expect(() => parseServeArgs(['--data-dir', 'd', '--demo', '--backup', 'b.db'])).toThrow(/--demo/);
  });

  it('backs up a database another process holds open, then exits 0', async () => {
    const target = path.join(dir, 'backups', 'newsroom.db');
    const { code, output } = await runCli(['--data-dir', dataDir, '--backup', target]);
    expect(code, output).toBe(0);
    expect(output).toContain(target);
    await expectNewsroomIn(target);
    expect(existsSync(`${target}.partial`)).toBe(false);
    // The running core is untouched and still writes.
    const { staff } = await callCore(core, reporterToken, 'staff.list', {});
    expect(staff.length).toBeGreaterThan(0);
  }, 30_000);

  it('exits 1 with a sentence when there is no database or the target exists', async () => {
    const empty = path.join(dir, 'empty');
    const missing = await runCli(['--data-dir', empty, '--backup', path.join(dir, 'x.db')]);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/no Newsdesk database/);
    expect(existsSync(path.join(dir, 'x.db'))).toBe(false);

    const taken = path.join(dir, 'taken.db');
    writeFileSync(taken, 'keep me');
    const refused = await runCli(['--data-dir', dataDir, '--backup', taken]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/already exists/);
  }, 30_000);

  it('also backs up a database nobody has open', async () => {
    const closedDir = path.join(dir, 'closed');
    const other = await createCore({ dataDir: closedDir, demo: true });
    await other.close();
    const target = path.join(dir, 'closed-copy.db');
    const result = await backupDataDir(closedDir, target);
    expect(result.bytes).toBeGreaterThan(0);
    const copy = openDatabase(target, { readonly: true });
    expect((await listStaff(sqliteStore(copy))).length).toBeGreaterThan(0);
    copy.close();
  });
});
