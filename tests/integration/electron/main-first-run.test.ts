// The desktop app's first run on an empty data folder, with no answer from the launch options:
// main opens the desktop shell unchosen (the window shows the chooser), and choosing "This
// computer only" asks the native demo-or-empty question once before the newsroom is created.
// File ▸ Newsroom… sends the window the event that opens the chooser. electron/main/main.ts
// runs against a fake `electron` module and the real desktop shell and core.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { channelOf, NEWSROOM_MENU_CHANNEL } from '../../../shared/bridge.js';
import type { DesktopStatus, NewsroomAccess } from '../../../shared/domain.js';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    handlers: new Map<string, Listener>(),
    messageBoxes: [] as Record<string, unknown>[],
    sent: [] as string[],
    windows: 0,
    menu: null as unknown,
  };
  const on = () => app;
  const app = {
    name: 'Newsdesk',
    isPackaged: false,
    on,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => '/nonexistent-userdata',
    setName: () => undefined,
    quit: () => undefined,
    exit: () => undefined,
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    webContents = { id: 1, on: () => undefined, send: (channel: string) => void state.sent.push(channel), setWindowOpenHandler: () => undefined };
    constructor() {
      state.windows += 1;
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const electron = {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => {
        throw new Error(`${title}: ${content}`);
      },
      showMessageBox: async (...args: unknown[]) => {
        state.messageBoxes.push(args.at(-1) as Record<string, unknown>);
        return { response: 0 };
      },
    },
    ipcMain: { handle: (c: string, fn: Listener) => state.handlers.set(c, fn), removeHandler: (c: string) => state.handlers.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, webRequest: { onHeadersReceived: () => undefined } },
    },
    shell: { openExternal: async () => undefined },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-main-first-run-'));
const event = { sender: { id: 1 }, senderFrame: { url: 'newsdesk://app/index.html', parent: null } };
const call = async <T>(method: Parameters<typeof channelOf>[0], input: unknown = {}): Promise<T> => {
  const envelope = (await fake.state.handlers.get(channelOf(method))!(event, input)) as { ok: boolean; value?: T; error?: { message: string } };
  expect(envelope.ok, envelope.error?.message).toBe(true);
  return envelope.value as T;
};

beforeAll(async () => {
  process.env.NEWSDESK_DATA_DIR = dataDir;
  delete process.env.NEWSDESK_FIRST_RUN;
  await import('../../../electron/main/main.js');
  for (let i = 0; i < 200 && fake.state.windows === 0; i++) await new Promise((r) => setTimeout(r, 20));
});

afterAll(() => {
  delete process.env.NEWSDESK_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

it('opens the window on an unchosen newsroom, and asks demo or empty when This computer only is chosen', async () => {
  expect(fake.state.windows).toBe(1);
  expect(await call<DesktopStatus>('desktop.status')).toMatchObject({ mode: 'local', chosen: false });
  expect(fake.state.messageBoxes).toHaveLength(0);

  expect(await call<DesktopStatus>('desktop.choose', { mode: 'local' })).toMatchObject({ mode: 'local', chosen: true });
  expect(fake.state.messageBoxes).toHaveLength(1);
  expect(fake.state.messageBoxes[0]).toMatchObject({ message: 'Set up this newsroom', buttons: ['Create the demo newsroom', 'Start empty', 'Cancel'] });
  // The fake dialog answered the first button: the demo newsroom, with its accounts.
  const access = await call<NewsroomAccess>('session.access');
  expect(access.demo).toBe(true);
  expect(access.demoAccounts.map((a) => a.name)).toContain('Ji Da-gyum');

  // Chosen now: choosing it again asks nothing.
  await call('desktop.choose', { mode: 'local' });
  expect(fake.state.messageBoxes).toHaveLength(1);
}, 30_000);

it('File ▸ Newsroom… tells the window to show the chooser', () => {
  const menu = fake.state.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
  const item = menu.find((m) => m.label === 'File')!.submenu!.find((i) => i.label === 'Newsroom…')!;
  item.click!();
  expect(fake.state.sent).toEqual([NEWSROOM_MENU_CHANNEL]);
});
