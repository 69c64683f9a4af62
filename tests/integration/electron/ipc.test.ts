// The IPC transport with fake ipcMain / ipcRenderer / contextBridge: every contract method is
// exposed by the preload and handled by main, foreign frames are refused, input is validated by
// the core, and the session token never reaches the renderer. The shell's export folder: only an
// admin's window opens the folder dialog, and main hands the chosen path to the core.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { forwardEvents, registerIpc, type IpcBridge } from '../../../electron/main/ipc.js';
import { isAppUrl } from '../../../electron/main/appProtocol.js';
import { registerShellIpc, type ShellDeps } from '../../../electron/main/shellIpc.js';
import { createBridge } from '../../../electron/preload/bridge.js';
import { apiFromBridge, channelOf, EVENT_CHANNEL, EXPORT_FOLDER_CHANNEL, PICK_PHOTOS_CHANNEL, type NewsdeskBridge } from '../../../shared/bridge.js';
import { METHOD_NAMES, splitMethod } from '../../../shared/contract.js';
import type { ChangeEvent } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { ALICE_PASSWORD, createFakeCore, type FakeCore } from '../transport/fakeCore.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';

/** The fake core's one account. */
const ALICE = { email: 'dagyumji@heraldcorp.com', password: ALICE_PASSWORD };
import { APP_FRAME, FakeContextBridge, FakeIpcMain, FakeIpcRenderer } from './fakes.js';

let ipcMain: FakeIpcMain;
let core: FakeCore;
let ipc: IpcBridge;
let renderer: FakeIpcRenderer;
let exposed: NewsdeskBridge;

/** The shell's dependencies with an export folder that refuses everyone (tests about other channels). */
function shellDeps(overrides: Partial<ShellDeps>): ShellDeps {
  const refuse = () => {
    throw new ApiError('FORBIDDEN', 'Only an admin may choose the export folder.');
  };
  return {
    isAppUrl: (url) => isAppUrl(url),
    showOpenDialog: async () => [],
    showFolderDialog: async () => null,
    sessionOf: () => null,
    exportFolder: { path: () => null, describe: () => null, requireAdmin: refuse, set: async () => refuse() },
    ...overrides,
  };
}

beforeEach(() => {
  ipcMain = new FakeIpcMain();
  core = createFakeCore(mkdtempSync(path.join(tmpdir(), 'newsdesk-ipc-')));
  ipc = registerIpc(ipcMain, core, { isAppUrl: (url) => isAppUrl(url) });
  renderer = new FakeIpcRenderer(ipcMain, 7);
  // What electron/preload/preload.ts does, against the fakes.
  const contextBridge = new FakeContextBridge();
  contextBridge.exposeInMainWorld('newsdesk', createBridge(renderer));
  expect([...contextBridge.exposed.keys()]).toEqual(['newsdesk']);
  exposed = contextBridge.exposed.get('newsdesk') as NewsdeskBridge;
});

