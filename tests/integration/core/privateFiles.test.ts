// The data folder is private to its owner on Linux and macOS: created 0700, an existing folder
// open to others tightened (and the log says so); the database, its -wal and -shm, the lock
// files and backups 0600. (Tests run as root, where modes do not stop reads: the bits are checked.)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { callCore, signIn } from '../../support/callCore.js';
import { HOLDER_FILE, LOCK_FILE } from '../../../core/dataDirLock.js';
import { backupDataDir } from '../../../server/backup.js';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-private-'));
  dirs.push(dir);
  return dir;
};
const mode = (file: string) => fs.statSync(file).mode & 0o777;

async function open(dataDir: string): Promise<Core> {
  const core = await createCore({ dataDir, demo: true });
  cores.push(core);
  // A write, so the write-ahead log and its index exist.
  const token = await signIn(core, 'Ji Da-gyum');
  await callCore(core, token, 'stories.create', { desk: 'North Korea', headline: 'Private' });
  return core;
}

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('creates the data folder 0700 and the database, its -wal and -shm and the lock files 0600', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'newsroom');
    const core = await open(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of ['newsdesk.db', 'newsdesk.db-wal', 'newsdesk.db-shm', LOCK_FILE, HOLDER_FILE]) expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);

    const copies = [path.join(tempDir(), 'core-backup.db'), path.join(tempDir(), 'serve-backup.db')];
    await core.backup(copies[0]!);
    await backupDataDir(dataDir, copies[1]!);
    for (const f of copies) expect([f, mode(f)]).toEqual([f, 0o600]);
  });

  it('tightens an existing folder and database that others may read, and says so in the log', async () => {
    const dataDir = path.join(tempDir(), 'newsroom');
    await (await open(dataDir)).close();
    cores.splice(0);
    fs.chmodSync(dataDir, 0o755);
    for (const f of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, f), 0o644);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await open(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of ['newsdesk.db', 'newsdesk.db-wal', 'newsdesk.db-shm', LOCK_FILE, HOLDER_FILE]) expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      new RegExp(`${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was open to other users \\(mode 755\\).*\\(mode 700\\)`),
    );
  });

  it('leaves a private folder alone and quiet', async () => {
    const dataDir = path.join(tempDir(), 'newsroom');
    fs.mkdirSync(dataDir, { mode: 0o700 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await open(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    expect(warn).not.toHaveBeenCalled();
  });
});
