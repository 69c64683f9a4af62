// Staff, their roles and desks, and the list of desks.

import type { Desk, Id, Role, Staff } from '../shared/domain.js';
import { jsonArrayAgg, jsonList, type Db } from './sql.js';
import { reindexStory } from './stories.js';

export interface StaffRow {
  id: number;
  name: string;
  email: string;
  active: number;
  password_set: number;
  roles: string;
  desks: string;
}

/** The staff columns toStaff reads, of `staff s`. */
export const staffColumns = (db: Db) => `
  s.id, s.name, s.email, s.active, s.password_hash IS NOT NULL AS password_set,
    (SELECT ${jsonArrayAgg(db, 'r.role', 'r.role')} FROM staff_roles r WHERE r.staff_id = s.id) AS roles,
    (SELECT ${jsonArrayAgg(db, 'd.name', 'd.name')} FROM staff_desks sd JOIN desks d ON d.id = sd.desk_id WHERE sd.staff_id = s.id) AS desks`;

const staffSelect = (db: Db) => `SELECT ${staffColumns(db)} FROM staff s`;

export function toStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    active: row.active === 1,
    roles: JSON.parse(row.roles) as Role[],
    desks: JSON.parse(row.desks) as string[],
    passwordSet: row.password_set === 1,
  };
}

export async function listStaff(db: Db): Promise<Staff[]> {
  return ((await db.all(`${staffSelect(db)} ORDER BY s.name, s.id`)) as StaffRow[]).map(toStaff);
}

export async function getStaff(db: Db, id: Id): Promise<Staff | null> {
  const row = (await db.get(`${staffSelect(db)} WHERE s.id = ?`, id)) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

/** Whatever the address's case (ASCII letters, as SQLite's NOCASE column and PostgreSQL's unique index on lower(email)). */
export async function findStaffByEmail(db: Db, email: string): Promise<Staff | null> {
  const row = (await db.get(`${staffSelect(db)} WHERE lower(s.email) = lower(?)`, email)) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

/** The ids among `ids` that name no active staff member. */
export async function unknownStaffIds(db: Db, ids: Id[]): Promise<Id[]> {
  const found = (await db.column(`SELECT id FROM staff WHERE active = 1 AND id IN ${jsonList(db, 'bigint')}`, JSON.stringify(ids))) as number[];
  return ids.filter((id) => !found.includes(id));
}

export async function insertStaff(db: Db, s: { name: string; email: string; roles: Role[]; desks: string[] }): Promise<Id> {
  const id = Number(await db.value(`INSERT INTO staff (name, email, active) VALUES (?, ?, 1) RETURNING id`, s.name, s.email));
  await setStaffRoles(db, id, s.roles);
  await setStaffDesks(db, id, s.desks);
  return id;
}

export async function updateStaffRecord(db: Db, id: Id, s: { name: string; email: string; active: boolean }): Promise<void> {
  await db.run(`UPDATE staff SET name = ?, email = ?, active = ? WHERE id = ?`, s.name, s.email, s.active ? 1 : 0, id);
}

/** The stories with this staff member on the byline. */
export async function storyIdsWithByline(db: Db, staffId: Id): Promise<Id[]> {
  return (await db.column(`SELECT DISTINCT story_id FROM story_byline WHERE staff_id = ? ORDER BY story_id`, staffId)) as Id[];
}

/**
 * Brings the search index (byline_text) of every story this person is on the byline of up to
 * date with their name and email. Call inside the transaction that renamed them.
 */
export async function reindexBylinesOf(db: Db, staffId: Id): Promise<number> {
  const ids = await storyIdsWithByline(db, staffId);
  for (const id of ids) await reindexStory(db, id);
  return ids.length;
}

export async function setStaffRoles(db: Db, id: Id, roles: Role[]): Promise<void> {
  await db.run(`DELETE FROM staff_roles WHERE staff_id = ?`, id);
  for (const role of new Set(roles)) await db.run(`INSERT INTO staff_roles (staff_id, role) VALUES (?, ?)`, id, role);
}

export async function setStaffDesks(db: Db, id: Id, desks: string[]): Promise<void> {
  await db.run(`DELETE FROM staff_desks WHERE staff_id = ?`, id);
  for (const desk of new Set(desks)) {
    await db.run(`INSERT INTO staff_desks (staff_id, desk_id) SELECT ?, id FROM desks WHERE name = ?`, id, desk);
  }
}

/** The stored password hash (core/staff/passwords.ts), null while the person has none. Never leaves the core. */
export async function getPasswordHash(db: Db, id: Id): Promise<string | null> {
  return ((await db.value(`SELECT password_hash FROM staff WHERE id = ?`, id)) as string | null | undefined) ?? null;
}

export async function setPasswordHash(db: Db, id: Id, hash: string | null): Promise<void> {
  await db.run(`UPDATE staff SET password_hash = ? WHERE id = ?`, hash, id);
}

/** Active admins who have a password: none means the newsroom's first admin still has to set one. */
export async function countActiveAdminsWithPassword(db: Db): Promise<number> {
  return (await db.value(
    `SELECT count(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.active = 1 AND r.role = 'admin' AND s.password_hash IS NOT NULL`,
  )) as number;
}

/** The active admin with the lowest id: the one a newsroom without passwords sets up first. */
export async function firstActiveAdmin(db: Db): Promise<Id | null> {
  return ((await db.value(`SELECT min(s.id) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.active = 1 AND r.role = 'admin'`)) as number | null) ?? null;
}

export async function countActiveWithRole(db: Db, role: Role): Promise<number> {
  return (await db.value(`SELECT count(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.active = 1 AND r.role = ?`, role)) as number;
}

export async function listDesks(db: Db): Promise<Desk[]> {
  return (await db.all(`SELECT id, name FROM desks ORDER BY name`)) as Desk[];
}

export async function deskExists(db: Db, name: string): Promise<boolean> {
  return (await db.get(`SELECT 1 FROM desks WHERE name = ?`, name)) !== undefined;
}

export async function insertDesk(db: Db, name: string): Promise<Id> {
  const existing = (await db.value(`SELECT id FROM desks WHERE name = ?`, name)) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(await db.value(`INSERT INTO desks (name) VALUES (?) RETURNING id`, name));
}
