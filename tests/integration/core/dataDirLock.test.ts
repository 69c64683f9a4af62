// One process per data folder: a second core, in another process or in this one, is refused with
// a message naming the folder and the holder; the lock goes with its holder however it ends (a
// SIGKILL too); the online backup keeps working beside the holder. Real processes, real files.

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listStaff, openDatabase } from '../../../db/index.js';
import { createCore, type Core } from '../../../core/core.js';
import { callCore, signIn } from '../../support/callCore.js';
import { DataDirInUse, HOLDER_FILE, type HolderKind } from '../../../core/dataDirLock.js';
import { backupDataDir } from '../../../server/backup.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../../..');

const dirs: string[] = [];
const cores: Core[] = [];
type Child = ChildProcessByStdio<null, Readable, Readable>;
const children: Child[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-lock-'));
  dirs.push(dir);
  return path.join(dir, 'newsroom');
};

interface Run {
  child: Child;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

/** The process's exit, or a failure as soon as it prints `started` (it got the folder after all). */
function refusedRun(r: Run, started: RegExp): Promise<{ code: number | null; output: string }> {
  return Promise.race([
    r.exited,
    new Promise<never>((_resolve, reject) => r.child.stdout.on('data', (c: Buffer) => started.test(c.toString()) && reject(new Error('it took the folder')))),
  ]);
}

/** A core in another process holding `dataDir`, once it says it is ready. */
async function holder(dataDir: string, kind: HolderKind): Promise<Run & { pid: number }> {
  const r = run([path.join(here, 'lock-holder-child.ts'), dataDir, kind]);
  const pid = await new Promise<number>((resolve, reject) => {
    let seen = '';
    r.child.stdout.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = /ready (\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    void r.exited.then(({ output }) => reject(new Error(`the holder exited: ${output}`)));
  });
  return { ...r, pid };
}

async function refusal(dataDir: string): Promise<DataDirInUse> {
  const error = await createCore({ dataDir }).then(
    (core) => {
      cores.push(core);
      throw new Error('the second core opened the folder');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataDirInUse);
  return error as DataDirInUse;
}

const staffNames = async (core: Core) => (await callCore(core, await signIn(core, 'Han Seung-woo'), 'staff.list', {})).staff.map((s) => s.name);

describe('one process per data folder', () => {
  it('refuses a core in a second process, naming the folder and the holder, and changes nothing', async () => {
    const dataDir = tempDir();
    const h = await holder(dataDir, 'serve');
    const before = fs.readdirSync(dataDir).sort();
    const noteFile = path.join(dataDir, HOLDER_FILE);
    const note = fs.existsSync(noteFile) ? fs.readFileSync(noteFile, 'utf8') : null;

    const error = await refusal(dataDir);
    expect(error.message).toContain(dataDir);
    expect(error.message).toContain(`pid ${h.pid}`);
    expect(error.message).toContain('npm run serve');
    expect(error.holder).toMatchObject({ pid: h.pid, kind: 'serve' });
    expect(Date.now() - Date.parse(error.holder!.since)).toBeLessThan(60_000);
    // The refused attempt left the holder's files and its note as they were.
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
    expect(fs.readFileSync(noteFile, 'utf8')).toBe(note);
    expect(h.child.exitCode).toBeNull();
  }, 30_000);

  it('opens at once after the holder is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const h = await holder(dataDir, 'desktop app');
    h.child.kill('SIGKILL');
    expect((await h.exited).signal).toBe('SIGKILL');

    const started = performance.now();
    const core = await createCore({ dataDir, kind: 'serve' });
    cores.push(core);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await staffNames(core)).toContain('Ji Da-gyum');
    // The dead holder's note was replaced by this process's.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'serve' });
  }, 30_000);

  it('refuses a second core in the same process; the first keeps the folder, also against other processes', async () => {
    const dataDir = tempDir();
    const first = await createCore({ dataDir, demo: true, kind: 'desktop app' });
    cores.push(first);

    const error = await refusal(dataDir);
    expect(error.message).toContain(dataDir);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain('desktop app');
    expect(await staffNames(first)).toContain('Ji Da-gyum');

    // The refused attempt opened and closed the lock file in this process; the lock must hold.
    const other = await refusedRun(run([path.join(here, 'lock-holder-child.ts'), dataDir, 'serve']), /ready/);
    expect(other.code, other.output).not.toBe(0);
    expect(other.output).toContain(`already open in the Newsdesk desktop app (pid ${process.pid}`);

    // A clean close lets the next one in and takes its note away.
    await first.close();
    expect(fs.existsSync(path.join(dataDir, HOLDER_FILE))).toBe(false);
    const next = await createCore({ dataDir });
    cores.push(next);
    expect(await staffNames(next)).toContain('Ji Da-gyum');
  }, 30_000);

  it('npm run serve refuses a held folder and exits 1; --backup still copies it', async () => {
    const dataDir = tempDir();
    const h = await holder(dataDir, 'desktop app');

    const served = await refusedRun(run(['server/cli.ts', '--data-dir', dataDir, '--port', '0']), /Open http/);
    expect(served.code, served.output).toBe(1);
    expect(served.output).toContain(dataDir);
    expect(served.output).toContain(`the Newsdesk desktop app (pid ${h.pid}`);

    const target = path.join(path.dirname(dataDir), 'backups', 'copy.db');
    const backedUp = await run(['server/cli.ts', '--data-dir', dataDir, '--backup', target]).exited;
    expect(backedUp.code, backedUp.output).toBe(0);
    const second = path.join(path.dirname(dataDir), 'backups', 'in-process.db');
    await backupDataDir(dataDir, second);
    for (const file of [target, second]) {
      const copy = openDatabase(file, { readonly: true });
      expect((await listStaff(sqliteStore(copy))).map((s) => s.name)).toContain('Ji Da-gyum');
      copy.close();
    }
    expect(h.child.exitCode).toBeNull();
  }, 60_000);
});
