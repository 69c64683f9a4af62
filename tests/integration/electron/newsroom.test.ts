// Electron main in front of the desktop shell, with fakes: a test's answer to the first run, the
// demo-or-empty question asked once when "This computer only" creates a newsroom, the local-only
// pieces (export folder, package folders) refused with words while connected to a server, a new
// choice ending every window's session in main, and File ▸ Newsroom… reaching the page.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/main/appProtocol.js';
import { registerIpc } from '../../../electron/main/ipc.js';
import { applicationMenuTemplate, BACKUP_MENU_LABEL, NEWSROOM_MENU_LABEL } from '../../../electron/main/menus.js';
import {
  chooseWithoutAsking,
  localExportFolder,
  localPackages,
  withFirstRunQuestion,
  type DesktopShellLike,
  type LocalNewsroom,
} from '../../../electron/main/newsroom.js';
import { createBridge } from '../../../electron/preload/bridge.js';
import { NEWSROOM_MENU_CHANNEL } from '../../../shared/bridge.js';
import type { DesktopStatus } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { ALICE_PASSWORD, createFakeCore, type FakeCore } from '../transport/fakeCore.js';
import { FakeIpcMain, FakeIpcRenderer } from './fakes.js';

const UNCHOSEN: DesktopStatus = {
  mode: 'local',
  chosen: false,
  server: null,
  connection: 'online',
  waiting: 0,
  sending: null,
  lastOnlineAt: null,
  needsSignIn: false,
  problem: null,
  clockSkewSeconds: null,
};

/** A shell over the fake core: desktop.choose switches between "local" (with a local core) and "connected" (without). */
function fakeShell(core: FakeCore) {
  const chosen: { mode: 'local' | 'connected' | null } = { mode: null };
  const local: LocalNewsroom = {
    dataDir: core.dataDir,
    exportFolder: { path: () => '/exports', describe: () => ({ name: 'exports' }), requireAdmin: async () => undefined, set: async () => ({ name: 'set' }) },
    packages: { folder: async () => '/published/1' },
    firstAdminSetup: async () => null,
    backup: async () => undefined,
  };
  const status = (): DesktopStatus =>
    chosen.mode === null
      ? UNCHOSEN
      : chosen.mode === 'local'
        ? { ...UNCHOSEN, chosen: true }
        : { ...UNCHOSEN, mode: 'connected', chosen: true, server: { url: 'https://newsroom.example.org', pinnedFingerprint: null, certificateChanged: false } };
  const shell: DesktopShellLike & { chosen: typeof chosen; chooses: string[] } = {
    chosen,
    chooses: [],
    get dataDir() {
      return core.dataDir;
    },
    get localCore() {
      return chosen.mode === 'local' ? local : null;
    },
    status,
    async choose(input) {
      shell.chooses.push(input.mode);
      chosen.mode = input.mode;
      return status();
    },
    async call(token, method, input, client) {
      if (method === 'desktop.choose') return shell.choose(input as { mode: 'local' });
      if (method === 'desktop.status') return status();
      return core.call(token, method, input, client);
    },
    authenticate: (token, opts) => core.authenticate(token, opts),
    onEvent: (listener) => core.onEvent(listener),
    close: async () => undefined,
  };
  return shell;
}

let core: FakeCore;
let shell: ReturnType<typeof fakeShell>;

beforeEach(() => {
  core = createFakeCore(mkdtempSync(path.join(tmpdir(), 'newsdesk-newsroom-')));
  shell = fakeShell(core);
});

describe('the newsroom a start opens', () => {
  it('takes a test’s first-run answer', async () => {
    await chooseWithoutAsking(shell, 'demo');
    expect(shell.chooses).toEqual(['local']);
  });

  it('asks the window on a real first run, and never chooses again what was chosen', async () => {
    await chooseWithoutAsking(shell, null);
    expect(shell.chooses).toEqual([]);
    expect(shell.status().chosen).toBe(false);

    shell.chosen.mode = 'connected';
    await chooseWithoutAsking(shell, 'demo');
    expect(shell.chooses).toEqual([]);
  });
});

