// settings.update: who may change which setting. The export folder: never through the API (the
// shell and the serve cli set it through core.exportFolder, checked when set), reported by name
// only, and an export that fails names no absolute path to API callers while the log has it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.js';
import { EXPORT_DIR_REFUSAL } from '../../../shared/contract.js';
import type { Settings } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { createCore, type Core } from '../../../core/core.js';
import { exportFolderControl } from '../../../core/settings/exportFolder.js';
import { writerFor } from '../../../core/write.js';
import { nodeFs, type PackageFs } from '../../../core/publishing/packageFs.js';
import { SettingsStore } from '../../../core/settings/settingsStore.js';
import { doc, makeRecordingHarness, type Harness } from '../../support/coreHarness.js';
import { callCore, signIn, type Caller } from '../../support/callCore.js';
import { sqliteStore } from '../../../db/sqlite/store.js';
import { storageFor } from '../../support/postgres.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const settingsOf = async (who: keyof Harness['tokens']) => (await h.call(who, 'settings.get', {})).settings;

/** The call fails with `code`, and not a row of the database changed. */
async function refusedUnchanged(who: keyof Harness['tokens'], input: Partial<Settings> | Record<string, unknown>, code: string): Promise<ApiError> {
  const before = await h.snapshot();
  const error = await h.failsRaw(who, 'settings.update', input);
  expect(error.code).toBe(code);
  expect(await h.snapshot()).toBe(before);
  return error;
}

const codes = [{ code: '=yna=', text: 'Yonhap' }];
const templates = [{ name: 'Yonhap wire', fields: { credit: 'Yonhap', source: 'Yonhap' } }];

describe('who may change settings', () => {
  it('lets an admin change every setting', async () => {
    const { settings } = await h.call('han', 'settings.update', {
      lockTimeoutMinutes: 12,
      maxPhotoBytes: 20 * 1024 * 1024,
      codeReplacements: codes,
      metadataTemplates: templates,
    });
    expect(settings).toMatchObject({ lockTimeoutMinutes: 12, maxPhotoBytes: 20 * 1024 * 1024, codeReplacements: codes, metadataTemplates: templates });
    expect(await settingsOf('ji')).toEqual(settings);
  });

  it("lets a photo editor change the photo desk's codes and templates", async () => {
    const { settings } = await h.call('choi', 'settings.update', { codeReplacements: codes, metadataTemplates: templates });
    expect(settings.codeReplacements).toEqual(codes);
    expect(settings.metadataTemplates).toEqual(templates);
    expect((await settingsOf('kim')).codeReplacements).toEqual(codes);
  });

  it('refuses a photo editor any other setting, and then changes nothing at all', async () => {
    const before = await settingsOf('choi');
    const error = await refusedUnchanged('choi', { lockTimeoutMinutes: 5 }, 'FORBIDDEN');
    expect(error.message).toMatch(/not the lock timeout/);
    // Mixed with an allowed change, the allowed part is not applied either.
    await refusedUnchanged('choi', { codeReplacements: codes, lockTimeoutMinutes: 5 }, 'FORBIDDEN');
    await refusedUnchanged('choi', { maxPhotoBytes: 2048 }, 'FORBIDDEN');
    expect(await settingsOf('choi')).toEqual(before);
  });

  it('lets a photo editor resend unchanged values of other settings (a client saving the whole object)', async () => {
    const current = await settingsOf('choi');
    const { settings } = await h.call('choi', 'settings.update', { ...current, codeReplacements: codes });
    expect(settings).toEqual({ ...current, codeReplacements: codes });
  });

  it('refuses reporters, desk editors and callers without a session', async () => {
    await refusedUnchanged('ji', { lockTimeoutMinutes: 5 }, 'FORBIDDEN');
    await refusedUnchanged('kim', { codeReplacements: codes }, 'FORBIDDEN');
    await refusedUnchanged('lee', { metadataTemplates: templates }, 'FORBIDDEN');
    const before = await h.snapshot();
    expect((await h.fails(null, 'settings.update', { lockTimeoutMinutes: 5 })).code).toBe('UNAUTHENTICATED');
    expect(await h.snapshot()).toBe(before);
  });
});