describe('IPC transport', () => {
  it('main registers exactly one handler per contract method', () => {
    const expected = METHOD_NAMES.map(channelOf).sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
    expect(ipc.channels.sort()).toEqual(expected);
  });

  it('the preload exposes one function per method, onEvent and shell, and nothing else', () => {
    const table = exposed as unknown as Record<string, unknown>;
    const areas = [...new Set(METHOD_NAMES.map((m) => splitMethod(m)[0]))];
    expect(Object.keys(table).sort()).toEqual([...areas, 'onEvent', 'shell'].sort());
    for (const method of METHOD_NAMES) {
      const [area, fn] = splitMethod(method);
      expect(typeof (table[area] as Record<string, unknown>)[fn], method).toBe('function');
    }
    expect(Object.keys(exposed.shell).sort()).toEqual([
      'chooseExportFolder',
      'clearExportFolder',
      'firstAdminSetupCode',
      'onNewsroomMenu',
      'openPackagePage',
      'pickPhotos',
      'showPackageFolder',
    ]);
    // No raw ipcRenderer anywhere in what is exposed.
    const seen = new Set<unknown>();
    const walk = (value: unknown) => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(renderer);
      for (const v of Object.values(value)) walk(v);
    };
    walk(exposed);
  });

  it('every method exposed by the preload reaches its handler in main', async () => {
    for (const method of METHOD_NAMES) {
      const [area, fn] = splitMethod(method);
      const call = (exposed as unknown as Record<string, Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>>)[area]![fn]!;
      const envelope = await call({});
      // {} is valid for a few methods and invalid (VALIDATION) or signed out (UNAUTHENTICATED) for the rest — never "no handler".
      if (!envelope.ok) expect(['VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND']).toContain(envelope.error?.code);
      expect(core.calls.at(-1)?.method).toBe(method);
    }
  });

  it('refuses calls from a foreign or nested frame with FORBIDDEN, without calling the core', async () => {
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///etc/passwd', parent: null },
      { url: 'newsdesk://app/index.html', parent: APP_FRAME },
      { url: 'newsdesk://other/index.html', parent: null },
      null,
    ]) {
      renderer.frame = frame;
      const before = core.calls.length;
      const envelope = await exposed.staff.list({});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(core.calls.length).toBe(before);
    }
  });

  it('invalid input gets VALIDATION in the envelope', async () => {
    await exposed.session.signIn(ALICE);
    for (const input of [{ id: 'one' }, { id: -1 }, { id: 1, extra: 1 }, null, 'x']) {
      const envelope = await exposed.stories.get(input as never);
      expect(envelope, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await exposed.session.signIn({ staffId: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Nobody signs in by naming a staff id.
    expect(await exposed.session.signIn({ staffId: 1 } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps the session token in main: signIn strips it, later calls use it, signOut drops it', async () => {
    const envelope = await exposed.session.signIn(ALICE);
    expect(envelope.ok).toBe(true);
    expect(JSON.stringify(envelope)).not.toMatch(/tok-/);
    expect(ipc.hasSession(7)).toBe(true);
    expect(await exposed.stories.get({ id: 3 })).toEqual({ ok: true, value: { story: { id: 3 } } });
    expect(core.calls.at(-1)?.token).toMatch(/^tok-/);

    // Another window is another session.
    const other = createBridge(new FakeIpcRenderer(ipcMain, 8));
    expect(await other.stories.get({ id: 3 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await exposed.session.signOut({});
    expect(ipc.hasSession(7)).toBe(false);
    expect(await exposed.stories.get({ id: 3 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a closed window forgets its session', async () => {
    await exposed.session.signIn(ALICE);
    ipc.forget(7);
    expect(await exposed.stories.get({ id: 3 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('the renderer api unwraps envelopes into results and ApiErrors with code and details', async () => {
    const api = apiFromBridge(exposed);
    await api.session.signIn(ALICE);
    expect(await api.stories.get({ id: 2 })).toEqual({ story: { id: 2 } });
    const error = await api.stories.get({ id: 409 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 3 } });
    await expect(api.stories.get({ id: 500 })).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('photo bytes cross as Uint8Array', async () => {
    await exposed.session.signIn(ALICE);
    const envelope = await exposed.photos.import({ files: [{ name: 'a.jpg', data: new Uint8Array([1, 2, 3]) }] });
    expect(envelope).toMatchObject({ ok: true, value: { results: [{ name: 'a.jpg', kind: 'bytes', length: 3 }] } });
  });

  it('forwards core change events to every window, and onEvent unsubscribes', () => {
    const second = new FakeIpcRenderer(ipcMain, 9);
    const stop = forwardEvents(core, () => [{ send: (channel, e) => renderer.deliver(channel, e) }, { send: (channel, e) => second.deliver(channel, e) }]);
    const got: ChangeEvent[][] = [[], []];
    const offA = exposed.onEvent((e) => got[0]!.push(e));
    createBridge(second).onEvent((e) => got[1]!.push(e));
    const event: ChangeEvent = { type: 'story.changed', storyId: 1, status: 'draft', version: 2 };
    core.emit(event);
    expect(got).toEqual([[event], [event]]);
    offA();
    expect(renderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    stop();
  });

  it('shell.pickPhotos reads the chosen files in main and refuses foreign frames', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-pick-'));
    const file = path.join(dir, 'lead.jpg');
    (await import('node:fs')).writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    registerShellIpc(ipcMain, shellDeps({ showOpenDialog: async () => [file] }));
    expect(ipcMain.handlers.has(PICK_PHOTOS_CHANNEL)).toBe(true);
    const picked = await exposed.shell.pickPhotos();
    expect(picked).toHaveLength(1);
    expect(picked[0]!.name).toBe('lead.jpg');
    expect(picked[0]!.data).toBeInstanceOf(Uint8Array);
    expect([...picked[0]!.data]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    renderer.frame = { url: 'https://evil.example/', parent: null };
    await expect(exposed.shell.pickPhotos()).rejects.toThrow(/only from the Newsdesk window/);
  });

  it('dispose removes every handler', () => {
    ipc.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('IPC transport with the real core', () => {
  it('validates, resolves the session per window and keeps the token in main', async () => {
    const { createCore } = await import('../../../core/core.js');
    const realCore = await createCore({ dataDir: mkdtempSync(path.join(tmpdir(), 'newsdesk-ipc-real-')), demo: true });
    try {
      const main = new FakeIpcMain();
      const bridge = registerIpc(main, realCore, { isAppUrl: (url) => isAppUrl(url) });
      const window = createBridge(new FakeIpcRenderer(main, 1));
      const api = apiFromBridge(window);

      // Every method answers an envelope, never "no handler" and never INTERNAL for empty input.
      for (const method of METHOD_NAMES) {
        const [area, fn] = splitMethod(method);
        const envelope = await (window as unknown as Record<string, Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>>)[area]![fn]!({});
        if (!envelope.ok) expect(['VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND'], method).toContain(envelope.error?.code);
      }

      await expect(api.session.signIn({ email: 'dagyumji@heraldcorp.com', password: 'not the password' })).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'The e-mail or password is wrong.',
      });
      const signedIn = (await window.session.signIn({ email: 'dagyumji@heraldcorp.com', password: DEMO_PASSWORD })) as {
        ok: true;
        value: Record<string, unknown>;
      };
      expect(signedIn.ok).toBe(true);
      expect(signedIn.value).not.toHaveProperty('token');
      expect((await api.session.current({})).staff?.name).toBe('Ji Da-gyum');
      // The desktop app's session is listed as such.
      expect((await api.session.list({})).sessions).toEqual([expect.objectContaining({ current: true, device: 'Newsdesk desktop app', address: null })]);
      const { story } = await api.stories.create({ desk: 'North Korea', headline: 'Over IPC' });
      await expect(api.stories.save({ id: story.id, baseVersion: story.version, changes: { headline: 'x'.repeat(1_000_000) } })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
      await expect(api.stories.transition({ id: story.id, action: 'approve' })).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|INVALID_STATE/) });

      // A second window is not signed in.
      const other = apiFromBridge(createBridge(new FakeIpcRenderer(main, 2)));
      expect((await other.session.current({})).staff).toBeNull();
      bridge.dispose();
    } finally {
      await realCore.close();
    }
  });
});

describe('setting a password over IPC, with the real core', () => {
  it('keeps the new session token of session.setUp in main, and sign out everywhere drops it', async () => {
    const { createCore } = await import('../../../core/core.js');
    const realCore = await createCore({ dataDir: mkdtempSync(path.join(tmpdir(), 'newsdesk-ipc-setup-')) });
    try {
      const main = new FakeIpcMain();
      const bridge = registerIpc(main, realCore, { isAppUrl: (url) => isAppUrl(url) });
      const window = createBridge(new FakeIpcRenderer(main, 1));
      const api = apiFromBridge(window);
      const setup = (await realCore.firstAdminSetup())!;
      const envelope = (await window.session.setUp({ code: setup.code, password: 'the first admin password' })) as { ok: true; value: Record<string, unknown> };
      expect(envelope.ok).toBe(true);
      expect(envelope.value).not.toHaveProperty('token');
      expect(bridge.hasSession(1)).toBe(true);
      expect((await api.staff.list({})).staff).toHaveLength(1);
      expect(await api.session.end({ everywhere: true })).toEqual({ ended: 1 });
      expect(bridge.hasSession(1)).toBe(false);
      await expect(api.staff.list({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      bridge.dispose();
    } finally {
      await realCore.close();
    }
  });
});

describe('the export folder through the shell, with the real core', () => {
  it("opens the folder dialog only for an admin's window and stores the folder main was given", async () => {
    const { createCore } = await import('../../../core/core.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-ipc-export-'));
    const realCore = await createCore({ dataDir: path.join(dir, 'data'), demo: true });
    try {
      const main = new FakeIpcMain();
      const bridge = registerIpc(main, realCore, { isAppUrl: (url) => isAppUrl(url) });
      const dialogs: (string | null)[] = [];
      const answers: (string | null)[] = [];
      registerShellIpc(main, {
        isAppUrl: (url) => isAppUrl(url),
        showOpenDialog: async () => [],
        showFolderDialog: async (_event, defaultPath) => (dialogs.push(defaultPath), answers.shift() ?? null),
        sessionOf: (id) => bridge.sessionOf(id),
        exportFolder: realCore.exportFolder,
      });
      const renderer = new FakeIpcRenderer(main, 1);
      const window = createBridge(renderer);
      const api = apiFromBridge(window);
      const { demoAccounts } = await api.session.access({});
      const signInAs = async (name: string) => {
        await api.session.signOut({});
        await api.session.signIn({ email: demoAccounts.find((s) => s.name === name)!.email, password: DEMO_PASSWORD });
      };
      const target = path.join(dir, 'Seoul exports');
      mkdirSync(target);

      // Signed out, or signed in without the admin role: refused before any dialog opens.
      await expect(window.shell.chooseExportFolder()).rejects.toThrow('Sign in first.');
      await signInAs('Kim Min-ji');
      await expect(window.shell.chooseExportFolder()).rejects.toThrow('Only an admin may choose the export folder.');
      await expect(window.shell.clearExportFolder()).rejects.toThrow('Only an admin may choose the export folder.');
      expect(dialogs).toEqual([]);

      await signInAs('Han Seung-woo');
      answers.push(target);
      expect(await window.shell.chooseExportFolder()).toEqual({ name: 'Seoul exports' });
      expect(dialogs).toEqual([null]);
      expect(realCore.exportFolder.path()).toBe(target);
      expect((await api.settings.get({})).exportFolder).toEqual({ name: 'Seoul exports' });

      // Cancelled: nothing changes; the dialog opened where the folder is.
      expect(await window.shell.chooseExportFolder()).toEqual({ name: 'Seoul exports' });
      expect(dialogs).toEqual([null, target]);
      // A file is refused in the core's words; the folder stays.
      const file = path.join(dir, 'notes.txt');
      writeFileSync(file, 'x');
      answers.push(file);
      await expect(window.shell.chooseExportFolder()).rejects.toThrow('The export folder is a file, not a folder.');
      expect(realCore.exportFolder.path()).toBe(target);

      // The page can send no path: not through the contract, nor as the shell's action.
      await expect(api.settings.update({ exportDir: dir } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await renderer.invoke(EXPORT_FOLDER_CHANNEL, dir)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      renderer.frame = { url: 'https://evil.example/', parent: null };
      await expect(window.shell.chooseExportFolder()).rejects.toThrow(/only from the Newsdesk window/);
      renderer.frame = APP_FRAME;
      expect(realCore.exportFolder.path()).toBe(target);
      expect(dialogs).toHaveLength(3);

      expect(await window.shell.clearExportFolder()).toBeNull();
      expect(realCore.exportFolder.path()).toBeNull();
      expect((await api.settings.get({})).exportFolder).toBeNull();
      bridge.dispose();
    } finally {
      await realCore.close();
    }
  });
});
