// The Electron main process: one window onto the desktop's newsroom, locked down per Electron's
// security checklist. The desktop shell (desktop/desktopShell.ts) owns the data (in
// app.getPath('userData')) and answers every call, from this computer's own newsroom or from a
// newsroom server, as the person chose in the window; this file only wires the shell.

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type OpenDialogOptions, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../core/core.js';
import { DataDirInUse } from '../../core/dataDirLock.js';
import { DesktopShell } from '../../desktop/desktopShell.js';
import { NEWSROOM_MENU_CHANNEL } from '../../shared/bridge.js';
import { createBackupCommand } from './backup.js';
import { answerAppRequest, APP_SCHEME, APP_URL, isAppUrl } from './appProtocol.js';
import { forwardEvents, registerIpc, type IpcBridge } from './ipc.js';
import { applicationMenuTemplate, contextMenuTemplate } from './menus.js';
import { launchOptions } from './launchOptions.js';
import { chooseWithoutAsking, localExportFolder, localNewsroom, localPackages, withFirstRunQuestion } from './newsroom.js';
import { registerFirstAdminIpc, registerPackageIpc, registerShellIpc } from './shellIpc.js';

// The bundle sits in dist/electron, the renderer in dist/renderer. Only an unpackaged app (npm
// start, npm run dev, tests) lets NEWSDESK_* variables move them.
const launch = launchOptions(process.env, app.isPackaged, path.resolve(__dirname, '../renderer'));
const DEV_URL = launch.devUrl;
const devOrigin = DEV_URL ? new URL(DEV_URL).origin : null;
const trusted = (url: string) => isAppUrl(url, devOrigin);
const rendererDir = launch.rendererDir;
const preloadPath = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } }]);

let desktop: DesktopShell | null = null;
let ipc: IpcBridge | null = null;
let mainWindow: BrowserWindow | null = null;

/** "This computer only" on a folder with no newsroom yet: the demo newsroom or an empty one. */
async function askFirstRun(): Promise<'demo' | 'empty' | 'quit'> {
  const owner = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const options: Electron.MessageBoxOptions = {
    type: 'question',
    title: 'Welcome to Newsdesk',
    message: 'Set up this newsroom',
    detail:
      'The demo newsroom has desks (North Korea, National, Business, Photo) and staff to sign in as, but no stories. ' +
      'An empty newsroom starts with nothing but an administrator.',
    buttons: ['Create the demo newsroom', 'Start empty', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  return response === 0 ? 'demo' : response === 1 ? 'empty' : 'quit';
}

function hardenContents(contents: WebContents): void {
  // The app is one page; any navigation away from it is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links in stories open in the person's browser; nothing opens inside the app.
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Newsdesk',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const contents = win.webContents;
  const id = contents.id;
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
  contents.on('destroyed', () => ipc?.forget(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(DEV_URL ?? APP_URL);
  return win;
}

async function start(): Promise<void> {
  const dir = launch.dataDir ?? path.join(app.getPath('userData'), 'newsroom');
  const hasLocalNewsroom = () => existsSync(path.join(dir, DATABASE_FILE));
  // Read by the shell when it creates this computer's own newsroom: a test's answer, or the person's (askFirstRun).
  let demo = launch.firstRun === 'demo';
  let openShell: DesktopShell;
  try {
    openShell = await DesktopShell.open({
      dataDir: dir,
      kind: 'desktop app',
      get demo() {
        return demo;
      },
    });
    desktop = openShell;
    await chooseWithoutAsking(openShell, launch.firstRun);
  } catch (error) {
    // A corrupt or newer database, or a folder another Newsdesk holds, is refused with a message; never a crash loop.
    const title = error instanceof DataDirInUse ? 'This newsroom is already open' : 'Newsdesk cannot open its data';
    dialog.showErrorBox(title, `${error instanceof Error ? error.message : String(error)}\n\nData folder: ${dir}`);
    app.exit(1);
    return;
  }
  const front = withFirstRunQuestion(openShell, { isEmpty: () => !hasLocalNewsroom(), ask: askFirstRun, setDemo: (d) => (demo = d) });

  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, { rendererDir, dataDir: dir }));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (DEV_URL) {
    // The dev server's responses carry no CSP of their own.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      const headers = { ...details.responseHeaders };
      if (details.url.startsWith(DEV_URL))
        headers['Content-Security-Policy'] = [
          "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws:; object-src 'none'; base-uri 'none'",
        ];
      callback({ responseHeaders: headers });
    });
  }

  ipc = registerIpc(ipcMain, front, { isAppUrl: trusted });
  const ownerOf = (event: { sender: { id: number } }) => BrowserWindow.getAllWindows().find((w) => w.webContents.id === event.sender.id);
  const openDialog = (owner: BrowserWindow | undefined, options: OpenDialogOptions) => (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
  registerShellIpc(ipcMain, {
    isAppUrl: trusted,
    async showOpenDialog(event, filters) {
      const result = await openDialog(ownerOf(event), { title: 'Import photos', properties: ['openFile', 'multiSelections'], filters });
      return result.canceled ? [] : result.filePaths;
    },
    async showFolderDialog(event, defaultPath) {
      const options: OpenDialogOptions = { title: 'Choose export folder', buttonLabel: 'Choose', properties: ['openDirectory', 'createDirectory'] };
      const result = await openDialog(ownerOf(event), defaultPath ? { ...options, defaultPath } : options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    sessionOf: (id) => ipc?.sessionOf(id) ?? null,
    exportFolder: localExportFolder(openShell),
  });
  registerPackageIpc(ipcMain, {
    isAppUrl: trusted,
    sessionOf: (id) => ipc?.sessionOf(id) ?? null,
    packages: localPackages(openShell),
    openPath: (file) => shell.openPath(file),
    showItemInFolder: (target) => shell.showItemInFolder(target),
  });
  registerFirstAdminIpc(ipcMain, { isAppUrl: trusted, firstAdminSetup: async () => (await openShell.localCore?.firstAdminSetup()) ?? null });
  forwardEvents(front, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

  const backUp = createBackupCommand({
    dialog,
    backup: async (file) => await localNewsroom(openShell, 'A backup').backup(file),
    databaseFile: path.join(dir, DATABASE_FILE),
    documentsDir: app.getPath('documents'),
    owner: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        isMac: process.platform === 'darwin',
        appName: app.name,
        dev: DEV_URL !== null || !app.isPackaged,
        onBackup: () => void backUp(),
        // The window shows the chooser (a page of its own, not a native dialog: it has a form and a certificate to read).
        onNewsroom: () => (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.send(NEWSROOM_MENU_CHANNEL),
      }),
    ),
  );
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desktop && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !desktop) return;
    // Close the database cleanly (WAL checkpoint) before the process ends.
    event.preventDefault();
    closed = true;
    ipc?.dispose();
    void desktop.close().finally(() => app.quit());
  });
  app.setName('Newsdesk');
  void app.whenReady().then(start);
}