describe('the export folder is not set through the API', () => {
  it('settings.update refuses exportDir from anyone, admin included, in words, and changes nothing', async () => {
    const target = fs.mkdtempSync(path.join(h.dir, 'export-'));
    for (const who of ['han', 'choi', 'ji'] as const) {
      const error = await refusedUnchanged(who, { exportDir: target }, 'VALIDATION');
      expect(error.message).toBe(`Invalid input at exportDir: ${EXPORT_DIR_REFUSAL}`);
      expect(error.details).toEqual([{ path: 'exportDir', message: EXPORT_DIR_REFUSAL }]);
    }
    // Not alongside an allowed change, nor to turn the copy off.
    await refusedUnchanged('han', { exportDir: target, lockTimeoutMinutes: 7 }, 'VALIDATION');
    await h.core.exportFolder.set(target);
    await refusedUnchanged('han', { exportDir: '' }, 'VALIDATION');
    expect(h.core.exportFolder.path()).toBe(target);
    expect((await settingsOf('han')).lockTimeoutMinutes).toBe(30);
  });

  it('settings.get reports whether there is one and its name, never its path', async () => {
    expect(await h.call('ji', 'settings.get', {})).toMatchObject({ exportFolder: null });
    const target = path.join(h.dir, 'exports', 'Seoul desk');
    fs.mkdirSync(target, { recursive: true });
    expect(await h.core.exportFolder.set(target)).toEqual({ name: 'Seoul desk' });
    const answer = await h.call('ji', 'settings.get', {});
    expect(answer.exportFolder).toEqual({ name: 'Seoul desk' });
    expect(JSON.stringify(answer)).not.toContain(h.dir);
    // A client that saves back the whole settings object it read still may.
    const { settings } = await h.call('han', 'settings.update', { ...answer.settings, lockTimeoutMinutes: 9 });
    expect(settings.lockTimeoutMinutes).toBe(9);
  });

  it("the shell may set it only with an admin's session; the serve cli (no session) may", async () => {
    const target = fs.mkdtempSync(path.join(h.dir, 'export-'));
    for (const who of ['ji', 'kim', 'choi'] as const) {
      await expect(h.core.exportFolder.set(target, h.tokens[who])).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only an admin may choose the export folder.' });
      await expect(h.core.exportFolder.requireAdmin(h.tokens[who])).rejects.toThrow(ApiError);
    }
    await expect(h.core.exportFolder.set(target, null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(h.core.exportFolder.path()).toBeNull();
    expect(await h.core.exportFolder.set(target, h.tokens.han)).toEqual({ name: path.basename(target) });
    expect(h.core.exportFolder.path()).toBe(target);
    expect(await h.core.exportFolder.set(null)).toBeNull();
    expect(h.core.exportFolder.path()).toBeNull();
  });
});

describe('the export folder is checked when it is set', () => {
  it.each([
    ['does not exist', (dir: string) => path.join(dir, 'no-such-folder'), 'The export folder does not exist.'],
    ['is a file', (dir: string) => (fs.writeFileSync(path.join(dir, 'a-file.txt'), 'x'), path.join(dir, 'a-file.txt')), 'The export folder is a file, not a folder.'],
    [
      'is under a file',
      (dir: string) => (fs.writeFileSync(path.join(dir, 'plain'), 'x'), path.join(dir, 'plain', 'exports')),
      'The export folder cannot be read (a file is in the way of a folder).',
    ],
    ['is relative', () => 'exports/today', 'The export folder must be a full path.'],
  ] as const)('refuses a folder that %s, in words that do not repeat the path, and keeps the old one', async (_name, make, message) => {
    const good = fs.mkdtempSync(path.join(h.dir, 'export-'));
    await h.core.exportFolder.set(good);
    await expect(h.core.exportFolder.set(make(h.dir))).rejects.toMatchObject({ code: 'VALIDATION', message });
    expect(h.core.exportFolder.path()).toBe(good);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder that is not writable (chmod; root ignores modes)', async () => {
    const locked = fs.mkdtempSync(path.join(h.dir, 'locked-'));
    fs.chmodSync(locked, 0o555);
    try {
      await expect(h.core.exportFolder.set(locked)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^The export folder is not writable/) });
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('trims the path, and an empty one turns export off', async () => {
    const good = fs.mkdtempSync(path.join(h.dir, 'export-'));
    await h.core.exportFolder.set(`  ${good}  `);
    expect(h.core.exportFolder.path()).toBe(good);
    expect(await h.core.exportFolder.set('  ')).toBeNull();
    expect(h.core.exportFolder.path()).toBeNull();
  });

  // Root (as in CI containers) may write anywhere, so a permission failure is injected here.
  it('reports a folder the file system will not let Newsdesk write to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-settings-'));
    const db = openDatabase(path.join(dir, 'newsdesk.db'), { check: 'auto' });
    try {
      const store = new SettingsStore(sqliteStore(db));
      await store.load();
      const denied: PackageFs = {
        ...nodeFs,
        access: () => Promise.reject(Object.assign(new Error(`EACCES: permission denied, access '${dir}'`), { code: 'EACCES' })),
      };
      const control = exportFolderControl(store, async () => null, writerFor({ db: sqliteStore(db), emit: () => undefined }), denied);
      await expect(control.set(fs.mkdtempSync(path.join(dir, 'export-')))).rejects.toMatchObject({
        code: 'VALIDATION',
        message: 'The export folder is not writable (permission denied).',
      });
      expect(store.exportDir()).toBeNull();
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A full path anywhere in a message: "/…" or "C:\…" after a start, space, quote or bracket. */
const ABSOLUTE_PATH = /(?:^|[\s("'])(?:\/|[A-Za-z]:\\)[^\s]/;

/** An error's message with its causes' (what console.error would print of it). */
function withCauses(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' <- ');
}

describe('the export folder with the real publisher', () => {
  let dir: string;
  let dataDir: string;
  let core: Core | null = null;
  const logged: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-export-'));
    dataDir = path.join(dir, 'data');
    logged.length = 0;
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const open = async () =>
    (core = await createCore({ dataDir, ...(await storageFor(dataDir)), demo: true, onInternalError: (what, error) => logged.push(`${what}: ${withCauses(error)}`) }));
  const as = async (c: Core, name: string): Promise<Caller> => {
    const token = await signIn(c, name);
    return (method, input) => callCore(c, token, method, input);
  };

  it('is kept across restarts (the desktop chooses it once)', async () => {
    const target = path.join(dir, 'exports');
    fs.mkdirSync(target);
    await (await open()).exportFolder.set(target);
    await core!.close();
    const again = await open();
    expect(again.exportFolder.path()).toBe(target);
    expect(await (await as(again, 'Ji Da-gyum'))('settings.get', {})).toMatchObject({ exportFolder: { name: 'exports' } });
  });

  it('a failed export tells API callers "the export folder", never a path; the log has the full path', async () => {
    const c = await open();
    const share = path.join(dir, 'share');
    const target = path.join(share, 'exports');
    fs.mkdirSync(target, { recursive: true });
    await c.exportFolder.set(target);
    // The share goes and a file takes its place: the folder cannot be reached (chmod would not stop root).
    fs.rmSync(share, { recursive: true });
    fs.writeFileSync(share, 'not a folder');

    const reporter = await as(c, 'Ji Da-gyum');
    const desk = await as(c, 'Kim Min-ji');
    const { story } = await reporter('stories.create', { desk: 'North Korea', headline: 'North Korea fires missile' });
    await reporter('stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: doc('Pyongyang fired a missile on Tuesday, the military said.'), dateline: 'SEOUL' },
    });
    await reporter('stories.transition', { id: story.id, action: 'submit' });
    await desk('stories.transition', { id: story.id, action: 'claim' });
    await desk('stories.transition', { id: story.id, action: 'approve' });
    await desk('stories.transition', { id: story.id, action: 'publish' });

    const [v] = (await desk('published.list', { storyId: story.id })).versions;
    expect(v).toMatchObject({ version: 1, exportStatus: 'failed', exportError: 'The export folder cannot be read (a file is in the way of a folder).' });
    const retried = (await desk('published.retryExport', { storyId: story.id, version: 1 })).version;
    expect(retried.exportError).toBe(v!.exportError);
    for (const message of [v!.exportError, retried.exportError]) {
      expect(message).not.toContain(dir);
      expect(message).not.toMatch(ABSOLUTE_PATH);
    }
    // The log names the folder in full, once per attempt.
    expect(logged.filter((line) => line.includes(target))).toHaveLength(2);

    // A version whose files went missing is named as the data folder names it.
    fs.rmSync(path.join(dataDir, 'published', v!.path, 'index.html'));
    const missing = (await desk('published.get', { storyId: story.id, version: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: `The files of version 1 are missing from published/${v!.path} (a folder is missing).` });
    expect(missing.message).not.toMatch(ABSOLUTE_PATH);
  });
});