describe('"This computer only" on an empty folder', () => {
  const question = (answer: 'demo' | 'empty' | 'quit', empty = true) => {
    const asked: string[] = [];
    const demo: boolean[] = [];
    const front = withFirstRunQuestion(shell, {
      isEmpty: () => empty,
      ask: async () => (asked.push('asked'), answer),
      setDemo: (d) => demo.push(d),
    });
    return { front, asked, demo };
  };

  it('asks demo or empty once, tells the shell, then chooses', async () => {
    const { front, asked, demo } = question('demo');
    expect(await front.call(null, 'desktop.choose', { mode: 'local' })).toMatchObject({ mode: 'local', chosen: true });
    expect(asked).toHaveLength(1);
    expect(demo).toEqual([true]);
    // Open now: choosing it again asks nothing.
    await front.call(null, 'desktop.choose', { mode: 'local' });
    expect(asked).toHaveLength(1);
  });

  it('an empty newsroom is one the person asked for', async () => {
    const { front, demo } = question('empty');
    await front.call(null, 'desktop.choose', { mode: 'local' });
    expect(demo).toEqual([false]);
  });

  it('Cancel chooses nothing and says so', async () => {
    const { front } = question('quit');
    const error = await front.call(null, 'desktop.choose', { mode: 'local' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_STATE');
    expect(shell.chooses).toEqual([]);
  });

  it('asks nothing for a folder that has a newsroom, or for a server', async () => {
    const { front, asked } = question('demo', false);
    await front.call(null, 'desktop.choose', { mode: 'local' });
    const second = question('demo');
    await second.front.call(null, 'desktop.choose', { mode: 'connected', url: 'https://newsroom.example.org' });
    expect([...asked, ...second.asked]).toEqual([]);
    expect(await second.front.call(null, 'desktop.status', {})).toMatchObject({ mode: 'connected' });
  });
});

describe('what only this computer’s own newsroom has', () => {
  it('goes to the local newsroom, and is refused in words while connected to a server', async () => {
    await shell.choose({ mode: 'local' });
    expect(await localExportFolder(shell).set('/somewhere', 'tok')).toEqual({ name: 'set' });
    expect(await localPackages(shell).folder('tok', 1, 1)).toBe('/published/1');

    await shell.choose({ mode: 'connected', url: 'https://newsroom.example.org' });
    expect(localExportFolder(shell).describe()).toBeNull();
    await expect(localExportFolder(shell).requireAdmin('tok')).rejects.toThrow(/newsroom server/);
    await expect(localPackages(shell).folder('tok', 1, 1)).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/newsroom server/) });
  });
});

describe('IPC in front of the shell', () => {
  it('a new choice of newsroom ends every window’s session in main', async () => {
    const ipcMain = new FakeIpcMain();
    const ipc = registerIpc(ipcMain, shell, { isAppUrl: (url) => isAppUrl(url) });
    const one = createBridge(new FakeIpcRenderer(ipcMain, 1));
    const two = createBridge(new FakeIpcRenderer(ipcMain, 2));
    for (const bridge of [one, two]) expect((await bridge.session.signIn({ email: 'dagyumji@heraldcorp.com', password: ALICE_PASSWORD })).ok).toBe(true);
    expect(ipc.hasSession(1) && ipc.hasSession(2)).toBe(true);

    expect(await one.desktop.choose({ mode: 'local' })).toMatchObject({ ok: true, value: { chosen: true } });
    expect(ipc.hasSession(1)).toBe(false);
    expect(ipc.hasSession(2)).toBe(false);
    expect(await two.session.current({})).toEqual({ ok: true, value: { staff: null } });
    ipc.dispose();
  });

  it('File ▸ Newsroom… reaches the page’s listener, and nothing of Electron’s event with it', () => {
    const ipcMain = new FakeIpcMain();
    const renderer = new FakeIpcRenderer(ipcMain, 1);
    const bridge = createBridge(renderer);
    const heard: unknown[][] = [];
    const stop = bridge.shell.onNewsroomMenu((...args: unknown[]) => heard.push(args));
    renderer.deliver(NEWSROOM_MENU_CHANNEL, undefined);
    expect(heard).toEqual([[]]);
    stop();
    expect(renderer.listenerCount(NEWSROOM_MENU_CHANNEL)).toBe(0);
  });

  it('the File menu has Newsroom… first, then the backup, then quitting', () => {
    const clicked: string[] = [];
    const menu = applicationMenuTemplate({
      isMac: false,
      appName: 'Newsdesk',
      dev: false,
      onBackup: () => clicked.push('backup'),
      onNewsroom: () => clicked.push('newsroom'),
    });
    const file = menu.find((m) => m.label === 'File')!.submenu as { label?: string; role?: string; click?: () => void }[];
    const labels = file.map((i) => i.label ?? i.role).filter((l) => l !== undefined);
    expect(labels).toEqual([NEWSROOM_MENU_LABEL, BACKUP_MENU_LABEL, 'quit']);
    file[0]!.click!();
    expect(clicked).toEqual(['newsroom']);
  });
});
