// The desktop app's empty newsroom: the sign-in screen asks the shell for the first admin's setup
// code (a server prints it in its console; the desktop app has none). Main hands the app's own
// window the code and nothing else, refuses any other frame, and says null once there is no code.

import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/main/appProtocol.js';
import { registerFirstAdminIpc } from '../../../electron/main/shellIpc.js';
import { createBridge } from '../../../electron/preload/bridge.js';
import { apiFromBridge, FIRST_ADMIN_CHANNEL } from '../../../shared/bridge.js';
import type { ConnectionState } from '../../../shared/contract.js';
import type { SetupCode } from '../../../shared/domain.js';
import { FakeIpcMain, FakeIpcRenderer } from '../../integration/electron/fakes.js';

const CODE: SetupCode = { staffId: 1, code: 'K7QM-2XPA-9WLD', expiresAt: '2026-12-08T09:00:00.000Z' };

function desktop(firstAdminSetup: () => SetupCode | null | Promise<SetupCode | null>) {
  const ipcMain = new FakeIpcMain();
  const stop = registerFirstAdminIpc(ipcMain, { isAppUrl: (url) => isAppUrl(url), firstAdminSetup });
  const renderer = new FakeIpcRenderer(ipcMain, 3);
  return { ipcMain, renderer, stop, bridge: createBridge(renderer) };
}

describe('the first admin’s setup code on the desktop', () => {
  it('reaches the app’s own window as the code alone', async () => {
    const { bridge } = desktop(() => CODE);
    await expect(bridge.shell.firstAdminSetupCode()).resolves.toBe('K7QM-2XPA-9WLD');
  });

  it('is null once the newsroom has an admin with a password', async () => {
    const { bridge } = desktop(async () => null);
    await expect(bridge.shell.firstAdminSetupCode()).resolves.toBeNull();
  });

  it('is refused to a frame that is not the app’s own page, without asking the core', async () => {
    let asked = 0;
    const { renderer, bridge } = desktop(() => {
      asked += 1;
      return CODE;
    });
    renderer.frame = { url: 'https://example.com/', parent: null };
    await expect(bridge.shell.firstAdminSetupCode()).rejects.toThrow(/only from the Newsdesk window/);
    renderer.frame = { url: 'newsdesk://app/index.html', parent: { url: 'newsdesk://app/index.html', parent: null } };
    await expect(bridge.shell.firstAdminSetupCode()).rejects.toThrow(/only from the Newsdesk window/);
    expect(asked).toBe(0);
  });

  it('a failure in the core is a plain refusal, never the error’s text', async () => {
    const { bridge } = desktop(() => {
      throw new Error('database is locked at /home/someone/newsroom/newsdesk.db');
    });
    const error = await bridge.shell.firstAdminSetupCode().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('The setup code could not be read.');
  });

  it('registers one channel and removes it again', () => {
    const { ipcMain, stop } = desktop(() => CODE);
    expect([...ipcMain.handlers.keys()]).toEqual([FIRST_ADMIN_CHANNEL]);
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('the desktop api’s connection', () => {
  it('is always online: IPC inside one process has nothing to reconnect', () => {
    const { bridge } = desktop(() => null);
    const api = apiFromBridge(bridge);
    const seen: ConnectionState[] = [];
    const off = api.onConnection((state) => seen.push(state));
    off();
    expect(seen).toEqual(['online']);
  });
});
