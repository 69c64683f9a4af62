// The desktop app on a data folder another process holds (here `npm run serve`'s core in a child
// process): a dialog names the folder and the holder, and the app exits 1 without opening a
// window. electron/main/main.ts runs against a fake `electron` module and the real core.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = { errorBoxes: [] as [string, string][], exitCode: null as number | null, windows: 0 };
  let exited: () => void = () => undefined;
  const exit = new Promise<void>((resolve) => (exited = resolve));
  const app = {
    name: 'Newsdesk',
    isPackaged: false,
    on: () => app,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => '/nonexistent-userdata',
    setName: () => undefined,
    quit: () => undefined,
    exit: (code: number) => {
      state.exitCode = code;
      exited();
    },
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    constructor() {
      state.windows += 1;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, content: string) => state.errorBoxes.push([title, content]), showMessageBox: async () => ({ response: 0 }) },
    ipcMain: { handle: () => undefined, removeHandler: () => undefined },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, webRequest: { onHeadersReceived: () => undefined } },
    },
    shell: { openExternal: async () => undefined },
  };
  return { state, electron, exit };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const ROOT = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-main-refusal-'));
const dataDir = path.join(dir, 'newsroom');
const holder = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/integration/core/lock-holder-child.ts'), dataDir, 'serve'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});

afterAll(() => {
  holder.kill('SIGKILL');
  delete process.env.NEWSDESK_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

it('shows who holds the newsroom and quits', async () => {
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (c: Buffer) => /ready/.test(c.toString()) && resolve());
    holder.once('exit', () => reject(new Error('the holder exited')));
  });
  process.env.NEWSDESK_DATA_DIR = dataDir;
  await import('../../../electron/main/main.js');
  await fake.exit;
  expect(fake.state.exitCode).toBe(1);
  expect(fake.state.windows).toBe(0);
  expect(fake.state.errorBoxes).toHaveLength(1);
  const [title, content] = fake.state.errorBoxes[0]!;
  expect(title).toBe('This newsroom is already open');
  expect(content).toContain(`The newsroom in ${dataDir} is already open in npm run serve (pid ${holder.pid}, since `);
}, 30_000);
