// The core as the transports see it: demo seeding (idempotent), sessions, events, backup.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, Staff } from '../../../shared/domain.js';
import { ApiError } from '../../../shared/errors.js';
import { createCore } from '../../../core/core.js';
import { callCore } from '../../support/callCore.js';
import { openDatabase } from '../../../db/connection.js';
import { listStaff } from '../../../db/staff.js';

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
      const { staff, desks } = await callCore(core, null, 'staff.list', {});
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

  it('without demo, starts with one administrator who can sign in and add staff', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    const { staff, desks } = await callCore(core, null, 'staff.list', {});
    expect(desks).toEqual([]);
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ roles: ['admin'] });
    const { token } = await callCore(core, null, 'session.signIn', { staffId: staff[0]!.id });
    await callCore(core, token, 'staff.create', { name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com', roles: ['reporter'] });
    await core.close();
    // Reopening does not add a second administrator.
    const again = await createCore({ dataDir: dir });
    expect((await callCore(again, null, 'staff.list', {})).staff).toHaveLength(2);
    await again.close();
  });

  it('signs in and out, pushes events to listeners until they unsubscribe, backs up online', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, demo: true });
    const { staff } = await callCore(core, null, 'staff.list', {});
    const ji = staff.find((s) => s.name === 'Ji Da-gyum')!;
    expect((await callCore(core, null, 'session.current', {})).staff).toBeNull();
    const { token } = await callCore(core, null, 'session.signIn', { staffId: ji.id });
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(((await callCore(core, token, 'session.current', {})) as { staff: Staff }).staff.id).toBe(ji.id);
    await expect(callCore(core, null, 'session.signIn', { staffId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

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
    expect(listStaff(copy)).toHaveLength(6);
    copy.close();

    await callCore(core, token, 'session.signOut', {});
    const error = await callCore(core, token, 'stories.list', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('FORBIDDEN');
    await core.close();
  });

  it('refuses to start on a damaged file and names it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'newsdesk.db'), 'not a database at all'.repeat(50));
    await expect(createCore({ dataDir: dir })).rejects.toThrow(path.join(dir, 'newsdesk.db'));
  });
});
