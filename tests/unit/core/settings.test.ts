// settings.update: who may change which setting, and the export folder checked when it is set.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.js';
import type { Settings, Staff } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { settingsModule } from '../../../electron/core/handlers/settings.js';
import { nodeFs, type PackageFs } from '../../../electron/core/publishing/packageFs.js';
import type { CoreServices } from '../../../electron/core/services.js';
import { SettingsStore } from '../../../electron/core/settingsStore.js';
import { makeHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const settingsOf = async (who: keyof Harness['tokens']) => (await h.call<{ settings: Settings }>(who, 'settings.get', {})).settings;

/** The call fails with `code`, and not a row of the database changed. */
async function refusedUnchanged(who: keyof Harness['tokens'], input: Partial<Settings>, code: string): Promise<ApiError> {
  const before = h.snapshot();
  const error = await h.fails(who, 'settings.update', input);
  expect(error.code).toBe(code);
  expect(h.snapshot()).toBe(before);
  return error;
}

const codes = [{ code: '=yna=', text: 'Yonhap' }];
const templates = [{ name: 'Yonhap wire', fields: { credit: 'Yonhap', source: 'Yonhap' } }];

describe('who may change settings', () => {
  it('lets an admin change every setting', async () => {
    const exportDir = fs.mkdtempSync(path.join(h.dir, 'export-'));
    const { settings } = await h.call<{ settings: Settings }>('han', 'settings.update', {
      lockTimeoutMinutes: 12,
      maxPhotoBytes: 20 * 1024 * 1024,
      exportDir,
      codeReplacements: codes,
      metadataTemplates: templates,
    });
    expect(settings).toMatchObject({ lockTimeoutMinutes: 12, maxPhotoBytes: 20 * 1024 * 1024, exportDir, codeReplacements: codes, metadataTemplates: templates });
    expect(await settingsOf('ji')).toEqual(settings);
  });

  it("lets a photo editor change the photo desk's codes and templates", async () => {
    const { settings } = await h.call<{ settings: Settings }>('choi', 'settings.update', { codeReplacements: codes, metadataTemplates: templates });
    expect(settings.codeReplacements).toEqual(codes);
    expect(settings.metadataTemplates).toEqual(templates);
    expect((await settingsOf('kim')).codeReplacements).toEqual(codes);
  });

  it('refuses a photo editor any other setting, and then changes nothing at all', async () => {
    const exportDir = fs.mkdtempSync(path.join(h.dir, 'export-'));
    const before = await settingsOf('choi');
    const error = await refusedUnchanged('choi', { exportDir }, 'FORBIDDEN');
    expect(error.message).toMatch(/export folder/);
    // Mixed with an allowed change, the allowed part is not applied either.
    await refusedUnchanged('choi', { codeReplacements: codes, lockTimeoutMinutes: 5 }, 'FORBIDDEN');
    await refusedUnchanged('choi', { maxPhotoBytes: 2048 }, 'FORBIDDEN');
    expect(await settingsOf('choi')).toEqual(before);
  });

  it('lets a photo editor resend unchanged values of other settings (a client saving the whole object)', async () => {
    const current = await settingsOf('choi');
    const { settings } = await h.call<{ settings: Settings }>('choi', 'settings.update', { ...current, codeReplacements: codes });
    expect(settings).toEqual({ ...current, codeReplacements: codes });
  });

  it('refuses reporters, desk editors and callers without a session', async () => {
    await refusedUnchanged('ji', { lockTimeoutMinutes: 5 }, 'FORBIDDEN');
    await refusedUnchanged('kim', { codeReplacements: codes }, 'FORBIDDEN');
    await refusedUnchanged('lee', { metadataTemplates: templates }, 'FORBIDDEN');
    const before = h.snapshot();
    expect((await h.fails(null, 'settings.update', { lockTimeoutMinutes: 5 })).code).toBe('FORBIDDEN');
    expect(h.snapshot()).toBe(before);
  });
});

describe('the export folder', () => {
  it('refuses a folder that does not exist, with a clear message, and keeps the old one', async () => {
    const good = fs.mkdtempSync(path.join(h.dir, 'export-'));
    await h.call('han', 'settings.update', { exportDir: good });
    const missing = path.join(h.dir, 'no-such-folder');
    const error = await refusedUnchanged('han', { exportDir: missing, lockTimeoutMinutes: 7 }, 'VALIDATION');
    expect(error.message).toBe(`The export folder ${missing} does not exist. Create it or choose another folder in Settings.`);
    expect(await settingsOf('han')).toMatchObject({ exportDir: good, lockTimeoutMinutes: 30 });
  });

  it('refuses a file where a folder should be', async () => {
    const file = path.join(h.dir, 'a-file.txt');
    fs.writeFileSync(file, 'not a folder');
    const error = await refusedUnchanged('han', { exportDir: file }, 'VALIDATION');
    expect(error.message).toMatch(/is a file, not a folder/);
  });

  it('refuses a relative path', async () => {
    const error = await refusedUnchanged('han', { exportDir: 'exports/today' }, 'VALIDATION');
    expect(error.message).toMatch(/must be a full path/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder that is not writable (chmod; root ignores modes)', async () => {
    const locked = fs.mkdtempSync(path.join(h.dir, 'locked-'));
    fs.chmodSync(locked, 0o555);
    try {
      const error = await refusedUnchanged('han', { exportDir: locked }, 'VALIDATION');
      expect(error.message).toMatch(/is not writable/);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('trims the path, and an empty one turns export off', async () => {
    const good = fs.mkdtempSync(path.join(h.dir, 'export-'));
    expect((await h.call<{ settings: Settings }>('han', 'settings.update', { exportDir: `  ${good}  ` })).settings.exportDir).toBe(good);
    expect((await h.call<{ settings: Settings }>('han', 'settings.update', { exportDir: '' })).settings.exportDir).toBe('');
  });

  it('does not re-check an unchanged folder, so other settings can still be saved after it vanished', async () => {
    const good = fs.mkdtempSync(path.join(h.dir, 'export-'));
    await h.call('han', 'settings.update', { exportDir: good });
    fs.rmSync(good, { recursive: true });
    const { settings } = await h.call<{ settings: Settings }>('han', 'settings.update', { exportDir: good, lockTimeoutMinutes: 9 });
    expect(settings).toMatchObject({ exportDir: good, lockTimeoutMinutes: 9 });
  });
});

describe('the export folder check with a failing file system', () => {
  // Root (as in CI containers) may write anywhere, so a permission failure is injected here.
  it('reports a folder the file system will not let Newsdesk write to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-settings-'));
    const db = openDatabase(path.join(dir, 'newsdesk.db'), { check: 'auto' });
    try {
      const store = new SettingsStore(db);
      const services = { db, dataDir: dir, now: () => new Date(), emit: () => undefined, settings: () => store.get() } as unknown as CoreServices;
      const denied: PackageFs = {
        ...nodeFs,
        access: () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      };
      const update = settingsModule(services, store, denied).handlers['settings.update']!;
      const admin: Staff = { id: 1, name: 'Admin', email: 'a@example.com', roles: ['admin'], desks: [], active: true };
      const target = fs.mkdtempSync(path.join(dir, 'export-'));
      await expect(update({ exportDir: target }, { token: null, staff: admin })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: `The export folder ${target} is not writable (permission denied).`,
      });
      expect(store.get().exportDir).toBe('');
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
