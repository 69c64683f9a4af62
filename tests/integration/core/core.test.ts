// The core as the transports see it: demo seeding (idempotent), sessions, events, backup.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, Staff } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { createCore } from '../../../core/core.js';
import { callCore, signIn } from '../../support/callCore.js';
import { openDatabase } from '../../../db/sqlite/connection.js';
import { listStaff } from '../../../db/staff.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-corebasics-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('createCore', () => {
  it('seeds the demo newsroom once, however often it starts', async () => {
    const dir = tempDir();
    for (let i = 0; i < 3; i++) {
      const core = await createCore({ dataDir: dir, demo: true });
      const { staff, desks } = await callCore(core, await signIn(core, 'Han Seung-woo'), 'staff.list', {});
      expect(desks).toEqual(['Business', 'National', 'North Korea', 'Photo']);
      expect(staff).toHaveLength(6);
      const ji = staff.find((s) => s.name === 'Ji Da-gyum');
      expect(ji).toMatchObject({ email: 'dagyumji@heraldcorp.com', roles: ['reporter'], desks: ['North Korea'] });
      expect(staff.filter((s) => s.roles.includes('desk_editor'))).toHaveLength(2);
      expect(staff.some((s) => s.roles.includes('photo_editor'))).toBe(true);
      expect(staff.some((s) => s.roles.includes('admin'))).toBe(true);
      await core.close();
    }
  });

  it('without demo, starts with one administrator who sets a password with a setup code and adds staff', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    expect(await callCore(core, null, 'session.access', {})).toEqual({ demo: false, demoPassword: null, demoAccounts: [], needsFirstAdmin: true });
    const setup = await core.firstAdminSetup();
    expect(setup?.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const { token, staff: admin } = await callCore(core, null, 'session.setUp', { code: setup!.code, password: 'a long first password' });
    expect(admin).toMatchObject({ name: 'Newsroom administrator', roles: ['admin'], passwordSet: true });
    const { staff, desks } = await callCore(core, token, 'staff.list', {});
    expect(desks).toEqual([]);
    expect(staff).toHaveLength(1);
    await callCore(core, token, 'staff.create', { name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com', roles: ['reporter'] });
    await core.close();
    // Reopening does not add a second administrator, and the first one needs no code any more.
    const again = await createCore({ dataDir: dir });
    expect(await again.firstAdminSetup()).toBeNull();
    const { token: back } = await callCore(again, null, 'session.signIn', { email: 'admin@newsdesk.invalid', password: 'a long first password' });
    expect((await callCore(again, back, 'staff.list', {})).staff).toHaveLength(2);
    await again.close();
  });

  it('signs in and out, pushes events to listeners until they unsubscribe, backs up online', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, demo: true });
    expect((await callCore(core, null, 'session.current', {})).staff).toBeNull();
    const token = await signIn(core, 'Ji Da-gyum');
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(((await callCore(core, token, 'session.current', {})) as { staff: Staff }).staff.name).toBe('Ji Da-gyum');
    // Nobody signs in by naming a staff id.
    await expect(core.call(null, 'session.signIn', { staffId: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });

    const seen: ChangeEvent[] = [];
    const off = core.onEvent((e) => seen.push(e));
    await callCore(core, token, 'stories.create', { desk: 'North Korea', headline: 'One' });
    expect(seen.map((e) => e.type)).toEqual(['story.changed', 'lock.changed']);
    off();
    await callCore(core, token, 'stories.create', { desk: 'North Korea', headline: 'Two' });
    expect(seen).toHaveLength(2);

    const backup = path.join(dir, 'backup.db');
    await core.backup(backup);
    const copy = openDatabase(backup);
    expect(await listStaff(sqliteStore(copy))).toHaveLength(6);
    copy.close();

    await callCore(core, token, 'session.signOut', {});
    const error = await callCore(core, token, 'stories.list', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    await core.close();
  });

  it('refuses to start on a damaged file and names it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'newsdesk.db'), 'not a database at all'.repeat(50));
    await expect(createCore({ dataDir: dir })).rejects.toThrow(path.join(dir, 'newsdesk.db'));
  });
});
