// Staff, their roles and desks, and the list of desks.

import type { Desk, Id, Role, Staff } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';
import { reindexStory } from './stories.js';

interface StaffRow {
  id: number;
  name: string;
  email: string;
  active: number;
  password_set: number;
  roles: string;
  desks: string;
}

const STAFF_SELECT = `
  SELECT s.id, s.name, s.email, s.active, s.password_hash IS NOT NULL AS password_set,
    (SELECT json_group_array(role) FROM (SELECT role FROM staff_roles r WHERE r.staff_id = s.id ORDER BY role)) AS roles,
    (SELECT json_group_array(name) FROM (SELECT d.name FROM staff_desks sd JOIN desks d ON d.id = sd.desk_id
                                         WHERE sd.staff_id = s.id ORDER BY d.name)) AS desks
  FROM staff s`;

function toStaff(row: StaffRow): Staff {
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

export function listStaff(db: Db): Staff[] {
  return (stmt(db, `${STAFF_SELECT} ORDER BY s.name, s.id`).all() as StaffRow[]).map(toStaff);
}

export function getStaff(db: Db, id: Id): Staff | null {
  const row = stmt(db, `${STAFF_SELECT} WHERE s.id = ?`).get(id) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

export function findStaffByEmail(db: Db, email: string): Staff | null {
  const row = stmt(db, `${STAFF_SELECT} WHERE s.email = ?`).get(email) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

/** The ids among `ids` that name no active staff member. */
export function unknownStaffIds(db: Db, ids: Id[]): Id[] {
  const found = stmt(db, `SELECT id FROM staff WHERE active = 1 AND id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as number[];
  return ids.filter((id) => !found.includes(id));
}

export function insertStaff(db: Db, s: { name: string; email: string; roles: Role[]; desks: string[] }): Id {
  const id = Number(stmt(db, `INSERT INTO staff (name, email, active) VALUES (?, ?, 1)`).run(s.name, s.email).lastInsertRowid);
  setStaffRoles(db, id, s.roles);
  setStaffDesks(db, id, s.desks);
  return id;
}

export function updateStaffRecord(db: Db, id: Id, s: { name: string; email: string; active: boolean }): void {
  stmt(db, `UPDATE staff SET name = ?, email = ?, active = ? WHERE id = ?`).run(s.name, s.email, s.active ? 1 : 0, id);
}

/** The stories with this staff member on the byline. */
export function storyIdsWithByline(db: Db, staffId: Id): Id[] {
  return stmt(db, `SELECT DISTINCT story_id FROM story_byline WHERE staff_id = ? ORDER BY story_id`).pluck().all(staffId) as Id[];
}

/**
 * Brings the search index (byline_text) of every story this person is on the byline of up to
 * date with their name and email. Call inside the transaction that renamed them.
 */
export function reindexBylinesOf(db: Db, staffId: Id): number {
  const ids = storyIdsWithByline(db, staffId);
  for (const id of ids) reindexStory(db, id);
  return ids.length;
}

export function setStaffRoles(db: Db, id: Id, roles: Role[]): void {
  stmt(db, `DELETE FROM staff_roles WHERE staff_id = ?`).run(id);
  for (const role of new Set(roles)) stmt(db, `INSERT INTO staff_roles (staff_id, role) VALUES (?, ?)`).run(id, role);
}

export function setStaffDesks(db: Db, id: Id, desks: string[]): void {
  stmt(db, `DELETE FROM staff_desks WHERE staff_id = ?`).run(id);
  for (const desk of new Set(desks)) {
    stmt(db, `INSERT INTO staff_desks (staff_id, desk_id) SELECT ?, id FROM desks WHERE name = ?`).run(id, desk);
  }
}

/** The stored password hash (core/staff/passwords.ts), null while the person has none. Never leaves the core. */
export function getPasswordHash(db: Db, id: Id): string | null {
  return (stmt(db, `SELECT password_hash FROM staff WHERE id = ?`).pluck().get(id) as string | null | undefined) ?? null;
}

export function setPasswordHash(db: Db, id: Id, hash: string | null): void {
  stmt(db, `UPDATE staff SET password_hash = ? WHERE id = ?`).run(hash, id);
}

/** Active admins who have a password: none means the newsroom's first admin still has to set one. */
export function countActiveAdminsWithPassword(db: Db): number {
  return stmt(db, `SELECT count(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.active = 1 AND r.role = 'admin' AND s.password_hash IS NOT NULL`)
    .pluck()
    .get() as number;
}

/** The active admin with the lowest id: the one a newsroom without passwords sets up first. */
export function firstActiveAdmin(db: Db): Id | null {
  return (
    (stmt(db, `SELECT min(s.id) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.active = 1 AND r.role = 'admin'`).pluck().get() as number | null) ?? null
  );
}

export function countActiveWithRole(db: Db, role: Role): number {
  return stmt(db, `SELECT count(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.active = 1 AND r.role = ?`).pluck().get(role) as number;
}

export function listDesks(db: Db): Desk[] {
  return stmt(db, `SELECT id, name FROM desks ORDER BY name`).all() as Desk[];
}

export function deskExists(db: Db, name: string): boolean {
  return stmt(db, `SELECT 1 FROM desks WHERE name = ?`).get(name) !== undefined;
}

export function insertDesk(db: Db, name: string): Id {
  const existing = stmt(db, `SELECT id FROM desks WHERE name = ?`).pluck().get(name) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(stmt(db, `INSERT INTO desks (name) VALUES (?)`).run(name).lastInsertRowid);
}
