// A published version's page and folder through the desktop shell, with fake ipcMain/ipcRenderer
// and the real core: main asks the core for the folder of the story and version the page names
// (for that window's session), opens the page or shows the folder, and refuses paths, other
// actions, foreign frames, signed-out windows and folders that lead out of published/.

import { mkdirSync, mkdtempSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerIpc, type IpcBridge } from '../../../electron/main/ipc.js';
import { isAppUrl } from '../../../electron/main/appProtocol.js';
import { registerPackageIpc } from '../../../electron/main/shellIpc.js';
import { createBridge } from '../../../electron/preload/bridge.js';
import { DEMO_PASSWORD } from '../../../core/staff/passwords.js';
import { apiFromBridge, PACKAGE_CHANNEL, type NewsdeskBridge } from '../../../shared/bridge.js';
import type { NewsdeskApi } from '../../../shared/contract.js';
import { draftStory, makeHarness, transition, type Harness } from '../../support/coreHarness.js';
import { APP_FRAME, FakeIpcMain, FakeIpcRenderer } from './fakes.js';

let h: Harness;
let bridge: IpcBridge;
let renderer: FakeIpcRenderer;
let window: NewsdeskBridge;
let api: NewsdeskApi;
let opened: string[];
let shown: string[];
let openFails: string;
let storyId: number;

beforeEach(async () => {
  h = await makeHarness();
  const story = await draftStory(h);
  storyId = story.id;
  await transition(h, 'ji', storyId, 'submit');
  await transition(h, 'kim', storyId, 'claim');
  await transition(h, 'kim', storyId, 'approve');
  await transition(h, 'kim', storyId, 'publish');

  const main = new FakeIpcMain();
  bridge = registerIpc(main, h.core, { isAppUrl: (url) => isAppUrl(url) });
  opened = [];
  shown = [];
  openFails = '';
  registerPackageIpc(main, {
    isAppUrl: (url) => isAppUrl(url),
    sessionOf: (id) => bridge.sessionOf(id),
    packages: h.core.packages,
    openPath: async (file) => (opened.push(file), openFails),
    showItemInFolder: (target) => void shown.push(target),
  });
  renderer = new FakeIpcRenderer(main, 1);
  window = createBridge(renderer);
  api = apiFromBridge(window);
});

afterEach(async () => {
  bridge.dispose();
  await h.close();
});

const signInAs = async (name: string) => {
  const { demoAccounts } = await api.session.access({});
  await api.session.signIn({ email: demoAccounts.find((s) => s.name === name)!.email, password: DEMO_PASSWORD });
};

/** Where the version's package is on the disk, as the core recorded it. */
async function packageDir(version = 1): Promise<string> {
  const { versions } = await h.call('ji', 'published.list', { storyId });
  const v = versions.find((x) => x.version === version)!;
  return realpathSync(path.join(h.core.dataDir, 'published', v.path));
}

describe("a published version's page and folder from the desktop app", () => {
  it('opens the page in the browser and shows the folder for a signed-in window', async () => {
    await signInAs('Ji Da-gyum');
    const dir = await packageDir();
    await window.shell.openPackagePage(storyId, 1);
    expect(opened).toEqual([path.join(dir, 'index.html')]);
    await window.shell.showPackageFolder(storyId, 1);
    expect(shown).toEqual([dir]);
  });

  it('refuses a signed-out window before touching anything', async () => {
    await expect(window.shell.openPackagePage(storyId, 1)).rejects.toThrow('Sign in first.');
    await expect(window.shell.showPackageFolder(storyId, 1)).rejects.toThrow('Sign in first.');
    expect([opened, shown]).toEqual([[], []]);
  });

  it('says which story or version is not there', async () => {
    await signInAs('Ji Da-gyum');
    await expect(window.shell.openPackagePage(storyId, 2)).rejects.toThrow(`Story ${storyId} has no published version 2.`);
    await expect(window.shell.showPackageFolder(9999, 1)).rejects.toThrow('Story 9999 does not exist.');
    expect([opened, shown]).toEqual([[], []]);
  });

  it('takes no path, no other action and no call from a foreign frame', async () => {
    await signInAs('Ji Da-gyum');
    const dir = await packageDir();
    for (const target of [{ storyId: '../../etc', version: 1 }, { storyId, version: '1/../../..' }, { storyId, version: 1.5 }, dir, null, { storyId: -1, version: 1 }]) {
      expect(await renderer.invoke(PACKAGE_CHANNEL, 'openPage', target), JSON.stringify(target)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    for (const action of ['openPath', 'delete', dir, undefined]) {
      expect(await renderer.invoke(PACKAGE_CHANNEL, action, { storyId, version: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    renderer.frame = { url: 'https://evil.example/', parent: null };
    await expect(window.shell.openPackagePage(storyId, 1)).rejects.toThrow(/only from the Newsdesk window/);
    renderer.frame = { url: 'newsdesk://app/index.html', parent: APP_FRAME };
    await expect(window.shell.showPackageFolder(storyId, 1)).rejects.toThrow(/only from the Newsdesk window/);
    expect([opened, shown]).toEqual([[], []]);
  });

  it('refuses a package folder that leads out of published/ or has lost its page', async () => {
    await signInAs('Ji Da-gyum');
    const dir = await packageDir();
    // Someone replaced the folder with a link to elsewhere on the disk.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'newsdesk-elsewhere-'));
    writeFileSync(path.join(elsewhere, 'index.html'), '<h1>not a package</h1>');
    renameSync(dir, `${dir}-moved`);
    symlinkSync(elsewhere, dir, 'dir');
    await expect(window.shell.openPackagePage(storyId, 1)).rejects.toThrow('is not in the published folder');
    // The folder is there but its page is not.
    renameSync(dir, `${dir}-link`);
    mkdirSync(dir);
    await expect(window.shell.showPackageFolder(storyId, 1)).rejects.toThrow(/The files of version 1 are missing from published\/.+\/v1/);
    expect([opened, shown]).toEqual([[], []]);
  });

  it("reports the system's refusal to open the page", async () => {
    await signInAs('Ji Da-gyum');
    openFails = 'No application knows how to open .html files.';
    await expect(window.shell.openPackagePage(storyId, 1)).rejects.toThrow('The page could not be opened: No application knows how to open .html files.');
  });
});
