// electron/main/main.ts against a fake `electron` module (the binary is the one thing we cannot
// run here) and the real core: the window's security settings, the single-instance lock, the
// refusals of navigation, window.open and permissions, the menus, the app protocol and IPC.

import { existsSync, mkdtempSync, realpathSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract.js';
import { channelOf, EXPORT_FOLDER_CHANNEL, FIRST_ADMIN_CHANNEL, PACKAGE_CHANNEL, PICK_PHOTOS_CHANNEL } from '../../../shared/bridge.js';
import { listStaff, openDatabase } from '../../../db/index.js';
import type { NewsroomAccess } from '../../../shared/domain.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  const state = {
    windows: [] as { options: Record<string, unknown>; url: string; webContents: Emitter & { id: number } }[],
    handlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
    privileged: [] as unknown[],
    menu: null as unknown,
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    lockRequested: false,
    ready: null as null | Promise<void>,
    /** What the next save dialog answers, and the options each one was opened with. */
    savePath: null as null | string,
    saveDialogs: [] as Record<string, unknown>[],
    /** What the next open dialog answers, and the options each one was opened with. */
    openPaths: [] as string[],
    openDialogs: [] as Record<string, unknown>[],
    messageBoxes: [] as Record<string, unknown>[],
    /** What shell.openPath and shell.showItemInFolder were given. */
    openedPaths: [] as string[],
    shownItems: [] as string[],
  };
  let nextId = 1;
  const app = Object.assign(new Emitter(), {
    name: 'Newsdesk',
    isPackaged: false,
    requestSingleInstanceLock: () => ((state.lockRequested = true), true),
    whenReady: () => (state.ready = Promise.resolve()),
    getPath: (name: string) => (name === 'documents' ? '/nonexistent-documents' : '/nonexistent-userdata'),
    setName: () => {},
    quit: () => {},
    exit: () => {},
  });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => state.windows.map((w) => w as unknown as BrowserWindow);
    static getFocusedWindow = () => null;
    webContents: Emitter & { id: number; session: unknown; replaceMisspelling: () => void };
    options: Record<string, unknown>;
    url = '';
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.webContents = Object.assign(new Emitter(), { id: nextId++, session: {}, replaceMisspelling: () => {}, send: () => {}, isDestroyed: () => false });
      state.windows.push(this as never);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    show() {}
  }
  const electron = {
    app,
    BrowserWindow,
    dialog: {
      // Electron's dialogs take an optional parent window first; the options are the last argument.
      showMessageBox: async (...args: unknown[]) => {
        state.messageBoxes.push(args.at(-1) as Record<string, unknown>);
        return { response: 0 };
      },
      showErrorBox: () => {},
      showOpenDialog: async (...args: unknown[]) => {
        state.openDialogs.push(args.at(-1) as Record<string, unknown>);
        return state.openPaths.length ? { canceled: false, filePaths: state.openPaths.splice(0) } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async (...args: unknown[]) => {
        state.saveDialogs.push(args.at(-1) as Record<string, unknown>);
        return state.savePath ? { canceled: false, filePath: state.savePath } : { canceled: true, filePath: '' };
      },
    },
    ipcMain: { handle: (c: string, fn: Listener) => state.handlers.set(c, fn), removeHandler: (c: string) => state.handlers.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s),
      handle: (scheme: string, fn: (req: { url: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
        webRequest: { onHeadersReceived: () => {} },
      },
    },
    shell: {
      openExternal: async () => {},
      openPath: async (file: string) => (state.openedPaths.push(file), ''),
      showItemInFolder: (target: string) => void state.shownItems.push(target),
    },
  };
  return { state, electron, app };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

let rendererDir: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-main-'));
  process.env.NEWSDESK_DATA_DIR = dataDir;
  process.env.NEWSDESK_FIRST_RUN = 'demo';
  rendererDir = path.join(dataDir, 'renderer-build');
  process.env.NEWSDESK_RENDERER_DIR = rendererDir;
  await import('../../../electron/main/main.js');
  await fake.state.ready;
  // start() runs after whenReady; wait until it created the window.
  for (let i = 0; i < 100 && fake.state.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
});

afterAll(() => {
  fake.app.emit('before-quit', { preventDefault: () => {} });
  delete process.env.NEWSDESK_DATA_DIR;
  delete process.env.NEWSDESK_FIRST_RUN;
  delete process.env.NEWSDESK_RENDERER_DIR;
});

describe('Electron main', () => {
  it('takes the single-instance lock', () => {
    expect(fake.state.lockRequested).toBe(true);
    expect(fake.app.listeners.has('second-instance')).toBe(true);
  });

  it('opens one locked-down window on the app protocol', () => {
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, spellcheck: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win.url).toBe('newsdesk://app/index.html');
    expect(fake.state.privileged).toEqual([expect.objectContaining({ scheme: 'newsdesk' })]);
  });

  it("registers one IPC handler per contract method, plus the photo picker, the export folder, a published version's page and folder, and the first admin's setup code", () => {
    expect([...fake.state.handlers.keys()].sort()).toEqual(
      [...METHOD_NAMES.map(channelOf), PICK_PHOTOS_CHANNEL, EXPORT_FOLDER_CHANNEL, PACKAGE_CHANNEL, FIRST_ADMIN_CHANNEL].sort(),
    );
  });

  it("Open page and Show folder hand the core's folder of a published version to the system's shell", async () => {
    const event = { sender: { id: fake.state.windows[0]!.webContents.id }, senderFrame: { url: 'newsdesk://app/index.html', parent: null } };
    const invoke = (channel: string, ...args: unknown[]) =>
      fake.state.handlers.get(channel)!(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
    const call = async <T>(method: Parameters<typeof channelOf>[0], input: unknown) => {
      const answer = await invoke(channelOf(method), input);
      expect(answer.ok, answer.error?.message).toBe(true);
      return answer.value as T;
    };
    const { demoAccounts } = await call<NewsroomAccess>('session.access', {});
    const signInAs = async (name: string) => {
      await call('session.signOut', {});
      await call('session.signIn', { email: demoAccounts.find((s) => s.name === name)!.email, password: DEMO_PASSWORD });
    };
    await signInAs('Ji Da-gyum');
    const { story } = await call<{ story: { id: number; version: number } }>('stories.create', { desk: 'North Korea', headline: 'Opened from the desktop' });
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pyongyang fired a missile on Tuesday, the military said.' }] }] };
    await call('stories.save', { id: story.id, baseVersion: story.version, changes: { body, dateline: 'SEOUL' } });
    await call('stories.transition', { id: story.id, action: 'submit' });
    await signInAs('Kim Min-ji');
    for (const action of ['claim', 'approve', 'publish']) await call('stories.transition', { id: story.id, action });
    const { versions } = await call<{ versions: { path: string }[] }>('published.list', { storyId: story.id });
    const dir = realpathSync(path.join(dataDir, 'published', versions[0]!.path));

    expect(await invoke(PACKAGE_CHANNEL, 'openPage', { storyId: story.id, version: 1 })).toEqual({ ok: true, value: null });
    expect(await invoke(PACKAGE_CHANNEL, 'showFolder', { storyId: story.id, version: 1 })).toEqual({ ok: true, value: null });
    expect(fake.state.openedPaths).toEqual([path.join(dir, 'index.html')]);
    expect(fake.state.shownItems).toEqual([dir]);
    await call('session.signOut', {});
    expect(await invoke(PACKAGE_CHANNEL, 'openPage', { storyId: story.id, version: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(fake.state.openedPaths).toHaveLength(1);
  });

  it("Choose export folder… opens the native folder dialog for an admin's window and stores the choice in the core", async () => {
    const event = { sender: { id: fake.state.windows[0]!.webContents.id }, senderFrame: { url: 'newsdesk://app/index.html', parent: null } };
    const invoke = (channel: string, input?: unknown) =>
      fake.state.handlers.get(channel)!(event, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    const { value } = (await invoke(channelOf('session.access'), {})) as { value: NewsroomAccess };
    const signedIn = await invoke(channelOf('session.signIn'), { email: value.demoAccounts.find((s) => s.name === 'Han Seung-woo')!.email, password: DEMO_PASSWORD });
    expect(signedIn.ok).toBe(true);
    const folder = path.join(dataDir, 'export-chosen');
    mkdirSync(folder);
    fake.state.openPaths = [folder];
    expect(await invoke(EXPORT_FOLDER_CHANNEL, 'choose')).toEqual({ ok: true, value: { name: 'export-chosen' } });
    expect(fake.state.openDialogs.at(-1)).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    expect(await invoke(channelOf('settings.get'), {})).toMatchObject({ ok: true, value: { exportFolder: { name: 'export-chosen' } } });
    // Opened again, the dialog starts at the folder; a cancel changes nothing.
    expect(await invoke(EXPORT_FOLDER_CHANNEL, 'choose')).toEqual({ ok: true, value: { name: 'export-chosen' } });
    expect(fake.state.openDialogs.at(-1)).toMatchObject({ defaultPath: folder });
    expect(await invoke(EXPORT_FOLDER_CHANNEL, 'clear')).toEqual({ ok: true, value: null });
    await invoke(channelOf('session.signOut'), {});
  });

  it('denies navigation, window.open, webviews and permissions', () => {
    const contents = Object.assign(new (fake.app.constructor as new () => { on: (n: string, f: Listener) => void; emit: (n: string, ...a: unknown[]) => void })(), {
      windowOpenHandler: null as null | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
        this.windowOpenHandler = fn;
      },
    });
    fake.app.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(name, { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    fake.state.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck!()).toBe(false);
  });

  it('has the Edit menu roles', () => {
    const menu = fake.state.menu as { label?: string; submenu?: { role?: string }[] }[];
    const edit = menu.find((m) => m.label === 'Edit');
    const roles = edit?.submenu?.map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']) expect(roles).toContain(role);
  });

  it('offers spell-check suggestions in the context menu', async () => {
    const { contextMenuTemplate } = await import('../../../electron/main/menus.js');
    const replaced: string[] = [];
    const items = contextMenuTemplate(
      {
        misspelledWord: 'misile',
        dictionarySuggestions: ['missile', 'mislike'],
        isEditable: true,
        selectionText: '',
        editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
      },
      { replaceMisspelling: (w) => replaced.push(w), addToDictionary: () => {} },
    );
    expect(items[0]?.label).toBe('missile');
    (items[0]?.click as () => void)();
    expect(replaced).toEqual(['missile']);
    expect(items.map((i) => i.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('the app protocol serves the renderer with a CSP and refuses traversal', async () => {
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
    {
      const handler = fake.state.protocolHandlers.get('newsdesk')!;
      const res = await handler({ url: 'newsdesk://app/index.html' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      for (const url of [
        'newsdesk://app/../../etc/passwd',
        'newsdesk://app/%2e%2e/%2e%2e/etc/passwd',
        'newsdesk://app/media/..%2f..%2fnewsdesk.db',
        'newsdesk://evil/index.html',
      ]) {
        const refused = await handler({ url });
        expect(refused.status === 404 || (await refused.text()).includes('<title>Newsdesk</title>'), url).toBe(true);
      }
    }
  });

  describe('File → Back up newsroom…', () => {
    type Item = { label?: string; role?: string; click?: () => void };
    const backupItem = (): Item => {
      const menu = fake.state.menu as { label?: string; submenu?: Item[] }[];
      const item = menu.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Back up newsroom…');
      expect(item, 'the File menu has the backup item').toBeDefined();
      return item!;
    };
    /** Clicks the item (Electron ignores what click returns) and waits for the message box it ends with. */
    const clickAndWait = async () => {
      const boxes = fake.state.messageBoxes.length;
      backupItem().click!();
      for (let i = 0; i < 250 && fake.state.messageBoxes.length === boxes; i++) await new Promise((r) => setTimeout(r, 20));
      return fake.state.messageBoxes.at(-1)!;
    };

    it('is in the File menu, before quitting', () => {
      const menu = fake.state.menu as { label?: string; submenu?: Item[] }[];
      const file = menu.find((m) => m.label === 'File')!.submenu!;
      expect(file.findIndex((i) => i.label === 'Back up newsroom…')).toBeLessThan(file.findIndex((i) => i.role === 'quit' || i.role === 'close'));
    });

    it('writes a valid SQLite copy holding the staff while the app keeps running, then says so', async () => {
      const target = path.join(dataDir, 'backups-chosen', 'copy.db');
      mkdirSync(path.dirname(target), { recursive: true });
      fake.state.savePath = target;
      const box = await clickAndWait();

      const asked = fake.state.saveDialogs.at(-1)!;
      expect(String(asked.defaultPath)).toMatch(/^\/nonexistent-documents\/newsdesk-backup-\d{4}-\d{2}-\d{2}\.db$/);
      expect(box).toMatchObject({ type: 'info', message: 'The newsroom is backed up.' });
      expect(String(box.detail)).toContain(target);

      const copy = openDatabase(target, { readonly: true });
      try {
        expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
        expect((await listStaff(sqliteStore(copy))).map((s) => s.name)).toContain('Ji Da-gyum');
      } finally {
        copy.close();
      }
      expect(existsSync(`${target}.partial`)).toBe(false);
      // The app is still running on its database (session.access reads it signed out).
      const handler = fake.state.handlers.get(channelOf('session.access'))!;
      const envelope = (await handler(
        { sender: { id: fake.state.windows[0]!.webContents.id }, senderFrame: { url: 'newsdesk://app/index.html', parent: null } },
        {},
      )) as {
        ok: boolean;
        value?: NewsroomAccess;
      };
      expect(envelope.ok).toBe(true);
      expect(envelope.value?.demoAccounts.length).toBeGreaterThan(0);
    });

    it('shows the error when the backup cannot be written, and nothing when cancelled', async () => {
      fake.state.savePath = path.join(dataDir, 'no-such-folder', 'deeper', 'copy.db');
      const box = await clickAndWait();
      expect(box).toMatchObject({ type: 'error', message: 'The backup failed.' });
      expect(existsSync(fake.state.savePath)).toBe(false);

      fake.state.savePath = path.join(dataDir, 'newsdesk.db');
      expect(await clickAndWait()).toMatchObject({ type: 'error', detail: expect.stringContaining('own database') });

      fake.state.savePath = null;
      const boxes = fake.state.messageBoxes.length;
      const dialogs = fake.state.saveDialogs.length;
      backupItem().click!();
      for (let i = 0; i < 50 && fake.state.saveDialogs.length === dialogs; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect(fake.state.saveDialogs.length).toBe(dialogs + 1);
      expect(fake.state.messageBoxes.length).toBe(boxes);
    });
  });
});
